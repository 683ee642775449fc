// Only regular files are read, and a CSV file stays within its budget.
#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <filesystem>

#include "../support/scratch_dir.hpp"
#include "ntreport/read/csv.hpp"
#include "ntreport/read/file.hpp"
#include "ntreport/read/input.hpp"
#include "test_support.hpp"

using ntr::test::ScratchDir;
using ntr_test::Lines;
using ntr_test::messages;

namespace {
constexpr const char* kNotRegularHint = "(ntreport reads regular files only)";
}  // namespace

TEST_CASE("A FIFO named as an input is refused by name, never opened") {
  ScratchDir dir;
  const std::string fifo = dir.str("pipe.csv");
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  ntr::Diagnostics diags;
  // Opening the FIFO for reading would wait for a writer for ever: the test would hang.
  CHECK(ntr::list_inputs({fifo}, diags).empty());
  ntr::SheetCollector sheets;
  CHECK_FALSE(ntr::read_input(fifo, ntr::ReadLimits{}, sheets, diags));
  CHECK_FALSE(ntr::read_text_file(fifo, diags).has_value());
  const std::string line =
      fifo + ": error[io-error]: cannot read it: it is a named pipe (FIFO), not a regular file " +
      kNotRegularHint;
  CHECK(messages(diags) == Lines{line, line, line});
}

TEST_CASE("In a folder, input names that are no regular files are refused, not skipped") {
  ScratchDir dir;
  std::filesystem::create_symlink("/dev/zero", dir.path() / "zero.csv");
  std::filesystem::create_symlink(dir.path() / "nowhere.xlsx", dir.path() / "gone.xlsx");
  ntr::test::write_file(dir.path() / "a.csv", "x\n");
  ntr::Diagnostics diags;
  CHECK(ntr::list_inputs({dir.str()}, diags) == std::vector<std::string>{dir.str("a.csv")});
  CHECK(messages(diags) ==
        Lines{dir.str("zero.csv") +
                  ": error[io-error]: cannot read it: it is a character device, not a regular "
                  "file " +
                  kNotRegularHint,
              dir.str("gone.xlsx") +
                  ": error[io-error]: cannot read it: it is a link to a file that does not "
                  "exist " +
                  kNotRegularHint});
}

TEST_CASE("A file read whole is refused past its limit, before it is read") {
  ScratchDir dir;
  ntr::test::write_file(dir.path() / "big.csv", std::string(11, 'x'));
  ntr::Diagnostics diags;
  std::string text;
  CHECK_FALSE(ntr::read_regular_file(dir.str("big.csv"), "big.csv", 10, text, diags));
  CHECK(text.empty());
  CHECK(messages(diags) ==
        Lines{"big.csv: error[input-too-large]: the file holds more than 10 bytes, the limit "
              "for a file read whole (" +
              std::string(ntr::kSizeHint) + ")"});
  CHECK(ntr::read_regular_file(dir.str("big.csv"), "big.csv", 11, text, diags));
  CHECK(text == std::string(11, 'x'));
}

TEST_CASE("A CSV file within the limits of rows, cells, cells of a row and text of a row") {
  ntr::ReadLimits limits;
  limits.max_rows = 3;
  limits.max_cells = 5;
  limits.max_row_cells = 3;
  limits.max_text_bytes = 8;
  const std::string hint = " (" + std::string(ntr::kSizeHint) + ")";
  auto read = [&](std::string_view text) {
    ntr::SheetCollector sheets;
    ntr::Diagnostics diags;
    ntr::read_csv_text(text, "x.csv", sheets, diags, limits);
    std::size_t rows = sheets.sheets.empty() ? 0 : sheets.sheets[0].rows.size();
    return std::pair{rows, messages(diags)};
  };
  CHECK(read("a,b,c\n\n,d\n") == std::pair{std::size_t{2}, Lines{}});
  CHECK(read("a\nb\nc\nd\n") ==
        std::pair{std::size_t{3},
                  Lines{"x.csv:A4: error[input-too-large]: the file has more than 3 rows, the "
                        "limit for one input" +
                        hint}});
  CHECK(read("a,b\n,,,\n") ==
        std::pair{std::size_t{1},
                  Lines{"x.csv:D2: error[input-too-large]: row 2 has more than 3 cells "
                        "(columns A to C), the limit for one row" +
                        hint}});
  CHECK(read("a,b,c\nd,e,f\n") ==
        std::pair{std::size_t{1},
                  Lines{"x.csv:A2: error[input-too-large]: the file has more than 5 cells "
                        "holding a value, the limit for one input" +
                        hint}});
  CHECK(read("abcd,efghi\n") ==
        std::pair{std::size_t{0},
                  Lines{"x.csv:A1: error[text-too-large]: row 1 holds more than 8 bytes of "
                        "text, the limit for one row" +
                        hint}});
}

TEST_CASE("An .xls workbook's cells count against the budget of an input") {
  ntr::ReadLimits limits;
  limits.max_cells = 50;
  ntr::SheetCollector sheets;
  ntr::Diagnostics diags;
  const std::string path = NTR_TEST_DATA "/fixtures/xls/ho-so-2024.xls";
  CHECK_FALSE(ntr::read_input(path, limits, sheets, diags));
  REQUIRE(diags.error_count() == 1);
  CHECK(diags.all()[0].code == ntr::Code("input-too-large"));
  CHECK_THAT(diags.all()[0].message,
             Catch::StartsWith("the workbook has more than 50 cells holding a value in all"));
  ntr::Diagnostics whole;
  ntr::SheetCollector all;
  CHECK(ntr::read_input(path, ntr::ReadLimits{}, all, whole));
  CHECK(whole.error_count() == 0);
}
