// Closing a table: which rows add up and which are printed subtotals, the subtotal checks,
// and merging the added rows into the figures of their units.
#include "state.hpp"

#include <fmt/format.h>

#include "ntreport/text/numbers.hpp"
#include "ntreport/text/translate.hpp"

namespace ntr {

Ingest::State::State(const Registry& r, Diagnostics& d)
    : registry(r), diags(d), own(r.size()), invalid(r.size()), origins(r.size()) {}

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
  const UnitOrigin& o = origins[static_cast<std::size_t>(u)];
  if ((o.fields & field_bit(f)) == 0) return {};
  if (!other_origins.empty()) {
    if (const auto it = other_origins.find(origin_key(u, f)); it != other_origins.end()) {
      return it->second;
    }
  }
  return o.base;
}

void Ingest::State::set_origin(UnitId u, Field f, const Origin& where) {
  UnitOrigin& o = origins[static_cast<std::size_t>(u)];
  if (o.fields == 0) o.base = where;
  o.fields |= field_bit(f);
  if (!(where == o.base)) other_origins[origin_key(u, f)] = where;
}

void Ingest::State::open_table() {
  rows.clear();
  sums = SubtotalSums{};
  listed = ListedParents{};
}

void Ingest::State::add_row(RowRec&& r) {
  if (r.kind == RowIdentity::Kind::unit) {
    listed.add(registry, r.unit);
    if (registry.unit(r.unit).children.empty()) {
      sums.add(registry, r.unit, r.values);
      merge_row(r);
      return;
    }
  }
  rows.push_back(std::move(r));
}

void Ingest::State::close_table() {
  // A unit row is a printed subtotal when one of its descendants is listed in the same table.
  std::vector<bool> additive(rows.size());
  bool any_subtotal = false;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    additive[i] = rows[i].kind == RowIdentity::Kind::unit && !listed.contains(rows[i].unit);
    any_subtotal = any_subtotal || !additive[i];
    if (additive[i]) sums.add(registry, rows[i].unit, rows[i].values);
  }
  if (any_subtotal) check_subtotals(additive);
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (additive[i]) merge_row(rows[i]);
  }
  rows.clear();
  sums = SubtotalSums{};
  listed = ListedParents{};
}

void Ingest::State::check_subtotals(const std::vector<bool>& additive) {
  const auto table = static_cast<std::uint32_t>(tables.size() - 1);
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (additive[i]) continue;
    const RowRec& r = rows[i];
    if (r.kind == RowIdentity::Kind::unknown) continue;
    const Values covered = sums.covered(subtotal_of(r.kind, r.level, r.unit));
    const std::string_view label =
        r.kind == RowIdentity::Kind::unit ? registry.unit(r.unit).name : std::string_view(r.label);
    for (const auto& f : fields()) {
      if (!r.values.has(f.id)) continue;
      const std::int64_t printed = r.values.get(f.id);
      const std::int64_t sum = covered.has(f.id) ? covered.get(f.id) : 0;
      if (printed == sum) continue;
      const TableInfo& t = tables[table];
      diags.warning(
          "subtotal-mismatch", t.sheet.loc(r.row, t.col_of_field[static_cast<std::size_t>(f.id)]),
          bilingual([&] {
            return trf("\"{}\" of \"{}\" is {}, but the rows it covers sum to {}",
                       header(table, f.id), label, format_count(printed), format_count(sum));
          }));
    }
  }
}

// One warning per row, at the first figure given again with the same value.
void Ingest::State::report_repeated(const RowRec& r, Field first, std::size_t count) {
  const auto table = static_cast<std::uint32_t>(tables.size() - 1);
  const Origin earlier = origin(r.unit, first);
  auto more = [&] {
    if (count == 2) return std::string(tr(", as is one more of this row"));
    if (count > 2)
      return trf(", as are {} more of this row", count_text(static_cast<std::int64_t>(count - 1)));
    return std::string();
  };
  diags.warning("duplicate-figure", loc(Origin{table, r.row}, first), bilingual([&] {
                  return trf("\"{}\" of \"{}\" is {} here and at {} too{}", header(table, first),
                             registry.unit(r.unit).name, format_count(r.values.get(first)),
                             format_loc(loc(earlier, first)), more());
                }),
                std::string(tr("give each figure of a unit in one place only")));
}

void Ingest::State::merge_row(const RowRec& r) {
  const auto table = static_cast<std::uint32_t>(tables.size() - 1);
  const auto ui = static_cast<std::size_t>(r.unit);
  Values& mine = own[ui];
  invalid[ui] |= r.bad;
  const Origin here{table, r.row};
  std::size_t repeated = 0;  // figures given before with the same value
  Field first_repeated = Field::docs_in;
  for (const auto& f : fields()) {
    if (!r.values.has(f.id)) continue;
    if (!mine.has(f.id)) {
      mine.set(f.id, r.values.get(f.id));
      set_origin(r.unit, f.id, here);
      continue;
    }
    if (mine.get(f.id) == r.values.get(f.id)) {
      if (repeated++ == 0) first_repeated = f.id;
      continue;
    }
    diags.error("duplicate-conflict", loc(here, f.id),
                trf("\"{}\" of \"{}\" is {} here but {} at {}", header(table, f.id),
                    registry.unit(r.unit).name, format_count(r.values.get(f.id)),
                    format_count(mine.get(f.id)), format_loc(loc(origin(r.unit, f.id), f.id))),
                std::string(tr("keep the right value in one of the two places")));
  }
  if (repeated > 0) report_repeated(r, first_repeated, repeated);
  ++unit_rows;
}

}  // namespace ntr
