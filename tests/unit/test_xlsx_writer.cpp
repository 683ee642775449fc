#include <zip.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <thread>

#include "../support/sample_docs.hpp"
#include "../support/scratch_dir.hpp"
#include "ntreport/write/xlsx.hpp"

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
  CHECK(zip_entry(path, "xl/sharedStrings.xml").find("<t>=SUM(A1)</t>") != std::string::npos);
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
