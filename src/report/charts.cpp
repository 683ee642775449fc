// Chart specifications of the rates: by level and by area, with the plan's targets. The data
// of a chart is decided here, as every other figure of a report; writers only draw it.
#include <fmt/format.h>

#include <algorithm>

#include "ntreport/report/build.hpp"
#include "ntreport/report/labels.hpp"

namespace ntr {

namespace {

// "Tỷ lệ TTTT (%)" → "Tỷ lệ TTTT": the axis already says it is a percentage.
std::string rate_title(const std::string& header) {
  constexpr std::string_view suffix = " (%)";
  if (header.size() > suffix.size() &&
      header.compare(header.size() - suffix.size(), suffix.size(), suffix) == 0) {
    return header.substr(0, header.size() - suffix.size());
  }
  return header;
}

// "Cấp huyện" → "cấp huyện", inside a sentence; labels that start otherwise stay as they are.
std::string lower_first(std::string s) {
  if (!s.empty() && s[0] >= 'A' && s[0] <= 'Z') s[0] = static_cast<char>(s[0] - 'A' + 'a');
  return s;
}

Cell target_cell(const RateTarget& t) {
  Cell c;
  c.kind = Cell::Kind::rate;
  c.num = t.hundredths;
  c.den = 10000;
  c.set_text(t.text);
  return c;
}

bool any_value(const ChartSeries& s) {
  return std::any_of(s.values.begin(), s.values.end(),
                     [](const Cell& c) { return c.defined_rate(); });
}

// Target lines of several levels at one value would be drawn over one another, the last one
// hiding the others: they become one line, "Chỉ tiêu", of no level.
std::vector<ChartSeries> merge_equal_lines(std::vector<ChartSeries> lines) {
  if (lines.size() < 2 || lines.front().values.empty()) return lines;
  const std::int64_t target = lines.front().values.front().num;
  const auto same = [&](const ChartSeries& s) {
    return !s.values.empty() && s.values.front().num == target;
  };
  if (!std::all_of(lines.begin(), lines.end(), same)) return lines;
  ChartSeries one = std::move(lines.front());
  one.name = labels().target_series;
  one.level_id.clear();
  return {std::move(one)};
}

struct ChartBuilder {
  const ReportDoc& doc;
  const Registry& reg;
  const Totals& tot;
  const ReportOptions& opt;

