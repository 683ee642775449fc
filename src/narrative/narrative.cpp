#include "ntreport/narrative/narrative.hpp"

#include <algorithm>

#include "ntreport/model/exact.hpp"
#include "ntreport/text/numbers.hpp"
#include "placeholder.hpp"

namespace ntr {

namespace {

using narrative::Context;

struct Builder {
  const NarrativeDef& def;
  const ReportDoc& doc;
  const Registry& registry;
  const Totals& totals;
  const NarrativeOptions& options;
  NarrativeSection out;

  void add(const std::string& text, const Context& ctx) {
    NarrativeSentence s;
    if (auto t = narrative::expand(text, ctx, s.figures)) {
      s.text = std::move(*t);
      out.sentences.push_back(std::move(s));
    }
  }

  // The level rows the appendix prints, in the registry's order of levels.
  std::vector<LevelId> levels(const NarrativeSentenceDef& s) const {
    std::vector<LevelId> out_levels;
    for (LevelId l = 0; l < registry.levels().size(); ++l) {
      const std::string& id = registry.levels()[l].id;
      const bool printed = std::any_of(doc.rows.begin(), doc.rows.end(), [&](const Row& r) {
        return r.kind == RowKind::level && r.level_id == id;
      });
      const bool chosen =
          s.levels.empty() || std::find(s.levels.begin(), s.levels.end(), id) != s.levels.end();
      if (printed && chosen) out_levels.push_back(l);
    }
    return out_levels;
  }

  // The coverage clause of a level or total row that does not cover all its units: the
  // row's note as the table prints it ("18/19 đơn vị").
  std::string coverage(RowKind kind, const std::string& level_id) const {
    const auto row = std::find_if(doc.rows.begin(), doc.rows.end(), [&](const Row& r) {
      return r.kind == kind && r.level_id == level_id;
    });
    if (row == doc.rows.end() || row->status == RowStatus::reported || row->note.empty()) return {};
    std::string w = narrative::word(def, "coverage");
    if (auto at = w.find("{note}"); at != std::string::npos) w.replace(at, 6, row->note);
    return w;
  }

  Context level_context(LevelId l) const {
    Context ctx;
    ctx.def = &def;
    ctx.values = &totals.level[l];
    if (options.previous != nullptr && l < options.previous->level.size())
      ctx.previous = &options.previous->level[l];
    ctx.level_id = registry.levels()[l].id;
    ctx.level_label = registry.levels()[l].label;
    ctx.coverage = coverage(RowKind::level, ctx.level_id);
    ctx.target = [this, l](Rate r) { return target_for(options.targets, r, l); };
    return ctx;
  }

  Context total_context() const {
    Context ctx;
    ctx.def = &def;
    ctx.values = &totals.total;
    if (options.previous != nullptr) ctx.previous = &options.previous->total;
    ctx.coverage = coverage(RowKind::total, {});
    ctx.target = [this](Rate r) -> const RateTarget* {
      for (const auto& t : options.targets) {
        if (t.rate == r && !t.level) return &t;
      }
      return nullptr;
    };
    return ctx;
  }

