#pragma once
// Sums and registry → a ReportDoc: rows in the layout of docs/spec.md §6, each cell with its exact
// value and its display text. The only place rates are computed and numbers formatted.
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ntreport/aggregate/aggregate.hpp"
#include "ntreport/model/layout.hpp"
#include "ntreport/registry/registry.hpp"
#include "ntreport/report/appendix.hpp"
#include "ntreport/report/report.hpp"

namespace ntr {

/// A target of the plan for a rate, at one level or at every level (docs/spec.md §2.5).
struct RateTarget {
  Rate rate = Rate::signed_ratio;
  std::optional<LevelId> level;  ///< none: every level
  std::int64_t hundredths = 0;   ///< the target in hundredths of a percent: "75%" → 7500
  std::string text;              ///< as the plan prints it: "75%"
};

struct ReportOptions {
  std::optional<Period> period;
  std::optional<Layout> layout;      ///< level or area; none: the definition's default
  std::optional<Rate> sort;          ///< order units within each group by this rate, lowest first
  std::string undefined_rate = "-";  ///< what a rate with a zero denominator prints
  std::vector<RateTarget> targets;   ///< unit cells below their level's target are marked
  unsigned highlight_lowest = 0;     ///< mark the N lowest units of each level per rate; 0: off
  /// Make the unit rows on demand (ReportDoc::unit_rows) instead of holding them: for the
  /// writers that stream, while the registry and the totals live
  bool stream_units = false;
};

/// Builds the appendix `def` (layout level or area) from the sums.
ReportDoc build_report(const AppendixDef& def, const Registry& registry, const Totals& totals,
                       const ReportOptions& options);

/// "(Từ ngày 01/01/2024 đến ngày 28/08/2024)" from the definition's pattern; empty without a
/// period.
std::string period_line(const std::string& pattern, const std::optional<Period>& period);

/// A count cell, empty when the field is absent.
Cell count_cell(const Values& v, Field f);
/// A rate cell from the sums in v, empty when a field it needs is absent.
Cell rate_cell(const Values& v, Rate r, const std::string& undefined_text);

/// "UBND huyện Bác Ái" → "huyện Bác Ái": an area's name without the "UBND" prefix.
std::string short_area_name(std::string_view name);

/// The target of `rate` for the units of `level`: the level's own, else one for every level.
const RateTarget* target_for(const std::vector<RateTarget>& targets, Rate rate, LevelId level);

/// The marks of the unit cells of every rate column: below their level's target and, when
/// `lowest` > 0, among the `lowest` lowest of their level (ties included), comparing the rounded
/// rates the tables show. It sees every row once (see(), with the row's place in the table),
/// then decides (the target rules and the legend lines of the doc), then marks each unit row
/// — the same rows again, made a second time or kept.
class Highlighter {
 public:
  Highlighter(const ReportDoc& doc, const Registry& registry,
              const std::vector<RateTarget>& targets, unsigned lowest);
  void see(const Row& row, std::size_t index);
  void decide(ReportDoc& doc);
  /// Marks a unit row; reads only, so that writers on several threads may make rows at once.
  void mark(Row& row) const;

 private:
  /// One rate column at one level.
  struct Scope {
    const RateTarget* target = nullptr;
    bool any = false;                  ///< some unit row has a defined rate
    std::vector<std::int64_t> values;  ///< the shown rates, until decided
    std::vector<std::size_t> rows;     ///< the rows of a target rule, until decided
    std::int64_t threshold = std::numeric_limits<std::int64_t>::max();  ///< the N-th lowest
  };
  /// Calls visit(column, index in scopes_) for each defined rate of a unit row of a known
  /// level.
  template <class Visit>
  void each_rate(const Row& row, Visit visit) const;

  const Registry& registry_;
  unsigned lowest_;
  std::size_t levels_;
  std::vector<std::size_t> columns_;  ///< the rate columns
  std::vector<Scope> scopes_;         ///< per rate column, per level
};

/// For each rate column of a by-level or by-area appendix: a chart by level (the level rows
/// and the total row of the doc, with a target mark per level) and a chart by area (per
/// district: the district's own rate and its communes' rate, side by side, with a target
/// line per level).
std::vector<Chart> build_charts(const ReportDoc& doc, const Registry& registry,
                                const Totals& totals, const ReportOptions& options);

/// I, II, III, IV …
std::string roman(unsigned n);

/// A level, area or total row over `members` (the units it numbers): how many are in its
/// sums for every group of figures of the appendix, and its note when not all are.
void mark_subtotal(Row& row, const std::vector<UnitId>& members, const Totals& totals,
                   const std::vector<Group>& groups);
/// A unit row: reported, partly ("Thiếu số liệu", or "n/N đơn vị" of its sub-units) or not
/// ("Chưa báo cáo"), in the groups of figures of the appendix.
void mark_unit(Row& row, UnitId u, const Registry& registry, const Totals& totals,
               const std::vector<Group>& groups);
/// Appends the "Ghi chú" column of the rows' notes (when some row has one).
void add_note_column(ReportDoc& doc);
/// Appends a row's cell of that column, after its first `columns` cells.
void add_note_cell(Row& row, std::size_t columns);

}  // namespace ntr
