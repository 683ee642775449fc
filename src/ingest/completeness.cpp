// The blank-cell policy (docs/blank-cells.md), applied to each unit's figures after every
// file: a blank figure that the unit's other figures give exactly is derived and said so (a
// note); any other blank among given figures of a family leaves the unit's figures of that
// family out of every sum (a partial-figures warning naming the cell). The invariants
// (model/invariants.hpp) are checked on the way.
#include <fmt/format.h>

#include <algorithm>

#include "ntreport/model/invariants.hpp"
#include "ntreport/text/numbers.hpp"
#include "ntreport/text/translate.hpp"
#include "state.hpp"

namespace ntr {

namespace {

// The bound is the one a sum's part keeps (digitized ≤ resolved): derive_part checks it.
bool covered_by_sum(const Invariant& bound) {
  for (const Invariant& s : invariants()) {
    if (s.kind != Invariant::Kind::sum || s.whole != bound.whole) continue;
    for (Field p : s.parts) {
      if (p == bound.parts[0]) return true;
    }
  }
  return false;
}

std::string quoted_units(const Registry& registry, const std::vector<UnitId>& units) {
  constexpr std::size_t kNamed = 3;
  std::vector<std::string> names;
  for (std::size_t i = 0; i < units.size() && i < kNamed; ++i) {
    names.push_back(fmt::format("'{}'", registry.unit(units[i]).name));
  }
  if (units.size() > kNamed) {
    return trf("{} and {} more", fmt::join(names, ", "),
               count_text(static_cast<std::int64_t>(units.size() - kNamed)));
  }
  if (names.size() == 1) return names[0];
  return trf("{} and {}", fmt::join(names.begin(), names.end() - 1, ", "), names.back());
}

// "A" − "B" − "C" = 1 − 2 − 3 = v, the terms' headers and values.
struct Formula {
  std::string names, values;
  void term(std::string_view op, const std::string& name, std::int64_t v) {
    names += fmt::format("{}\"{}\"", op, name);
    values += fmt::format("{}{}", op, format_count(v));
  }
};
}  // namespace

std::string Ingest::State::hdr(UnitId u, Field f) const {
  const Origin o = origin(u, f);
  return o.table == kNone ? std::string(field_def(f).label) : header(o.table, f);
}

// The cell a blank figure of u would be in: the row that gave `sibling` (a figure of the same
// family), in the column of f; nothing when that table has no column for f.
std::optional<SourceLoc> Ingest::State::blank_loc(UnitId u, Field f, Field sibling) const {
  const Origin o = origin(u, sibling);
  if (o.table == kNone) return std::nullopt;
  const TableInfo& t = tables[o.table];
  const std::uint32_t col = t.col_of_field[static_cast<std::size_t>(f)];
  if (col == 0) return std::nullopt;
  return t.sheet.loc(o.row, col);
}

// A figure derived from the others: a note at its blank cell; for a table without the
// column, one note per table and figure (received and not digitized, which forms do not ask
// for, silently).
void Ingest::State::derived(UnitId u, Field f, Field from, std::string how) {
  const std::uint32_t table = origin(u, from).table;
  if (const auto at = blank_loc(u, f, from)) {
    diags.note("derived-figure", *at,
               trf("\"{}\" of \"{}\" is blank; derived as {}", header(table, f),
                   registry.unit(u).name, how));
  } else if (!is_derived(f) && table != kNone) {
    no_column[Blank{table, f, true}].push_back(u);
  }
}

// whole = Σ parts, the whole not asked for: a blank whole is the sum of the parts; a blank
// part, when it is the only one, is the whole less the others.
void Ingest::State::derive_whole(UnitId u, const Invariant& inv) {
  Values& v = own[static_cast<std::size_t>(u)];
  const std::uint32_t bad = invalid[static_cast<std::size_t>(u)];
  std::int64_t given = 0;
  std::vector<Field> present;
  std::vector<Field> blank;
  for (Field c : inv.parts) {
    if (v.has(c)) {
      given += v.get(c);
      present.push_back(c);
    } else if ((bad & field_bit(c)) == 0) {
      blank.push_back(c);
    }
  }
  if (present.size() + blank.size() < inv.parts.size()) return;  // a part is not a count
  const std::string_view name = registry.unit(u).name;
  // The sum's terms are written out only for a message: most units need none.
  auto sum_of_present = [&] {
    Formula sum;
    for (std::size_t i = 0; i < present.size(); ++i)
      sum.term(i == 0 ? "" : " + ", hdr(u, present[i]), v.get(present[i]));
    return sum;
  };
  if (!v.has(inv.whole)) {
    if (!blank.empty() || (bad & field_bit(inv.whole)) != 0) return;
    v.set(inv.whole, given);
    const Formula sum = sum_of_present();
    derived(u, inv.whole, inv.parts[0],
            fmt::format("{} = {} = {}", sum.names, sum.values, format_count(given)));
    return;
  }
  const std::int64_t whole = v.get(inv.whole);
  if (blank.empty() ? given != whole : given > whole) {
    invalid[static_cast<std::size_t>(u)] |= inv.mask();
    const Formula sum = sum_of_present();
    diags.error(inv.code, loc(origin(u, inv.whole), inv.whole),
                blank.empty()
                    ? trf("\"{}\" of \"{}\" is {}, but {} = {} = {}", hdr(u, inv.whole), name,
                          format_count(whole), sum.names, sum.values, format_count(given))
                    : trf("\"{}\" of \"{}\" is {}, but {} = {} = {} already", hdr(u, inv.whole),
                          name, format_count(whole), sum.names, sum.values, format_count(given)));
    return;
  }
  if (blank.size() != 1) return;
  Formula diff;
  diff.term("", hdr(u, inv.whole), whole);
  for (Field c : present) diff.term(" − ", hdr(u, c), v.get(c));
  v.set(blank[0], whole - given);
  derived(u, blank[0], inv.whole,
          fmt::format("{} = {} = {}", diff.names, diff.values, format_count(whole - given)));
}

// whole = Σ parts, a part not asked for: no part exceeds the whole, and any figure of the
// invariant that is the only blank one is given by the others.
void Ingest::State::derive_part(UnitId u, const Invariant& inv) {
  Values& v = own[static_cast<std::size_t>(u)];
  const std::string_view name = registry.unit(u).name;
  const Field w = inv.whole;
  for (Field p : inv.parts) {
    if (!v.has(w) || !v.has(p) || v.get(p) <= v.get(w)) continue;
    const Invariant* bound = bound_of(p, w);
    invalid[static_cast<std::size_t>(u)] |= field_bit(w) | field_bit(p);
    diags.error(bound != nullptr ? bound->code : inv.code, loc(origin(u, p), p),
                trf("\"{}\" of \"{}\" is {}, more than \"{}\" ({})", hdr(u, p), name,
                    format_count(v.get(p)), hdr(u, w), format_count(v.get(w))));
    return;
  }
  std::vector<Field> blank;
  if (!v.has(w)) blank.push_back(w);
  for (Field p : inv.parts) {
    if (!v.has(p)) blank.push_back(p);
  }
  Formula f;
  if (blank.empty()) {
    std::int64_t want = v.get(w);
    for (Field p : inv.parts) {
      if (p != inv.derived) want -= v.get(p);
    }
    if (v.get(inv.derived) == want) return;
    // The terms are written out only for the message.
    f.term("", hdr(u, w), v.get(w));
    for (Field p : inv.parts) {
      if (p != inv.derived) f.term(" − ", hdr(u, p), v.get(p));
    }
    invalid[static_cast<std::size_t>(u)] |= inv.mask();
    diags.error(inv.code, loc(origin(u, inv.derived), inv.derived),
                trf("\"{}\" of \"{}\" is {}, but {} = {} = {}", hdr(u, inv.derived), name,
                    format_count(v.get(inv.derived)), f.names, f.values, format_count(want)));
    return;
  }
  if (blank.size() != 1 || (invalid[static_cast<std::size_t>(u)] & field_bit(blank[0])) != 0)
    return;
  std::int64_t value = blank[0] == w ? 0 : v.get(w);
  if (blank[0] != w) f.term("", hdr(u, w), v.get(w));
  for (Field p : inv.parts) {
    if (p == blank[0]) continue;
    const bool first = f.names.empty();
    value += blank[0] == w ? v.get(p) : -v.get(p);
    f.term(first ? "" : blank[0] == w ? " + " : " − ", hdr(u, p), v.get(p));
  }
  v.set(blank[0], value);
  derived(u, blank[0], blank[0] == w ? inv.parts[0] : w,
          fmt::format("{} = {} = {}", f.names, f.values, format_count(value)));
}

void Ingest::State::check_at_most(UnitId u, const Invariant& inv) {
  const Field small = inv.parts[0];
  const Field big = inv.whole;
  const Values& v = own[static_cast<std::size_t>(u)];
  if (!v.has(small) || !v.has(big) || v.get(small) <= v.get(big)) return;
  invalid[static_cast<std::size_t>(u)] |= field_bit(small) | field_bit(big);
  diags.error(
      inv.code, loc(origin(u, small), small),
      trf("\"{}\" of \"{}\" is {}, more than \"{}\" ({})", hdr(u, small), registry.unit(u).name,
          format_count(v.get(small)), hdr(u, big), format_count(v.get(big))));
}

// A group some of whose figures are given and others blank: each blank cell is named, and
// the unit's figures of that group stay out of every sum (aggregate.cpp).
void Ingest::State::report_partial(UnitId u) {
  const Values& v = own[static_cast<std::size_t>(u)];
  const std::uint32_t bad = invalid[static_cast<std::size_t>(u)];
  for (const auto& g : groups()) {
    if (!v.has_group(g.id) || v.complete(g.id) || (bad & group_mask(g.id)) != 0) continue;
    std::vector<Field> given;
    for (const auto& f : fields()) {
      if (f.group == g.id && v.has(f.id)) given.push_back(f.id);
    }
    std::vector<std::string> names;
    for (Field f : given) names.push_back(fmt::format("\"{}\"", hdr(u, f)));
    auto list = [&] {
      return names.size() == 1
                 ? names[0]
                 : trf("{} and {}", fmt::join(names.begin(), names.end() - 1, ", "), names.back());
    };
    for (const auto& f : fields()) {
      // The totals that are derived are not asked for: the blank cells of the figures they
      // are derived from are named instead.
      if (f.group != g.id || v.has(f.id) || is_derived(f.id)) continue;
      const auto at = blank_loc(u, f.id, given.front());
      if (!at) {
        no_column[Blank{origin(u, given.front()).table, f.id, false}].push_back(u);
        continue;
      }
      const std::string& header_text = header(origin(u, given.front()).table, f.id);
      const std::string_view unit_name = registry.unit(u).name;
      diags.warning("partial-figures", *at, bilingual([&] {
                      return names.size() == 1
                                 ? trf("\"{}\" of \"{}\" is blank, but {} is given: the unit is "
                                       "left out of the sums of these figures in the level, area "
                                       "and total rows",
                                       header_text, unit_name, list())
                                 : trf("\"{}\" of \"{}\" is blank, but {} are given: the unit is "
                                       "left out of the sums of these figures in the level, area "
                                       "and total rows",
                                       header_text, unit_name, list());
                    }),
                    std::string(tr("a blank is not 0: write 0 if there were none")));
    }
  }
}

void Ingest::State::report_no_column() {
  for (const auto& [blank, unit_list] : no_column) {
    const std::vector<UnitId>& units = unit_list;  // a name the lambdas below can capture
    const TableInfo& t = tables[blank.table];
    const SourceLoc at = t.sheet.loc(t.header_row, 0);
    const FieldDef& f = field_def(blank.field);
    if (blank.derived) {
      diags.note("derived-figure", at,
                 trf("the table has no column \"{}\": it is derived from the other figures of {}",
                     f.label, quoted_units(registry, units)));
      continue;
    }
    std::vector<std::string> others;
    for (const auto& o : fields()) {
      if (o.group == f.group && o.id != f.id) others.push_back(fmt::format("\"{}\"", o.label));
    }
    auto what = [&] {
      return others.empty() ? std::string(tr("the figures"))
                            : fmt::format("{}", fmt::join(others, ", "));
    };
    diags.warning("partial-figures", at, bilingual([&] {
                    return units.size() == 1 && others.size() == 1
                               ? trf("the table has no column \"{}\": without it, {} of {} is left "
                                     "out of the level, area and total rows",
                                     f.label, what(), quoted_units(registry, units))
                               : trf("the table has no column \"{}\": without it, {} of {} are "
                                     "left out of the level, area and total rows",
                                     f.label, what(), quoted_units(registry, units));
                  }),
                  trf("add a column \"{}\"", f.label));
  }
  no_column.clear();
}

void Ingest::State::check_unit(UnitId u) {
  for (const Invariant& inv : invariants()) {
    if (inv.kind == Invariant::Kind::at_most) {
      // A bound within a sum is checked with the sum (derive_part).
      if (!covered_by_sum(inv)) check_at_most(u, inv);
    } else if (inv.derived == inv.whole) {
      derive_whole(u, inv);
    } else {
      derive_part(u, inv);
    }
  }
  report_partial(u);
}

// After every file: each unit's figures checked and completed.
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
