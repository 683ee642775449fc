// The report stage's highlights (cells below their level's target, the lowest of each level)
// and chart specifications, on a small registry whose every rate is worked out below.
#include <fmt/format.h>

#include <catch2/catch.hpp>
#include <set>

#include "ntreport/aggregate/aggregate.hpp"
#include "ntreport/read/csv.hpp"
#include "ntreport/report/build.hpp"
#include "ntreport/report/targets.hpp"
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
    "c,Sở C,tinh,,,so,\n"
    "h1,UBND huyện Một,huyen,,,huyen,\n"
    "h2,UBND huyện Hai,huyen,,,huyen,\n"
    "h1.x1,Xã Một,xa,,h1,xa,\n"
    "h1.x2,Xã Hai,xa,,h1,xa,\n"
    "h2.x3,Xã Ba,xa,,h2,xa,\n";

Registry registry() { return ntr_test::registry_of(kRegistry); }

// docs_out and docs_out_signed per unit; units not listed did not report.
Totals totals(const Registry& r) {
  const std::map<std::string, std::array<std::int64_t, 2>> figures = {
      {"a", {1000, 990}},      // 99%: equal to a 99% target, not below it
      {"b.vp", {300, 150}},    // 50%
      {"b.cn.x", {7, 0}},      // 0%; its group b.cn 0% too, and b 150/307 = 48,86%
      {"c", {100000, 94996}},  // 94,996% shows "95%": not below 95%
      {"h1", {200, 199}},      // 99,5%
      {"h1.x1", {0, 0}},       // no documents out: the rate is undefined
      {"h1.x2", {40, 30}},     // 75%
      {"h2.x3", {60, 60}}};    // 100%
  std::vector<Values> own(r.size());
  for (const auto& [code, v] : figures) {
    Values& x = own[static_cast<std::size_t>(r.find_code(code))];
    x.set(Field::docs_in, 0);
    x.set(Field::docs_out, v[0]);
    x.set(Field::docs_out_signed, v[1]);
  }
  return aggregate(r, own);
}

AppendixDef def(const std::string& layout) {
  Diagnostics diags;
  auto d = parse_appendix(fmt::format(R"toml(id = "t"
title = "Thử"
layout = "{}"
[[columns]]
header = "STT"
show = "stt"
[[columns]]
header = "Tên đơn vị"
show = "name"
[[columns]]
header = "Tỷ lệ ký số (%)"
show = "signed_ratio"
)toml",
                                      layout),
                          "t.toml", diags);
  REQUIRE(d);
  return *d;
}

RateTarget target(const Registry& r, const char* level, std::int64_t hundredths, const char* text) {
  RateTarget t{Rate::signed_ratio, std::nullopt, hundredths, text};
  if (level != nullptr) t.level = r.find_level(level);
  return t;
}

ReportDoc build(const std::string& layout, std::vector<RateTarget> targets, unsigned lowest) {
  const Registry r = registry();
  ReportOptions options;
  options.layout = ntr::parse_layout(layout);
  options.targets = std::move(targets);
  options.highlight_lowest = lowest;
  return build_report(def(layout), r, totals(r), options);
}

// "label rate" of the rows whose rate cell has the mark.
std::vector<std::string> marked(const ReportDoc& doc, bool Cell::*mark) {
  std::vector<std::string> out;
  for (const Row& row : doc.rows) {
    if (row.cells[2].*mark) out.push_back(row.label + " " + row.cells[2].text());
  }
  return out;
}

std::vector<std::string> labels(const ReportDoc& doc, const std::vector<std::size_t>& rows) {
  std::vector<std::string> out;
  for (std::size_t i : rows) out.push_back(doc.rows[i].label);
  return out;
}

std::vector<std::string> texts(const std::vector<Cell>& cells) {
  std::vector<std::string> out;
  for (const Cell& c : cells) out.push_back(c.kind == Cell::Kind::empty ? "·" : c.text());
  return out;
}

}  // namespace

