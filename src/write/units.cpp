#include "ntreport/write/units.hpp"

#include <fmt/format.h>

#include "ntreport/report/labels.hpp"
#include "ntreport/write/cells.hpp"

namespace ntr {

std::string render_units_markdown(const Registry& registry, const std::vector<UnitId>& units) {
  std::string out = labels().units_header + "\n|---|---|---|---|\n";
  for (UnitId id : units) {
    const Unit& u = registry.unit(id);
    std::string parent;
    if (u.parent != kNoUnit) {
      const Unit& p = registry.unit(u.parent);
      parent = fmt::format("{} ({})", p.code, p.name);
    }
    out += fmt::format("| {} | {} | {} | {} |\n", md_cell(u.code), md_cell(u.name),
                       md_cell(registry.levels()[u.level].label), md_cell(parent));
  }
  return out;
}

}  // namespace ntr
