#pragma once
// Integer sums along the two relations of SPEC §2.1: roll-up by parent (to any depth), and
// by level and area. Every figure is counted once in each level total.
#include <map>
#include <utility>
#include <vector>

#include "ntreport/ingest/values.hpp"
#include "ntreport/registry/registry.hpp"

namespace ntr {

struct Totals {
  std::vector<Values> subtree;  ///< per unit: its own figures plus all its descendants'
  std::vector<Values> level;    ///< per level: every unit of the level
  /// (level, area unit) → the units of that level lying in that area
  std::map<std::pair<LevelId, UnitId>, Values> group;
  Values total;  ///< all levels
};

/// Sums the figures units reported (indexed like the registry).
Totals aggregate(const Registry& registry, const std::vector<Values>& own);

}  // namespace ntr
