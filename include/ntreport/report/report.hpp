#pragma once
// The one neutral structure between computation and rendering: an appendix as rows of cells,
// each cell holding its exact value and giving its display text. Markdown, XLSX and JSON
// writers render a ReportDoc and never compute.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ntreport/diag/diagnostic.hpp"
#include "ntreport/model/layout.hpp"
#include "ntreport/model/period.hpp"
#include "ntreport/report/narrative_section.hpp"

namespace ntr {

enum class ColumnKind : std::uint8_t {
  stt,    ///< row number ("I", "12.2.1")
  label,  ///< unit or row name
  count,  ///< a figure
  rate,   ///< a rate
  text,   ///< other text (targets, notes)
};

struct Column {
  std::string group;  ///< upper header over several columns ("Tiếp nhận"); empty = spans both rows
  std::string header;  ///< "Qua mạng"
  ColumnKind kind = ColumnKind::text;
  std::string key;            ///< field or rate key ("received_online"), or "stt", "name", …
  std::string number_format;  ///< XLSX number format ("#,##0", "0.00%"); empty for text
};

// Compact: a report holds a cell per column of every row (100,000 rows and more), so the
// values derived from num and den, and the text of a figure, are computed when asked for, not
// stored; the few other texts (notes, targets, an undefined rate's "-") are held once each.
struct Cell {
  enum class Kind : std::uint8_t { empty, text, count, rate } kind = Kind::empty;
  bool below_target = false;  ///< a unit's rate below its level's target (Mark::below_target)
  bool lowest = false;        ///< among the N lowest rates of its level (Mark::lowest)
  std::uint8_t decimals = 2;  ///< kind == rate, den > 0: the decimals `text` shows (0–2)
  std::int64_t num = 0;       ///< kind == count: the count; kind == rate: the numerator
  std::int64_t den = 0;       ///< kind == rate: the denominator; 0 means the rate is undefined

  [[nodiscard]] bool defined_rate() const { return kind == Kind::rate && den != 0; }
  /// The display text, Vietnamese conventions: "179.153", "99,83%", "-"; the one set_text
  /// gave, else the figure's own (a count, a defined rate rounded half-up), else empty
  [[nodiscard]] std::string text() const;
  /// Sets the text the cell shows (a text cell's, an undefined rate's, a target's own wording)
  void set_text(std::string_view t);
  /// kind == rate, den > 0: num / den, unrounded; else 0
  [[nodiscard]] double exact() const;
  /// kind == rate, den > 0: num / den rounded half-up to 4 decimals (the shown rate); else 0
  [[nodiscard]] double rounded() const;

