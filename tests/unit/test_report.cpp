#include <fmt/format.h>

#include <catch2/catch.hpp>

#include "ntreport/aggregate/aggregate.hpp"
#include "ntreport/read/csv.hpp"
#include "ntreport/report/build.hpp"
#include "test_support.hpp"

using namespace ntr;

namespace {

constexpr std::string_view kRegistry =
    "code,name,level,parent,area,kind,aliases\n"
    "a,Sở A,tinh,,,so,\n"
    "b,Sở B,tinh,,,so,\n"
    "b.vp,Văn phòng Sở B,tinh,b,,van-phong,\n"
    "b.cn,Chi nhánh Sở B,tinh,b,,nhom,\n"
    "b.cn.x,Chi nhánh Sở B huyện Một,tinh,b.cn,h1,chi-nhanh,\n"
    "h1,UBND huyện Một,huyen,,,huyen,\n"
    "h2,UBND huyện Hai,huyen,,,huyen,\n"
    "h1.x1,Xã Một,xa,,h1,xa,\n"
    "h1.x2,Xã Hai,xa,,h1,xa,\n"
    "h2.x3,Xã Ba,xa,,h2,xa,\n";

Registry registry() { return ntr_test::registry_of(kRegistry); }

// docs_in, docs_out, docs_out_signed per unit; an empty entry = not reported
std::vector<Values> figures(const Registry& r, const std::map<std::string, std::array<int, 3>>& f) {
  std::vector<Values> own(r.size());
  for (const auto& [code, v] : f) {
    Values& x = own[static_cast<std::size_t>(r.find_code(code))];
    x.set(Field::docs_in, v[0]);
    x.set(Field::docs_out, v[1]);
    x.set(Field::docs_out_signed, v[2]);
  }
  return own;
}

AppendixDef def(const std::string& layout) {
  Diagnostics diags;
  auto d = parse_appendix(fmt::format(R"(id = "t"
title = "Thử"
layout = "{}"
[[columns]]
header = "STT"
show = "stt"
[[columns]]
header = "Tên đơn vị"
show = "name"
[[columns]]
header = "VB đi"
show = "docs_out"
[[columns]]
header = "Tỷ lệ"
show = "signed_ratio"
)",
                                      layout),
                          "t.toml", diags);
  REQUIRE(d);
  return *d;
}

// One line per row: "stt | label | docs_out | rate"
std::vector<std::string> lines(const ReportDoc& doc) {
  std::vector<std::string> out;
  for (const auto& r : doc.rows) {
    out.push_back(fmt::format("{}{} | {} | {} | {}", r.bold ? "*" : "", r.stt, r.label,
                              r.cells[2].text(), r.cells[3].text()));
  }
  return out;
}

const std::map<std::string, std::array<int, 3>> kFigures = {
    {"a", {10, 1000, 990}}, {"b.vp", {5, 300, 150}}, {"b.cn.x", {1, 7, 0}}, {"h1", {3, 200, 199}},
    {"h1.x1", {2, 0, 0}},   {"h1.x2", {4, 40, 30}},  {"h2.x3", {6, 60, 60}}};

}  // namespace

TEST_CASE("by level: subtrees, numbering to any depth, level totals, ratios of sums") {
  const Registry r = registry();
  const Totals t = aggregate(r, figures(r, kFigures));
  const ReportDoc doc = build_report(def("level"), r, t, ReportOptions{});
  CHECK(lines(doc) == std::vector<std::string>{
                          "*I | Cấp tỉnh | 1.307 | 87,22%",  // 1140 / 1307
                          "1 | Sở A | 1.000 | 99%",
                          "2 | Sở B | 307 | 48,86%",  // 150 / 307, not (50% + 0%) / 2
                          "2.1 | Văn phòng Sở B | 300 | 50%", "2.2 | Chi nhánh Sở B | 7 | 0%",
                          "2.2.1 | Chi nhánh Sở B huyện Một | 7 | 0%",
                          "*II | Cấp huyện | 200 | 99,5%", "1 | UBND huyện Một | 200 | 99,5%",
                          "2 | UBND huyện Hai |  | ",  // not reported: empty cells
                          "*III | Cấp xã | 100 | 90%",
                          "1 | Xã Một | 0 | -",  // zero denominator
                          "2 | Xã Hai | 40 | 75%", "3 | Xã Ba | 60 | 100%",
                          "* | Tổng cộng | 1.607 | 88,92%"});  // 1429 / 1607
  CHECK(doc.not_reported == std::vector<std::string>{"h2"});
  CHECK(doc.rows[1].depth == 0);
  CHECK(doc.rows[5].depth == 2);
  CHECK(doc.rows[5].unit_code == "b.cn.x");
  const Cell& rate = doc.rows[0].cells[3];
  CHECK(rate.num == 1140);
  CHECK(rate.den == 1307);
  CHECK(rate.exact() == Approx(1140.0 / 1307.0).epsilon(1e-15));
  CHECK(rate.rounded() == 0.8722);
}

