// The XLSX reader on workbooks saved by real producers and hand-written ones
// (tests/fixtures/xlsx/make_fixtures.py), and on files that are no workbooks.
#include <catch2/catch.hpp>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "ntreport/read/xlsx.hpp"
#include "xlsx_test_support.hpp"

using xlsx_test::fixture;
using xlsx_test::lines;
using xlsx_test::Recorder;

namespace {

struct FileResult {
  bool ok = false;
  std::string log;
  std::vector<std::string> diags;
};

FileResult read_fixture(const std::string& name, ntr::ReadLimits limits = {}) {
  Recorder rec;
  ntr::Diagnostics diags;
  FileResult r;
  r.ok = ntr::read_xlsx(fixture(name), name, limits, rec, diags);
  r.log = rec.log;
  r.diags = lines(diags);
  return r;
}

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

using Diags = std::vector<std::string>;

}  // namespace

TEST_CASE("XlsxWriter workbook: shared strings, formulas, types, sheet names, chartsheet") {
  const auto r = read_fixture("xlsxwriter_shared.xlsx");
  CHECK(r.ok);
  CHECK(r.diags.empty());
  // Sheet indices count the chartsheet "Biểu đồ" (index 1), which is not visited. J2 holds an
  // empty string and K2 only a format: both are left out, as is row 6 (blank merged cells).
  // I2 was written as "a\rb_x0041_" and is stored escaped as "a_x000D_b_x005F_x0041_".
  CHECK(r.log ==
        "begin 0 'Số liệu' xlsxwriter_shared.xlsx\n"
        "row 1\n"
        "A1 text \"Đơn vị\"\n"
        "B1 text \"Qua mạng\"\n"
        "row 2\n"
        "A2 text \"Xã Phước Hà\"\n"
        "B2 number \"98076\"\n"
        "C2 number \"49038\"\n"
        "D2 text \"Phan Rang–Tháp Chàm\"\n"
        "E2 error \"#REF!\"\n"
        "F2 boolean \"1\"\n"
        "G2 number \"1.5\"\n"
        "H2 number \"1E+20\"\n"
        "I2 text \"a\rb_x0041_\"\n"
        "row 4\n"
        "A4 text \"Sở Tài nguyên và MT\"\n"
        "row 5\n"
        "A5 text \"Tổng cộng\"\n"
        "end A5:C6\n"
        "begin 2 'Tab with spaces' xlsxwriter_shared.xlsx\n"
        "row 1\n"
        "A1 text \"x\"\n"
        "B1 number \"1\"\n"
        "end\n"
        "begin 3 'It's' xlsxwriter_shared.xlsx\n"
        "row 1\n"
        "A1 text \"Ninh Thuận\"\n"
        "end\n");
}

TEST_CASE("XlsxWriter constant_memory workbook: inline strings") {
  const auto r = read_fixture("xlsxwriter_inline.xlsx");
  CHECK(r.ok);
  CHECK(r.diags.empty());
  CHECK(r.log ==
        "begin 0 'Inline' xlsxwriter_inline.xlsx\n"
        "row 1\n"
        "A1 text \"Đơn vị\"\n"
        "B1 text \"  leading spaces\"\n"
        "C1 number \"42\"\n"
        "row 2\n"
        "A2 text \"a\rb\"\n"
        "end\n");
}

TEST_CASE("openpyxl workbook: inline strings as character references, formula without value") {
  const auto r = read_fixture("openpyxl.xlsx");
  CHECK(r.ok);
  CHECK(r.diags.empty());
  // C1 holds =B1*2 with no cached value: an empty cell.
  CHECK(r.log ==
        "begin 0 'Phụ lục 1' openpyxl.xlsx\n"
        "row 1\n"
        "A1 text \"Tên đơn vị\"\n"
        "B1 number \"100\"\n"
        "D1 boolean \"1\"\n"
        "E1 number \"2.5\"\n"
        "row 3\n"
        "A3 text \"Gộp\"\n"
        "end A3:B3\n"
        "begin 1 'Q'2' openpyxl.xlsx\n"
        "row 2\n"
        "B2 text \"Phường Đô Vinh\"\n"
        "end\n");
}

