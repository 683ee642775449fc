#pragma once
// Counts as people type them (docs/spec.md §3.2): 98076, 98.076, 98 076, and 98,076 only when every
// group has three digits. Nothing else is a count.
#include <cstdint>
#include <optional>
#include <string_view>

#include "ntreport/model/exact.hpp"
#include "ntreport/read/sheet.hpp"

namespace ntr {

/// The count a cell holds, or nullopt when it is not a whole number ≥ 0. Numeric cells must
/// hold an integral value; text cells may use Vietnamese or English digit grouping.
std::optional<std::int64_t> parse_count(CellType type, std::string_view text);

}  // namespace ntr
