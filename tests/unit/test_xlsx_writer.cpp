#include <zip.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <thread>

#include "../support/sample_docs.hpp"
#include "../support/scratch_dir.hpp"
#include "ntreport/write/xlsx.hpp"
#include "ntreport/write/xlsx_chart_lines.hpp"

using namespace ntr;
using ntr::test::list_dir;
using ntr::test::read_file;
using ntr::test::ScratchDir;

namespace {

std::vector<ReportDoc> sample_docs() {
  return {sample::dossiers(), sample::documents(), sample::targets()};
}

XlsxOptions sample_options() {
  XlsxOptions options;
  options.created = 1724803200;  // 2024-08-28T00:00:00Z
  return options;
}

// One part of a workbook, read with libzip.
std::string zip_entry(const std::string& path, const std::string& name) {
  int err = 0;
  zip_t* archive = zip_open(path.c_str(), ZIP_RDONLY, &err);
  REQUIRE(archive != nullptr);
  zip_stat_t st;
  zip_stat_init(&st);
  REQUIRE(zip_stat(archive, name.c_str(), 0, &st) == 0);
  std::string out(static_cast<std::size_t>(st.size), '\0');
  zip_file_t* file = zip_fopen(archive, name.c_str(), 0);
  REQUIRE(file != nullptr);
  CHECK(zip_fread(file, out.data(), st.size) == static_cast<zip_int64_t>(st.size));
  zip_fclose(file);
  zip_close(archive);
  return out;
}

}  // namespace

TEST_CASE("write_xlsx gives the same bytes on every run and leaves nothing behind") {
  ScratchDir first;
  ScratchDir second;
  Diagnostics diags;
  REQUIRE(write_xlsx(first.str("phu-luc.xlsx"), sample_docs(), sample_options(), diags));
  // The clock must not reach the file: a second later the bytes are the same.
  std::this_thread::sleep_for(std::chrono::milliseconds(1100));
  REQUIRE(write_xlsx(second.str("phu-luc.xlsx"), sample_docs(), sample_options(), diags));
  CHECK(diags.all().empty());
  const std::string a = read_file(first.path() / "phu-luc.xlsx");
  CHECK(a.size() > 1000);
  CHECK(a == read_file(second.path() / "phu-luc.xlsx"));
  // libxlsxwriter's scratch files live beside the output and are gone once it is written.
  CHECK(list_dir(first.path()) == std::set<std::string>{"phu-luc.xlsx"});
}

TEST_CASE("write_xlsx stamps the workbook with the given time, never the clock") {
  ScratchDir scratch;
  Diagnostics diags;
  const std::string path = scratch.str("phu-luc.xlsx");
  REQUIRE(write_xlsx(path, sample_docs(), sample_options(), diags));
  const std::string core = zip_entry(path, "docProps/core.xml");
  CHECK(core.find("<dcterms:created xsi:type=\"dcterms:W3CDTF\">2024-08-28T00:00:00Z"
                  "</dcterms:created>") != std::string::npos);
  CHECK(core.find("<dcterms:modified xsi:type=\"dcterms:W3CDTF\">2024-08-28T00:00:00Z"
                  "</dcterms:modified>") != std::string::npos);

  // libxlsxwriter reads 0 as "now"; the writer keeps an unset time fixed instead.
  REQUIRE(write_xlsx(path, sample_docs(), XlsxOptions{}, diags));
  CHECK(zip_entry(path, "docProps/core.xml").find(">1970-01-01T00:00:01Z</dcterms:created>") !=
        std::string::npos);
}

TEST_CASE("write_xlsx writes names as text, never as formulas") {
  ScratchDir scratch;
  Diagnostics diags;
  const std::string path = scratch.str("phu-luc.xlsx");
  REQUIRE(write_xlsx(path, {sample::dossiers()}, sample_options(), diags));
  const std::string sheet = zip_entry(path, "xl/worksheets/sheet1.xml");
  CHECK(sheet.find("<f>") == std::string::npos);
  // Constant-memory mode writes strings inline, in the sheet.
  CHECK(sheet.find("t=\"inlineStr\"><is><t>=SUM(A1)</t>") != std::string::npos);
}

