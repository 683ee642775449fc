// After every file: each unit's figures checked and completed (completeness.cpp).
#include "state.hpp"

namespace ntr {

Figures Ingest::State::finish() {
  for (std::size_t u = 0; u < own.size(); ++u) {
    if (!own[u].empty() || invalid[u] != 0) check_unit(static_cast<UnitId>(u));
  }
  report_no_column();
  Figures out;
  out.own = std::move(own);
  out.invalid = std::move(invalid);
  out.files = std::move(files_with_tables);
  out.tables = static_cast<std::uint32_t>(tables.size());
  out.unit_rows = unit_rows;
  // The places of the figures outlive the reading: the state is done with them.
  struct Places {
    std::deque<TableInfo> tables;
    std::vector<UnitOrigin> origins;
    std::unordered_map<std::uint64_t, Origin> other;
  };
  auto places = std::make_shared<const Places>(
      Places{std::move(tables), std::move(origins), std::move(other_origins)});
  out.where = [places](UnitId u, Field f) -> std::optional<SourceLoc> {
    const auto i = static_cast<std::size_t>(u);
    if (i >= places->origins.size() || (places->origins[i].fields & field_bit(f)) == 0)
      return std::nullopt;
    Origin o = places->origins[i].base;
    const std::uint64_t key = origin_key(u, f);
    if (const auto it = places->other.find(key); it != places->other.end()) o = it->second;
    if (o.table >= places->tables.size()) return std::nullopt;
    const TableInfo& t = places->tables[o.table];
    return t.sheet.loc(o.row, t.col_of_field[static_cast<std::size_t>(f)]);
  };
  return out;
}

}  // namespace ntr
