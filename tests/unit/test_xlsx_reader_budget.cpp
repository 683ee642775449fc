// The budget of one workbook: what all its parts may hold together, checked while reading.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "ntreport/read/file.hpp"
#include "ntreport/read/xlsx.hpp"
#include "xlsx_test_support.hpp"

using xlsx_test::kDecl;
using xlsx_test::kMain;
using xlsx_test::kRel;
using xlsx_test::one_sheet;
using xlsx_test::Parts;
using xlsx_test::read_parts;
using xlsx_test::rels;
using xlsx_test::sheet_xml;

namespace {

using Diags = std::vector<std::string>;

const std::string kHint = " (" + std::string(ntr::kSizeHint) + ")";

// A workbook of sheets "S1", "S2", … with the given parts; `targets` name each sheet's part.
Parts sheets(const std::vector<std::string>& xml, std::vector<std::string> targets = {}) {
  std::string entries;
  std::vector<std::vector<std::string>> wb_rels;
  Parts parts{{"_rels/.rels", rels({{"rId1", "officeDocument", "xl/workbook.xml"}})}};
  for (std::size_t i = 0; i < xml.size(); ++i) {
    const std::string n = std::to_string(i + 1);
    entries += fmt::format(R"(<sheet name="S{}" sheetId="{}" r:id="rId{}"/>)", n, n, n);
    const std::string target = i < targets.size() ? targets[i] : "worksheets/sheet" + n + ".xml";
    wb_rels.push_back({"rId" + n, "worksheet", target});
    if (i >= targets.size()) parts.emplace_back("xl/worksheets/sheet" + n + ".xml", xml[i]);
  }
  parts.emplace_back("xl/workbook.xml",
                     fmt::format("{}<workbook xmlns=\"{}\" xmlns:r=\"{}\"><sheets>{}</sheets>"
                                 "</workbook>",
                                 kDecl, kMain, kRel, entries));
  parts.emplace_back("xl/_rels/workbook.xml.rels", rels(wb_rels));
  return parts;
}

// Rewrites the inflated size `name` declares, in its local header and in the directory: what
// a crafted archive does to look harmless.
std::string lie_about_size(std::string zip, const std::string& name, std::uint32_t size) {
  const std::pair<std::string, std::size_t> headers[] = {{std::string("PK\x03\x04", 4), 22},
                                                         {std::string("PK\x01\x02", 4), 24}};
  for (const auto& [magic, size_at] : headers) {
    const std::size_t name_at = magic[2] == 3 ? 30 : 46;
    for (std::size_t at = zip.find(magic); at != std::string::npos; at = zip.find(magic, at + 4)) {
      if (zip.compare(at + name_at, name.size(), name) != 0) continue;
      for (std::size_t i = 0; i < 4; ++i)
        zip[at + size_at + i] = static_cast<char>(size >> (8 * i));
    }
  }
  return zip;
}

std::string number_rows(int rows, int cols) {
  std::string xml;
  for (int r = 1; r <= rows; ++r) {
    xml += fmt::format("<row r=\"{}\">", r);
    for (int c = 1; c <= cols; ++c) xml += "<c><v>1</v></c>";
    xml += "</row>";
  }
  return sheet_xml(xml);
}

}  // namespace

TEST_CASE("The parts of a workbook inflate to a budget in all, not only part by part") {
  const std::string padded = sheet_xml("<row><c><v>1</v></c></row>" + std::string(900, ' '));
  ntr::ReadLimits limits;
  limits.max_part_bytes = 2000;
  limits.max_workbook_bytes = 3500;
  // The sheets declare 10 bytes each; each is within the part limit, and the third passes
  // what the workbook has left.
  std::string zip = xlsx_test::make_zip(sheets({padded, padded, padded}));
  for (const char* n :
       {"xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml", "xl/worksheets/sheet3.xml"}) {
    zip = lie_about_size(zip, n, 10);
  }
  xlsx_test::Recorder rec;
  ntr::Diagnostics diags;
  ntr::read_xlsx_buffer(zip, "book.xlsx", limits, rec, diags);
  CHECK(xlsx_test::lines(diags) ==
        Diags{"book.xlsx:'S3': error[input-too-large]: the parts of the workbook inflate to "
              "more than 3500 bytes in all, the limit for one workbook (at part "
              "\"xl/worksheets/sheet3.xml\")" +
              kHint});
  limits.max_workbook_bytes = 5000;
  CHECK(read_parts(sheets({padded, padded, padded}), limits).diags.empty());
}

TEST_CASE("Sizes the sheets declare are summed before any is inflated") {
  const std::string padded = sheet_xml(std::string(600, ' '));
  const Parts parts = sheets({padded, padded});
  std::size_t structure = 0;
  for (const auto& [name, text] : parts) {
    if (name.find("worksheets/") == std::string::npos) structure += text.size();
  }
  ntr::ReadLimits limits;
  limits.max_workbook_bytes = structure + padded.size() + 1;
  const auto r = read_parts(parts, limits);
  CHECK(r.log.empty());
  CHECK(r.diags == Diags{fmt::format("book.xlsx: error[input-too-large]: the parts of the "
                                     "workbook declare more than {} bytes in all, the limit for "
                                     "one workbook{}",
                                     limits.max_workbook_bytes, kHint)});
}

