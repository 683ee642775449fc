// Closing a table: which rows add up and which are printed subtotals, the subtotal checks,
// and merging the added rows into the figures of their units.
#include "state.hpp"

#include <fmt/format.h>

#include <map>
#include <unordered_map>
#include <unordered_set>

#include "ntreport/text/numbers.hpp"

namespace ntr {

Ingest::State::State(const Registry& r, Diagnostics& d)
    : registry(r), diags(d), own(r.size()), origin_slot(r.size(), kNone) {}

std::uint32_t Ingest::State::intern(const std::string& header) {
  const auto [it, inserted] =
      header_ids.emplace(header, static_cast<std::uint32_t>(headers.size()));
  if (inserted) headers.push_back(header);
  return it->second;
}

const std::string& Ingest::State::header(std::uint32_t table, Field f) const {
  return headers[tables[table].header_of_field[static_cast<std::size_t>(f)]];
}

SourceLoc Ingest::State::loc(const Origin& o, Field f) const {
  const TableInfo& t = tables[o.table];
  return t.sheet.loc(o.row, t.col_of_field[static_cast<std::size_t>(f)]);
}

Origin Ingest::State::origin(UnitId u, Field f) const {
  const std::uint32_t slot = origin_slot[static_cast<std::size_t>(u)];
  if (slot == kNone) return {};
  return origins[slot][static_cast<std::size_t>(f)];
}

void Ingest::State::close_table() {
  // A unit row is a printed subtotal when one of its descendants is listed in the same table.
  std::unordered_set<UnitId> listed_ancestors;
  for (const auto& r : rows) {
    if (r.kind != RowIdentity::Kind::unit) continue;
    for (UnitId p = registry.unit(r.unit).parent; p != kNoUnit; p = registry.unit(p).parent) {
      if (!listed_ancestors.insert(p).second) break;
    }
  }
  std::vector<bool> additive(rows.size());
  bool any_subtotal = false;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    additive[i] = rows[i].kind == RowIdentity::Kind::unit && !listed_ancestors.count(rows[i].unit);
    any_subtotal = any_subtotal || !additive[i];
  }
  if (any_subtotal) check_subtotals(additive);
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (additive[i]) merge_row(rows[i]);
  }
  rows.clear();
}

void Ingest::State::check_subtotals(const std::vector<bool>& additive) {
  const auto table = static_cast<std::uint32_t>(tables.size() - 1);
  std::map<LevelId, Values> by_level;
  std::map<std::pair<LevelId, UnitId>, Values> by_group;
  std::unordered_map<UnitId, Values> by_parent;
  Values total;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (!additive[i]) continue;
    const Unit& u = registry.unit(rows[i].unit);
    by_level[u.level].add(rows[i].values);
    if (u.area != kNoUnit) by_group[{u.level, u.area}].add(rows[i].values);
    for (UnitId p = u.parent; p != kNoUnit; p = registry.unit(p).parent) {
      by_parent[p].add(rows[i].values);
    }
    total.add(rows[i].values);
  }
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (additive[i]) continue;
    const RowRec& r = rows[i];
    Values covered;
    std::string label = r.label;
    switch (r.kind) {
      case RowIdentity::Kind::level:
        covered = by_level[r.level];
        break;
      case RowIdentity::Kind::group:
        covered = by_group[{r.level, r.unit}];
        break;
      case RowIdentity::Kind::total:
        covered = total;
        break;
      case RowIdentity::Kind::unit:
        covered = by_parent[r.unit];
        label = registry.unit(r.unit).name;
        break;
      case RowIdentity::Kind::unknown:
        continue;
    }
    for (const auto& f : fields()) {
      if (!r.values.has(f.id)) continue;
      const std::int64_t printed = r.values.get(f.id);
      const std::int64_t sum = covered.has(f.id) ? covered.get(f.id) : 0;
      if (printed == sum) continue;
      const TableInfo& t = tables[table];
      diags.warning(
          "subtotal-mismatch", t.sheet.loc(r.row, t.col_of_field[static_cast<std::size_t>(f.id)]),
          fmt::format("\"{}\" of \"{}\" is {}, but the rows it covers sum to {}",
                      header(table, f.id), label, format_count(printed), format_count(sum)));
    }
  }
}

// One warning per row, at the first figure given again with the same value.
void Ingest::State::report_repeated(const RowRec& r, Field first, std::size_t count) {
  const auto table = static_cast<std::uint32_t>(tables.size() - 1);
  const Origin earlier = origin(r.unit, first);
  std::string more;
  if (count > 1) {
    more = fmt::format(", as {} {} more of this row", count == 2 ? "is" : "are",
                       count == 2 ? std::string("one") : std::to_string(count - 1));
  }
  diags.warning("duplicate-figure", loc(Origin{table, r.row}, first),
                fmt::format("\"{}\" of \"{}\" is {} here and at {} too{}", header(table, first),
                            registry.unit(r.unit).name, format_count(r.values.get(first)),
                            format_loc(loc(earlier, first)), more),
                "give each figure of a unit in one place only");
}

void Ingest::State::merge_row(const RowRec& r) {
  const auto table = static_cast<std::uint32_t>(tables.size() - 1);
  const auto ui = static_cast<std::size_t>(r.unit);
  if (origin_slot[ui] == kNone) {
    origin_slot[ui] = static_cast<std::uint32_t>(origins.size());
    origins.emplace_back();
  }
  auto& where = origins[origin_slot[ui]];
  Values& mine = own[ui];
  const Origin here{table, r.row};
  std::size_t repeated = 0;  // figures given before with the same value
  Field first_repeated = Field::docs_in;
  for (const auto& f : fields()) {
    if (!r.values.has(f.id)) continue;
    const auto fi = static_cast<std::size_t>(f.id);
    if (!mine.has(f.id)) {
      mine.set(f.id, r.values.get(f.id));
      where[fi] = here;
      continue;
    }
    if (mine.get(f.id) == r.values.get(f.id)) {
      if (repeated++ == 0) first_repeated = f.id;
      continue;
    }
    diags.error("duplicate-conflict", loc(here, f.id),
                fmt::format("\"{}\" of \"{}\" is {} here but {} at {}", header(table, f.id),
                            registry.unit(r.unit).name, format_count(r.values.get(f.id)),
                            format_count(mine.get(f.id)), format_loc(loc(where[fi], f.id))),
                "keep the right value in one of the two places");
  }
  if (repeated > 0) report_repeated(r, first_repeated, repeated);
  ++unit_rows;
}

}  // namespace ntr
