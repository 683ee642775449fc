// What Excel accepts, the reader accepts too: workbooks of tests/fixtures/xlsx/excel/, written
// by make_excel_cases.py, each with one thing Excel reads without complaint.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "ntreport/read/xlsx.hpp"
#include "xlsx_test_support.hpp"

namespace {

using Diags = std::vector<std::string>;

struct Read {
  bool ok = false;
  std::string log;
  Diags diags;
};

Read read_excel(const std::string& name) {
  xlsx_test::Recorder rec;
  ntr::Diagnostics diags;
  Read r;
  r.ok = ntr::read_xlsx(xlsx_test::fixture("excel/" + name), name, ntr::ReadLimits{}, rec, diags);
  r.log = rec.log;
  r.diags = xlsx_test::lines(diags);
  return r;
}

const std::string kHeader =
    "row 1\nA1 text \"Đơn vị\"\nB1 text \"VB đến\"\nC1 text \"VB đi\"\nD1 text \"VB đi ký số\"\n";
const std::string kUnitRow =
    "row 2\nA2 text \"Sở Y tế\"\nB2 number \"12\"\nC2 number \"10\"\nD2 number \"9\"\n";

}  // namespace

TEST_CASE("A sheet listed with r:id=\"\" (a macro sheet) is skipped with a note") {
  const Read r = read_excel("macro-sheet.xlsx");
  CHECK(r.ok);
  CHECK(r.log == "begin 1 'Số liệu' macro-sheet.xlsx\n" + kHeader + kUnitRow + "end\n");
  CHECK(r.diags == Diags{"macro-sheet.xlsx:'Macro1': note[skipped-sheet]: the workbook lists "
                         "this sheet without a part (r:id=\"\"), as Excel lists macro sheets: "
                         "there is nothing to read in it"});
}

TEST_CASE("Zip entry names written with backslashes are the parts they name") {
  const Read r = read_excel("backslash-names.xlsx");
  CHECK(r.diags.empty());
  CHECK(r.log == "begin 0 'Số liệu' backslash-names.xlsx\n" + kHeader + kUnitRow + "end\n");
}

TEST_CASE("An inline string with both <v> and <is> is its <is>, as Excel shows it") {
  const Read r = read_excel("inline-v-and-is.xlsx");
  CHECK(r.diags.empty());
  CHECK(r.log == "begin 0 'Số liệu' inline-v-and-is.xlsx\n" + kHeader + kUnitRow + "end\n");
}

TEST_CASE("_X000D_ with a capital X is text; only _x000D_ is an escape") {
  const Read r = read_excel("capital-x-escape.xlsx");
  CHECK(r.diags.empty());
  CHECK(r.log == "begin 0 'Số liệu' capital-x-escape.xlsx\n" + kHeader + kUnitRow +
                     "row 3\nA3 text \"Ghi chú: _X000D_ và A\"\nend\n");
}

TEST_CASE("A date cell (t=\"d\") is a date, not text") {
  const Read r = read_excel("date-cell.xlsx");
  CHECK(r.diags.empty());
  CHECK(r.log == "begin 0 'Số liệu' date-cell.xlsx\n" + kHeader +
                     "row 2\nA2 text \"Sở Y tế\"\nB2 date \"2024-01-12T00:00:00\"\n"
                     "C2 number \"10\"\nD2 number \"9\"\nend\n");
}

TEST_CASE("Whole-column and whole-row merges are ranges to the sheet's edges") {
  const Read r = read_excel("whole-column-merge.xlsx");
  CHECK(r.diags.empty());
  CHECK(r.log == "begin 0 'Số liệu' whole-column-merge.xlsx\n" + kHeader + kUnitRow +
                     "end E1:E1048576 A3:XFD3\n");
}

TEST_CASE("A hidden sheet is read, and the reader says it is hidden") {
  const Read r = read_excel("hidden-sheet.xlsx");
  CHECK(r.diags.empty());
  CHECK(r.log == "begin 0 'Số liệu' hidden-sheet.xlsx\n" + kHeader + kUnitRow + "end\n" +
                     "begin 1 'Kỳ trước' hidden-sheet.xlsx (hidden)\n" + kHeader +
                     "row 2\nA2 text \"Sở Tư pháp\"\nB2 number \"8\"\nC2 number \"5\"\n"
                     "D2 number \"5\"\nend\n");
}

TEST_CASE("Two <v> in one cell are ambiguous") {
  const std::string xml =
      xlsx_test::sheet_xml("<row r=\"1\"><c r=\"A1\"><v>1</v><v>2</v></c></row>");
  const auto r = xlsx_test::read_parts(xlsx_test::one_sheet(xml));
  CHECK(r.diags == Diags{"book.xlsx:'Sheet1'!A1: error[ambiguous-workbook]: cell A1 holds two "
                         "values; other programs read one or the other (save the workbook again "
                         "from Excel or LibreOffice)"});
}
