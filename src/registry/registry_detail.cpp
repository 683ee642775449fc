#include "registry_detail.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <utility>

#include "ntreport/text/normalize.hpp"
#include "ntreport/text/translate.hpp"

namespace ntr::registry_detail {

namespace {

bool same_header(std::string_view cell, std::string_view name) {
  cell = trim(cell);
  return std::equal(cell.begin(), cell.end(), name.begin(), name.end(), [](char a, char b) {
    return (a >= 'A' && a <= 'Z' ? static_cast<char>(a - 'A' + 'a') : a) == b;
  });
}

std::string expected_columns(std::span<const ColumnSpec> specs) {
  std::vector<std::string_view> names;
  for (const auto& s : specs) names.push_back(s.name);
  return join(names);
}

}  // namespace

bool find_columns(const SheetInfo& info, const HeaderRow* header, std::span<const ColumnSpec> specs,
                  std::span<std::uint32_t> cols, Diagnostics& diags) {
  std::fill(cols.begin(), cols.end(), 0U);
  if (header == nullptr) {
    diags.error("registry-syntax", info.loc(),
                trf("no header row; expected the columns {}", expected_columns(specs)));
    return false;
  }
  bool ok = true;
  for (const CellView& cell : header->cells) {
    for (std::size_t i = 0; i < specs.size(); ++i) {
      if (!same_header(cell.text, specs[i].name)) continue;
      if (cols[i] != 0) {
        diags.error("registry-syntax", info.loc(header->row, cell.col),
                    trf("column \"{}\" appears twice (also in column {}); expected each column "
                        "once",
                        specs[i].name, column_letters(cols[i])));
        ok = false;
      } else {
        cols[i] = cell.col;
      }
    }
  }
  for (std::size_t i = 0; i < specs.size(); ++i) {
    if (!specs[i].required || cols[i] != 0) continue;
    diags.error("registry-syntax", info.loc(header->row, 0),
                trf("the header row has no \"{}\" column; expected the columns {}", specs[i].name,
                    expected_columns(specs)));
    ok = false;
  }
  return ok;
}

bool find_columns(const OwnedSheet& sheet, std::span<const ColumnSpec> specs,
                  std::span<std::uint32_t> cols, Diagnostics& diags) {
  if (sheet.rows.empty()) return find_columns(sheet.info, nullptr, specs, cols, diags);
  const OwnedRow& first = sheet.rows.front();
  std::vector<CellView> cells;
  for (const OwnedCell& c : first.cells) cells.push_back(CellView{c.col, c.type, c.text});
  const HeaderRow header{first.row, cells};
  return find_columns(sheet.info, &header, specs, cols, diags);
}

std::string_view cell_at(std::span<const CellView> cells, std::uint32_t col) {
  for (const CellView& c : cells) {
    if (c.col == col) return c.text;
  }
  return {};
}

std::vector<std::string> split_list(std::string_view cell) {
  std::vector<std::string> out;
  while (!cell.empty()) {
    const std::size_t bar = cell.find('|');
    const std::string_view item = trim(cell.substr(0, bar));
    if (!item.empty()) out.emplace_back(item);
    if (bar == std::string_view::npos) break;
    cell.remove_prefix(bar + 1);
  }
  return out;
}

std::string join(std::span<const std::string_view> items) {
  std::string out;
  for (const std::string_view item : items) {
    if (!out.empty()) out += ", ";
    out += item;
  }
  return out;
}

std::size_t suggestion_limit(std::size_t length) { return std::max<std::size_t>(2, length / 3); }

bool too_far_by_length(std::size_t a, std::size_t b, std::size_t limit) {
  return (a > b ? a - b : b - a) > limit;
}

std::vector<UnitId> closest_codes(const Registry& reg, std::string_view code, std::size_t max) {
  const std::size_t length = codepoint_count(code);
  const std::size_t limit = suggestion_limit(length);
  std::vector<std::pair<std::size_t, UnitId>> scored;
  for (std::size_t i = 0; i < reg.size(); ++i) {
    const std::string_view other = reg.units()[i].code;
    if (too_far_by_length(other.size(), length, limit)) continue;  // codes are ASCII
    const std::size_t d = edit_distance(code, other);
    if (d <= limit) scored.emplace_back(d, static_cast<UnitId>(i));
  }
  std::sort(scored.begin(), scored.end());
  std::vector<UnitId> out;
  for (std::size_t i = 0; i < scored.size() && i < max; ++i) out.push_back(scored[i].second);
  return out;
}

std::string did_you_mean_codes(const Registry& reg, std::span<const UnitId> ids) {
  if (ids.empty()) return {};
  std::string codes;
  for (std::size_t i = 0; i < ids.size(); ++i) {
    if (i > 0) codes += i + 1 == ids.size() ? tr(" or ") : ", ";
    codes += fmt::format("'{}'", reg.unit(ids[i]).code);
  }
  return trf("did you mean {}?", codes);
}

}  // namespace ntr::registry_detail
