#pragma once
// The parts of one workbook as the reader sees them: a zip archive whose parts are parsed as
// XML within the size limit, with every problem reported as a diagnostic that names the part.
#include <cstdint>
#include <string>
#include <string_view>

#include "ntreport/diag/diagnostic.hpp"
#include "ntreport/read/file.hpp"
#include "ntreport/read/sheet.hpp"
#include "xlsx_xml.hpp"
#include "xlsx_zip.hpp"

namespace ntr::xlsx {

/// An open workbook archive and where its problems go.
class PartSource {
 public:
  PartSource(const ZipArchive& zip, XmlStream& xml, const std::string& display,
             const ReadLimits& limits, Diagnostics& diags)
      : zip_(zip), xml_(xml), display_(display), limits_(limits), diags_(diags) {}

  /// The location naming the whole file.
  [[nodiscard]] SourceLoc file_loc() const { return SourceLoc{display_, {}, 0, 0, 0, false}; }
  [[nodiscard]] const std::string& display() const { return display_; }
  [[nodiscard]] const ReadLimits& limits() const { return limits_; }
  [[nodiscard]] bool has_part(const std::string& name) const { return zip_.locate(name) >= 0; }

  /// Streams the part `name` through `handler`. Any problem (missing part, too large, corrupt
  /// data, bad XML) is reported at `loc` and makes this return false.
  bool parse(const std::string& name, const SourceLoc& loc, XmlHandler& handler);

  /// Reports an error at `loc`.
  void error(std::string_view code, const SourceLoc& loc, std::string message,
             std::string hint = {});
  /// Reports a malformed-xml error at the handler's current position in part `name`.
  void xml_error(const std::string& name, const XmlHandler& at, const SourceLoc& loc,
                 std::string_view what);

 private:
  bool report_part(const ZipPart& part, const std::string& name, const SourceLoc& loc);

  const ZipArchive& zip_;
  XmlStream& xml_;
  const std::string& display_;
  const ReadLimits& limits_;
  Diagnostics& diags_;
};

}  // namespace ntr::xlsx
