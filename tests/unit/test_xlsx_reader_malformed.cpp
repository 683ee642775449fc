// The XLSX reader on parts that are not well-formed, hostile or hold impossible values. Each
// problem stops the workbook: the visitor keeps what came before, and a sheet that began ends.
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

// The 1-based column on line 2 of `xml` where the `nth` occurrence of `token` starts.
std::size_t col_of(const std::string& xml, const std::string& token, int nth = 0) {
  const std::size_t line_start = xml.find('\n') + 1;
  std::size_t pos = xml.find(token, line_start);
  for (int i = 0; i < nth; ++i) pos = xml.find(token, pos + 1);
  return pos - line_start + 1;
}

// The diagnostic of a malformed-xml problem on line 2 of the one sheet of book.xlsx.
std::string sheet_error(const std::string& where, std::size_t column, const std::string& what) {
  return fmt::format(
      "book.xlsx:'Sheet1'{}: error[malformed-xml]: part \"xl/worksheets/sheet1.xml\", line 2, "
      "column {}: {}",
      where, column, what);
}

const char* const kBegin = "begin 0 'Sheet1' book.xlsx\n";
const char* const kRow1 = "row 1\nA1 number \"1\"\n";
const char* const kRow1Xml = "<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>";

std::string shared_one(const std::string& text) {
  return fmt::format("{}<sst xmlns=\"{}\"><si><t>{}</t></si></sst>", kDecl, kMain, text);
}

}  // namespace

TEST_CASE("Shared string indices out of range") {
  SECTION("past the last string") {
    const std::string xml = sheet_xml(
        "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c></row>");
    const auto r = read_parts(one_sheet(xml, shared_one("only")));
    CHECK(r.ok);  // the sheet began: the visitor saw part of the workbook
    CHECK(r.log == std::string(kBegin) + "end\n");
    CHECK(r.diags ==
          Diags{sheet_error("!B1", col_of(xml, "</c>", 1),
                            "shared string index \"1\" is not valid (expected 0 to 0)")});
  }
  SECTION("not a number") {
    const std::string xml = sheet_xml("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>-1</v></c></row>");
    const auto r = read_parts(one_sheet(xml, shared_one("only")));
    CHECK(r.diags == Diags{sheet_error("!A1", col_of(xml, "</c>"),
                                       "shared string index \"-1\" is not valid (expected 0 to "
                                       "0)")});
  }
  SECTION("with no shared strings at all") {
    const std::string xml = sheet_xml("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>");
    const auto r = read_parts(one_sheet(xml));
    CHECK(r.diags == Diags{sheet_error("!A1", col_of(xml, "</c>"),
                                       "shared string index \"0\" is not valid (the workbook has "
                                       "no shared strings)")});
  }
}

TEST_CASE("Impossible cell values and types") {
  SECTION("a boolean other than 0 or 1") {
    const std::string xml =
        sheet_xml(std::string(kRow1Xml) + "<row r=\"2\"><c r=\"C2\" t=\"b\"><v>TRUE</v></c></row>");
    const auto r = read_parts(one_sheet(xml));
    CHECK(r.log == std::string(kBegin) + kRow1 + "end\n");
    CHECK(r.diags == Diags{sheet_error("!C2", col_of(xml, "</c>", 1),
                                       "boolean cell holds \"TRUE\" (expected 0 or 1)")});
  }
  SECTION("an unknown cell type") {
    const std::string xml = sheet_xml("<row r=\"3\"><c r=\"D3\" t=\"x\"><v>1</v></c></row>");
    const auto r = read_parts(one_sheet(xml));
    CHECK(r.diags ==
          Diags{sheet_error("!D3", col_of(xml, "<c "),
                            "cell type \"x\" is not valid (expected s, str, inlineStr, n, b, e or "
                            "d)")});
  }
  SECTION("two cells in one place") {
    const std::string xml = sheet_xml(
        "<row r=\"1\"><c r=\"B1\"><v>1</v></c><c r=\"A1\"><v>2</v></c><c r=\"B1\"><v>3</v></c>"
        "</row>");
    const auto r = read_parts(one_sheet(xml));
    CHECK(r.diags == Diags{"book.xlsx:'Sheet1'!B1: error[ambiguous-workbook]: cell B1 is given "
                           "twice in its row; other programs read one or the other (save the "
                           "workbook again from Excel or LibreOffice)"});
  }
}

