// The XLSX reader on hand-written parts built in memory: unusual but valid structure, and
// workbooks whose structure is broken.
#include <catch2/catch.hpp>
#include <stdexcept>
#include <string>
#include <vector>

#include "ntreport/read/xlsx.hpp"
#include "xlsx_test_support.hpp"

using xlsx_test::kDecl;
using xlsx_test::kMain;
using xlsx_test::one_sheet;
using xlsx_test::Parts;
using xlsx_test::read_parts;
using xlsx_test::rels;
using xlsx_test::sheet_xml;

namespace {

using Diags = std::vector<std::string>;

Parts without(Parts parts, const std::string& name) {
  std::erase_if(parts, [&](const auto& p) { return p.first == name; });
  return parts;
}

Parts with(Parts parts, const std::string& name, const std::string& data) {
  for (auto& p : parts) {
    if (p.first == name) p.second = data;
  }
  return parts;
}

const std::string kOneCell = sheet_xml("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>");
const char* const kOneCellLog = "begin 0 'Sheet1' book.xlsx\nrow 1\nA1 number \"1\"\nend\n";

}  // namespace

TEST_CASE("Prefixed elements, a workbook elsewhere and relative and absolute targets") {
  const std::string ns = fmt::format("xmlns:x=\"{}\"", kMain);
  const Parts parts{
      {"_rels/.rels", rels({{"rId1", "officeDocument", "book/main.xml"}})},
      {"book/main.xml",
       fmt::format("{}<x:workbook {} xmlns:rel=\"{}\"><x:sheets><x:sheet name=\"P\" sheetId=\"1\" "
                   "rel:id=\"s1\"/></x:sheets></x:workbook>",
                   kDecl, ns, xlsx_test::kRel)},
      {"book/_rels/main.xml.rels",
       rels({{"s1", "worksheet", "../data/./p.xml"}, {"ss", "sharedStrings", "/strings.xml"}})},
      {"data/p.xml",
       fmt::format("{}<x:worksheet {}><x:sheetData><x:row r=\"2\"><x:c r=\"B2\" t=\"s\"><x:v>0"
                   "</x:v></x:c><x:c r=\"C2\" t=\"inlineStr\"><x:is><x:t>pre</x:t></x:is></x:c>"
                   "</x:row></x:sheetData><x:mergeCells><x:mergeCell ref=\"C2:B2\"/>"
                   "</x:mergeCells></x:worksheet>",
                   kDecl, ns)},
      {"strings.xml", fmt::format("{}<x:sst {}><x:si><x:t>shared</x:t></x:si></x:sst>", kDecl, ns)},
  };
  const auto r = read_parts(parts);
  CHECK(r.ok);
  CHECK(r.diags.empty());
  // The merge was written backwards (C2:B2) and is passed on in order.
  CHECK(r.log == "begin 0 'P' book.xlsx\nrow 2\nB2 text \"shared\"\nC2 text \"pre\"\nend B2:C2\n");
}

TEST_CASE("Without package relationships the workbook is xl/workbook.xml") {
  const auto r = read_parts(without(one_sheet(kOneCell), "_rels/.rels"));
  CHECK(r.ok);
  CHECK(r.diags.empty());
  CHECK(r.log == kOneCellLog);
}

TEST_CASE("A workbook without sheets reads as nothing, without error") {
  const Parts parts{{"xl/workbook.xml",
                     fmt::format("{}<workbook xmlns=\"{}\"><sheets/></workbook>", kDecl, kMain)}};
  const auto r = read_parts(parts);
  CHECK(r.ok);
  CHECK(r.diags.empty());
  CHECK(r.log.empty());
}

TEST_CASE("The largest cell reference, XFD1048576, is read") {
  const auto r =
      read_parts(one_sheet(sheet_xml("<row r=\"1048576\"><c r=\"XFD1048576\"><v>9</v></c></row>")));
  CHECK(r.ok);
  CHECK(r.diags.empty());
  CHECK(r.log == "begin 0 'Sheet1' book.xlsx\nrow 1048576\nXFD1048576 number \"9\"\nend\n");
}

