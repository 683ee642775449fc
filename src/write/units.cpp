#include "ntreport/write/units.hpp"

#include <fmt/format.h>

namespace ntr {

namespace {
std::string cell(std::string_view text) {
  std::string out;
  for (const char c : text) {
    if (c == '|') {
      out += "\\|";
    } else {
      out += c == '\n' || c == '\r' ? ' ' : c;
    }
  }
  return out;
}
}  // namespace

std::string render_units_markdown(const Registry& registry, const std::vector<UnitId>& units) {
  std::string out = "| Mã đơn vị | Tên đơn vị | Cấp | Thuộc |\n|---|---|---|---|\n";
  for (UnitId id : units) {
    const Unit& u = registry.unit(id);
    std::string parent;
    if (u.parent != kNoUnit) {
      const Unit& p = registry.unit(u.parent);
      parent = fmt::format("{} ({})", p.code, p.name);
    }
    out += fmt::format("| {} | {} | {} | {} |\n", cell(u.code), cell(u.name),
                       cell(registry.levels()[u.level].label), cell(parent));
  }
  return out;
}

}  // namespace ntr