  Chart by_level(std::size_t column, Rate rate) const;
  Chart by_area(std::size_t column, Rate rate) const;
  std::vector<LevelId> bar_levels() const;
};

// The level rows of the doc (the first of each level: the by-area layout repeats them at the
// foot) and its total row.
Chart ChartBuilder::by_level(std::size_t column, Rate rate) const {
  const Column& c = doc.columns[column];
  Chart chart{column,
              false,
              fill(labels().by_level, {{"rate", rate_title(c.header)}}),
              labels().level_axis,
              labels().value_axis,
              c.number_format,
              {},
              {}};
  ChartSeries bars{ChartSeries::Kind::bars, rate_title(c.header), {}, {}};
  ChartSeries marks{ChartSeries::Kind::target_marks, labels().target_series, {}, {}};
  for (LevelId l = 0; l < reg.levels().size(); ++l) {
    const auto row = std::find_if(doc.rows.begin(), doc.rows.end(), [&](const Row& r) {
      return r.kind == RowKind::level && r.level_id == reg.levels()[l].id;
    });
    if (row == doc.rows.end()) continue;
    chart.categories.push_back(reg.levels()[l].label);
    bars.values.push_back(row->cells[column]);
    const RateTarget* t = target_for(opt.targets, rate, l);
    marks.values.push_back(t != nullptr ? target_cell(*t) : Cell{});
  }
  for (const Row& r : doc.rows) {
    if (r.kind != RowKind::total) continue;
    chart.categories.push_back(r.label);
    bars.values.push_back(r.cells[column]);
    marks.values.emplace_back();
  }
  if (!any_value(bars)) return chart;
  chart.series.push_back(std::move(bars));
  if (any_value(marks)) chart.series.push_back(std::move(marks));
  return chart;
}

// The levels below the top one: their units lie in areas.
std::vector<LevelId> ChartBuilder::bar_levels() const {
  std::vector<LevelId> used;
  for (const Unit& u : reg.units()) {
    if (std::find(used.begin(), used.end(), u.level) == used.end()) used.push_back(u.level);
  }
  std::sort(used.begin(), used.end());
  if (!used.empty()) used.erase(used.begin());
  return used;
}

// Per area (a district): the district's own figures at its level, and the sum of the units of
// each other level lying in it, side by side; never added together (docs/spec.md §2.1).
Chart ChartBuilder::by_area(std::size_t column, Rate rate) const {
  const Column& c = doc.columns[column];
  const std::vector<LevelId> levels = bar_levels();
  std::vector<UnitId> areas;
  for (UnitId a : reg.areas()) {
    const Unit& area = reg.unit(a);
    if (area.parent == kNoUnit &&
        std::find(levels.begin(), levels.end(), area.level) != levels.end())
      areas.push_back(a);
  }
  if (areas.empty()) return {};
  const std::string area_level = lower_first(reg.levels()[reg.unit(areas[0]).level].label);
  Chart chart{column,
              true,
              fill(labels().by_area, {{"rate", rate_title(c.header)}, {"level", area_level}}),
              fill(labels().area_axis, {{"level", area_level}}),
              labels().value_axis,
              c.number_format,
              {},
              {}};
  for (UnitId a : areas) chart.categories.push_back(short_area_name(reg.unit(a).name));
  std::vector<ChartSeries> lines;
  for (LevelId l : levels) {
    ChartSeries bars{ChartSeries::Kind::bars, reg.levels()[l].label, reg.levels()[l].id, {}};
    for (UnitId a : areas) {
      const Unit& area = reg.unit(a);
      const auto group = tot.group.find({l, a});
      static const Values kNone;
      const Values& v = area.level == l ? tot.subtree[static_cast<std::size_t>(a)]
                                        : (group == tot.group.end() ? kNone : group->second);
      bars.values.push_back(rate_cell(v, rate, opt.undefined_rate));
    }
    if (!any_value(bars)) continue;
    chart.series.push_back(std::move(bars));
    if (const RateTarget* t = target_for(opt.targets, rate, l)) {
      lines.push_back(
          ChartSeries{ChartSeries::Kind::target_line,
                      fill(labels().target_line, {{"level", lower_first(reg.levels()[l].label)}}),
                      reg.levels()[l].id, std::vector<Cell>(areas.size(), target_cell(*t))});
    }
  }
  if (chart.series.empty()) return chart;
  for (auto& s : merge_equal_lines(std::move(lines))) chart.series.push_back(std::move(s));
  return chart;
}

// A category where no bar has a value says so in its name: an empty place would read as 0%,
// which draws no bar either.
void mark_no_data(Chart& chart) {
  for (std::size_t i = 0; i < chart.categories.size(); ++i) {
    const bool any = std::any_of(chart.series.begin(), chart.series.end(), [&](const auto& s) {
      return s.kind == ChartSeries::Kind::bars && i < s.values.size() && s.values[i].defined_rate();
    });
    if (!any) chart.categories[i] = fill(labels().no_figures, {{"name", chart.categories[i]}});
  }
}

}  // namespace

std::vector<Chart> build_charts(const ReportDoc& doc, const Registry& registry,
                                const Totals& totals, const ReportOptions& options) {
  std::vector<Chart> charts;
  if (doc.layout != Layout::level && doc.layout != Layout::area) return charts;
  const ChartBuilder b{doc, registry, totals, options};
  for (std::size_t i = 0; i < doc.columns.size(); ++i) {
    const auto rate =
        doc.columns[i].kind == ColumnKind::rate ? rate_by_key(doc.columns[i].key) : std::nullopt;
    if (!rate) continue;
    for (Chart chart : {b.by_level(i, *rate), b.by_area(i, *rate)}) {
      if (chart.series.empty()) continue;
      mark_no_data(chart);
      charts.push_back(std::move(chart));
    }
  }
  return charts;
}

}  // namespace ntr
