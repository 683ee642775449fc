#include "ntreport/read/sheet.hpp"

namespace ntr {

std::string_view OwnedRow::at(std::uint32_t col) const {
  for (const auto& c : cells) {
    if (c.col == col) return c.text;
  }
  return {};
}

void SheetCollector::begin_sheet(const SheetInfo& sheet) {
  sheets.push_back(OwnedSheet{sheet, {}, {}});
}

void SheetCollector::row(std::uint32_t row, std::span<const CellView> cells) {
  OwnedRow r{row, {}};
  r.cells.reserve(cells.size());
  for (const auto& c : cells) r.cells.push_back(OwnedCell{c.col, c.type, std::string(c.text)});
  sheets.back().rows.push_back(std::move(r));
}

void SheetCollector::end_sheet(std::span<const MergedRange> merges) {
  sheets.back().merges.assign(merges.begin(), merges.end());
}

}  // namespace ntr
