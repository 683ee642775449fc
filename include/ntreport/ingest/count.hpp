#pragma once
// Counts as people type them (docs/spec.md §3.2): 98076, 98.076, 98 076, and 98,076 only when every
// group has three digits. Nothing else is a count. Ingest and audit read count cells here, and
// say so in the same words when one is not a count.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "ntreport/diag/diagnostic.hpp"
#include "ntreport/model/exact.hpp"
#include "ntreport/read/sheet.hpp"

namespace ntr {

/// The count a cell holds, or nullopt when it is not a whole number ≥ 0. Numeric cells must
/// hold an integral value; text cells may use Vietnamese or English digit grouping.
std::optional<std::int64_t> parse_count(CellType type, std::string_view text);

/// A cell of a count column as read: blank (nothing given, which is not a zero), a count, or
/// not a count.
struct CountCell {
  enum class Kind : std::uint8_t { blank, count, bad };
  Kind kind = Kind::blank;
  std::int64_t value = 0;  ///< kind == count
};

/// Reads a cell of a count column: a text cell of white space only is blank; any other cell
/// is a count or not one.
CountCell read_count_cell(const CellView& cell);

/// Why a cell is not a count and what to write instead; empty when nothing more is known.
std::string not_a_count_hint(CellType type, std::string_view text);

/// The not-a-count error of a cell at `at`, in the column headed `header`, with its hint.
void report_not_a_count(Diagnostics& diags, const SourceLoc& at, std::string_view header,
                        const CellView& cell);

}  // namespace ntr
