// The table rows written beside libxlsxwriter (src/write/xlsx_rows.hpp) against libxlsxwriter
// itself: the same workbook written both ways must hold the same parts, deflated to the same
// bytes, whatever the cells hold and whatever comes after the table.
#include <zip.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <string>
#include <utility>
#include <vector>

#include "../support/sample_docs.hpp"
#include "../support/scratch_dir.hpp"
#include "ntreport/write/xlsx.hpp"

using namespace ntr;
using ntr::test::list_dir;
using ntr::test::read_file;
using ntr::test::ScratchDir;

namespace {

struct Part {
  std::string name;
  std::string data;     ///< as stored: deflated
  std::string content;  ///< inflated
  bool operator==(const Part& o) const {
    return name == o.name && data == o.data && content == o.content;
  }
};

// Every part of a workbook, in the order of its central directory.
std::vector<Part> parts_of(const std::string& path) {
  int err = 0;
  zip_t* archive = zip_open(path.c_str(), ZIP_RDONLY, &err);
  REQUIRE(archive != nullptr);
  std::vector<Part> out;
  const zip_int64_t n = zip_get_num_entries(archive, 0);
  for (zip_int64_t i = 0; i < n; ++i) {
    const auto index = static_cast<zip_uint64_t>(i);
    zip_stat_t st;
    zip_stat_init(&st);
    REQUIRE(zip_stat_index(archive, index, 0, &st) == 0);
    Part p{st.name, std::string(static_cast<std::size_t>(st.comp_size), '\0'),
           std::string(static_cast<std::size_t>(st.size), '\0')};
    for (auto [flags, into] : {std::pair{ZIP_FL_COMPRESSED, &p.data}, {0U, &p.content}}) {
      zip_file_t* file = zip_fopen_index(archive, index, flags);
      REQUIRE(file != nullptr);
      CHECK(zip_fread(file, into->data(), into->size()) == static_cast<zip_int64_t>(into->size()));
      zip_fclose(file);
    }
    out.push_back(std::move(p));
  }
  zip_close(archive);
  return out;
}

// A workbook of `docs` written with its rows beside libxlsxwriter, on `threads` threads, and
// through libxlsxwriter: the parts of both.
std::pair<std::vector<Part>, std::vector<Part>> both_ways(const std::vector<ReportDoc>& docs,
                                                          unsigned threads = 1) {
  ScratchDir scratch;
  Diagnostics diags;
  XlsxOptions options;
  options.created = 1724803200;
  options.threads = threads;
  REQUIRE(write_xlsx(scratch.str("own.xlsx"), docs, options, diags));
  options.own_rows = false;
  REQUIRE(write_xlsx(scratch.str("lxw.xlsx"), docs, options, diags));
  CHECK(diags.all().empty());
  // The scratch files of the rows are gone with the book.
  CHECK(list_dir(scratch.path()) == std::set<std::string>{"lxw.xlsx", "own.xlsx"});
  return {parts_of(scratch.str("own.xlsx")), parts_of(scratch.str("lxw.xlsx"))};
}

// Texts libxlsxwriter treats apart: escaped characters, control characters, spaces kept at
// either end, an empty text (a blank cell), a name long enough to wrap over three lines (a
// taller row), counts past 10^15 (printed by printf, in
// exponent form past 10^16), fractional rates.
ReportDoc awkward_doc() {
  using namespace ntr::sample;
  ReportDoc d = dossiers();
  const std::vector<std::pair<std::string, std::vector<Cell>>> more = {
      {"Xã <Tân> & \"Hải\" 'x'",
       {count(7, "7"), count(3, "3"), rate(3, 7, 3.0 / 7.0, 0.4286, "42,86%")}},
      {" Xã có dấu cách đầu", {count(-5, "-5"), text(""), undefined_rate()}},
      {"Xã có dấu cách cuối ",
       {count(12345678901234567, "x"), count(1000000000000000, "y"), Cell{}}},
      {"Xã\x01ký tự\x1f điều khiển\ttab\nxuống dòng", {text("a\x02b"), text("<>&"), Cell{}}},
      {std::string(120, 'n') + " tên rất dài", {count(0, "0"), count(0, "0"), undefined_rate()}},
      {"", {count(1, "1"), count(1, "1"), rate(1, 1, 1.0, 1.0, "100%")}},
  };
  std::size_t stt = 10;
  for (const auto& [name, cells] : more) {
    const std::string n = std::to_string(stt++);
    d.rows.insert(d.rows.end() - 1, unit(n, name, "u" + n, "xa", cells));
  }
  return d;
}

}  // namespace

