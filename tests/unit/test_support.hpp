#pragma once
// Helpers shared by the unit tests: sheets from inline CSV, diagnostics as printed lines.
#include <catch2/catch.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "ntreport/diag/diagnostic.hpp"
#include "ntreport/pipeline.hpp"
#include "ntreport/read/csv.hpp"
#include "ntreport/read/sheet.hpp"
#include "ntreport/registry/registry.hpp"

namespace ntr_test {

using Lines = std::vector<std::string>;

/// Every diagnostic as format_diagnostic prints it, in the order found.
inline Lines messages(const ntr::Diagnostics& diags) {
  Lines out;
  for (const auto& d : diags.all()) out.push_back(ntr::format_diagnostic(d));
  return out;
}

/// The one sheet of a CSV text, which must read without a problem.
inline ntr::OwnedSheet csv_sheet(std::string_view text, const std::string& display) {
  ntr::SheetCollector collector;
  ntr::Diagnostics diags;
  ntr::read_csv_text(text, display, collector, diags);
  REQUIRE(messages(diags).empty());
  REQUIRE(collector.sheets.size() == 1);
  return std::move(collector.sheets.front());
}

/// A registry with the default levels from an inline registry CSV, which must load cleanly.
inline ntr::Registry registry_of(std::string_view csv) {
  ntr::Diagnostics diags;
  ntr::Registry r = ntr::Registry::build(csv_sheet(csv, "r.csv"), ntr::default_levels(), diags);
  REQUIRE(messages(diags).empty());
  return r;
}

/// The one sheet of a CSV file of the source tree, which must read without a problem.
inline ntr::OwnedSheet csv_file_sheet(const std::string& relative) {
  ntr::SheetCollector collector;
  ntr::Diagnostics diags;
  ntr::read_csv(std::string(NTR_SOURCE_DIR) + "/" + relative, relative, collector, diags);
  REQUIRE(messages(diags).empty());
  REQUIRE(collector.sheets.size() == 1);
  return std::move(collector.sheets.front());
}

}  // namespace ntr_test
