#pragma once
// Helpers shared by the readers of registry, level and alias sheets.
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "ntreport/diag/diagnostic.hpp"
#include "ntreport/read/sheet.hpp"
#include "ntreport/registry/registry.hpp"

namespace ntr::registry_detail {

/// A column a sheet must or may have, found by its header text.
struct ColumnSpec {
  std::string_view name;
  bool required = false;
};

/// Finds the columns of `specs` in the first row of `sheet` (header text trimmed, ASCII case
/// ignored) and stores their 1-based positions in `cols` (0 when absent). Reports a missing
/// header row, a missing required column and a repeated column (registry-syntax); false then.
bool find_columns(const OwnedSheet& sheet, std::span<const ColumnSpec> specs,
                  std::span<std::uint32_t> cols, Diagnostics& diags);

/// The first row of a sheet as a reader streams it.
struct HeaderRow {
  std::uint32_t row = 0;
  std::span<const CellView> cells;
};
/// The same over a streamed header row; `header` is null when the sheet has no row at all.
bool find_columns(const SheetInfo& info, const HeaderRow* header, std::span<const ColumnSpec> specs,
                  std::span<std::uint32_t> cols, Diagnostics& diags);

/// The text of the cell at `col` (1-based) of a streamed row; empty when there is none.
std::string_view cell_at(std::span<const CellView> cells, std::uint32_t col);

/// The trimmed, non-empty parts of a `|`-separated cell.
std::vector<std::string> split_list(std::string_view cell);

/// `a, b, c` from a list of names.
std::string join(std::span<const std::string_view> items);

/// Up to `max` units whose code is closest to `code` by edit distance (at most
/// max(2, length/3)), closest first, then in registry order.
std::vector<UnitId> closest_codes(const Registry& reg, std::string_view code, std::size_t max);

/// `did you mean 'a', 'b' or 'c'?` naming the codes of `ids`; empty when there are none.
std::string did_you_mean_codes(const Registry& reg, std::span<const UnitId> ids);

/// The largest edit distance a suggestion may have for a key of `length` code points.
std::size_t suggestion_limit(std::size_t length);

/// True when two keys of these lengths (in code points) differ by more than `limit` edits: the
/// length gap bounds the edit distance from below and costs nothing to check.
bool too_far_by_length(std::size_t a, std::size_t b, std::size_t limit);

}  // namespace ntr::registry_detail
