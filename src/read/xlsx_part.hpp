#pragma once
// The parts of one workbook as the reader sees them: a zip archive whose parts are parsed as
// XML within the size limit, with every problem reported as a diagnostic that names the part.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

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
  void error(Code code, const SourceLoc& loc, std::string message, std::string hint = {});
  /// Reports a malformed-xml error at the handler's current position in part `name`.
  void xml_error(const std::string& name, const XmlHandler& at, const SourceLoc& loc,
                 std::string_view what);

  /// Counts a row of the workbook against its budget; false (reported at `loc`) past it.
  bool count_row(const SourceLoc& loc);
  /// Counts a cell holding a value; false (reported at `loc`) past the budget.
  bool count_cell(const SourceLoc& loc);
  /// Checks, before any is inflated, that the parts to be read declare no more bytes in all
  /// than the workbook's budget has left; false (reported) when they do.
  bool check_declared(const std::vector<std::string>& parts);

  /// What the workbook has used of its budget: bytes inflated and XML elements.
  [[nodiscard]] std::uint64_t inflated() const { return inflated_; }
  [[nodiscard]] std::uint64_t elements() const { return elements_; }
  /// Charges parts that were not read again (their layout was remembered) to the budget.
  void charge(std::uint64_t inflated, std::uint64_t elements) {
    inflated_ += inflated;
    elements_ += elements;
  }

 private:
  bool report_part(const ZipPart& part, const std::string& name, const SourceLoc& loc);
  bool report_xml(XmlStatus status, const std::string& name, const SourceLoc& loc);
  void over_budget(const SourceLoc& loc, std::string what);

  const ZipArchive& zip_;
  XmlStream& xml_;
  const std::string& display_;
  const ReadLimits& limits_;
  Diagnostics& diags_;
  // What the workbook has used of its budget so far, over every part read.
  std::uint64_t inflated_ = 0;
  std::uint64_t elements_ = 0;
  std::uint64_t rows_ = 0;
  std::uint64_t cells_ = 0;
};

}  // namespace ntr::xlsx
