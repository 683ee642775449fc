#include "ntreport/write/cells.hpp"

#include "ntreport/text/printable.hpp"

namespace ntr {

const Cell& cell_at(const Row& row, std::size_t i) {
  static const Cell kEmpty{};
  return i < row.cells.size() ? row.cells[i] : kEmpty;
}

std::string display_text(const Row& row, const Column& column, std::size_t i) {
  const Cell& cell = cell_at(row, i);
  if (cell.kind != Cell::Kind::empty) return cell.text();
  // A builder may leave the stt and label cells empty and put the text on the row itself.
  if (column.kind == ColumnKind::stt) return row.stt;
  if (column.kind == ColumnKind::label) return row.label;
  return {};
}

bool is_numeric(ColumnKind kind) { return kind == ColumnKind::count || kind == ColumnKind::rate; }

std::string md_cell(std::string_view text) { return markdown_text(text, true); }

}  // namespace ntr
