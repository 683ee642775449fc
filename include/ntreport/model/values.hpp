#pragma once
// Figures of one unit (or one sum of units): a value per field and which fields are present.
// An absent field means "not reported", which is not 0.
#include <array>
#include <cstdint>

#include "ntreport/model/exact.hpp"
#include "ntreport/model/fields.hpp"

namespace ntr {

struct Values {
  std::array<std::int64_t, kFieldCount> v{};
  std::uint32_t present = 0;  ///< field_bit() of every field that has a value

  [[nodiscard]] bool has(Field f) const { return (present & field_bit(f)) != 0; }
  [[nodiscard]] std::int64_t get(Field f) const { return v[static_cast<std::size_t>(f)]; }
  void set(Field f, std::int64_t x) {
    v[static_cast<std::size_t>(f)] = x;
    present |= field_bit(f);
  }
  [[nodiscard]] bool has_family(Family fam) const { return (present & family_mask(fam)) != 0; }
  [[nodiscard]] bool has_group(Group g) const { return (present & group_mask(g)) != 0; }
  /// Every field of the group is present.
  [[nodiscard]] bool complete(Group g) const { return (present & group_mask(g)) == group_mask(g); }
  [[nodiscard]] bool empty() const { return present == 0; }
  /// The same figures restricted to the fields in `mask`.
  [[nodiscard]] Values only(std::uint32_t mask) const {
    Values out;
    for (std::size_t i = 0; i < kFieldCount; ++i) {
      if ((present & mask) >> i & 1U) out.v[i] = v[i];
    }
    out.present = present & mask;
    return out;
  }
  /// Adds every present field of `o`; a field becomes present when either side has it. Sums
  /// of counts (≥ 0) saturate at kSaturated instead of overflowing.
  void add(const Values& o) {
    for (std::size_t i = 0; i < kFieldCount; ++i) {
      if ((o.present >> i) & 1U) v[i] = saturating_add(v[i], o.v[i]);
    }
    present |= o.present;
  }
};

}  // namespace ntr
