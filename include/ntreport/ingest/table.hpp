#pragma once
// The mechanics of a printed table that ingest and audit share (docs/spec.md §3.1, §3.3): where
// its columns are, from its header; which unit rows are printed subtotals (a unit whose
// sub-units are listed too); and which rows each subtotal row covers.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "ntreport/ingest/row_kind.hpp"
#include "ntreport/model/fields.hpp"
#include "ntreport/model/values.hpp"
#include "ntreport/read/header.hpp"
#include "ntreport/registry/registry.hpp"

namespace ntr {

/// Where a table's columns are (1-based; 0: the table has none) and their headers.
struct ColumnMap {
  std::array<std::uint32_t, kFieldCount> field_col{};
  std::array<std::string, kFieldCount> field_header;  ///< as printed, on one line
  std::array<std::uint32_t, kRateCount> rate_col{};   ///< the first column of each rate
  std::array<std::string, kRateCount> rate_header;    ///< as printed, on one line
  std::uint32_t name_col = 0, code_col = 0, stt_col = 0;

  static constexpr std::uint8_t kNone = 255;
  std::vector<std::uint8_t> field_of_col;  ///< per column: a Field index, or kNone
  std::vector<std::uint8_t> rate_of_col;   ///< per column: a Rate index, or kNone

  /// The field a column holds, if any.
  [[nodiscard]] std::optional<Field> field_at(std::uint32_t col) const;
  /// The rate a column holds, if it is the first column of that rate.
  [[nodiscard]] std::optional<Rate> rate_at(std::uint32_t col) const;
};

/// The columns of a table from its header: the fields', the first column of each rate's, the
/// unit name, code and row number columns.
ColumnMap map_columns(const TableHeader& header);

/// A printed subtotal row by what it covers: every unit (total), the units of a level, those
/// of a level in one area (group), or the descendants of a unit.
struct Subtotal {
  RowIdentity::Kind kind = RowIdentity::Kind::total;  ///< total, level, group or unit
  LevelId level = 0;                                  ///< level and group rows
  UnitId unit = kNoUnit;                              ///< the area of a group; a unit row's unit
  bool operator==(const Subtotal&) const = default;
};

/// The subtotal of a total, level or group row, or of the row of a unit whose sub-units are
/// listed, identified as (kind, level, unit).
Subtotal subtotal_of(RowIdentity::Kind kind, LevelId level, UnitId unit);

/// Whether the subtotal covers the row of unit `u` (a row that adds up).
bool covers(const Registry& registry, const Subtotal& sub, UnitId u);

/// The units that have a descendant listed in a table: their rows are printed subtotals.
class ListedParents {
 public:
  /// Records the row of unit `u`: its ancestors are listed parents.
  void add(const Registry& registry, UnitId u);
  [[nodiscard]] bool contains(UnitId u) const { return units_.count(u) != 0; }

 private:
  std::unordered_set<UnitId> units_;
};

/// The figures of the rows that add up, summed per subtotal that covers them.
class SubtotalSums {
 public:
  /// Adds the figures of a row of unit `u` into every subtotal that covers it.
  void add(const Registry& registry, UnitId u, const Values& v);
  /// The sum of the rows `sub` covers (no figures when none).
  [[nodiscard]] Values covered(const Subtotal& sub) const;

 private:
  std::unordered_map<std::uint64_t, Values> sums_;
};

}  // namespace ntr
