// Administrative levels: a levels file, and finding a level by id or label.
#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "ntreport/registry/registry.hpp"
#include "ntreport/text/normalize.hpp"
#include "ntreport/text/translate.hpp"
#include "registry_detail.hpp"

namespace ntr {

std::vector<LevelDef> Registry::levels_from_sheet(const OwnedSheet& sheet, Diagnostics& diags) {
  static constexpr std::array<registry_detail::ColumnSpec, 4> kColumns = {
      {{"id", true}, {"label", true}, {"area_label", false}, {"aliases", false}}};
  std::array<std::uint32_t, 4> cols{};
  std::vector<LevelDef> levels;
  if (!registry_detail::find_columns(sheet, kColumns, cols, diags)) return levels;
  std::vector<std::uint32_t> rows;  // where each level was defined
  for (std::size_t i = 1; i < sheet.rows.size(); ++i) {
    const OwnedRow& row = sheet.rows[i];
    const std::string_view id = trim(row.at(cols[0]));
    const std::string_view label = trim(row.at(cols[1]));
    if (id.empty() || label.empty()) {
      const std::uint32_t col = id.empty() ? cols[0] : cols[1];
      diags.error("registry-syntax", sheet.info.loc(row.row, col),
                  trf("\"{}\" is empty; expected a level id and the label of its rows",
                      id.empty() ? "id" : "label"));
      continue;
    }
    const auto same =
        std::find_if(levels.begin(), levels.end(), [&](const LevelDef& l) { return l.id == id; });
    if (same != levels.end()) {
      diags.error("registry-syntax", sheet.info.loc(row.row, cols[0]),
                  trf("level \"{}\" is already defined on row {}; expected each level once", id,
                      rows[static_cast<std::size_t>(same - levels.begin())]));
      continue;
    }
    const std::string_view area_label = trim(row.at(cols[2]));
    levels.push_back(LevelDef{std::string(id), std::string(label),
                              std::string(area_label.empty() ? label : area_label),
                              registry_detail::split_list(row.at(cols[3]))});
    rows.push_back(row.row);
  }
  return levels;
}

std::optional<LevelId> Registry::find_level(std::string_view id) const {
  for (std::size_t i = 0; i < levels_.size(); ++i) {
    if (levels_[i].id == id) return static_cast<LevelId>(i);
  }
  return std::nullopt;
}

std::optional<LevelId> Registry::match_level(std::string_view text) const {
  const std::string key = unit_key(text);
  if (key.empty()) return std::nullopt;
  for (const auto& [level_key, level] : level_keys_) {
    if (level_key == key) return level;
  }
  return std::nullopt;
}

}  // namespace ntr
