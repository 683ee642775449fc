#pragma once
// What the writers share about reading a ReportDoc: which text a cell shows. The writers
// render; none of them computes.
#include <cstddef>
#include <string_view>

#include "ntreport/report/report.hpp"

namespace ntr {

/// The cell of `row` under column `i`; an empty cell when the row has fewer cells.
const Cell& cell_at(const Row& row, std::size_t i);

/// The text a cell shows: `cell.text()`, except that an empty cell under an stt or label column
/// shows the row's own `stt` or `label`.
std::string display_text(const Row& row, const Column& column, std::size_t i);

/// True for the columns whose figures are right-aligned (counts and rates).
bool is_numeric(ColumnKind kind);

/// Text for a cell of a Markdown pipe table: a pipe escaped, a line break turned into a space
/// (either would end the cell), other control characters shown as escapes (markdown_text).
std::string md_cell(std::string_view text);

}  // namespace ntr