TEST_CASE("LibreOffice-saved workbook") {
  const auto r = read_fixture("libreoffice.xlsx");
  CHECK(r.ok);
  CHECK(r.diags.empty());
  CHECK(r.log ==
        "begin 0 'Cấp xã' libreoffice.xlsx\n"
        "row 1\n"
        "A1 text \"Đơn vị\"\n"
        "B1 text \"Trước hạn\"\n"
        "row 2\n"
        "A2 text \"Phường Phủ Hà\"\n"
        "B2 number \"12345\"\n"
        "C2 number \"24690\"\n"
        "D2 text \"Phường Phủ Hà (TP)\"\n"
        "row 4\n"
        "A4 text \"Tổng\"\n"
        "end A4:B4\n"
        "begin 1 'Sheet 2' libreoffice.xlsx\n"
        "row 1\n"
        "A1 number \"7\"\n"
        "end\n");
}

namespace {
// handmade.xlsx, as make_fixtures.py writes it: shared strings with character references, a
// rich run and a phonetic run; row 3 lists C3, A3 and then a cell without reference (B3); the
// row after it has no number (4); row 5 holds only empty cells; <dimension> says A1:B2.
const char* const kHandmadeLog =
    "begin 0 'Số liệu 'A'' handmade.xlsx\n"
    "row 1\n"
    "A1 text \"Đơn vị\"\n"
    "B1 text \"Sở Y tế\"\n"
    "C1 text \"Phước\"\n"
    "D1 text \"A & B <C> \"q\" 's'\"\n"
    "row 3\n"
    "A3 number \"5\"\n"
    "B3 text \"Ma Nới\"\n"
    "C3 text \"Xã Đại Sơn\"\n"
    "row 4\n"
    "A4 number \"5\"\n"
    "B4 text \"Đơn vị\"\n"
    "C4 error \"#REF!\"\n"
    "D4 boolean \"0\"\n"
    "E4 date \"2024-08-28T00:00:00\"\n"
    "row 6\n"
    "B6 number \"1.5E-3\"\n"
    "row 7\n"
    "E7 text \"line1\nline2\"\n"
    "end A10:C12 E1:E2\n"
    "begin 1 'Sheet 2' handmade.xlsx\n"
    "row 2\n"
    "B2 number \"1\"\n"
    "end\n";
}  // namespace

TEST_CASE("Hand-written parts: references, runs, missing r, lying dimension, odd targets") {
  const auto r = read_fixture("handmade.xlsx");
  CHECK(r.ok);
  CHECK(r.diags.empty());
  CHECK(r.log == kHandmadeLog);
}

TEST_CASE("read_xlsx_buffer reads the same as read_xlsx") {
  const std::string bytes = slurp(fixture("handmade.xlsx"));
  REQUIRE(bytes.size() > 1000);
  Recorder rec;
  ntr::Diagnostics diags;
  CHECK(ntr::read_xlsx_buffer(bytes, "handmade.xlsx", {}, rec, diags));
  CHECK(lines(diags).empty());
  CHECK(rec.log == kHandmadeLog);
}

TEST_CASE("A sheet larger than the 64 KiB read buffer streams through") {
  const auto r = read_fixture("big_sheet.xlsx");
  CHECK(r.ok);
  CHECK(r.diags.empty());
  std::string expected = "begin 0 'Sheet1' big_sheet.xlsx\n";
  for (int i = 1; i <= 5000; ++i) expected += fmt::format("row {0}\nA{0} number \"{0}\"\n", i);
  expected += "end\n";
  CHECK(r.log == expected);
}

namespace {
// The size of big_sheet.xlsx's sheet part, rebuilt the way make_fixtures.py writes it.
std::size_t big_sheet_size() {
  std::string rows;
  for (int i = 1; i <= 5000; ++i)
    rows += fmt::format("<row r=\"{0}\"><c r=\"A{0}\"><v>{0}</v></c></row>", i);
  return xlsx_test::sheet_xml(rows).size();
}
}  // namespace

