#include "ntreport/aggregate/aggregate.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <numeric>
#include <unordered_map>

#include "ntreport/ingest/count.hpp"
#include "ntreport/text/numbers.hpp"
#include "ntreport/text/translate.hpp"

namespace ntr {

namespace {

enum class Own : std::uint8_t { none, partial, complete };

Own own_state(const Values& v, Group g) {
  if (v.complete(g)) return Own::complete;
  return v.has_group(g) ? Own::partial : Own::none;
}

// A unit's cover from its own figures and its sub-units' covers (computed before it).
Cover cover_from(Own own, const Registry& registry, UnitId u, Group g,
                 const std::vector<std::array<Cover, kGroupCount>>& cover) {
  bool any = false;
  bool all_full = true;
  for (UnitId c : registry.unit(u).children) {
    const Cover k = cover[static_cast<std::size_t>(c)][static_cast<std::size_t>(g)];
    any = any || k != Cover::none;
    all_full = all_full && k == Cover::full;
  }
  switch (own) {
    case Own::partial:
      return Cover::part;
    case Own::complete:
      return !any || all_full ? Cover::full : Cover::part;
    case Own::none:
      break;
  }
  if (!any) return Cover::none;
  return all_full ? Cover::full : Cover::part;
}

}  // namespace

std::uint32_t complete_mask(const Values& v) {
  std::uint32_t m = 0;
  for (const auto& g : groups()) {
    if (v.complete(g.id)) m |= group_mask(g.id);
  }
  return m;
}

Totals aggregate(const Registry& registry, std::vector<Values> own) {
  const std::size_t n = registry.size();
  Totals t;
  // Each unit's row is made in the place of its own figures, read just before: at national
  // scale the figures are tens of megabytes, and held once.
  own.resize(n);
  t.subtree = std::move(own);
  t.cover.resize(n);
  t.level.resize(registry.levels().size());

  // Deepest units first, so each subtree is complete before it is added to its parent.
  std::vector<UnitId> order(n);
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](UnitId a, UnitId b) {
    return registry.unit(a).depth > registry.unit(b).depth;
  });
  // The complete figures of the subtrees below each unit that has sub-units (few do).
  std::unordered_map<UnitId, Values> sum_below;
  std::vector<std::uint32_t> below(n, 0);    // figures given anywhere below each unit
  std::vector<std::uint32_t> present(n, 0);  // the figures each unit gave itself
  for (UnitId u : order) {
    const auto i = static_cast<std::size_t>(u);
    const Values mine = t.subtree[i];
    present[i] = mine.present;
    const Values counted = mine.only(complete_mask(mine));
    Values sum = counted;  // the complete figures of the subtree
    if (const auto it = sum_below.find(u); it != sum_below.end()) {
      sum = it->second;  // the sub-units' first, as they were added
      sum.add(counted);
      sum_below.erase(it);
    }
    for (const auto& g : groups()) {
      t.cover[i][static_cast<std::size_t>(g.id)] =
          cover_from(own_state(mine, g.id), registry, u, g.id, t.cover);
    }
    std::uint32_t from_own = 0;  // a group nothing below reports: the row shows its own
    for (const auto& g : groups()) {
      if ((below[i] & group_mask(g.id)) == 0) from_own |= group_mask(g.id);
    }
    t.subtree[i] = mine.only(from_own);
    t.subtree[i].add(sum.only(~from_own));
    const Unit& unit = registry.unit(u);
    t.level[unit.level].add(counted);
    if (unit.area != kNoUnit) t.group[{unit.level, unit.area}].add(counted);
    if (unit.parent == kNoUnit) continue;
    sum_below[unit.parent].add(sum);
    below[static_cast<std::size_t>(unit.parent)] |= below[i] | mine.present;
  }
  // Shallowest first: a unit without figures under one that reports as a whole is covered.
  for (auto it = order.rbegin(); it != order.rend(); ++it) {
    const auto i = static_cast<std::size_t>(*it);
    const UnitId p = registry.unit(*it).parent;
    if (p == kNoUnit) continue;
    const auto pi = static_cast<std::size_t>(p);
    for (const auto& g : groups()) {
      const auto k = static_cast<std::size_t>(g.id);
      const bool whole =
          (present[pi] & group_mask(g.id)) != 0 && (below[pi] & group_mask(g.id)) == 0;
      if (t.cover[i][k] == Cover::none && (whole || t.cover[pi][k] == Cover::by_parent))
        t.cover[i][k] = Cover::by_parent;
    }
  }
  for (const auto& l : t.level) t.total.add(l);
  return t;
}

namespace {

void check_row(const Values& v, const std::string& what, Diagnostics& diags) {
  for (const auto& f : fields()) {
    if (!v.has(f.id) || v.get(f.id) <= kMaxCount) continue;
    diags.error("count-overflow", command_line_loc(),
                trf("\"{}\" of {} sums to more than {}, the largest count ntreport adds up and "
                    "prints",
                    f.label, what, format_count(kMaxCount)),
                std::string(tr("a figure is far larger than any real count: check the inputs")));
  }
}

}  // namespace

void check_sums(const Registry& registry, const Totals& totals, Diagnostics& diags) {
  for (std::size_t i = 0; i < totals.subtree.size(); ++i) {
    const Unit& u = registry.unit(static_cast<UnitId>(i));
    check_row(totals.subtree[i], trf("the unit \"{}\" ({})", u.name, u.code), diags);
  }
  for (LevelId l = 0; l < totals.level.size(); ++l) {
    check_row(totals.level[l], trf("the level \"{}\"", registry.levels()[l].label), diags);
  }
  for (const auto& [key, v] : totals.group) {
    check_row(v,
              trf("the level \"{}\" in \"{}\"", registry.levels()[key.first].label,
                  registry.unit(key.second).name),
              diags);
  }
  check_row(totals.total, std::string(tr("the total row")), diags);
}

}  // namespace ntr