TEST_CASE("_xHHHH_ escapes in strings are decoded; others are kept as written") {
  const std::string xml = sheet_xml(
      "<row r=\"1\"><c t=\"inlineStr\"><is><t>caf_x00e9_</t></is></c>"
      "<c t=\"inlineStr\"><is><t>_xD83D__xDE00_</t></is></c>"
      "<c t=\"inlineStr\"><is><t>_xD83D_ _x12_ _x005F_</t></is></c>"
      "<c t=\"str\"><v>a_x000A_b</v></c><c><v>_x0041_</v></c></row>");
  const auto r = read_parts(one_sheet(xml));
  CHECK(r.ok);
  CHECK(r.diags.empty());
  // A lone surrogate is no character and stays; numbers are never unescaped.
  CHECK(r.log ==
        "begin 0 'Sheet1' book.xlsx\nrow 1\n"
        "A1 text \"café\"\n"
        "B1 text \"\xF0\x9F\x98\x80\"\n"
        "C1 text \"_xD83D_ _x12_ _\"\n"
        "D1 text \"a\nb\"\n"
        "E1 number \"_x0041_\"\n"
        "end\n");
}

TEST_CASE("Text longer than the read buffer, split by entities, is joined whole") {
  std::string big;
  for (int i = 0; i < 50000; ++i) big += "ố";  // 150,000 bytes
  const std::string shared =
      fmt::format("{}<sst xmlns=\"{}\"><si><r><t>{}</t></r><r><t>&amp;&#x1EA1;</t></r></si></sst>",
                  kDecl, kMain, big);
  const std::string xml = sheet_xml(fmt::format(
      "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"inlineStr\"><is><t>x&lt;{}"
      "</t></is></c></row>",
      big));
  const auto r = read_parts(one_sheet(xml, shared));
  CHECK(r.ok);
  CHECK(r.diags.empty());
  CHECK(r.log == fmt::format("begin 0 'Sheet1' book.xlsx\nrow 1\nA1 text \"{0}&ạ\"\n"
                             "B1 text \"x<{0}\"\nend\n",
                             big));
}

TEST_CASE("A visitor's exception passes through the reader") {
  struct Thrower final : ntr::SheetVisitor {
    void begin_sheet(const ntr::SheetInfo&) override {}
    void row(std::uint32_t, std::span<const ntr::CellView>) override {
      throw std::runtime_error("visitor gave up");
    }
    void end_sheet(std::span<const ntr::MergedRange>) override {}
  } thrower;
  const std::string bytes = xlsx_test::make_zip(one_sheet(kOneCell));
  ntr::Diagnostics diags;
  CHECK_THROWS_WITH(ntr::read_xlsx_buffer(bytes, "book.xlsx", {}, thrower, diags),
                    "visitor gave up");
  CHECK(diags.all().empty());
}

TEST_CASE("A visitor may read another workbook while the reader calls it") {
  struct Nested final : ntr::SheetVisitor {
    void begin_sheet(const ntr::SheetInfo&) override {}
    void row(std::uint32_t, std::span<const ntr::CellView> cells) override {
      ntr::Diagnostics inner_diags;
      ntr::read_xlsx_buffer(inner, "book.xlsx", {}, recorder, inner_diags);
      recorder.log += fmt::format("outer {}\n", cells[0].text);
    }
    void end_sheet(std::span<const ntr::MergedRange>) override {}
    std::string inner = xlsx_test::make_zip(one_sheet(kOneCell));
    xlsx_test::Recorder recorder;
  } nested;
  const std::string outer = xlsx_test::make_zip(one_sheet(
      sheet_xml("<row r=\"1\"><c r=\"A1\"><v>10</v></c></row><row r=\"2\"><c r=\"A2\"><v>20</v>"
                "</c></row>")));
  ntr::Diagnostics diags;
  CHECK(ntr::read_xlsx_buffer(outer, "outer.xlsx", {}, nested, diags));
  CHECK(diags.all().empty());
  CHECK(nested.recorder.log == fmt::format("{0}outer 10\n{0}outer 20\n", kOneCellLog));
}

