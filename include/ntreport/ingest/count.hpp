#pragma once
// Counts as people type them (docs/spec.md §3.2): 98076, 98.076, 98 076, and 98,076 only when every
// group has three digits. Nothing else is a count.
#include <cstdint>
#include <optional>
#include <string_view>

#include "ntreport/read/sheet.hpp"

namespace ntr {

/// The largest count accepted in a cell, and the largest sum printed: 10^15, far beyond any
/// real figure, and below 2^53, so that every count is exact in a double (XLSX, JSON). A sum
/// beyond it is a count-overflow error, never a printed number.
inline constexpr std::int64_t kMaxCount = 1'000'000'000'000'000LL;

/// The count a cell holds, or nullopt when it is not a whole number ≥ 0. Numeric cells must
/// hold an integral value; text cells may use Vietnamese or English digit grouping.
std::optional<std::int64_t> parse_count(CellType type, std::string_view text);

}  // namespace ntr