TEST_CASE("cells below their level's target: unit rows only, on the rounded rates") {
  const Registry r = registry();
  const ReportDoc doc =
      build("level", {target(r, "tinh", 9500, "95%"), target(r, "xa", 8000, "80%")}, 0);
  CHECK(marked(doc, &Cell::below_target) ==
        std::vector<std::string>{"Sở B 48,86%", "Văn phòng Sở B 50%", "Chi nhánh Sở B 0%",
                                 "Chi nhánh Sở B huyện Một 0%", "Xã Hai 75%"});
  CHECK(marked(doc, &Cell::lowest).empty());
  // One rule per level with a target, over the unit rows whose rate is defined.
  REQUIRE(doc.target_rules.size() == 2);
  CHECK(doc.target_rules[0].column == 2);
  CHECK(doc.target_rules[0].level_id == "tinh");
  CHECK(doc.target_rules[0].target == 9500);
  CHECK(labels(doc, doc.target_rules[0].rows) ==
        std::vector<std::string>{"Sở A", "Sở B", "Văn phòng Sở B", "Chi nhánh Sở B",
                                 "Chi nhánh Sở B huyện Một", "Sở C"});
  CHECK(doc.target_rules[1].level_id == "xa");
  CHECK(doc.target_rules[1].target == 8000);
  CHECK(labels(doc, doc.target_rules[1].rows) == std::vector<std::string>{"Xã Hai", "Xã Ba"});
  REQUIRE(doc.legend.size() == 1);
  CHECK(doc.legend[0].mark == Mark::below_target);
  CHECK(doc.legend[0].text ==
        "Tỷ lệ ký số (%) thấp hơn chỉ tiêu của cấp: Cấp tỉnh 95%, Cấp xã 80%.");
}

TEST_CASE("a target for every level applies where a level has none of its own") {
  const Registry r = registry();
  const ReportDoc doc =
      build("area", {target(r, nullptr, 9960, "99,6%"), target(r, "huyen", 9940, "99,4%")}, 0);
  // Sở A 99% < 99,6%, Sở C shows 95%; UBND huyện Một 99,5% is above its own 99,4%.
  CHECK(marked(doc, &Cell::below_target) ==
        std::vector<std::string>{"Sở A 99%", "Sở B 48,86%", "Văn phòng Sở B 50%",
                                 "Chi nhánh Sở B 0%", "Chi nhánh Sở B huyện Một 0%", "Sở C 95%",
                                 "Xã Hai 75%"});
  REQUIRE(doc.target_rules.size() == 3);
  CHECK(doc.target_rules[1].level_id == "huyen");
  CHECK(doc.target_rules[1].target == 9940);
  CHECK(labels(doc, doc.target_rules[1].rows) == std::vector<std::string>{"UBND huyện Một"});
  CHECK(doc.legend.at(0).text ==
        "Tỷ lệ ký số (%) thấp hơn chỉ tiêu của cấp: Cấp tỉnh 99,6%, Cấp huyện 99,4%, Cấp xã "
        "99,6%.");
}

TEST_CASE("the lowest rates of each level, ties with the last one included") {
  ReportDoc doc = build("level", {}, 1);
  // Two branches share the lowest rate of the provincial level, 0%.
  CHECK(marked(doc, &Cell::lowest) ==
        std::vector<std::string>{"Chi nhánh Sở B 0%", "Chi nhánh Sở B huyện Một 0%",
                                 "UBND huyện Một 99,5%", "Xã Hai 75%"});
  CHECK(doc.target_rules.empty());
  REQUIRE(doc.legend.size() == 1);
  CHECK(doc.legend[0].mark == Mark::lowest);
  CHECK(doc.legend[0].text ==
        "1 đơn vị có tỷ lệ thấp nhất của mỗi cấp (Tỷ lệ ký số (%)), kể cả đơn vị có tỷ lệ bằng "
        "đơn vị thứ 1.");

  doc = build("level", {}, 3);
  CHECK(marked(doc, &Cell::lowest) ==
        std::vector<std::string>{"Sở B 48,86%", "Chi nhánh Sở B 0%", "Chi nhánh Sở B huyện Một 0%",
                                 "UBND huyện Một 99,5%", "Xã Hai 75%", "Xã Ba 100%"});
}

TEST_CASE("rate_targets keeps the plain percentages of computed targets") {
  const Registry r = registry();
  std::vector<Target> plan(4);
  plan[0].rate = Rate::signed_ratio;
  plan[0].level = r.find_level("xa");
  plan[0].target = "92,5%";
  plan[1].rate = Rate::online_ratio;
  plan[1].target = "trên 90%";  // not a plain percentage: nothing to compare cells with
  plan[2].target = "75%";       // not computed from a rate
  plan[3].rate = Rate::online_ratio;
  plan[3].target = "75%";
  const auto targets = rate_targets(plan);
  REQUIRE(targets.size() == 2);
  CHECK(targets[0].rate == Rate::signed_ratio);
  CHECK(targets[0].level == r.find_level("xa"));
  CHECK(targets[0].hundredths == 9250);
  CHECK(targets[0].text == "92,5%");
  CHECK(targets[1].rate == Rate::online_ratio);
  CHECK_FALSE(targets[1].level.has_value());
  CHECK(targets[1].hundredths == 7500);
}

