// The by-level (docs/spec.md §6.1) and by-area (docs/spec.md §6.2) layouts.
#include "ntreport/report/build.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "ntreport/report/labels.hpp"
#include "ntreport/text/normalize.hpp"

namespace ntr {

namespace {

__extension__ using i128 = __int128;

struct Builder {
  const AppendixDef& def;
  const Registry& reg;
  const Totals& tot;
  const ReportOptions& opt;
  ReportDoc doc;
  std::vector<std::vector<UnitId>> tops;  ///< per level: units without a parent, registry order

  std::vector<UnitId> ordered(std::vector<UnitId> units) const;
  void add_row(RowKind kind, std::string stt, std::string label, const Values& v, bool bold);
  void emit_unit(UnitId u, const std::string& stt, std::uint32_t depth, bool bold = false);
  void emit_units(const std::vector<UnitId>& units, unsigned& counter);
  void by_level();
  void by_area();
  void level_total(LevelId l, std::string stt, std::string label);
  const std::vector<UnitId>& top_units(LevelId l) const { return tops[l]; }
};

std::vector<UnitId> Builder::ordered(std::vector<UnitId> units) const {
  if (!opt.sort) return units;
  // Lowest rate first; units whose rate is undefined or absent go last, in registry order.
  auto key = [&](UnitId u) {
    return rate_cell(tot.subtree[static_cast<std::size_t>(u)], *opt.sort, {});
  };
  std::stable_sort(units.begin(), units.end(), [&](UnitId a, UnitId b) {
    const Cell x = key(a);
    const Cell y = key(b);
    if (!x.defined_rate() || !y.defined_rate()) return x.defined_rate() && !y.defined_rate();
    return static_cast<i128>(x.num) * y.den < static_cast<i128>(y.num) * x.den;
  });
  return units;
}

void Builder::add_row(RowKind kind, std::string stt, std::string label, const Values& v,
                      bool bold) {
  Row r;
  r.kind = kind;
  r.bold = bold;
  r.cells.reserve(def.columns.size() + 1);  // and the note column (add_note_column): no regrowth
  for (const auto& c : def.columns) {
    Cell cell;
    switch (c.kind) {
      case ColumnKind::stt:
      case ColumnKind::label:
        break;  // the row's own stt and label: writers show them (display_text), held once
      case ColumnKind::count:
        cell = count_cell(v, *field_by_key(c.show));
        break;
      case ColumnKind::rate:
        cell = rate_cell(v, *rate_by_key(c.show), opt.undefined_rate);
        break;
      case ColumnKind::text:
        break;
    }
    r.cells.push_back(std::move(cell));
  }
  r.stt = std::move(stt);
  r.label = std::move(label);
  doc.rows.push_back(std::move(r));
}

void Builder::emit_unit(UnitId u, const std::string& stt, std::uint32_t depth, bool bold) {
  const Unit& unit = reg.unit(u);
  add_row(RowKind::unit, stt, std::string(unit.name), tot.subtree[static_cast<std::size_t>(u)],
          bold);
  Row& r = doc.rows.back();
  r.depth = depth;
  r.unit_code = unit.code;
  r.level_id = reg.levels()[unit.level].id;
  mark_unit(r, u, reg, tot, def.groups);
  unsigned i = 0;
  for (UnitId c : ordered(unit.children)) emit_unit(c, fmt::format("{}.{}", stt, ++i), depth + 1);
}

void Builder::emit_units(const std::vector<UnitId>& units, unsigned& counter) {
  for (UnitId u : ordered(units)) emit_unit(u, fmt::format("{}", ++counter), 0);
}

void Builder::level_total(LevelId l, std::string stt, std::string label) {
  add_row(RowKind::level, std::move(stt), std::move(label), tot.level[l], true);
  doc.rows.back().level_id = reg.levels()[l].id;
  mark_subtotal(doc.rows.back(), tops[l], tot, def.groups);
}

void Builder::by_level() {
  unsigned numeral = 0;
  for (LevelId l = 0; l < reg.levels().size(); ++l) {
    const std::vector<UnitId>& units = top_units(l);
    if (units.empty()) continue;
    level_total(l, roman(++numeral), reg.levels()[l].label);
    unsigned counter = 0;
    emit_units(units, counter);
  }
  add_row(RowKind::total, "", labels().total, tot.total, true);
  std::vector<UnitId> all;
  for (const auto& units : tops) all.insert(all.end(), units.begin(), units.end());
  mark_subtotal(doc.rows.back(), all, tot, def.groups);
}

void Builder::by_area() {
  std::vector<LevelId> used;
  for (LevelId l = 0; l < reg.levels().size(); ++l) {
    if (!top_units(l).empty()) used.push_back(l);
  }
  if (used.empty()) return;
  const LevelId top = used.front();
  unsigned numeral = 0;
  level_total(top, roman(++numeral), reg.levels()[top].area_label);
  std::map<LevelId, unsigned> counters;
  emit_units(top_units(top), counters[top]);

  std::vector<bool> placed(reg.size(), false);
  for (UnitId u : top_units(top)) placed[static_cast<std::size_t>(u)] = true;
  for (UnitId a : reg.areas()) {
    const Unit& area = reg.unit(a);
    if (area.level == top || area.parent != kNoUnit) continue;
    placed[static_cast<std::size_t>(a)] = true;
    emit_unit(a, roman(++numeral), 0, true);
    for (LevelId l : used) {
      if (l == top || l == area.level) continue;
      std::vector<UnitId> members;
      for (UnitId u : top_units(l)) {
        if (reg.unit(u).area == a) members.push_back(u);
      }
      if (members.empty()) continue;
      const auto it = tot.group.find({l, a});
      add_row(RowKind::group, "",
              fmt::format("{} – {}", reg.levels()[l].area_label, short_area_name(area.name)),
              it == tot.group.end() ? Values{} : it->second, true);
      doc.rows.back().level_id = reg.levels()[l].id;
      doc.rows.back().area_code = area.code;
      mark_subtotal(doc.rows.back(), members, tot, def.groups);
      for (UnitId u : members) placed[static_cast<std::size_t>(u)] = true;
      emit_units(members, counters[l]);
    }
  }
  // Units outside every area (a registry without districts): under a heading of their level.
  for (LevelId l : used) {
    std::vector<UnitId> rest;
    for (UnitId u : top_units(l)) {
      if (!placed[static_cast<std::size_t>(u)]) rest.push_back(u);
    }
    if (rest.empty()) continue;
    add_row(RowKind::heading, roman(++numeral), reg.levels()[l].label, Values{}, true);
    emit_units(rest, counters[l]);
  }
  for (auto it = used.rbegin(); it != used.rend(); ++it)
    level_total(*it, "", reg.levels()[*it].label);
}

}  // namespace

std::string short_area_name(std::string_view name) {
  for (std::string_view prefix : {"UBND ", "Ủy ban nhân dân ", "Uỷ ban nhân dân "}) {
    if (name.starts_with(prefix)) return std::string(name.substr(prefix.size()));
  }
  return std::string(name);
}

ReportDoc build_report(const AppendixDef& def, const Registry& registry, const Totals& totals,
                       const ReportOptions& options) {
  Builder b{def, registry, totals, options, {}, {}};
  b.tops.resize(registry.levels().size());
  for (std::size_t i = 0; i < registry.size(); ++i) {
    const Unit& u = registry.unit(static_cast<UnitId>(i));
    if (u.parent == kNoUnit) b.tops[u.level].push_back(static_cast<UnitId>(i));
  }
  b.doc.id = def.id;
  b.doc.title = def.title;
  b.doc.period_line = period_line(def.period, options.period);
  b.doc.sheet_name = def.sheet;
  b.doc.layout = options.layout.value_or(def.layout);
  for (const auto& c : def.columns) {
    b.doc.columns.push_back(Column{c.group, c.header, c.kind, c.show, c.number_format});
  }
  // A row per unit, and a few per level and area: allocated once, never moved while growing.
  b.doc.rows.reserve(registry.size() + 1 +
                     registry.levels().size() * (registry.areas().size() + 2));
  if (b.doc.layout == Layout::area) {
    b.by_area();
  } else {
    b.by_level();
  }
  for (std::size_t i = 0; i < registry.size(); ++i) {
    const auto u = static_cast<UnitId>(i);
    const bool absent = std::all_of(def.groups.begin(), def.groups.end(),
                                    [&](Group g) { return totals.cover_of(u, g) == Cover::none; });
    if (absent) b.doc.not_reported.emplace_back(registry.unit(u).code);
  }
  add_highlights(b.doc, registry, options.targets, options.highlight_lowest);
  b.doc.charts = build_charts(b.doc, registry, totals, options);
  add_note_column(b.doc);
  return std::move(b.doc);
}

}  // namespace ntr
