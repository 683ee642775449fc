// Highlights of rate cells: the units below their level's target (docs/spec.md §2.5) and the lowest
// units of each level (--highlight-lowest). Decided here, on the rounded rates the tables
// show, so that a spreadsheet rule comparing the same cells with the target marks exactly the
// same ones.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "ntreport/report/build.hpp"
#include "ntreport/report/labels.hpp"

namespace ntr {

namespace {

// The rate as stored and shown, in hundredths of a percent.
std::int64_t shown_hundredths(const Cell& c) { return std::llround(c.rounded() * 10000.0); }

// The unit rows of a level whose rate in `column` is defined.
std::vector<std::size_t> scope_rows(const ReportDoc& doc, std::size_t column,
                                    const std::string& level_id) {
  std::vector<std::size_t> rows;
  for (std::size_t r = 0; r < doc.rows.size(); ++r) {
    const Row& row = doc.rows[r];
    if (row.kind != RowKind::unit || row.level_id != level_id) continue;
    if (column < row.cells.size() && row.cells[column].defined_rate()) rows.push_back(r);
  }
  return rows;
}

void mark_below(ReportDoc& doc, const TargetRule& rule) {
  for (std::size_t r : rule.rows) {
    Cell& c = doc.rows[r].cells[rule.column];
    c.below_target = shown_hundredths(c) < rule.target;
  }
}

// A rate is among the N lowest when fewer than N rates of the rows are lower.
void mark_lowest(ReportDoc& doc, std::size_t column, const std::vector<std::size_t>& rows,
                 unsigned n) {
  std::vector<std::int64_t> values;
  for (std::size_t r : rows) values.push_back(shown_hundredths(doc.rows[r].cells[column]));
  std::sort(values.begin(), values.end());
  for (std::size_t r : rows) {
    Cell& c = doc.rows[r].cells[column];
    const auto lower = std::lower_bound(values.begin(), values.end(), shown_hundredths(c));
    c.lowest = static_cast<std::size_t>(lower - values.begin()) < n;
  }
}

}  // namespace

const RateTarget* target_for(const std::vector<RateTarget>& targets, Rate rate, LevelId level) {
  const RateTarget* every_level = nullptr;
  for (const auto& t : targets) {
    if (t.rate != rate) continue;
    if (t.level == level) return &t;
    if (!t.level && every_level == nullptr) every_level = &t;
  }
  return every_level;
}

void add_highlights(ReportDoc& doc, const Registry& registry,
                    const std::vector<RateTarget>& targets, unsigned lowest) {
  std::vector<std::string> below_lines;
  std::vector<std::string> lowest_headers;
  for (std::size_t i = 0; i < doc.columns.size(); ++i) {
    const Column& column = doc.columns[i];
    const auto rate = column.kind == ColumnKind::rate ? rate_by_key(column.key) : std::nullopt;
    if (!rate) continue;
    std::vector<std::string> parts;
    bool ranked = false;
    for (LevelId l = 0; l < registry.levels().size(); ++l) {
      const LevelDef& level = registry.levels()[l];
      TargetRule rule{i, scope_rows(doc, i, level.id), level.id, 0};
      if (rule.rows.empty()) continue;
      if (lowest > 0) {
        mark_lowest(doc, i, rule.rows, lowest);
        ranked = true;
      }
      if (const RateTarget* t = target_for(targets, *rate, l)) {
        rule.target = t->hundredths;
        mark_below(doc, rule);
        doc.target_rules.push_back(std::move(rule));
        parts.push_back(fmt::format("{} {}", level.label, t->text));
      }
    }
    if (!parts.empty()) {
      below_lines.push_back(
          fill(labels().legend_below_target,
               {{"rate", column.header}, {"targets", fmt::format("{}", fmt::join(parts, ", "))}}));
    }
    if (ranked) lowest_headers.push_back(column.header);
  }
  for (auto& line : below_lines) doc.legend.push_back(LegendLine{Mark::below_target, line});
  if (!lowest_headers.empty()) {
    doc.legend.push_back(LegendLine{
        Mark::lowest, fill(labels().legend_lowest,
                           {{"n", std::to_string(lowest)},
                            {"rates", fmt::format("{}", fmt::join(lowest_headers, "; "))}})});
  }
}

}  // namespace ntr