  // The numbered units of a level (no roll-up parent) with every figure of the rate, lowest
  // rate first as the tables round it: the `count` lowest; `more` counts the others tied
  // with the last, which are not named (registry order would pick among equals).
  std::vector<UnitId> lowest(LevelId l, Rate rate, std::uint32_t count, std::size_t& more) const {
    std::vector<std::pair<std::int64_t, UnitId>> ranked;
    for (UnitId u = 0; u < static_cast<UnitId>(registry.size()); ++u) {
      const Unit& unit = registry.unit(u);
      if (unit.level != l || unit.parent != kNoUnit) continue;
      if (totals.cover_of(u, rate_group(rate)) != Cover::full) continue;
      const Cell c = rate_cell(totals.subtree[static_cast<std::size_t>(u)], rate, "-");
      if (c.defined_rate())
        ranked.emplace_back(percent_scaled(c.num, c.den, 2, Rounding::half_up), u);
    }
    std::stable_sort(ranked.begin(), ranked.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<UnitId> units;
    more = 0;
    for (std::size_t i = 0; i < ranked.size(); ++i) {
      if (i >= count && ranked[i].first != ranked[count - 1].first) break;
      if (i < count) {
        units.push_back(ranked[i].second);
      } else {
        ++more;
      }
    }
    return units;
  }

  std::vector<UnitId> not_reported(LevelId l) const {
    std::vector<UnitId> units;
    for (const auto& code : doc.not_reported) {
      const UnitId u = registry.find_code(code);
      if (u == kNoUnit || registry.unit(u).level != l) continue;
      // a sub-unit of a unit listed already is named by its parent
      const UnitId parent = registry.unit(u).parent;
      if (parent != kNoUnit && std::find(units.begin(), units.end(), parent) != units.end())
        continue;
      units.push_back(u);
    }
    return units;
  }

  void unit_list(const NarrativeSentenceDef& s, LevelId l, const std::vector<UnitId>& units,
                 std::size_t more = 0) {
    Context ctx = level_context(l);
    NarrativeSentence sentence;
    std::vector<std::string> items;
    for (UnitId u : units) {
      Context unit_ctx;
      unit_ctx.def = &def;
      unit_ctx.values = &totals.subtree[static_cast<std::size_t>(u)];
      unit_ctx.unit_code = std::string(registry.unit(u).code);
      unit_ctx.unit_name = std::string(registry.unit(u).name);
      if (auto t = narrative::expand(s.item, unit_ctx, sentence.figures))
        items.push_back(std::move(*t));
    }
    if (items.empty() && s.empty.empty()) return;
    ctx.list = narrative::join_list(items, def, more);
    ctx.count = items.size() + more;
    if (auto t = narrative::expand(items.empty() ? s.empty : s.text, ctx, sentence.figures)) {
      sentence.text = std::move(*t);
      out.sentences.push_back(std::move(sentence));
    }
  }

  void levels_list(const NarrativeSentenceDef& s) {
    NarrativeSentence sentence;
    std::vector<std::string> items;
    for (LevelId l : levels(s)) {
      if (auto t = narrative::expand(s.item, level_context(l), sentence.figures))
        items.push_back(std::move(*t));
    }
    if (items.empty()) return;
    Context ctx;
    ctx.def = &def;
    ctx.list = narrative::join_list(items, def);
    if (auto t = narrative::expand(s.text, ctx, sentence.figures)) {
      sentence.text = std::move(*t);
      out.sentences.push_back(std::move(sentence));
    }
  }

  void sentence(const NarrativeSentenceDef& s) {
    switch (s.scope) {
      case NarrativeScope::levels:
        levels_list(s);
        return;
      case NarrativeScope::total:
        add(s.text, total_context());
        return;
      default:
        break;
    }
    for (LevelId l : levels(s)) {
      if (s.scope == NarrativeScope::level) {
        add(s.text, level_context(l));
      } else if (s.scope == NarrativeScope::lowest) {
        std::size_t more = 0;
        const std::vector<UnitId> units = lowest(l, *s.rate, s.count, more);
        unit_list(s, l, units, more);
      } else {
        unit_list(s, l, not_reported(l));
      }
    }
  }
};

}  // namespace

NarrativeSection build_narrative(const NarrativeDef& def, const ReportDoc& doc,
                                 const Registry& registry, const Totals& totals,
                                 const NarrativeOptions& options) {
  Builder b{def, doc, registry, totals, options, {}};
  b.out.appendix = doc.id;
  b.out.heading = def.heading;
  b.out.number_line = doc.number_line;
  for (const auto& s : def.sentences) b.sentence(s);
  return std::move(b.out);
}

namespace {
// The fields of `v` that `into` does not have yet: appendices that print one field carry the
// same earlier figure, which counts once.
void merge(Values& into, const Values& v) {
  for (std::size_t i = 0; i < kFieldCount; ++i) {
    const auto f = static_cast<Field>(i);
    if (v.has(f) && !into.has(f)) into.set(f, v.get(f));
  }
}
}  // namespace

PreviousFigures previous_figures(const std::vector<ReportDoc>& docs, const Registry& registry) {
  PreviousFigures out;
  out.level.resize(registry.levels().size());
  for (const ReportDoc& doc : docs) {
    // The earlier figures of one row, by field (the count columns the row carries).
    auto figures_of = [&doc](const Row& row) {
      Values v;
      for (std::size_t c = 0; c < doc.columns.size() && c < row.previous->size(); ++c) {
        const Cell& cell = (*row.previous)[c];
        const auto field = field_by_key(doc.columns[c].key);
        if (field && cell.kind == Cell::Kind::count) v.set(*field, cell.num);
      }
      return v;
    };
    bool has_total = false;
    std::vector<bool> compared(registry.levels().size());  // a level may print two rows
    Values level_sum;
    for (const Row& row : doc.rows) {
      if (row.kind == RowKind::total) has_total = true;
      if (!row.previous || (row.kind != RowKind::level && row.kind != RowKind::total)) continue;
      const Values v = figures_of(row);
      if (row.kind == RowKind::total) {
        merge(out.total, v);
        continue;
      }
      const auto l = registry.find_level(row.level_id);
      if (!l) continue;
      merge(out.level[*l], v);
      if (!compared[*l]) level_sum.add(v);
      compared[*l] = true;
    }
    // A table without a total row: the province's earlier figures are those of its levels,
    // when every level compares.
    if (!has_total && std::all_of(compared.begin(), compared.end(), [](bool b) { return b; }))
      merge(out.total, level_sum);
  }
  return out;
}

}  // namespace ntr
