// Diagnostics: places as a spreadsheet shows them, sorting, exit codes from the catalogue.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "ntreport/diag/codes.hpp"
#include "ntreport/diag/diagnostic.hpp"

using namespace ntr;

TEST_CASE("Places print as the user sees them") {
  CHECK(format_loc(SourceLoc{"a.xlsx", "Số liệu", 0, 7, 5, true}) == "a.xlsx:'Số liệu'!E7");
  CHECK(format_loc(SourceLoc{"a.xlsx", "It's", 1, 0, 0, true}) == "a.xlsx:'It''s'");
  CHECK(format_loc(SourceLoc{"a.csv", "", 0, 3, 28, false}) == "a.csv:AB3");
  CHECK(format_loc(SourceLoc{"a.csv", "", 0, 3, 0, false}) == "a.csv:A3");
  CHECK(format_loc(SourceLoc{"a.csv", "", 0, 0, 0, false}) == "a.csv");
  CHECK(format_loc(line_loc("ntreport.toml", 12)) == "ntreport.toml:12");
  CHECK(format_loc(line_loc("ntreport.toml", 0)) == "ntreport.toml");
}

TEST_CASE("A diagnostic is one line with its code, and its hint in parentheses") {
  Diagnostic d{Severity::warning,
               "subtotal-mismatch",
               SourceLoc{"t.csv", "", 0, 4, 4, false},
               "\"VB đi\" of \"Tổng cộng\" is 16, but the rows it covers sum to 15",
               "",
               0};
  CHECK(format_diagnostic(d) ==
        "t.csv:D4: warning[subtotal-mismatch]: \"VB đi\" of \"Tổng cộng\" is 16, but the rows it "
        "covers sum to 15");
  d.severity = Severity::error;
  d.hint = "check the total row";
  CHECK(format_diagnostic(d) ==
        "t.csv:D4: error[subtotal-mismatch]: \"VB đi\" of \"Tổng cộng\" is 16, but the rows it "
        "covers sum to 15 (check the total row)");
}

TEST_CASE("Diagnostics sort by file, sheet, row, column, then the order found") {
  Diagnostics diags;
  diags.error("not-a-count", SourceLoc{"b.xlsx", "S2", 1, 1, 1, true}, "4");
  diags.error("not-a-count", SourceLoc{"b.xlsx", "S1", 0, 9, 1, true}, "3");
  diags.error("not-a-count", SourceLoc{"a.csv", "", 0, 2, 3, false}, "2");
  diags.warning("subtotal-mismatch", SourceLoc{"a.csv", "", 0, 2, 1, false}, "1");
  diags.error("unknown-unit", SourceLoc{"a.csv", "", 0, 2, 3, false}, "2b");
  std::vector<std::string> order;
  for (const auto& d : diags.sorted()) order.push_back(d.message);
  CHECK(order == std::vector<std::string>{"1", "2", "2b", "3", "4"});
  CHECK(diags.error_count() == 4);
  CHECK(diags.warning_count() == 1);
}

TEST_CASE("The exit code is the most fundamental failure's") {
  const SourceLoc here{"x.csv", "", 0, 0, 0, false};
  Diagnostics diags;
  CHECK(diags.exit_code() == ExitCode::ok);
  diags.warning("subtotal-mismatch", here, "w");
  CHECK(diags.exit_code() == ExitCode::ok);  // warnings alone never fail (--strict aside)
  diags.error("not-a-count", here, "d");
  CHECK(diags.exit_code() == ExitCode::data);
  diags.error("registry-cycle", here, "u");
  CHECK(diags.exit_code() == ExitCode::usage);
  diags.error("not-a-count", here, "d");
  CHECK(diags.exit_code() == ExitCode::usage);
  diags.error("io-error", here, "i");
  CHECK(diags.exit_code() == ExitCode::io);
  // A code outside the catalogue does not compile (the diag_code_compiles test); "internal"
  // is the one that exits 4.
  diags.error("internal", here, "a bug");
  CHECK(diags.exit_code() == ExitCode::internal);
}

TEST_CASE("The catalogue is sorted, and every code is kebab-case") {
  const auto codes = code_catalogue();
  REQUIRE(codes.size() > 30);
  for (std::size_t i = 0; i < codes.size(); ++i) {
    if (i > 0) CHECK(codes[i - 1].code < codes[i].code);
    CHECK(&code_info(codes[i].code) == &codes[i]);
    CHECK(codes[i].code.find_first_not_of("abcdefghijklmnopqrstuvwxyz-") == std::string::npos);
  }
  CHECK(code_info("nothing-like-it").exit == ExitCode::internal);
}

TEST_CASE("Past a thousand per file, diagnostics are counted but not kept") {
  Diagnostics diags;
  for (std::uint32_t row = 1; row <= 1500; ++row) {
    diags.error("not-a-count", SourceLoc{"big.csv", "", 0, row, 2, false}, "bad");
  }
  diags.warning("subtotal-mismatch", SourceLoc{"big.csv", "", 0, 2000, 2, false}, "w");
  diags.error("io-error", SourceLoc{"big.csv", "", 0, 0, 0, false}, "cannot read");
  diags.error("not-a-count", SourceLoc{"small.csv", "", 0, 1, 2, false}, "bad");
  CHECK(diags.all().size() == Diagnostics::kKeptPerFile + 1);
  CHECK(diags.error_count() == 1502);
  CHECK(diags.warning_count() == 1);
  CHECK(diags.exit_code() == ExitCode::io);  // decided by every error, kept or not
  const auto sorted = diags.sorted();
  CHECK(sorted.front().loc.row == 1);
  CHECK(sorted[999].loc.row == 1000);
  CHECK(sorted.back().loc.file == "small.csv");
}