TEST_CASE("A part whose declared size passes the limit is refused before inflating") {
  ntr::ReadLimits limits;
  limits.max_part_bytes = 10000;
  const auto r = read_fixture("big_sheet.xlsx", limits);
  CHECK_FALSE(r.ok);
  CHECK(r.log.empty());
  CHECK(r.diags ==
        Diags{fmt::format("big_sheet.xlsx:'Sheet1': error[part-too-large]: part "
                          "\"xl/worksheets/sheet1.xml\" declares {} bytes, more than the limit of "
                          "10000 bytes (no real appendix comes near this size; the file may be "
                          "corrupt or built to exhaust memory)",
                          big_sheet_size())});
}

TEST_CASE("A part that lies about its size is stopped once it inflates past the limit") {
  // lying_size.xlsx declares 100 bytes for the same sheet part.
  ntr::ReadLimits limits;
  limits.max_part_bytes = 10000;
  const auto r = read_fixture("lying_size.xlsx", limits);
  CHECK_FALSE(r.ok);
  // The first read asks for one byte past the limit, so nothing reached the visitor.
  CHECK(r.log.empty());
  CHECK(r.diags == Diags{"lying_size.xlsx:'Sheet1': error[part-too-large]: part "
                         "\"xl/worksheets/sheet1.xml\" inflates to more than the limit of 10000 "
                         "bytes (no real appendix comes near this size; the file may be corrupt "
                         "or built to exhaust memory)"});
}

TEST_CASE("A DOCTYPE is refused and its entities never expanded") {
  const auto r = read_fixture("doctype.xlsx");
  CHECK_FALSE(r.ok);
  CHECK(r.log.empty());
  CHECK(r.diags == Diags{"doctype.xlsx:'Sheet1': error[malformed-xml]: part "
                         "\"xl/worksheets/sheet1.xml\", line 2: DOCTYPE is not allowed "
                         "in a workbook part"});
}

TEST_CASE("Files that are no workbooks") {
  SECTION("a truncated zip") {
    const auto r = read_fixture("truncated.xlsx");
    CHECK_FALSE(r.ok);
    CHECK(r.log.empty());
    CHECK(r.diags ==
          Diags{"truncated.xlsx: error[not-a-workbook]: not an XLSX workbook: the zip archive is "
                "truncated or corrupt (it begins like a workbook, but its table of contents at "
                "the end cannot be read) (the file was probably cut short while being copied or "
                "downloaded; get it again)"});
  }
  SECTION("a text file") {
    const auto r = read_fixture("not_a_zip.xlsx");
    CHECK_FALSE(r.ok);
    CHECK(r.diags ==
          Diags{"not_a_zip.xlsx: error[not-a-workbook]: not an XLSX workbook: not a zip archive"});
  }
  SECTION("an OLE document (legacy .xls) named .xlsx") {
    const auto r = read_fixture("legacy_xls.xlsx");
    CHECK_FALSE(r.ok);
    CHECK(r.diags == Diags{"legacy_xls.xlsx: error[not-a-workbook]: not an XLSX workbook: not a "
                           "zip archive (it is a legacy .xls file or a password-protected "
                           "workbook; save it as .xlsx without a password)"});
  }
  SECTION("a missing file") {
    const auto r = read_fixture("no_such_file.xlsx");
    CHECK_FALSE(r.ok);
    CHECK(r.diags == Diags{"no_such_file.xlsx: error[io-error]: cannot open the file: No such "
                           "file or directory"});
  }
  SECTION("a folder") {
    Recorder rec;
    ntr::Diagnostics diags;
    CHECK_FALSE(ntr::read_xlsx(fixture(""), "xlsx/", {}, rec, diags));
    CHECK(lines(diags) ==
          Diags{"xlsx/: error[io-error]: cannot read it: it is a folder, not a regular file "
                "(ntreport reads regular files only)"});
  }
  SECTION("an empty buffer") {
    Recorder rec;
    ntr::Diagnostics diags;
    CHECK_FALSE(ntr::read_xlsx_buffer("", "empty.xlsx", {}, rec, diags));
    CHECK(lines(diags) == Diags{"empty.xlsx: error[empty-file]: the file is empty (0 bytes); "
                                "expected an XLSX workbook"});
  }
}