 private:
  const std::string* text_ = nullptr;  ///< a text held once for the process (set_text), or none
};

enum class RowKind : std::uint8_t {
  level,    ///< "I  Cấp tỉnh": a level total
  group,    ///< "UBND cấp xã – <district>": the communes of an area
  unit,     ///< a registry unit
  total,    ///< "Tổng cộng": all levels
  heading,  ///< a section heading without figures (targets appendix)
  item,     ///< a row that is not a unit (a target)
};

/// Whether a row's figures are all there (the blank-cell policy, docs/blank-cells.md).
enum class RowStatus : std::uint8_t {
  reported,      ///< every figure (a unit), or every unit it covers (a subtotal row)
  partial,       ///< a unit with blank figures, or a subtotal row over some units only
  not_reported,  ///< a unit without figures
};

struct Row {
  RowKind kind = RowKind::unit;
  std::string stt;
  std::string label;
  std::uint32_t depth = 0;  ///< nesting of unit rows under their roll-up parent
  bool bold = false;
  std::string unit_code;    ///< unit rows
  std::string level_id;     ///< level, group and unit rows
  std::string area_code;    ///< group rows
  std::vector<Cell> cells;  ///< one per column
  RowStatus status = RowStatus::reported;
  /// level, group and total rows: the units they cover (their numbered rows) and how many of
  /// those are in every sum; a unit with sub-units: its sub-units, likewise
  std::uint32_t units = 0, units_reported = 0;
  std::string note;  ///< what the "Ghi chú" column says: "Chưa báo cáo", "62/65 đơn vị", …
  /// With --previous: the row's cells for the earlier period mapped onto it (one per column),
  /// or nothing when it is not comparable, and then why
  std::optional<std::vector<Cell>> previous;
  std::string not_comparable;
};

/// What a highlight of a rate cell means.
enum class Mark : std::uint8_t {
  below_target,  ///< a unit's rate below the plan's target for its level (docs/spec.md §2.5)
  lowest,        ///< one of the N lowest rates among the units of its level (ties included)
};

/// The cells of one rate column compared with a target, as a rule a spreadsheet can keep live
/// (a corrected figure updates its mark): the rows it covers (the unit rows of one level whose
/// rate is defined) and the target. The report stage also decides its outcome, cell by cell
/// (Cell::below_target): the rule marks exactly those cells when evaluated on the rounded
/// rates the tables show.
struct TargetRule {
  std::size_t column = 0;         ///< index into ReportDoc::columns
  std::vector<std::size_t> rows;  ///< indexes into ReportDoc::rows, ascending
  std::string level_id;           ///< the level of the units covered
  std::int64_t target = 0;        ///< hundredths of a percent (7500 = 75%)
};

/// A line under a table saying what a mark means.
struct LegendLine {
  Mark mark = Mark::below_target;
  std::string text;
};

/// One data series of a chart: a value per category.
struct ChartSeries {
  enum class Kind : std::uint8_t {
    bars,          ///< the rates
    target_line,   ///< a target, the same for every category: a line across the chart
    target_marks,  ///< a target per category: a mark over each bar
  } kind = Kind::bars;
  std::string name;          ///< the legend entry ("Cấp xã", "Chỉ tiêu cấp xã")
  std::string level_id;      ///< the level the series is about; empty for several levels
  std::vector<Cell> values;  ///< one per category; a rate cell, or empty for no value
};

/// A chart of one rate: bars by category, with the plan's targets where there are some.
struct Chart {
  std::size_t column = 0;      ///< the rate column of the doc it draws
  bool by_area = false;        ///< categories are areas (else levels and the total)
  std::string title;           ///< "Tỷ lệ HS qua mạng theo cấp"
  std::string category_title;  ///< what the categories are ("Cấp"): heads them in the data
  std::string value_title;     ///< title of the value axis ("Tỷ lệ")
  std::string number_format;   ///< of the values ("0.00%")
  std::vector<std::string> categories;
  std::vector<ChartSeries> series;  ///< the bars first, then the targets
};

/// Makes every row of a doc, in order, each time it is called.
using RowMaker = std::function<void(const std::function<void(const Row&)>& each)>;

/// How many unit rows a doc has, by status.
struct UnitRowCount {
  std::size_t units = 0, not_reported = 0, partial = 0;
  void add(const Row& row);  ///< counts a unit row; any other row, not
};

struct ReportDoc {
  std::string id;  ///< "ho-so"
  std::string title;
  std::string number_line;  ///< "Phụ lục 1": the appendix's place in the build, above the title
  std::string period_line;  ///< "(Từ ngày 01/01/2024 đến ngày 28/08/2024)", or empty
  std::string reference;    ///< "(Kèm theo Công văn số …)" under the period line, or empty
  std::string sheet_name;   ///< worksheet name in phu-luc.xlsx
  Layout layout = Layout::level;
  std::vector<Column> columns;
  std::vector<Row> rows;
  std::vector<std::string> not_reported;  ///< codes of units without figures, registry order
  std::vector<TargetRule> target_rules;   ///< rate cells compared with their level's target
  std::vector<LegendLine> legend;  ///< what the marks mean: per rate with targets, then lowest
  std::vector<Chart> charts;       ///< charts of the rates, in column order
  bool compared = false;           ///< rows carry the earlier period's figures (--previous)
  /// earlier units of the appendix that map to no unit of this registry: "code Name"
  std::vector<std::string> previous_unmapped;
  UnitRowCount dropped;  ///< the unit rows not in `rows` (dropped, or made on demand)
  /// When set, `rows` holds every row but the units' and this makes them all, in order, as
  /// often as asked (while the registry and the totals it was made from live), each unit's
  /// row once: a doc of 100,000 units is written without being held
  RowMaker all_rows;
};

/// The doc's titles, columns, legend and charts, without its rows, target rules or lists: what
/// a chart sheet drawn after the tables needs of it.
ReportDoc without_rows(const ReportDoc& doc);

/// Drops the rows of units (and the target rules, which point at rows) of an appendix already
/// written: its level, group and total rows, lists and charts stay, as the narrative needs.
void drop_unit_rows(ReportDoc& doc);

/// Calls `each` with every row of the doc, in order: its rows, or those all_rows makes.
void for_each_row(const ReportDoc& doc, const std::function<void(const Row&)>& each);

/// The doc's unit rows by status, those drop_unit_rows took out included.
UnitRowCount count_unit_rows(const ReportDoc& doc);

/// Everything one build writes.
struct BuildReport {
  std::optional<Period> period;
  std::vector<ReportDoc> appendices;
  /// With --previous: per appendix (same id), its "So sánh với cùng kỳ" table
  std::vector<ReportDoc> comparisons;
  std::vector<NarrativeSection> narrative;  ///< the paragraphs ("thuyết minh"), appendix order
  std::vector<Diagnostic> warnings;         ///< sorted
};

}  // namespace ntr
