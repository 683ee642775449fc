#include "ntreport/aggregate/aggregate.hpp"

#include <algorithm>
#include <numeric>

namespace ntr {

Totals aggregate(const Registry& registry, const std::vector<Values>& own) {
  const std::size_t n = registry.size();
  Totals t;
  t.subtree.assign(own.begin(), own.end());
  t.subtree.resize(n);
  t.level.resize(registry.levels().size());

  // Deepest units first, so each subtree is complete before it is added to its parent.
  std::vector<UnitId> order(n);
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](UnitId a, UnitId b) {
    return registry.unit(a).depth > registry.unit(b).depth;
  });
  for (UnitId u : order) {
    const UnitId p = registry.unit(u).parent;
    if (p != kNoUnit)
      t.subtree[static_cast<std::size_t>(p)].add(t.subtree[static_cast<std::size_t>(u)]);
  }

  for (std::size_t i = 0; i < n && i < own.size(); ++i) {
    const Unit& u = registry.unit(static_cast<UnitId>(i));
    t.level[u.level].add(own[i]);
    if (u.area != kNoUnit) t.group[{u.level, u.area}].add(own[i]);
  }
  for (const auto& l : t.level) t.total.add(l);
  return t;
}

}  // namespace ntr