TEST_CASE("Cell references, row numbers and merges out of range") {
  const auto ref_error = [](const std::string& ref) {
    const std::string xml =
        sheet_xml(fmt::format("<row r=\"1\"><c r=\"{}\"><v>1</v></c></row>", ref));
    const auto r = read_parts(one_sheet(xml));
    CHECK(r.log == std::string(kBegin) + "end\n");
    return r.diags == Diags{sheet_error("", col_of(xml, "<c "),
                                        fmt::format("cell reference \"{}\" is not valid (expected "
                                                    "A1 to XFD1048576)",
                                                    ref))};
  };
  CHECK(ref_error("XFE1"));      // one column past the last
  CHECK(ref_error("AAAA1"));     // four letters
  CHECK(ref_error("A1048577"));  // one row past the last
  CHECK(ref_error("A0"));
  CHECK(ref_error("1A"));
  CHECK(ref_error("A1B"));
  CHECK(ref_error("A99999999999"));
  CHECK(ref_error(""));

  SECTION("a cell without reference after column XFD") {
    const std::string xml =
        sheet_xml("<row r=\"1\"><c r=\"XFD1\"><v>1</v></c><c><v>2</v></c></row>");
    const auto r = read_parts(one_sheet(xml));
    CHECK(r.diags == Diags{sheet_error("", col_of(xml, "<c>"),
                                       "a cell without a reference follows column XFD")});
  }
  SECTION("a row without number after row 1048576") {
    const std::string xml = sheet_xml("<row r=\"1048576\"/><row/>");
    const auto r = read_parts(one_sheet(xml));
    CHECK(r.diags == Diags{sheet_error("", col_of(xml, "<row/>"),
                                       "a row without a number follows row 1048576")});
  }
  SECTION("row number 0") {
    const std::string xml = sheet_xml("<row r=\"0\"/>");
    const auto r = read_parts(one_sheet(xml));
    CHECK(r.diags == Diags{sheet_error("", col_of(xml, "<row"),
                                       "row number \"0\" is not valid (expected 1 to 1048576)")});
  }
  SECTION("rows out of order") {
    const std::string xml = sheet_xml(
        "<row r=\"3\"><c r=\"A3\"><v>3</v></c></row><row r=\"2\"><c r=\"A2\"><v>2</v></c></row>");
    const auto r = read_parts(one_sheet(xml));
    CHECK(r.log == std::string(kBegin) + "row 3\nA3 number \"3\"\nend\n");
    CHECK(r.diags == Diags{sheet_error("", col_of(xml, "<row", 1),
                                       "row 2 comes after row 3 (rows must be in ascending "
                                       "order)")});
  }
  SECTION("a merge that is no range") {
    const std::string xml =
        sheet_xml(kRow1Xml,
                  "<mergeCells><mergeCell ref=\"A1:B2\"/><mergeCell ref=\"A1:\"/>"
                  "</mergeCells>");
    const auto r = read_parts(one_sheet(xml));
    CHECK(r.log == std::string(kBegin) + kRow1 + "end A1:B2\n");
    CHECK(r.diags == Diags{sheet_error("", col_of(xml, "<mergeCell ", 1),
                                       "merged range \"A1:\" is not valid (expected a range such "
                                       "as A1:B2)")});
  }
}

TEST_CASE("XML that is not well-formed") {
  SECTION("a mismatched tag after a good row") {
    const std::string xml =
        sheet_xml(std::string(kRow1Xml) + "<row r=\"2\"><c r=\"A2\"><v>2</v></x></row>");
    const auto r = read_parts(one_sheet(xml));
    CHECK(r.log == std::string(kBegin) + kRow1 + "end\n");
    CHECK(r.diags == Diags{sheet_error("", col_of(xml, "</x>") + 2, "mismatched tag")});
  }
  SECTION("a part cut short") {
    const std::string xml =
        fmt::format("{}<worksheet xmlns=\"{}\"><sheetData>{}", kDecl, kMain, kRow1Xml);
    const auto r = read_parts(one_sheet(xml));
    CHECK(r.log == std::string(kBegin) + kRow1 + "end\n");
    CHECK(r.diags == Diags{sheet_error("", xml.size() - xml.find('\n'), "no element found")});
  }
  SECTION("an entity that no DTD declares") {
    const std::string xml = sheet_xml("<row r=\"1\"><c r=\"A1\"><v>&nbsp;1</v></c></row>");
    const auto r = read_parts(one_sheet(xml));
    CHECK(r.diags == Diags{sheet_error("", col_of(xml, "&nbsp;"), "undefined entity")});
  }
  SECTION("bytes that are not UTF-8") {
    const std::string xml = sheet_xml("<row r=\"1\"><c r=\"A1\" t=\"str\"><v>a\xFF</v></c></row>");
    const auto r = read_parts(one_sheet(xml));
    CHECK(r.diags ==
          Diags{sheet_error("", col_of(xml, "\xFF"), "not well-formed (invalid token)")});
  }
}

TEST_CASE("A DOCTYPE is refused in every part, placed on the file outside sheets") {
  const std::string doctype = "<!DOCTYPE x [<!ENTITY e \"EXPANDED\">]>";
  SECTION("in the workbook") {
    auto parts = one_sheet(sheet_xml(kRow1Xml));
    parts[1].second.insert(parts[1].second.find('\n') + 1, doctype + "\n");
    const auto r = read_parts(parts);
    CHECK_FALSE(r.ok);
    CHECK(r.diags == Diags{"book.xlsx: error[malformed-xml]: part \"xl/workbook.xml\", line 2: "
                           "DOCTYPE is not allowed in a workbook part"});
  }
  SECTION("in the shared strings") {
    const std::string shared =
        fmt::format("{}{}\n<sst xmlns=\"{}\"><si><t>&e;</t></si></sst>", kDecl, doctype, kMain);
    const auto r = read_parts(one_sheet(sheet_xml(kRow1Xml), shared));
    CHECK_FALSE(r.ok);
    CHECK(r.log.empty());
    CHECK(r.diags == Diags{"book.xlsx: error[malformed-xml]: part \"xl/sharedStrings.xml\", line "
                           "2: DOCTYPE is not allowed in a workbook part"});
  }
}

TEST_CASE("Shared strings over the size limit are refused on the file") {
  const std::string shared = shared_one(std::string(5000, 'x'));
  ntr::ReadLimits limits;
  limits.max_part_bytes = 4096;
  const auto r = read_parts(one_sheet(sheet_xml(kRow1Xml), shared), limits);
  CHECK_FALSE(r.ok);
  CHECK(r.diags ==
        Diags{fmt::format("book.xlsx: error[part-too-large]: part \"xl/sharedStrings.xml\" "
                          "declares {} bytes, more than the limit of 4096 bytes (no real appendix "
                          "comes near this size; the file may be corrupt or built to exhaust "
                          "memory)",
                          shared.size())});
}