TEST_CASE("charts: by level with a target mark per level, by area with a line per level") {
  const Registry r = registry();
  const ReportDoc doc =
      build("level", {target(r, "tinh", 9500, "95%"), target(r, "xa", 8000, "80%")}, 0);
  REQUIRE(doc.charts.size() == 2);
  const Chart& level = doc.charts[0];
  CHECK(level.column == 2);
  CHECK_FALSE(level.by_area);
  CHECK(level.title == "Tỷ lệ ký số theo cấp");
  CHECK(level.category_title == "Cấp");
  CHECK(level.value_title == "Tỷ lệ");
  CHECK(level.number_format == "0.00%");
  CHECK(level.categories ==
        std::vector<std::string>{"Cấp tỉnh", "Cấp huyện", "Cấp xã", "Tổng cộng"});
  REQUIRE(level.series.size() == 2);
  CHECK(level.series[0].kind == ChartSeries::Kind::bars);
  CHECK(level.series[0].name == "Tỷ lệ ký số");
  // 96.136 / 101.307; 199 / 200; 90 / 100; 96.425 / 101.607
  CHECK(texts(level.series[0].values) ==
        std::vector<std::string>{"94,9%", "99,5%", "90%", "94,9%"});
  CHECK(level.series[1].kind == ChartSeries::Kind::target_marks);
  CHECK(level.series[1].name == "Chỉ tiêu");
  CHECK(texts(level.series[1].values) == std::vector<std::string>{"95%", "·", "80%", "·"});
  CHECK(level.series[1].values[0].rounded() == 0.95);

  const Chart& area = doc.charts[1];
  CHECK(area.by_area);
  CHECK(area.title == "Tỷ lệ ký số theo địa bàn cấp huyện");
  CHECK(area.category_title == "Địa bàn cấp huyện");
  CHECK(area.categories == std::vector<std::string>{"huyện Một", "huyện Hai"});
  REQUIRE(area.series.size() == 3);
  // the district's own figures, and its communes' (never added together)
  CHECK(area.series[0].name == "Cấp huyện");
  CHECK(area.series[0].level_id == "huyen");
  CHECK(texts(area.series[0].values) == std::vector<std::string>{"99,5%", "·"});
  CHECK(area.series[1].name == "Cấp xã");
  CHECK(texts(area.series[1].values) == std::vector<std::string>{"75%", "100%"});
  CHECK(area.series[2].kind == ChartSeries::Kind::target_line);
  CHECK(area.series[2].name == "Chỉ tiêu cấp xã");
  CHECK(area.series[2].level_id == "xa");
  CHECK(texts(area.series[2].values) == std::vector<std::string>{"80%", "80%"});
}

TEST_CASE("charts: a by-area appendix has no total row, so no total bar") {
  const ReportDoc doc = build("area", {}, 0);
  REQUIRE(doc.charts.size() == 2);
  CHECK(doc.charts[0].categories == std::vector<std::string>{"Cấp tỉnh", "Cấp huyện", "Cấp xã"});
  REQUIRE(doc.charts[0].series.size() == 1);  // no target: no marks
  CHECK(texts(doc.charts[0].series[0].values) == std::vector<std::string>{"94,9%", "99,5%", "90%"});
  CHECK(doc.charts[1].series.size() == 2);
}

TEST_CASE("charts: by area, the targets of several levels at one value are one line") {
  const Registry r = registry();
  // one target for every level: the district's and the communes' lines would coincide
  const ReportDoc every = build("level", {target(r, nullptr, 9000, "90%")}, 0);
  REQUIRE(every.charts.size() == 2);
  const Chart& area = every.charts[1];
  REQUIRE(area.series.size() == 3);
  CHECK(area.series[0].name == "Cấp huyện");
  CHECK(area.series[1].name == "Cấp xã");
  CHECK(area.series[2].kind == ChartSeries::Kind::target_line);
  CHECK(area.series[2].name == "Chỉ tiêu");
  CHECK(area.series[2].level_id.empty());
  CHECK(texts(area.series[2].values) == std::vector<std::string>{"90%", "90%"});
  // the level chart keeps a mark over every bar
  CHECK(texts(every.charts[0].series[1].values) ==
        std::vector<std::string>{"90%", "90%", "90%", "·"});

  // two levels at the same value: one line; at different values: a line each
  const ReportDoc same =
      build("level", {target(r, "huyen", 9000, "90%"), target(r, "xa", 9000, "90%")}, 0);
  REQUIRE(same.charts[1].series.size() == 3);
  CHECK(same.charts[1].series[2].name == "Chỉ tiêu");
  const ReportDoc apart =
      build("level", {target(r, "huyen", 9000, "90%"), target(r, "xa", 8000, "80%")}, 0);
  const Chart& two = apart.charts[1];
  REQUIRE(two.series.size() == 4);
  CHECK(two.series[2].name == "Chỉ tiêu cấp huyện");
  CHECK(two.series[2].level_id == "huyen");
  CHECK(texts(two.series[2].values) == std::vector<std::string>{"90%", "90%"});
  CHECK(two.series[3].name == "Chỉ tiêu cấp xã");
  CHECK(two.series[3].level_id == "xa");
  CHECK(texts(two.series[3].values) == std::vector<std::string>{"80%", "80%"});
}