TEST_CASE(
    "by area: districts, their communes' subtotal, communes numbered on, levels at the foot") {
  const Registry r = registry();
  const Totals t = aggregate(r, figures(r, kFigures));
  const ReportDoc doc =
      build_report(def("level"), r, t, ReportOptions{{}, ntr::Layout::area, {}, "-", {}, 0});
  CHECK(lines(doc) ==
        std::vector<std::string>{
            "*I | Các Sở, ban, ngành | 1.307 | 87,22%", "1 | Sở A | 1.000 | 99%",
            "2 | Sở B | 307 | 48,86%", "2.1 | Văn phòng Sở B | 300 | 50%",
            "2.2 | Chi nhánh Sở B | 7 | 0%", "2.2.1 | Chi nhánh Sở B huyện Một | 7 | 0%",
            "*II | UBND huyện Một | 200 | 99,5%", "* | UBND cấp xã – huyện Một | 40 | 75%",
            "1 | Xã Một | 0 | -", "2 | Xã Hai | 40 | 75%", "*III | UBND huyện Hai |  | ",
            "* | UBND cấp xã – huyện Hai | 60 | 100%", "3 | Xã Ba | 60 | 100%",
            "* | Cấp xã | 100 | 90%", "* | Cấp huyện | 200 | 99,5%",
            "* | Cấp tỉnh | 1.307 | 87,22%"});
  CHECK(doc.rows[7].kind == RowKind::group);
  CHECK(doc.rows[7].area_code == "h1");
  CHECK(doc.rows[7].level_id == "xa");
}

TEST_CASE("--sort orders the units within each group, lowest rate first, undefined last") {
  const Registry r = registry();
  const Totals t = aggregate(r, figures(r, kFigures));
  ReportOptions o;
  o.sort = Rate::signed_ratio;
  const ReportDoc doc = build_report(def("level"), r, t, o);
  CHECK(lines(doc) ==
        std::vector<std::string>{
            "*I | Cấp tỉnh | 1.307 | 87,22%", "1 | Sở B | 307 | 48,86%",
            "1.1 | Chi nhánh Sở B | 7 | 0%", "1.1.1 | Chi nhánh Sở B huyện Một | 7 | 0%",
            "1.2 | Văn phòng Sở B | 300 | 50%", "2 | Sở A | 1.000 | 99%",
            "*II | Cấp huyện | 200 | 99,5%", "1 | UBND huyện Một | 200 | 99,5%",
            "2 | UBND huyện Hai |  | ", "*III | Cấp xã | 100 | 90%", "1 | Xã Hai | 40 | 75%",
            "2 | Xã Ba | 60 | 100%", "3 | Xã Một | 0 | -", "* | Tổng cộng | 1.607 | 88,92%"});
}

TEST_CASE("period line") {
  CHECK(period_line("(Từ ngày {from} đến ngày {to})", Period{"2024-01-01", "2024-08-28"}) ==
        "(Từ ngày 01/01/2024 đến ngày 28/08/2024)");
  CHECK(period_line("(Từ ngày {from} đến ngày {to})", std::nullopt).empty());
  CHECK(roman(4) == "IV");
  CHECK(roman(9) == "IX");
  CHECK(roman(14) == "XIV");
}

TEST_CASE("a cell's text: a figure's formatted when asked for, a text given kept as given") {
  Values v;
  v.set(Field::docs_out, 179153);
  v.set(Field::docs_out_signed, 178849);
  const Cell count = count_cell(v, Field::docs_out);
  CHECK(count.text() == "179.153");
  const Cell rate = rate_cell(v, Rate::signed_ratio, "-");
  CHECK(rate.text() == "99,83%");  // 178849 / 179153 = 99.830…%
  CHECK(rate.decimals == 2);
  Values none;
  none.set(Field::docs_out, 0);
  none.set(Field::docs_out_signed, 0);
  CHECK(rate_cell(none, Rate::signed_ratio, "không có").text() == "không có");
  CHECK(rate_cell(none, Rate::signed_ratio, "").text().empty());
  CHECK(count_cell(Values{}, Field::docs_out).text().empty());  // blank is not a zero
  Cell note;
  note.kind = Cell::Kind::text;
  note.set_text("62/65 đơn vị");
  Cell same = note;
  same.set_text(std::string("62/65 ") + "đơn vị");
  CHECK(note.text() == "62/65 đơn vị");
  CHECK(same.text() == note.text());
  Cell target = rate;
  target.set_text("≥ 95%");  // a target keeps its own wording over the formatted rate
  CHECK(target.text() == "≥ 95%");
}
