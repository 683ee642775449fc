// The blank-cell policy (docs/blank-cells.md), applied to each unit's figures after every
// file: a blank figure that the unit's other figures give exactly is derived and said so (a
// note); any other blank among given figures of a family leaves the unit's figures of that
// family out of every sum (a partial-figures warning naming the cell). The invariants of
// docs/spec.md §2.4 are checked on the way.
#include <fmt/format.h>

#include <algorithm>

#include "ntreport/text/numbers.hpp"
#include "state.hpp"

namespace ntr {

namespace {
using F = Field;

constexpr std::array<Field, 3> kChannels = {F::received_direct, F::received_online,
                                            F::received_postal};
constexpr std::uint32_t kReceivedFigures = field_bit(F::received) | field_bit(F::received_direct) |
                                           field_bit(F::received_online) |
                                           field_bit(F::received_postal);

std::string quoted_units(const Registry& registry, const std::vector<UnitId>& units) {
  constexpr std::size_t kNamed = 3;
  std::vector<std::string> names;
  for (std::size_t i = 0; i < units.size() && i < kNamed; ++i) {
    names.push_back(fmt::format("'{}'", registry.unit(units[i]).name));
  }
  if (units.size() > kNamed) {
    return fmt::format("{} and {} more", fmt::join(names, ", "), units.size() - kNamed);
  }
  if (names.size() == 1) return names[0];
  return fmt::format("{} and {}", fmt::join(names.begin(), names.end() - 1, ", "), names.back());
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
               fmt::format("\"{}\" of \"{}\" is blank; derived as {}", header(table, f),
                           registry.unit(u).name, how));
  } else if (f != F::received && f != F::not_digitized && table != kNone) {
    no_column[Blank{table, f, true}].push_back(u);
  }
}

void Ingest::State::derive_channels(UnitId u) {
  Values& v = own[static_cast<std::size_t>(u)];
  const std::uint32_t bad = invalid[static_cast<std::size_t>(u)];
  std::int64_t given = 0;
  std::vector<Field> present;
  std::vector<Field> blank;
  for (Field c : kChannels) {
    if (v.has(c)) {
      given += v.get(c);
      present.push_back(c);
    } else if ((bad & field_bit(c)) == 0) {
      blank.push_back(c);
    }
  }
  if (present.size() + blank.size() < kChannels.size()) return;  // a channel is not a count
  const std::string_view name = registry.unit(u).name;
  Formula sum;
  for (std::size_t i = 0; i < present.size(); ++i)
    sum.term(i == 0 ? "" : " + ", hdr(u, present[i]), v.get(present[i]));
  if (!v.has(F::received)) {
    if (!blank.empty() || (bad & field_bit(F::received)) != 0) return;
    v.set(F::received, given);
    derived(u, F::received, F::received_direct,
            fmt::format("{} = {} = {}", sum.names, sum.values, format_count(given)));
    return;
  }
  const std::int64_t received = v.get(F::received);
  if (blank.empty() ? given != received : given > received) {
    invalid[static_cast<std::size_t>(u)] |= kReceivedFigures;
    diags.error("channels-dont-sum", loc(origin(u, F::received), F::received),
                fmt::format("\"{}\" of \"{}\" is {}, but {} = {} = {}{}", hdr(u, F::received), name,
                            format_count(received), sum.names, sum.values, format_count(given),
                            blank.empty() ? "" : " already"));
    return;
  }
  if (blank.size() != 1) return;
  Formula diff;
  diff.term("", hdr(u, F::received), received);
  for (Field c : present) diff.term(" − ", hdr(u, c), v.get(c));
  v.set(blank[0], received - given);
  derived(u, blank[0], F::received,
          fmt::format("{} = {} = {}", diff.names, diff.values, format_count(received - given)));
}