TEST_CASE("charts: a category without any value says so, and 0% is a value") {
  const Registry r = registry();
  std::vector<Values> own(r.size());
  Values& a = own[static_cast<std::size_t>(r.find_code("a"))];  // 0 of 10 signed: 0%
  a.set(Field::docs_in, 0);
  a.set(Field::docs_out, 10);
  a.set(Field::docs_out_signed, 0);
  Values& x = own[static_cast<std::size_t>(r.find_code("h1.x1"))];  // none out: undefined
  x.set(Field::docs_in, 0);
  x.set(Field::docs_out, 0);
  x.set(Field::docs_out_signed, 0);
  const Totals t = aggregate(r, own);
  const ReportDoc doc = build_report(def("level"), r, t, ReportOptions{});
  REQUIRE_FALSE(doc.charts.empty());
  CHECK(doc.charts[0].categories ==
        std::vector<std::string>{"Cấp tỉnh", "Cấp huyện (chưa có số liệu)",
                                 "Cấp xã (chưa có số liệu)", "Tổng cộng"});
  CHECK(texts(doc.charts[0].series[0].values) == std::vector<std::string>{"0%", "·", "-", "0%"});
}

namespace {

// Everything a writer reads of a row.
std::string describe(const Row& row) {
  std::string s =
      fmt::format("{}|{}|{}|{}|{}|{}|{}|{}|{}|{}/{}|{}|", static_cast<int>(row.kind), row.stt,
                  row.label, row.depth, row.bold, row.unit_code, row.level_id, row.area_code,
                  static_cast<int>(row.status), row.units_reported, row.units, row.note);
  for (const Cell& c : row.cells) {
    s += fmt::format("[{} {} {} {} {} {} {}]", static_cast<int>(c.kind), c.num, c.den, c.decimals,
                     c.text(), c.below_target, c.lowest);
  }
  return s;
}

std::vector<std::string> described(const ReportDoc& doc) {
  std::vector<std::string> out;
  for_each_row(doc, [&](const Row& row) { out.push_back(describe(row)); });
  return out;
}

}  // namespace

TEST_CASE("unit rows made on demand are the rows a held appendix has, marks and notes included") {
  const Registry r = registry();
  const Totals t = totals(r);
  for (const std::string layout : {"level", "area"}) {
    INFO(layout);
    ReportOptions options;
    options.layout = ntr::parse_layout(layout);
    options.targets = {target(r, "tinh", 9500, "95%"), target(r, "xa", 8000, "80%")};
    options.highlight_lowest = 2;
    const ReportDoc held = build_report(def(layout), r, t, options);
    options.stream_units = true;
    const ReportDoc made = build_report(def(layout), r, t, options);
    REQUIRE(made.all_rows);
    const auto rows = described(held);
    CHECK(described(made) == rows);
    CHECK(described(made) == rows);  // as often as asked
    // Held: every row but the units', which are counted.
    std::vector<std::string> others;
    UnitRowCount units;
    for (const Row& row : held.rows) {
      units.add(row);
      if (row.kind != RowKind::unit) others.push_back(describe(row));
    }
    std::vector<std::string> kept;
    for (const Row& row : made.rows) kept.push_back(describe(row));
    CHECK(kept == others);
    CHECK(count_unit_rows(made).units == units.units);
    CHECK(count_unit_rows(made).not_reported == units.not_reported);
    CHECK(units.units == 11);  // every unit of the registry, each once
    std::set<std::string> codes;
    for_each_row(made, [&](const Row& row) {
      if (row.kind == RowKind::unit) codes.insert(row.unit_code);
    });
    CHECK(codes.size() == 11);
    // The marks were decided over every row: the same rules, legend, columns and charts.
    REQUIRE(made.target_rules.size() == held.target_rules.size());
    for (std::size_t i = 0; i < held.target_rules.size(); ++i)
      CHECK(made.target_rules[i].rows == held.target_rules[i].rows);
    CHECK(made.legend.size() == held.legend.size());
    CHECK(made.columns.size() == held.columns.size());
    CHECK(made.charts.size() == held.charts.size());
    CHECK(std::count_if(rows.begin(), rows.end(), [](const std::string& s) {
            return s.find("% true") != std::string::npos;  // some cell below its target
          }) > 0);
  }
}
