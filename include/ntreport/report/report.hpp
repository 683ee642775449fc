#pragma once
// The one neutral structure between computation and rendering: an appendix as rows of cells,
// each cell holding its exact value and its display text. Markdown, XLSX and JSON writers
// render a ReportDoc and never compute.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "ntreport/diag/diagnostic.hpp"

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

struct Cell {
  enum class Kind : std::uint8_t { empty, text, count, rate } kind = Kind::empty;
  std::int64_t count = 0;         ///< kind == count
  std::int64_t num = 0, den = 0;  ///< kind == rate; den == 0 means the rate is undefined
  double exact = 0;               ///< kind == rate, den > 0: num / den, unrounded
  double rounded = 0;             ///< kind == rate, den > 0: rounded half-up to 4 decimals
  std::string text;  ///< display text, Vietnamese conventions: "179.153", "99,83%", "-"

  [[nodiscard]] bool defined_rate() const { return kind == Kind::rate && den != 0; }
};

enum class RowKind : std::uint8_t {
  level,    ///< "I  Cấp tỉnh": a level total
  group,    ///< "UBND cấp xã – <district>": the communes of an area
  unit,     ///< a registry unit
  total,    ///< "Tổng cộng": all levels
  heading,  ///< a section heading without figures (targets appendix)
  item,     ///< a row that is not a unit (a target)
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
};

struct ReportDoc {
  std::string id;  ///< "ho-so"
  std::string title;
  std::string period_line;  ///< "(Từ ngày 01/01/2024 đến ngày 28/08/2024)", or empty
  std::string sheet_name;   ///< worksheet name in phu-luc.xlsx
  std::string layout;       ///< "level", "area" or "targets"
  std::vector<Column> columns;
  std::vector<Row> rows;
  std::vector<std::string> not_reported;  ///< codes of units without figures, registry order
};

/// A reporting period, ISO dates.
struct Period {
  std::string from;  ///< "2024-01-01"
  std::string to;    ///< "2024-08-28"
};

/// Everything one build writes.
struct BuildReport {
  std::optional<Period> period;
  std::vector<ReportDoc> appendices;
  std::vector<Diagnostic> warnings;  ///< sorted
};

}  // namespace ntr
