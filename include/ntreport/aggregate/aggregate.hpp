#pragma once
// Integer sums along the two relations of docs/spec.md §2.1: roll-up by parent (to any depth), and
// by level and area. Every figure is counted once in each level total. The blank-cell policy
// (docs/blank-cells.md): a unit's figures of a group (Group: "VB đi" with "VB đi ký số", …)
// enter the sums only when it gave every figure of that group, so that the sums and rates of
// a row over one group all cover the same units.
#include <array>
#include <cstdint>
#include <map>
#include <utility>
#include <vector>

#include "ntreport/diag/diagnostic.hpp"
#include "ntreport/model/values.hpp"
#include "ntreport/registry/registry.hpp"

namespace ntr {

/// How much of a unit's figures of one group the sums hold.
enum class Cover : std::uint8_t {
  none,       ///< no figure of the group, its own or its sub-units'
  by_parent,  ///< none, but an ancestor reports for it as a whole (its own figures only)
  part,       ///< some blank: its own figures, or a sub-unit's, or a sub-unit not reported
  full,       ///< every figure: its own, or every sub-unit's
};

struct Totals {
  /// per unit: the figures its row shows — its own when nothing below it reports, else the
  /// sum of the complete figures of its subtree
  std::vector<Values> subtree;
  std::vector<std::array<Cover, kGroupCount>> cover;  ///< per unit, per group
  std::vector<Values> level;                          ///< per level: every unit of the level
  /// (level, area unit) → the units of that level lying in that area
  std::map<std::pair<LevelId, UnitId>, Values> group;
  Values total;  ///< all levels

  [[nodiscard]] Cover cover_of(UnitId u, Group g) const {
    return cover[static_cast<std::size_t>(u)][static_cast<std::size_t>(g)];
  }
};

/// Sums the figures units reported (indexed like the registry). Given by value: a caller
/// done with them moves them in, and the unit rows' figures take their place.
Totals aggregate(const Registry& registry, std::vector<Values> own);

/// A count-overflow error for every sum above kMaxCount, naming the row and the figure.
void check_sums(const Registry& registry, const Totals& totals, Diagnostics& diags);

/// The fields of the groups in which `v` has every figure.
std::uint32_t complete_mask(const Values& v);

}  // namespace ntr
