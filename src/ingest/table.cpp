#include "ntreport/ingest/table.hpp"

#include "ntreport/text/normalize.hpp"

namespace ntr {

namespace {

void put(std::vector<std::uint8_t>& of_col, std::uint32_t col, std::size_t index) {
  if (col >= of_col.size()) of_col.resize(col + 1, ColumnMap::kNone);
  of_col[col] = static_cast<std::uint8_t>(index);
}

std::uint8_t at(const std::vector<std::uint8_t>& of_col, std::uint32_t col) {
  return col < of_col.size() ? of_col[col] : ColumnMap::kNone;
}

// Every subtotal that covers the row of unit u: the total, its level, its level in its area,
// and each of its ancestors. The one definition of what a subtotal row covers.
template <class F>
void each_cover(const Registry& registry, UnitId u, F&& f) {
  const Unit& unit = registry.unit(u);
  f(Subtotal{RowIdentity::Kind::total, 0, kNoUnit});
  f(Subtotal{RowIdentity::Kind::level, unit.level, kNoUnit});
  if (unit.area != kNoUnit) f(Subtotal{RowIdentity::Kind::group, unit.level, unit.area});
  for (UnitId p = unit.parent; p != kNoUnit; p = registry.unit(p).parent) {
    f(Subtotal{RowIdentity::Kind::unit, 0, p});
  }
}

std::uint64_t key(const Subtotal& s) {
  return (static_cast<std::uint64_t>(s.kind) << 48) | (static_cast<std::uint64_t>(s.level) << 32) |
         static_cast<std::uint64_t>(static_cast<std::uint32_t>(s.unit));
}

}  // namespace

std::optional<Field> ColumnMap::field_at(std::uint32_t col) const {
  const std::uint8_t i = at(field_of_col, col);
  if (i == kNone) return std::nullopt;
  return static_cast<Field>(i);
}

std::optional<Rate> ColumnMap::rate_at(std::uint32_t col) const {
  const std::uint8_t i = at(rate_of_col, col);
  if (i == kNone) return std::nullopt;
  return static_cast<Rate>(i);
}

ColumnMap map_columns(const TableHeader& header) {
  ColumnMap m;
  for (const auto& c : header.columns) {
    switch (c.meaning.role) {
      case ColumnRole::field: {
        const auto fi = static_cast<std::size_t>(c.meaning.field);
        m.field_col[fi] = c.col;
        m.field_header[fi] = one_line(c.text);
        put(m.field_of_col, c.col, fi);
        break;
      }
      case ColumnRole::rate: {
        const auto ri = static_cast<std::size_t>(c.meaning.rate);
        if (m.rate_col[ri] != 0) break;  // a second column of a rate is not read
        m.rate_col[ri] = c.col;
        m.rate_header[ri] = one_line(c.text);
        put(m.rate_of_col, c.col, ri);
        break;
      }
      case ColumnRole::name:
        m.name_col = c.col;
        break;
      case ColumnRole::code:
        m.code_col = c.col;
        break;
      case ColumnRole::stt:
        m.stt_col = c.col;
        break;
      case ColumnRole::note:
        break;
    }
  }
  return m;
}

Subtotal subtotal_of(RowIdentity::Kind kind, LevelId level, UnitId unit) {
  switch (kind) {
    case RowIdentity::Kind::level:
      return Subtotal{kind, level, kNoUnit};
    case RowIdentity::Kind::group:
      return Subtotal{kind, level, unit};
    case RowIdentity::Kind::unit:
      return Subtotal{kind, 0, unit};
    case RowIdentity::Kind::total:
    case RowIdentity::Kind::unknown:
      break;
  }
  return Subtotal{};
}

bool covers(const Registry& registry, const Subtotal& sub, UnitId u) {
  bool hit = false;
  each_cover(registry, u, [&](const Subtotal& s) { hit = hit || s == sub; });
  return hit;
}

void ListedParents::add(const Registry& registry, UnitId u) {
  for (UnitId p = registry.unit(u).parent; p != kNoUnit; p = registry.unit(p).parent) {
    if (!units_.insert(p).second) break;  // its ancestors are in already
  }
}

void SubtotalSums::add(const Registry& registry, UnitId u, const Values& v) {
  each_cover(registry, u, [&](const Subtotal& s) { sums_[key(s)].add(v); });
}

Values SubtotalSums::covered(const Subtotal& sub) const {
  const auto it = sums_.find(key(sub));
  return it == sums_.end() ? Values{} : it->second;
}

}  // namespace ntr