TEST_CASE("write_xlsx reports a file it cannot create") {
  ScratchDir scratch;
  Diagnostics diags;
  const std::string path = scratch.str("missing") + "/phu-luc.xlsx";
  CHECK_FALSE(write_xlsx(path, sample_docs(), sample_options(), diags));
  REQUIRE(diags.all().size() == 1);
  CHECK(format_diagnostic(diags.all()[0]) ==
        path +
            ": error[io-error]: cannot write the workbook: Error creating output xlsx file. "
            "Usually a permissions error. (No such file or directory)");
  CHECK(list_dir(scratch.path()).empty());
}

TEST_CASE("write_xlsx reports a cell libxlsxwriter refuses, with its place") {
  ScratchDir scratch;
  Diagnostics diags;
  const std::string path = scratch.str("phu-luc.xlsx");
  ReportDoc doc = sample::dossiers();
  // rows[1] is on row 7: title, period, a blank row and two header rows come first.
  doc.rows[1].cells[1] = sample::text(std::string(40000, 'x'));  // Excel holds 32767 at most
  CHECK_FALSE(write_xlsx(path, {doc}, sample_options(), diags));
  REQUIRE(diags.all().size() == 1);
  CHECK(format_diagnostic(diags.all()[0]) ==
        path +
            ":'PL1 Hồ sơ'!B7: error[io-error]: cannot write the cell: "
            "String exceeds Excel's limit of 32,767 characters.");
}

