#pragma once
// The layouts of an appendix (docs/spec.md §6): how its rows are grouped.
#include <cstdint>
#include <optional>
#include <string_view>

namespace ntr {

enum class Layout : std::uint8_t {
  level,       ///< units under their level's row (§6.1)
  area,        ///< units under their district or area (§6.2)
  targets,     ///< the plan's targets, one row each (chi-tieu)
  comparison,  ///< a period beside an earlier one (build --previous)
};

/// "level", "area", "targets", "comparison": as definitions and summary.json write it.
std::string_view layout_name(Layout layout);
/// The layout of a name; none for another word.
std::optional<Layout> parse_layout(std::string_view name);

}  // namespace ntr
