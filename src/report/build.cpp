// The by-level (docs/spec.md §6.1) and by-area (docs/spec.md §6.2) layouts.
#include "ntreport/report/build.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <functional>
#include <map>
#include <memory>

#include "ntreport/report/labels.hpp"
#include "ntreport/text/normalize.hpp"

namespace ntr {

namespace {

__extension__ using i128 = __int128;

// Makes the rows of an appendix one at a time, in order, and hands each to `out` once it is
// complete (a row is completed by the calls after add_row, until the next add_row).
struct Builder {
  const AppendixDef& def;
  const Registry& reg;
  const Totals& tot;
  const ReportOptions& opt;
  Layout layout = Layout::level;
  const std::function<void(Row&)>* out = nullptr;
  const std::vector<std::vector<UnitId>>& tops;  ///< per level: units without a parent
  Row pending;
  bool has_pending = false;

  void run(const std::function<void(Row&)>& sink);
  void flush();
  std::vector<UnitId> ordered(std::vector<UnitId> units) const;
  Row& add_row(RowKind kind, std::string stt, std::string label, const Values& v, bool bold);
  void emit_unit(UnitId u, const std::string& stt, std::uint32_t depth, bool bold = false);
  void emit_units(const std::vector<UnitId>& units, unsigned& counter);
  void by_level();
  void by_area();
  void level_total(LevelId l, std::string stt, std::string label);
  const std::vector<UnitId>& top_units(LevelId l) const { return tops[l]; }
};

void Builder::run(const std::function<void(Row&)>& sink) {
  out = &sink;
  if (layout == Layout::area) {
    by_area();
  } else {
    by_level();
  }
  flush();
  out = nullptr;
}

void Builder::flush() {
  if (!has_pending) return;
  has_pending = false;
  (*out)(pending);
}

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

Row& Builder::add_row(RowKind kind, std::string stt, std::string label, const Values& v,
                      bool bold) {
  flush();
  pending = Row{};
  has_pending = true;
  Row& r = pending;
  r.kind = kind;
  r.bold = bold;
  r.cells.reserve(def.columns.size() + 1);  // and the note column (add_note_cell): no regrowth
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
    r.cells.push_back(cell);
  }
  r.stt = std::move(stt);
  r.label = std::move(label);
  return r;
}

void Builder::emit_unit(UnitId u, const std::string& stt, std::uint32_t depth, bool bold) {
  const Unit& unit = reg.unit(u);
  Row& r = add_row(RowKind::unit, stt, std::string(unit.name),
                   tot.subtree[static_cast<std::size_t>(u)], bold);
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
  Row& r = add_row(RowKind::level, std::move(stt), std::move(label), tot.level[l], true);
  r.level_id = reg.levels()[l].id;
  mark_subtotal(r, tops[l], tot, def.groups);
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
  Row& r = add_row(RowKind::total, "", labels().total, tot.total, true);
  std::vector<UnitId> all;
  for (const auto& units : tops) all.insert(all.end(), units.begin(), units.end());
  mark_subtotal(r, all, tot, def.groups);
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
      Row& r =
          add_row(RowKind::group, "",
                  fmt::format("{} – {}", reg.levels()[l].area_label, short_area_name(area.name)),
                  it == tot.group.end() ? Values{} : it->second, true);
      r.level_id = reg.levels()[l].id;
      r.area_code = area.code;
      mark_subtotal(r, members, tot, def.groups);
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

namespace {

// What makes an appendix's rows, with what the first pass over them decided: kept by the doc
// whose unit rows are made on demand, so that every pass makes the same rows.
struct RowSource {
  RowSource(const AppendixDef& d, const Registry& r, const Totals& t, const ReportOptions& o)
      : def(d), registry(r), totals(t), options(o) {}

  AppendixDef def;  // copies: the rows are made after build_report returns
  const Registry& registry;
  const Totals& totals;
  ReportOptions options;  // the highlighter points into its targets
  Layout layout = Layout::level;
  std::vector<std::vector<UnitId>> tops;
  std::optional<Highlighter> highlighter;
  std::size_t columns = 0;  ///< the definition's columns, before the note column
  bool note_column = false;

  void make(const std::function<void(Row&)>& each) const {
    Builder b{def, registry, totals, options, layout, nullptr, tops, {}, false};
    b.run(each);
  }
  // What the first pass decided, applied to a row of any pass.
  void finish(Row& row) const {
    highlighter->mark(row);
    if (note_column) add_note_cell(row, columns);
  }
};

}  // namespace

ReportDoc build_report(const AppendixDef& def, const Registry& registry, const Totals& totals,
                       const ReportOptions& options) {
  auto source = std::make_shared<RowSource>(def, registry, totals, options);
  source->layout = options.layout.value_or(def.layout);
  source->tops.resize(registry.levels().size());
  for (std::size_t i = 0; i < registry.size(); ++i) {
    const Unit& u = registry.unit(static_cast<UnitId>(i));
    if (u.parent == kNoUnit) source->tops[u.level].push_back(static_cast<UnitId>(i));
  }
  ReportDoc doc;
  doc.id = def.id;
  doc.title = def.title;
  doc.period_line = period_line(def.period, options.period);
  doc.sheet_name = def.sheet;
  doc.layout = source->layout;
  for (const auto& c : def.columns) {
    doc.columns.push_back(Column{c.group, c.header, c.kind, c.show, c.number_format});
  }
  source->columns = doc.columns.size();
  source->highlighter.emplace(doc, registry, source->options.targets,
                              source->options.highlight_lowest);
  // The first pass: every row is seen; the units' are kept only when they are not made again
  // on demand. A row per unit, and a few per level and area: allocated once.
  const bool stream = options.stream_units;
  if (!stream) {
    doc.rows.reserve(registry.size() + 1 +
                     registry.levels().size() * (registry.areas().size() + 2));
  }
  std::size_t index = 0;
  source->make([&](Row& row) {
    source->highlighter->see(row, index++);
    source->note_column = source->note_column || !row.note.empty();
    if (stream && row.kind == RowKind::unit) {
      doc.dropped.add(row);
    } else {
      doc.rows.push_back(std::move(row));
    }
  });
  for (std::size_t i = 0; i < registry.size(); ++i) {
    const auto u = static_cast<UnitId>(i);
    const bool absent = std::all_of(def.groups.begin(), def.groups.end(),
                                    [&](Group g) { return totals.cover_of(u, g) == Cover::none; });
    if (absent) doc.not_reported.emplace_back(registry.unit(u).code);
  }
  source->highlighter->decide(doc);
  doc.charts = build_charts(doc, registry, totals, options);
  if (source->note_column) add_note_column(doc);
  for (Row& row : doc.rows) source->finish(row);
  if (stream) {
    doc.all_rows = [source](const std::function<void(const Row&)>& each) {
      source->make([&](Row& row) {
        source->finish(row);
        each(row);
      });
    };
  }
  return doc;
}

}  // namespace ntr
