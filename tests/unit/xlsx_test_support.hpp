#pragma once
// Helpers for the XLSX reader tests: a visitor that logs every call as text, and a builder of
// small workbooks in memory for hand-written parts.
#include <fmt/format.h>
#include <zip.h>

#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "ntreport/diag/diagnostic.hpp"
#include "ntreport/read/sheet.hpp"
#include "ntreport/read/xlsx.hpp"

namespace xlsx_test {

inline const char* type_name(ntr::CellType t) {
  switch (t) {
    case ntr::CellType::empty:
      return "empty";
    case ntr::CellType::text:
      return "text";
    case ntr::CellType::number:
      return "number";
    case ntr::CellType::boolean:
      return "boolean";
    case ntr::CellType::error:
      return "error";
    case ntr::CellType::date:
      return "date";
  }
  return "?";
}

/// Logs the visitor calls, one line each: `begin`, `row`, one line per cell, `end` + merges.
class Recorder final : public ntr::SheetVisitor {
 public:
  void begin_sheet(const ntr::SheetInfo& s) override {
    log += fmt::format("begin {} '{}' {}{}{}\n", s.index, s.name, s.file,
                       s.is_workbook ? "" : " (not a workbook)", s.hidden ? " (hidden)" : "");
  }
  void row(std::uint32_t row, std::span<const ntr::CellView> cells) override {
    log += fmt::format("row {}\n", row);
    for (const auto& c : cells) {
      log += fmt::format("{} {} \"{}\"\n", ntr::cell_name(row, c.col), type_name(c.type), c.text);
    }
  }
  void end_sheet(std::span<const ntr::MergedRange> merges) override {
    log += "end";
    for (const auto& m : merges) {
      log += fmt::format(" {}:{}", ntr::cell_name(m.first_row, m.first_col),
                         ntr::cell_name(m.last_row, m.last_col));
    }
    log += '\n';
  }
  std::string log;
};

/// Every diagnostic, formatted, in the order found.
inline std::vector<std::string> lines(const ntr::Diagnostics& diags) {
  std::vector<std::string> out;
  for (const auto& d : diags.all()) out.push_back(ntr::format_diagnostic(d));
  return out;
}

inline std::string fixture(const std::string& name) {
  return std::string(NTR_TEST_DATA) + "/fixtures/xlsx/" + name;
}

using Parts = std::vector<std::pair<std::string, std::string>>;

/// A zip archive holding `parts`, built in memory with libzip; `store` leaves them
/// uncompressed, so that tests can find and alter their bytes.
inline std::string make_zip(const Parts& parts, bool store = false) {
  zip_error_t err;
  zip_error_init(&err);
  zip_source_t* src = zip_source_buffer_create(nullptr, 0, 0, &err);
  zip_t* z = zip_open_from_source(src, ZIP_TRUNCATE, &err);
  if (z == nullptr) throw std::runtime_error("cannot create a zip in memory");
  zip_source_keep(src);
  for (const auto& [name, data] : parts) {
    zip_source_t* s = zip_source_buffer(z, data.data(), data.size(), 0);
    const zip_int64_t index =
        s == nullptr ? -1 : zip_file_add(z, name.c_str(), s, ZIP_FL_ENC_UTF_8);
    if (index < 0 || (store && zip_set_file_compression(z, static_cast<zip_uint64_t>(index),
                                                        ZIP_CM_STORE, 0) != 0)) {
      throw std::runtime_error("cannot add " + name);
    }
  }
  if (zip_close(z) != 0) throw std::runtime_error("cannot write the zip");
  std::string out;
  zip_stat_t st;
  if (zip_source_stat(src, &st) == 0 && zip_source_open(src) == 0) {
    out.resize(st.size);
    zip_source_read(src, out.data(), out.size());
    zip_source_close(src);
  }
  zip_source_free(src);
  return out;
}

inline const char* const kDecl = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
inline const char* const kMain = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
inline const char* const kRel =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/// A `.rels` part with (id, type suffix, target) relationships.
inline std::string rels(const std::vector<std::vector<std::string>>& items) {
  std::string body;
  for (const auto& r : items) {
    body += fmt::format("<Relationship Id=\"{}\" Type=\"{}/{}\" Target=\"{}\"/>", r[0], kRel, r[1],
                        r[2]);
  }
  return fmt::format(
      "{}<Relationships "
      "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">{}</Relationships>",
      kDecl, body);
}

/// A worksheet part whose sheetData holds `rows`; the data sits on line 2 of the part.
inline std::string sheet_xml(const std::string& rows, const std::string& after = "") {
  return fmt::format("{}<worksheet xmlns=\"{}\"><sheetData>{}</sheetData>{}</worksheet>", kDecl,
                     kMain, rows, after);
}

/// The parts of a one-sheet workbook named "Sheet1", with shared strings when given.
inline Parts one_sheet(const std::string& sheet, const std::string& shared = "") {
  Parts parts{
      {"_rels/.rels", rels({{"rId1", "officeDocument", "xl/workbook.xml"}})},
      {"xl/workbook.xml",
       fmt::format("{}<workbook xmlns=\"{}\" xmlns:r=\"{}\"><sheets><sheet name=\"Sheet1\" "
                   "sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>",
                   kDecl, kMain, kRel)},
      {"xl/worksheets/sheet1.xml", sheet},
  };
  std::vector<std::vector<std::string>> wb_rels{{"rId1", "worksheet", "worksheets/sheet1.xml"}};
  if (!shared.empty()) {
    wb_rels.push_back({"rId2", "sharedStrings", "sharedStrings.xml"});
    parts.emplace_back("xl/sharedStrings.xml", shared);
  }
  parts.emplace_back("xl/_rels/workbook.xml.rels", rels(wb_rels));
  return parts;
}

/// Reads a workbook from memory as "book.xlsx"; returns the visitor log.
struct Result {
  bool ok = false;
  std::string log;
  std::vector<std::string> diags;
};
inline Result read_parts(const Parts& parts, ntr::ReadLimits limits = {}) {
  const std::string bytes = make_zip(parts);
  Recorder rec;
  ntr::Diagnostics diags;
  Result r;
  r.ok = ntr::read_xlsx_buffer(bytes, "book.xlsx", limits, rec, diags);
  r.log = rec.log;
  r.diags = lines(diags);
  return r;
}

}  // namespace xlsx_test