TEST_CASE("rows written beside libxlsxwriter give the parts libxlsxwriter gives, byte for byte") {
  SECTION("a table with a legend under it, a chart sheet after") {
    const auto [own, lxw] = both_ways({awkward_doc()});
    CHECK(own == lxw);
    // The cells the comparison is about are in the sheet.
    REQUIRE(own.size() > 3);
    const auto sheet = std::find_if(
        own.begin(), own.end(), [](const Part& p) { return p.name == "xl/worksheets/sheet1.xml"; });
    REQUIRE(sheet != own.end());
    for (const char* what :
         {"Xã &lt;Tân&gt; &amp; \"Hải\" 'x'", "_x0001_", "_x001F_", "<t xml:space=\"preserve\"> Xã",
          "<v>1.234567890123457E+16</v>", "<v>1000000000000000</v>", "<v>-5</v>", "<v>0.4286</v>",
          "\" ht=\"30\" customHeight=\"1\"><c r=\"A"}) {
      CAPTURE(what);
      CHECK(sheet->content.find(what) != std::string::npos);
    }
  }
  SECTION("tables without a legend: the rows end the sheet") {
    ReportDoc doc = awkward_doc();
    doc.legend.clear();
    const auto [own, lxw] = both_ways({doc, sample::documents(), sample::targets()});
    CHECK(own == lxw);
  }
  SECTION("a table without rows") {
    ReportDoc doc = sample::dossiers();
    doc.rows.clear();
    doc.target_rules.clear();
    const auto [own, lxw] = both_ways({doc});
    CHECK(own == lxw);
  }
  SECTION("a thousand rows, so that row numbers share their first digits") {
    ReportDoc doc = awkward_doc();
    const std::vector<Row> rows = doc.rows;
    for (int i = 0; i < 120; ++i)
      doc.rows.insert(doc.rows.end() - 1, rows.begin() + 1, rows.end() - 1);
    const auto [own, lxw] = both_ways({doc, awkward_doc()});
    CHECK(own == lxw);
  }
}

TEST_CASE("worksheets deflated on several threads give the bytes of one thread") {
  ScratchDir scratch;
  Diagnostics diags;
  const std::vector<ReportDoc> docs{awkward_doc(), sample::documents(), sample::targets()};
  XlsxOptions options;
  options.created = 1724803200;
  REQUIRE(write_xlsx(scratch.str("one.xlsx"), docs, options, diags));
  options.threads = 3;
  REQUIRE(write_xlsx(scratch.str("three.xlsx"), docs, options, diags));
  CHECK(read_file(scratch.path() / "one.xlsx") == read_file(scratch.path() / "three.xlsx"));
}

TEST_CASE("a workbook whose rows cannot get a scratch file is written by libxlsxwriter alone") {
  ScratchDir scratch;
  Diagnostics diags;
  const std::string path = scratch.str("phu-luc.xlsx");
  // Something already holds the name of the first sheet's scratch file: it is left alone.
  ntr::test::write_file(scratch.path() / "phu-luc.xlsx.rows1", "not ours");
  XlsxOptions options;
  options.created = 1724803200;
  REQUIRE(write_xlsx(path, {awkward_doc()}, options, diags));
  CHECK(diags.all().empty());
  CHECK(read_file(scratch.path() / "phu-luc.xlsx.rows1") == "not ours");
  options.own_rows = false;
  REQUIRE(write_xlsx(scratch.str("lxw.xlsx"), {awkward_doc()}, options, diags));
  CHECK(parts_of(path) == parts_of(scratch.str("lxw.xlsx")));
}