// resolved = digitized + not digitized: any two give the third.
void Ingest::State::derive_so_hoa(UnitId u) {
  Values& v = own[static_cast<std::size_t>(u)];
  const std::string_view name = registry.unit(u).name;
  const std::uint32_t bad = invalid[static_cast<std::size_t>(u)];
  const bool r = v.has(F::resolved), d = v.has(F::digitized), n = v.has(F::not_digitized);
  if (r && d && v.get(F::digitized) > v.get(F::resolved)) {
    invalid[static_cast<std::size_t>(u)] |= field_bit(F::resolved) | field_bit(F::digitized);
    diags.error("digitized-exceeds-resolved", loc(origin(u, F::digitized), F::digitized),
                fmt::format("\"{}\" of \"{}\" is {}, more than \"{}\" ({})", hdr(u, F::digitized),
                            name, format_count(v.get(F::digitized)), hdr(u, F::resolved),
                            format_count(v.get(F::resolved))));
    return;
  }
  if (r && n && v.get(F::not_digitized) > v.get(F::resolved)) {
    invalid[static_cast<std::size_t>(u)] |= field_bit(F::resolved) | field_bit(F::not_digitized);
    diags.error("not-digitized-mismatch", loc(origin(u, F::not_digitized), F::not_digitized),
                fmt::format("\"{}\" of \"{}\" is {}, more than \"{}\" ({})",
                            hdr(u, F::not_digitized), name, format_count(v.get(F::not_digitized)),
                            hdr(u, F::resolved), format_count(v.get(F::resolved))));
    return;
  }
  Formula f;
  if (r && d && n) {
    const std::int64_t want = v.get(F::resolved) - v.get(F::digitized);
    if (v.get(F::not_digitized) == want) return;
    invalid[static_cast<std::size_t>(u)] |= family_mask(Family::so_hoa);
    f.term("", hdr(u, F::resolved), v.get(F::resolved));
    f.term(" − ", hdr(u, F::digitized), v.get(F::digitized));
    diags.error(
        "not-digitized-mismatch", loc(origin(u, F::not_digitized), F::not_digitized),
        fmt::format("\"{}\" of \"{}\" is {}, but {} = {} = {}", hdr(u, F::not_digitized), name,
                    format_count(v.get(F::not_digitized)), f.names, f.values, format_count(want)));
    return;
  }
  if ((r ? 1 : 0) + (d ? 1 : 0) + (n ? 1 : 0) != 2) return;
  const Field blank = !r ? F::resolved : !d ? F::digitized : F::not_digitized;
  if ((bad & field_bit(blank)) != 0) return;
  std::int64_t value = 0;
  if (!r) {
    value = v.get(F::digitized) + v.get(F::not_digitized);
    f.term("", hdr(u, F::digitized), v.get(F::digitized));
    f.term(" + ", hdr(u, F::not_digitized), v.get(F::not_digitized));
  } else {
    const Field other = !d ? F::not_digitized : F::digitized;
    value = v.get(F::resolved) - v.get(other);
    f.term("", hdr(u, F::resolved), v.get(F::resolved));
    f.term(" − ", hdr(u, other), v.get(other));
  }
  v.set(blank, value);
  derived(u, blank, r ? F::resolved : F::digitized,
          fmt::format("{} = {} = {}", f.names, f.values, format_count(value)));
}

void Ingest::State::check_at_most(UnitId u, Field small, Field big, const char* code) {
  const Values& v = own[static_cast<std::size_t>(u)];
  if (!v.has(small) || !v.has(big) || v.get(small) <= v.get(big)) return;
  invalid[static_cast<std::size_t>(u)] |= field_bit(small) | field_bit(big);
  diags.error(code, loc(origin(u, small), small),
              fmt::format("\"{}\" of \"{}\" is {}, more than \"{}\" ({})", hdr(u, small),
                          registry.unit(u).name, format_count(v.get(small)), hdr(u, big),
                          format_count(v.get(big))));
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
    const std::string list =
        names.size() == 1
            ? names[0]
            : fmt::format("{} and {}", fmt::join(names.begin(), names.end() - 1, ", "),
                          names.back());
    for (const auto& f : fields()) {
      // The totals that are derived are not asked for: the blank cells of the figures they
      // are derived from are named instead.
      if (f.group != g.id || v.has(f.id) || f.id == F::received || f.id == F::not_digitized)
        continue;
      const auto at = blank_loc(u, f.id, given.front());
      if (!at) {
        no_column[Blank{origin(u, given.front()).table, f.id, false}].push_back(u);
        continue;
      }
      diags.warning("partial-figures", *at,
                    fmt::format("\"{}\" of \"{}\" is blank, but {} {} given: the unit is left "
                                "out of the sums of these figures in the level, area and total "
                                "rows",
                                header(origin(u, given.front()).table, f.id), registry.unit(u).name,
                                list, names.size() == 1 ? "is" : "are"),
                    "a blank is not 0: write 0 if there were none");
    }
  }
}

void Ingest::State::report_no_column() {
  for (const auto& [blank, units] : no_column) {
    const TableInfo& t = tables[blank.table];
    const SourceLoc at = t.sheet.loc(t.header_row, 0);
    const FieldDef& f = field_def(blank.field);
    if (blank.derived) {
      diags.note("derived-figure", at,
                 fmt::format("the table has no column \"{}\": it is derived from the other "
                             "figures of {}",
                             f.label, quoted_units(registry, units)));
      continue;
    }
    std::vector<std::string> others;
    for (const auto& o : fields()) {
      if (o.group == f.group && o.id != f.id) others.push_back(fmt::format("\"{}\"", o.label));
    }
    diags.warning("partial-figures", at,
                  fmt::format("the table has no column \"{}\": without it, {}{} of {} {} left "
                              "out of the level, area and total rows",
                              f.label, others.empty() ? "the figures" : "", fmt::join(others, ", "),
                              quoted_units(registry, units),
                              units.size() == 1 && others.size() == 1 ? "is" : "are"),
                  fmt::format("add a column \"{}\"", f.label));
  }
  no_column.clear();
}

void Ingest::State::check_unit(UnitId u) {
  derive_channels(u);
  derive_so_hoa(u);
  check_at_most(u, F::paid_online, F::with_fee, "paid-exceeds-with-fee");
  check_at_most(u, F::docs_out_signed, F::docs_out, "signed-exceeds-out");
  report_partial(u);
}

}  // namespace ntr
