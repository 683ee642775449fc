#pragma once
// Helpers of the audit tests: a small registry, and an audit of a CSV text or of a fixture
// with some cells changed, returning the finding lines and the diagnostics as printed.
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "ntreport/audit/audit.hpp"
#include "ntreport/pipeline.hpp"
#include "ntreport/read/csv.hpp"
#include "ntreport/read/header.hpp"
#include "ntreport/registry/registry.hpp"
#include "test_support.hpp"

namespace ntr_test {

/// Units with sub-units two deep, two districts and their communes.
inline const ntr::Registry& audit_registry() {
  static const ntr::Registry r = [] {
    ntr::Diagnostics diags;
    auto reg = ntr::Registry::build(csv_sheet("code,name,level,parent,area,kind,aliases\n"
                                              "a,Sở A,tinh,,,so,\n"
                                              "b,Sở B,tinh,,,so,\n"
                                              "b.vp,Văn phòng Sở B,tinh,b,,van-phong,\n"
                                              "b.cn,Chi nhánh Sở B,tinh,b,,nhom,\n"
                                              "b.cn.1,Chi nhánh Một,tinh,b.cn,,chi-nhanh,\n"
                                              "b.cn.2,Chi nhánh Hai,tinh,b.cn,,chi-nhanh,\n"
                                              "h1,UBND huyện Một,huyen,,,huyen,Huyện Một\n"
                                              "h2,UBND huyện Hai,huyen,,,huyen,Huyện Hai\n"
                                              "h1.x1,Xã Một,xa,,h1,xa,\n"
                                              "h1.x2,Phường Phủ Hà,xa,,h1,phuong,\n"
                                              "h2.x3,Xã Ba,xa,,h2,xa,\n",
                                              "r.csv"),
                                    ntr::default_levels(), diags);
    REQUIRE(messages(diags).empty());
    return reg;
  }();
  return r;
}

struct AuditRun {
  Lines lines;     ///< the findings, as format_finding prints them
  Lines problems;  ///< the diagnostics, sorted, as printed
  ntr::AuditReport report;
};

/// Replays a sheet into the header detector and an auditor.
inline AuditRun audit_sheet(const ntr::OwnedSheet& sheet, const ntr::Registry& registry) {
  ntr::Diagnostics diags;
  ntr::Auditor auditor(registry, diags);
  ntr::HeaderDetector detector(auditor, diags);
  detector.begin_sheet(sheet.info);
  for (const auto& row : sheet.rows) {
    std::vector<ntr::CellView> cells;
    for (const auto& c : row.cells) cells.push_back(ntr::CellView{c.col, c.type, c.text});
    detector.row(row.row, cells);
  }
  detector.end_sheet(sheet.merges);
  AuditRun run{{}, {}, auditor.finish()};
  for (const auto& f : run.report.findings) run.lines.push_back(ntr::format_finding(f));
  for (const auto& d : diags.sorted()) run.problems.push_back(ntr::format_diagnostic(d));
  return run;
}

/// Audits a CSV text named t.csv against the small registry.
inline AuditRun audit_csv(std::string_view text) {
  ntr::SheetCollector collector;
  ntr::Diagnostics diags;
  ntr::read_csv_text(text, "t.csv", collector, diags);
  REQUIRE(messages(diags).empty());
  return audit_sheet(collector.sheets.at(0), audit_registry());
}

/// The sheet with some cells ("I107" → text) replaced or added.
inline ntr::OwnedSheet with_cells(ntr::OwnedSheet sheet,
                                  const std::map<std::string, std::string>& edits) {
  for (const auto& [cell, text] : edits) {
    std::uint32_t col = 0;
    std::size_t i = 0;
    for (; i < cell.size() && cell[i] >= 'A' && cell[i] <= 'Z'; ++i) {
      col = col * 26 + static_cast<std::uint32_t>(cell[i] - 'A' + 1);
    }
    const auto row = static_cast<std::uint32_t>(std::stoul(cell.substr(i)));
    bool done = false;
    for (auto& r : sheet.rows) {
      if (r.row != row) continue;
      for (auto& c : r.cells) {
        if (c.col != col) continue;
        REQUIRE(c.text != text);  // an edit changes something
        c.text = text;
        done = true;
      }
    }
    REQUIRE(done);
  }
  return sheet;
}

}  // namespace ntr_test