TEST_CASE("Rows, cells and XML elements are counted over every sheet") {
  ntr::ReadLimits limits;
  limits.max_rows = 5;
  auto r = read_parts(sheets({number_rows(3, 1), number_rows(3, 1)}), limits);
  CHECK(r.diags == Diags{"book.xlsx:'S2'!A3: error[input-too-large]: the workbook has more "
                         "than 5 rows in all, the limit for one input" +
                         kHint});
  limits = {};
  limits.max_cells = 7;
  r = read_parts(sheets({number_rows(2, 2), number_rows(2, 2)}), limits);
  CHECK(r.diags == Diags{"book.xlsx:'S2'!B2: error[input-too-large]: the workbook has more "
                         "than 7 cells holding a value in all, the limit for one input" +
                         kHint});
  limits = {};
  limits.max_elements = 40;
  r = read_parts(sheets({number_rows(3, 3), number_rows(3, 3)}), limits);
  REQUIRE(r.diags.size() == 1);
  CHECK(r.diags[0] ==
        "book.xlsx:'S2': error[input-too-large]: the parts of the workbook hold more than 40 XML "
        "elements in all, the limit for one workbook (at part \"xl/worksheets/sheet2.xml\")" +
            kHint);
}

TEST_CASE("The shared strings are bounded in number and in text") {
  std::string many;
  for (int i = 0; i < 4; ++i) many += "<si><t>abcd</t></si>";
  const std::string shared = fmt::format("{}<sst xmlns=\"{}\">{}</sst>", kDecl, kMain, many);
  ntr::ReadLimits limits;
  limits.max_shared_strings = 3;
  auto r = read_parts(one_sheet(number_rows(1, 1), shared), limits);
  CHECK(r.diags == Diags{"book.xlsx: error[input-too-large]: part \"xl/sharedStrings.xml\" "
                         "holds more than 3 shared strings, the limit for one workbook" +
                         kHint});
  limits = {};
  limits.max_shared_bytes = 10;
  r = read_parts(one_sheet(number_rows(1, 1), shared), limits);
  CHECK(r.diags == Diags{"book.xlsx: error[input-too-large]: part \"xl/sharedStrings.xml\" "
                         "holds more than 10 bytes of shared strings, the limit for one "
                         "workbook" +
                         kHint});
}

TEST_CASE("The XML parser's memory is bounded: deep nesting and long tags fail within it") {
  ntr::ReadLimits limits;
  limits.max_xml_memory = 1 << 20;
  std::string deep;
  for (int i = 0; i < 100000; ++i) deep += "<x>";
  auto r = read_parts(one_sheet(sheet_xml("<row><c><v>1</v></c></row>", deep)), limits);
  REQUIRE(r.diags.size() == 1);
  CHECK_THAT(r.diags[0], Catch::StartsWith("book.xlsx:'Sheet1': error[input-too-large]: part "
                                           "\"xl/worksheets/sheet1.xml\", line 2: parsing it "
                                           "needs more than 1 MiB of memory (elements nested "
                                           "too deep, or a tag too long)"));
  const std::string tag = "<x a=\"" + std::string(2 << 20, 'a') + "\"/>";
  r = read_parts(one_sheet(sheet_xml("<row><c><v>1</v></c></row>", tag)), limits);
  REQUIRE(r.diags.size() == 1);
  CHECK_THAT(r.diags[0], Catch::Contains("parsing it needs more than 1 MiB of memory"));
  // The next workbook on this thread is read as usual.
  CHECK(read_parts(one_sheet(number_rows(2, 2))).diags.empty());
}

TEST_CASE("Zip entries, sheets and relationships are bounded in number") {
  ntr::ReadLimits limits;
  limits.max_zip_entries = 4;
  auto r = read_parts(sheets({number_rows(1, 1), number_rows(1, 1)}), limits);
  CHECK(r.diags == Diags{"book.xlsx: error[input-too-large]: the zip archive lists 5 entries, "
                         "more than the limit of 4" +
                         kHint});
  limits = {};
  limits.max_sheets = 2;
  r = read_parts(sheets({number_rows(1, 1), number_rows(1, 1), number_rows(1, 1)}), limits);
  CHECK(r.diags == Diags{"book.xlsx: error[input-too-large]: the workbook has more than 2 "
                         "sheets, the limit for one workbook" +
                         kHint});
}

TEST_CASE("Two sheet entries on one part are refused as ambiguous, before any is read") {
  const auto r = read_parts(
      sheets({number_rows(1, 1), ""}, {"worksheets/sheet1.xml", "worksheets/./sheet1.xml"}),
      ntr::ReadLimits{});
  CHECK(r.log.empty());
  CHECK(r.diags ==
        Diags{"book.xlsx: error[ambiguous-workbook]: sheets 'S1' and 'S2' are both the part "
              "\"xl/worksheets/sheet1.xml\"; a sheet is one part of its own (other programs "
              "read such a file differently: save it again from Excel or LibreOffice)"});
}