namespace {

bool has_entry(const std::string& path, const std::string& name) {
  int err = 0;
  zip_t* archive = zip_open(path.c_str(), ZIP_RDONLY, &err);
  REQUIRE(archive != nullptr);
  const bool found = zip_name_locate(archive, name.c_str(), 0) >= 0;
  zip_close(archive);
  return found;
}

std::size_t occurrences(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

}  // namespace

TEST_CASE("write_xlsx lays the target rules over their cells as conditional formats") {
  ScratchDir scratch;
  Diagnostics diags;
  const std::string path = scratch.str("phu-luc.xlsx");
  REQUIRE(write_xlsx(path, {sample::dossiers()}, sample_options(), diags));
  // rows[1..3] are on rows 7 to 9: title, period, a blank row and two header rows come first.
  CHECK(zip_entry(path, "xl/worksheets/sheet1.xml")
            .find("<conditionalFormatting sqref=\"E7:E9\"><cfRule type=\"cellIs\" dxfId=\"0\" "
                  "priority=\"1\" operator=\"lessThan\"><formula>0.6</formula></cfRule>"
                  "</conditionalFormatting>") != std::string::npos);
  // The rule's format: a light red fill and dark red text, no font of its own.
  CHECK(zip_entry(path, "xl/styles.xml")
            .find("<dxfs count=\"1\"><dxf><font><color rgb=\"FF9C0006\"/></font><fill>"
                  "<patternFill><bgColor rgb=\"FFFFC7CE\"/></patternFill></fill></dxf></dxfs>") !=
        std::string::npos);
}

TEST_CASE("write_xlsx draws the charts on a chart sheet, targets as lines over the bars") {
  ScratchDir scratch;
  Diagnostics diags;
  const std::string path = scratch.str("phu-luc.xlsx");
  REQUIRE(write_xlsx(path, sample_docs(), sample_options(), diags));
  CHECK(diags.all().empty());
  CHECK(zip_entry(path, "xl/workbook.xml").find("<sheet name=\"Biểu đồ\" sheetId=\"4\"") !=
        std::string::npos);
  const std::string level = zip_entry(path, "xl/charts/chart1.xml");
  CHECK(occurrences(level, "<c:ser>") == 2);
  CHECK(occurrences(level, "<c:barChart>") == 1);
  CHECK(occurrences(level, "<c:lineChart>") == 1);
  // The target, moved into the line chart, over the same axes as the bars.
  const auto line = level.find("<c:lineChart>");
  REQUIRE(line != std::string::npos);
  CHECK(level.find("<c:f>'Biểu đồ'!$S$3:$S$5</c:f>") < line);
  CHECK(level.find("<c:f>'Biểu đồ'!$T$3:$T$5</c:f>") > line);
  CHECK(level.find("<c:marker><c:symbol val=\"dash\"/><c:size val=\"20\"/>", line) !=
        std::string::npos);
  CHECK(occurrences(level, "<c:axId val=\"50010001\"/><c:axId val=\"50010002\"/>") == 2);
  const std::string area = zip_entry(path, "xl/charts/chart2.xml");
  CHECK(occurrences(area, "<c:ser>") == 3);
  CHECK(area.find("<c:lineChart><c:grouping val=\"standard\"/><c:varyColors val=\"0\"/><c:ser>"
                  "<c:idx val=\"2\"/><c:order val=\"2\"/>") != std::string::npos);
  // The communes' target line takes a darker shade of the communes' bars.
  CHECK(area.find("<a:ln w=\"22225\" cap=\"rnd\"><a:solidFill><a:srgbClr val=\"843C0C\"/>"
                  "</a:solidFill><a:prstDash val=\"dash\"/>") != std::string::npos);
  CHECK_FALSE(has_entry(path, "xl/charts/chart3.xml"));
}

TEST_CASE("write_xlsx writes no chart sheet without charts, and never takes a sheet's name") {
  ScratchDir scratch;
  Diagnostics diags;
  const std::string path = scratch.str("phu-luc.xlsx");
  REQUIRE(write_xlsx(path, {sample::targets()}, sample_options(), diags));
  CHECK(zip_entry(path, "xl/workbook.xml").find("Biểu đồ") == std::string::npos);
  CHECK_FALSE(has_entry(path, "xl/charts/chart1.xml"));

  ReportDoc doc = sample::dossiers();
  doc.sheet_name = "BIỂU ĐỒ";  // Excel compares sheet names ignoring case
  REQUIRE(write_xlsx(path, {doc}, sample_options(), diags));
  CHECK(zip_entry(path, "xl/workbook.xml").find("<sheet name=\"Biểu đồ (2)\"") !=
        std::string::npos);
  CHECK(zip_entry(path, "xl/charts/chart1.xml").find("<c:f>'Biểu đồ (2)'!$T$3:$T$5</c:f>") !=
        std::string::npos);
  CHECK(diags.all().empty());
}

TEST_CASE("combine_chart_lines reports a workbook it cannot open or a chart it did not write") {
  ScratchDir scratch;
  std::string message;
  const std::vector<xlsx::ChartLines> lines = {{1, 1, {{true, 0xC00000}}}};
  CHECK_FALSE(xlsx::combine_chart_lines(scratch.str("missing.xlsx"), lines, message));
  CHECK(message == "No such file");

  Diagnostics diags;
  const std::string path = scratch.str("phu-luc.xlsx");
  REQUIRE(write_xlsx(path, {sample::dossiers()}, sample_options(), diags));
  const std::string before = read_file(scratch.path() / "phu-luc.xlsx");
  // The target has already moved into the line chart: one bar series is left where two were.
  CHECK_FALSE(xlsx::combine_chart_lines(path, lines, message));
  CHECK(message == "xl/charts/chart1.xml: 1 series where 2 were written");
  CHECK_FALSE(xlsx::combine_chart_lines(path, {{2, 1, {{false, 0}}}}, message));
  CHECK(message == "no part xl/charts/chart2.xml");
  // A failed rewrite leaves the workbook as it was, and nothing beside it.
  CHECK(read_file(scratch.path() / "phu-luc.xlsx") == before);
  CHECK(list_dir(scratch.path()) == std::set<std::string>{"phu-luc.xlsx"});
}

TEST_CASE("write_xlsx gives the same bytes in every time zone") {
  // The rewritten chart parts are dated through the local clock (libzip's DOS dates).
  const char* saved = std::getenv("TZ");
  const std::string restore = saved != nullptr ? saved : "";
  std::set<std::string> files;
  for (const char* tz : {"UTC0", "ICT-7", "LINT-14", "HST10"}) {
    ::setenv("TZ", tz, 1);
    ::tzset();
    ScratchDir scratch;
    Diagnostics diags;
    REQUIRE(write_xlsx(scratch.str("phu-luc.xlsx"), sample_docs(), sample_options(), diags));
    files.insert(read_file(scratch.path() / "phu-luc.xlsx"));
  }
  if (saved != nullptr) {
    ::setenv("TZ", restore.c_str(), 1);
  } else {
    ::unsetenv("TZ");
  }
  ::tzset();
  CHECK(files.size() == 1);
}
