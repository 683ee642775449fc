#pragma once
// Internal state of Ingest, shared by its source files.
#include <array>
#include <cstdint>
#include <limits>
#include <string>
#include <unordered_map>
#include <vector>

#include "ntreport/diag/diagnostic.hpp"
#include "ntreport/ingest/ingest.hpp"
#include "ntreport/ingest/row_kind.hpp"
#include "ntreport/ingest/values.hpp"
#include "ntreport/registry/registry.hpp"

namespace ntr {

inline constexpr std::uint8_t kColIgnored = 255;
inline constexpr std::uint8_t kColName = 254;
inline constexpr std::uint8_t kColCode = 253;
inline constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();

/// One table read, kept for the places figures came from.
struct TableInfo {
  SheetInfo sheet;
  std::vector<std::uint8_t> role_of_col;  ///< per column: a Field index or kCol*
  std::array<std::uint32_t, kFieldCount> col_of_field{};
  std::array<std::uint32_t, kFieldCount> header_of_field{};  ///< index into State::headers
  std::uint32_t code_col = 0;
};

/// One body row of the table being read.
struct RowRec {
  RowIdentity::Kind kind = RowIdentity::Kind::unit;
  UnitId unit = kNoUnit;  ///< unit rows; the area of group rows
  LevelId level = 0;
  std::uint32_t row = 0;
  Values values;
  std::string label;  ///< the name cell, for messages about subtotal rows
};

/// Where one figure of a unit came from.
struct Origin {
  std::uint32_t table = kNone;
  std::uint32_t row = 0;
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

  std::vector<TableInfo> tables;
  std::vector<std::string> headers;  ///< interned header texts
  std::unordered_map<std::string, std::uint32_t> header_ids;
  std::vector<RowRec> rows;  ///< of the table being read

  std::vector<Values> own;
  std::vector<std::uint32_t> origin_slot;  ///< per unit: index into origins, or kNone
  std::vector<std::array<Origin, kFieldCount>> origins;
  std::uint32_t unit_rows = 0;
  // Suggestions for the first unknown units only: rows are read in the order diagnostics are
  // printed, so every printed one (at most 100) has its hint, and a file of a million unknown
  // names is not a million searches of the registry.
  std::size_t hints_left = 200;

  std::uint32_t intern(const std::string& header);
  [[nodiscard]] const std::string& header(std::uint32_t table, Field f) const;
  [[nodiscard]] SourceLoc loc(const Origin& o, Field f) const;
  [[nodiscard]] Origin origin(UnitId u, Field f) const;

  void close_table();
  void check_subtotals(const std::vector<bool>& additive);
  void merge_row(const RowRec& r);
  void report_repeated(const RowRec& r, Field first, std::size_t count);
  Figures finish();
  void check_unit(UnitId u);
};

/// A hint for a cell that is not a count, or empty.
std::string not_a_count_hint(CellType type, std::string_view text);

}  // namespace ntr
