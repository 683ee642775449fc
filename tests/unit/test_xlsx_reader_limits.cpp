// The XLSX reader's bounds on memory: text per row and per shared string, cells per row.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "ntreport/read/xlsx.hpp"
#include "xlsx_test_support.hpp"

using xlsx_test::kDecl;
using xlsx_test::kMain;
using xlsx_test::one_sheet;
using xlsx_test::read_parts;
using xlsx_test::sheet_xml;

namespace {

using Diags = std::vector<std::string>;

const char* const kHint =
    " (no real appendix comes near this size; the file may be corrupt or built to exhaust "
    "memory)";

ntr::ReadLimits text_limit(std::uint64_t bytes) {
  ntr::ReadLimits limits;
  limits.max_text_bytes = bytes;
  return limits;
}

std::string inline_cell(const std::string& ref, const std::string& text) {
  return fmt::format("<c r=\"{}\" t=\"inlineStr\"><is><t>{}</t></is></c>", ref, text);
}

}  // namespace

TEST_CASE("A row's text is bounded, whatever cells hold it") {
  SECTION("one long cell") {
    const std::string xml = sheet_xml(
        "<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>"
        "<row r=\"2\">" +
        inline_cell("B2", std::string(101, ' ')) + "</row>");
    const auto r = read_parts(one_sheet(xml), text_limit(100));
    CHECK(r.ok);  // the sheet began
    CHECK(r.log == "begin 0 'Sheet1' book.xlsx\nrow 1\nA1 number \"1\"\nend\n");
    CHECK(r.diags == Diags{std::string("book.xlsx:'Sheet1'!B2: error[text-too-large]: row 2 holds "
                                       "more than 100 bytes of text, the limit for one row") +
                           kHint});
  }
  SECTION("many cells, each short") {
    std::string row = "<row r=\"3\">";
    for (int col = 1; col <= 11; ++col) {
      row += inline_cell(ntr::cell_name(3, static_cast<std::uint32_t>(col)), "0123456789");
    }
    const auto r = read_parts(one_sheet(sheet_xml(row + "</row>")), text_limit(100));
    CHECK(r.diags == Diags{std::string("book.xlsx:'Sheet1'!K3: error[text-too-large]: row 3 holds "
                                       "more than 100 bytes of text, the limit for one row") +
                           kHint});
  }
  SECTION("one shared string repeated in every cell") {
    const std::string shared =
        fmt::format("{}<sst xmlns=\"{}\"><si><t>{}</t></si></sst>", kDecl, kMain, "0123456789");
    std::string row = "<row r=\"1\">";
    for (int col = 1; col <= 11; ++col) {
      row += fmt::format("<c r=\"{}\" t=\"s\"><v>0</v></c>",
                         ntr::cell_name(1, static_cast<std::uint32_t>(col)));
    }
    const auto r = read_parts(one_sheet(sheet_xml(row + "</row>"), shared), text_limit(100));
    CHECK(r.diags == Diags{std::string("book.xlsx:'Sheet1'!K1: error[text-too-large]: row 1 holds "
                                       "more than 100 bytes of text, the limit for one row") +
                           kHint});
  }
  SECTION("at the limit exactly, the row is read") {
    const std::string xml =
        sheet_xml("<row r=\"1\">" + inline_cell("A1", std::string(100, 'x')) +
                  "</row><row r=\"2\">" + inline_cell("A2", std::string(100, 'y')) + "</row>");
    const auto r = read_parts(one_sheet(xml), text_limit(100));
    CHECK(r.diags.empty());
    CHECK(r.log == fmt::format("begin 0 'Sheet1' book.xlsx\nrow 1\nA1 text \"{}\"\nrow 2\n"
                               "A2 text \"{}\"\nend\n",
                               std::string(100, 'x'), std::string(100, 'y')));
  }
}

TEST_CASE("The default text limit is 1 MiB, and a shared string past it is refused") {
  CHECK(ntr::ReadLimits{}.max_text_bytes == 1048576);
  const std::string shared = fmt::format(
      "{}<sst xmlns=\"{}\"><si><t>short</t></si><si><t>{}</t>"
      "</si></sst>",
      kDecl, kMain, std::string((1 << 20) + 1, ' '));
  const auto r =
      read_parts(one_sheet(sheet_xml("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>"), shared));
  CHECK_FALSE(r.ok);
  CHECK(r.log.empty());
  CHECK(r.diags == Diags{std::string("book.xlsx: error[text-too-large]: shared string 1 in part "
                                     "\"xl/sharedStrings.xml\" holds more than 1 MiB of text, the "
                                     "limit for one cell") +
                         kHint});
}

TEST_CASE("A row with more cells than a sheet has columns stops before they pile up") {
  std::string row = "<row r=\"1\">";
  for (int i = 0; i <= 16384; ++i) row += "<c r=\"A1\"><v>1</v></c>";
  const auto r = read_parts(one_sheet(sheet_xml(row + "</row>")));
  REQUIRE(r.diags.size() == 1);
  CHECK_THAT(r.diags[0], Catch::StartsWith("book.xlsx:'Sheet1'!A1: error[malformed-xml]: part "
                                           "\"xl/worksheets/sheet1.xml\", line 2, column "));
  CHECK_THAT(r.diags[0], Catch::EndsWith(": row 1 has more than 16384 cells (columns A to XFD)"));
}
