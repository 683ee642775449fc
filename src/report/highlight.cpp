// Highlights of rate cells: the units below their level's target (docs/spec.md §2.5) and the lowest
// units of each level (--highlight-lowest). Decided here, on the rounded rates the tables
// show, so that a spreadsheet rule comparing the same cells with the target marks exactly the
// same ones.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "ntreport/report/build.hpp"
#include "ntreport/report/labels.hpp"

namespace ntr {

namespace {

// The rate as stored and shown, in hundredths of a percent.
std::int64_t shown_hundredths(const Cell& c) { return std::llround(c.rounded() * 10000.0); }

constexpr std::int64_t kNoThreshold = std::numeric_limits<std::int64_t>::max();

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

Highlighter::Highlighter(const ReportDoc& doc, const Registry& registry,
                         const std::vector<RateTarget>& targets, unsigned lowest)
    : registry_(registry), lowest_(lowest), levels_(registry.levels().size()) {
  for (std::size_t i = 0; i < doc.columns.size(); ++i) {
    const Column& column = doc.columns[i];
    const auto rate = column.kind == ColumnKind::rate ? rate_by_key(column.key) : std::nullopt;
    if (!rate) continue;
    columns_.push_back(i);
    for (LevelId l = 0; l < levels_; ++l) {
      Scope scope;
      if (const RateTarget* t = target_for(targets, *rate, l)) scope.target = t;
      scopes_.push_back(std::move(scope));
    }
  }
}

template <class Visit>
void Highlighter::each_rate(const Row& row, Visit visit) const {
  if (row.kind != RowKind::unit) return;
  const auto level = registry_.find_level(row.level_id);
  if (!level) return;
  for (std::size_t k = 0; k < columns_.size(); ++k) {
    const std::size_t column = columns_[k];
    if (column < row.cells.size() && row.cells[column].defined_rate())
      visit(column, k * levels_ + *level);
  }
}

void Highlighter::see(const Row& row, std::size_t index) {
  each_rate(row, [&](std::size_t column, std::size_t at) {
    Scope& s = scopes_[at];
    s.any = true;
    if (lowest_ > 0) s.values.push_back(shown_hundredths(row.cells[column]));
    if (s.target != nullptr) s.rows.push_back(index);
  });
}

// A rate is among the N lowest when fewer than N rates of its scope are lower: when it is at
// most the N-th lowest.
void Highlighter::decide(ReportDoc& doc) {
  std::vector<std::string> below_lines;
  std::vector<std::string> lowest_headers;
  for (std::size_t k = 0; k < columns_.size(); ++k) {
    const Column& column = doc.columns[columns_[k]];
    std::vector<std::string> parts;
    bool ranked = false;
    for (LevelId l = 0; l < levels_; ++l) {
      Scope& s = scopes_[k * levels_ + l];
      if (!s.any) continue;
      if (lowest_ > 0) {
        ranked = true;
        if (s.values.size() >= lowest_) {
          const auto nth = s.values.begin() + static_cast<std::ptrdiff_t>(lowest_ - 1);
          std::nth_element(s.values.begin(), nth, s.values.end());
          s.threshold = *nth;
        }
        s.values = {};
      }
      if (s.target != nullptr) {
        const LevelDef& level = registry_.levels()[l];
        doc.target_rules.push_back(
            TargetRule{columns_[k], std::move(s.rows), level.id, s.target->hundredths});
        s.rows = {};
        parts.push_back(fmt::format("{} {}", level.label, s.target->text));
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
                           {{"n", std::to_string(lowest_)},
                            {"rates", fmt::format("{}", fmt::join(lowest_headers, "; "))}})});
  }
}

void Highlighter::mark(Row& row) const {
  each_rate(row, [&](std::size_t column, std::size_t at) {
    const Scope& s = scopes_[at];
    Cell& c = row.cells[column];
    const std::int64_t shown = shown_hundredths(c);
    if (s.target != nullptr) c.below_target = shown < s.target->hundredths;
    if (lowest_ > 0) c.lowest = s.threshold == kNoThreshold || shown <= s.threshold;
  });
}

}  // namespace ntr
