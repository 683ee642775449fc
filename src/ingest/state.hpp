#pragma once
// Internal state of Ingest, shared by its source files.
#include <array>
#include <cstdint>
#include <deque>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "ntreport/diag/diagnostic.hpp"
#include "ntreport/ingest/ingest.hpp"
#include "ntreport/ingest/row_kind.hpp"
#include "ntreport/ingest/table.hpp"
#include "ntreport/model/invariants.hpp"
#include "ntreport/model/values.hpp"
#include "ntreport/registry/registry.hpp"

namespace ntr {

inline constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();

/// One table read, kept for the places figures came from.
struct TableInfo {
  SheetInfo sheet;
  std::array<std::uint32_t, kFieldCount> col_of_field{};
  std::array<std::uint32_t, kFieldCount> header_of_field{};  ///< index into State::headers
  std::uint32_t header_row = 0;                              ///< the last header row
};

/// One body row of the table being read.
struct RowRec {
  RowIdentity::Kind kind = RowIdentity::Kind::unit;
  UnitId unit = kNoUnit;  ///< unit rows; the area of group rows
  LevelId level = 0;
  std::uint32_t row = 0;
  Values values;
  std::uint32_t bad = 0;  ///< field_bit() of the cells that are not counts
  std::string label;      ///< the name cell, for messages about subtotal rows
};

/// Where one figure of a unit came from.
struct Origin {
  std::uint32_t table = kNone;
  std::uint32_t row = 0;
  bool operator==(const Origin&) const = default;
};

/// The key of a (unit, figure) pair in the origins kept apart.
inline std::uint64_t origin_key(UnitId u, Field f) {
  return (static_cast<std::uint64_t>(static_cast<std::uint32_t>(u)) << 8) |
         static_cast<std::uint64_t>(f);
}

/// Where the figures of one unit came from: usually all from one row.
struct UnitOrigin {
  Origin base;               ///< the first row that gave the unit a figure
  std::uint32_t fields = 0;  ///< field_bit() of every figure a row gave
};

struct Ingest::State {
  State(const Registry& r, Diagnostics& d);

  const Registry& registry;
  Diagnostics& diags;

  std::string file;
  std::size_t file_errors = 0;  ///< errors before the file: did its reader say what was wrong?
  std::uint32_t file_tables = 0;
  std::vector<SheetInfo> file_sheets;
  std::vector<std::string> files_with_tables;

  // A deque: thousands of workbooks add a table each, and a vector would copy them all and
  // hold twice their size as it grows.
  std::deque<TableInfo> tables;
  std::vector<std::string> headers;  ///< interned header texts
  std::unordered_map<std::string, std::uint32_t> header_ids;
  // Rows of units without sub-units always add up: they are merged as they come. The other
  // rows of the table (subtotals, and units whose sub-units may follow) wait for its end.
  ColumnMap columns;         ///< of the table being read
  std::vector<RowRec> rows;  ///< of the table being read, waiting
  SubtotalSums sums;         ///< of its rows that add up, to check its subtotal rows against
  ListedParents listed;      ///< of its units: their rows are printed subtotals

  std::vector<Values> own;
  std::vector<std::uint32_t> invalid;  ///< per unit: field_bit() of figures found wrong
  std::vector<UnitOrigin> origins;     ///< per unit
  std::unordered_map<std::uint64_t, Origin> other_origins;  ///< (unit, field) not from base
  std::uint32_t unit_rows = 0;
  // Suggestions for the first unknown units only: rows are read in the order diagnostics are
  // printed, so every printed one (at most 100) has its hint, and a file of a million unknown
  // names is not a million searches of the registry.
  std::size_t hints_left = 200;

  std::uint32_t intern(const std::string& header);
  [[nodiscard]] const std::string& header(std::uint32_t table, Field f) const;
  [[nodiscard]] SourceLoc loc(const Origin& o, Field f) const;
  [[nodiscard]] Origin origin(UnitId u, Field f) const;
  void set_origin(UnitId u, Field f, const Origin& where);

  void open_table();
  void add_row(RowRec&& r);
  void close_table();
  void check_subtotals(const std::vector<bool>& additive);
  void merge_row(const RowRec& r);
  void report_repeated(const RowRec& r, Field first, std::size_t count);
  Figures finish();
  void check_unit(UnitId u);

  // completeness.cpp: derived figures and blank cells (the blank-cell policy)
  struct Blank {
    std::uint32_t table = kNone;
    Field field = Field::docs_in;
    bool derived = false;  ///< derived from the unit's other figures, not left out
    bool operator<(const Blank& o) const {
      return std::tie(table, field, derived) < std::tie(o.table, o.field, o.derived);
    }
  };
  /// Blank figures of tables that have no column for them: one message per table and figure.
  std::map<Blank, std::vector<UnitId>> no_column;
  void derive_whole(UnitId u, const Invariant& inv);
  void derive_part(UnitId u, const Invariant& inv);
  void check_at_most(UnitId u, const Invariant& inv);
  void report_partial(UnitId u);
  void derived(UnitId u, Field f, Field from, std::string how);
  [[nodiscard]] std::optional<SourceLoc> blank_loc(UnitId u, Field f, Field sibling) const;
  [[nodiscard]] std::string hdr(UnitId u, Field f) const;
  void report_no_column();

  /// Suggestions of a known header for the first unknown columns only (hints_left's reason).
  std::size_t column_hints_left = 200;
  /// A warning per header cell that names no known column (the column is not read).
  void warn_unknown_columns(const TableHeader& header);
};

}  // namespace ntr
