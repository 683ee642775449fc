// Workbooks read one after another: the layout of byte-identical structure parts is reused,
// and nothing of one workbook may leak into the next when those parts differ in any way.
// Also the two ways a file is opened: read whole when small, read as needed when large.
#include <fmt/format.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <string>
#include <vector>

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

std::string cell_sheet(const std::string& value) {
  return sheet_xml(fmt::format("<row r=\"1\"><c r=\"A1\"><v>{}</v></c></row>", value));
}

std::string log_of(const std::string& sheet, const std::string& value) {
  return fmt::format("begin 0 '{}' book.xlsx\nrow 1\nA1 number \"{}\"\nend\n", sheet, value);
}

Parts with(Parts parts, const std::string& name, const std::string& data) {
  for (auto& p : parts) {
    if (p.first == name) p.second = data;
  }
  return parts;
}

std::string workbook_naming(const std::string& sheet_name) {
  return fmt::format(
      "{}<workbook xmlns=\"{}\" xmlns:r=\"{}\"><sheets><sheet name=\"{}\" sheetId=\"1\" "
      "r:id=\"rId1\"/></sheets></workbook>",
      kDecl, kMain, kRel, sheet_name);
}

// Reads a first workbook, so that the next read finds its layout remembered.
void prime() {
  const auto r = read_parts(one_sheet(cell_sheet("1")));
  REQUIRE(r.log == log_of("Sheet1", "1"));
}

}  // namespace

TEST_CASE("Workbooks with the same structure parts each show their own cells") {
  prime();
  const auto r = read_parts(one_sheet(cell_sheet("2")));
  CHECK(r.ok);
  CHECK(r.diags.empty());
  CHECK(r.log == log_of("Sheet1", "2"));
}

TEST_CASE("A workbook part that differs is read again: the sheet's own name") {
  prime();
  const auto r =
      read_parts(with(one_sheet(cell_sheet("3")), "xl/workbook.xml", workbook_naming("Số liệu")));
  CHECK(r.diags.empty());
  CHECK(r.log == log_of("Số liệu", "3"));
}

TEST_CASE("Workbook relationships that differ are read again: the sheet's own part") {
  prime();
  Parts parts = with(one_sheet(cell_sheet("4")), "xl/_rels/workbook.xml.rels",
                     rels({{"rId1", "worksheet", "worksheets/other.xml"}}));
  parts.emplace_back("xl/worksheets/other.xml", cell_sheet("5"));
  const auto r = read_parts(parts);
  CHECK(r.diags.empty());
  CHECK(r.log == log_of("Sheet1", "5"));
}

TEST_CASE("Package relationships that differ are read again: the workbook elsewhere") {
  prime();
  const Parts parts = {
      {"_rels/.rels", rels({{"rId1", "officeDocument", "book/main.xml"}})},
      {"book/main.xml", workbook_naming("Elsewhere")},
      {"book/_rels/main.xml.rels", rels({{"rId1", "worksheet", "s.xml"}})},
      {"book/s.xml", cell_sheet("6")},
  };
  const auto r = read_parts(parts);
  CHECK(r.diags.empty());
  CHECK(r.log == log_of("Elsewhere", "6"));
}

TEST_CASE("A broken workbook part after a good one is reported") {
  prime();
  const auto r = read_parts(
      with(one_sheet(cell_sheet("7")), "xl/workbook.xml", fmt::format("{}<workbook", kDecl)));
  CHECK_FALSE(r.ok);
  CHECK(r.diags == Diags{"book.xlsx: error[malformed-xml]: part \"xl/workbook.xml\", line 2, "
                         "column 1: unclosed token"});
  CHECK(r.log.empty());
}

TEST_CASE("The same structure under a smaller size limit is checked against that limit") {
  prime();
  ntr::ReadLimits small;
  small.max_part_bytes = 100;
  const auto r = read_parts(one_sheet(cell_sheet("1")), small);
  CHECK_FALSE(r.ok);
  CHECK(r.diags == Diags{"book.xlsx: error[part-too-large]: part \"_rels/.rels\" declares 296 "
                         "bytes, more than the limit of 100 bytes (no real appendix comes near "
                         "this size; the file "
                         "may be corrupt or built to exhaust memory)"});
}

TEST_CASE("The same parts stored uncompressed read the same") {
  prime();
  const std::string bytes = xlsx_test::make_zip(one_sheet(cell_sheet("8")), true);
  xlsx_test::Recorder rec;
  ntr::Diagnostics diags;
  CHECK(ntr::read_xlsx_buffer(bytes, "book.xlsx", {}, rec, diags));
  CHECK(diags.all().empty());
  CHECK(rec.log == log_of("Sheet1", "8"));
}

TEST_CASE("A file larger than what is read whole is read as needed, with the same result") {
  // 40,000 rows stored uncompressed: well over the 1 MiB read whole.
  std::string rows;
  std::string expected = "begin 0 'Sheet1' big.xlsx\n";
  for (int i = 1; i <= 40000; ++i) {
    rows += fmt::format("<row r=\"{0}\"><c r=\"A{0}\"><v>{0}</v></c></row>", i);
    if (i % 10000 == 0) expected += fmt::format("row {0}\nA{0} number \"{0}\"\n", i);
  }
  expected += "end\n";
  const std::string bytes = xlsx_test::make_zip(one_sheet(sheet_xml(rows)), true);
  REQUIRE(bytes.size() > (1U << 20));
  const std::string path = fmt::format("big.{}.xlsx", ::getpid());
  std::FILE* f = std::fopen(path.c_str(), "wb");
  REQUIRE(f != nullptr);
  std::fwrite(bytes.data(), 1, bytes.size(), f);
  std::fclose(f);

  // Every 10,000th row is enough to show that all were read, in order.
  struct Sampler final : ntr::SheetVisitor {
    std::string log;
    std::uint32_t rows = 0;
    void begin_sheet(const ntr::SheetInfo& s) override {
      log += fmt::format("begin {} '{}' {}\n", s.index, s.name, s.file);
    }
    void row(std::uint32_t row, std::span<const ntr::CellView> cells) override {
      ++rows;
      if (row % 10000 == 0)
        log += fmt::format("row {}\nA{} number \"{}\"\n", row, row, cells[0].text);
    }
    void end_sheet(std::span<const ntr::MergedRange>) override { log += "end\n"; }
  } sampler;
  ntr::Diagnostics diags;
  const bool ok = ntr::read_xlsx(path, "big.xlsx", {}, sampler, diags);
  std::remove(path.c_str());
  CHECK(ok);
  CHECK(diags.all().empty());
  CHECK(sampler.rows == 40000);
  CHECK(sampler.log == expected);
}