TEST_CASE("Part data that fails its checksum is not a workbook") {
  const std::string xml = sheet_xml("<row r=\"1\"><c r=\"A1\"><v>123456</v></c></row>");
  std::string bytes = xlsx_test::make_zip(one_sheet(xml), true);
  const std::size_t at = bytes.find("123456");
  REQUIRE(at != std::string::npos);
  bytes[at] = '9';  // still well-formed, but no longer what the CRC says
  xlsx_test::Recorder rec;
  ntr::Diagnostics diags;
  CHECK(ntr::read_xlsx_buffer(bytes, "book.xlsx", {}, rec, diags));
  // The checksum is known only at the end of the part, after its rows were seen.
  CHECK(rec.log == "begin 0 'Sheet1' book.xlsx\nrow 1\nA1 number \"923456\"\nend\n");
  CHECK(xlsx_test::lines(diags) ==
        Diags{"book.xlsx:'Sheet1': error[not-a-workbook]: cannot read part "
              "\"xl/worksheets/sheet1.xml\": CRC error"});
}

TEST_CASE("Workbooks whose structure is broken are not workbooks") {
  const Parts good = one_sheet(kOneCell);
  const std::string prefix = "book.xlsx: error[not-a-workbook]: ";
  SECTION("no workbook part") {
    const auto r = read_parts(without(good, "xl/workbook.xml"));
    CHECK_FALSE(r.ok);
    CHECK(r.diags == Diags{prefix + "the workbook has no part \"xl/workbook.xml\""});
  }
  SECTION("no workbook relationships") {
    const auto r = read_parts(without(good, "xl/_rels/workbook.xml.rels"));
    CHECK_FALSE(r.ok);
    CHECK(r.diags == Diags{prefix + "the workbook has no part \"xl/_rels/workbook.xml.rels\""});
  }
  SECTION("a sheet naming an undefined relationship") {
    const auto r = read_parts(with(good, "xl/_rels/workbook.xml.rels",
                                   rels({{"rId7", "worksheet", "worksheets/sheet1.xml"}})));
    CHECK_FALSE(r.ok);
    CHECK(r.diags == Diags{prefix + "sheet 'Sheet1' refers to relationship \"rId1\", which part "
                                    "\"xl/_rels/workbook.xml.rels\" does not define"});
  }
  SECTION("a sheet target outside the package") {
    const auto r = read_parts(
        with(good, "xl/_rels/workbook.xml.rels", rels({{"rId1", "worksheet", "../../evil.xml"}})));
    CHECK_FALSE(r.ok);
    CHECK(r.diags ==
          Diags{prefix + "sheet 'Sheet1' refers to \"../../evil.xml\", outside the package"});
  }
  SECTION("a sheet without a name") {
    const auto r = read_parts(
        with(good, "xl/workbook.xml",
             fmt::format("{}<workbook xmlns=\"{}\" xmlns:r=\"{}\"><sheets><sheet sheetId=\"1\" "
                         "r:id=\"rId1\"/></sheets></workbook>",
                         kDecl, kMain, xlsx_test::kRel)));
    CHECK_FALSE(r.ok);
    CHECK(r.diags == Diags{prefix + "sheet 1 in part \"xl/workbook.xml\" has no name"});
  }
  SECTION("a main part that is no workbook (a document renamed .xlsx)") {
    const auto r = read_parts(
        with(good, "xl/workbook.xml", fmt::format("{}<w:document xmlns:w=\"urn:w\"/>", kDecl)));
    CHECK_FALSE(r.ok);
    CHECK(r.diags == Diags{prefix + "not an XLSX workbook: its main part \"xl/workbook.xml\" "
                                    "holds a <document>, not a <workbook> (it may be a Word or "
                                    "PowerPoint file named .xlsx)"});
  }
  SECTION("a missing worksheet part, reported on its sheet") {
    const auto r = read_parts(without(good, "xl/worksheets/sheet1.xml"));
    CHECK_FALSE(r.ok);
    CHECK(r.log.empty());
    CHECK(r.diags == Diags{"book.xlsx:'Sheet1': error[not-a-workbook]: the workbook has no part "
                           "\"xl/worksheets/sheet1.xml\""});
  }
}
