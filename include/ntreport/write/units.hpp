#pragma once
// The units `ntreport units` found, as a Markdown table: code, name, level, parent.
#include <string>
#include <vector>

#include "ntreport/registry/registry.hpp"

namespace ntr {

/// "| Mã đơn vị | Tên đơn vị | Cấp | Thuộc |" and a row per unit; `Thuộc` is the roll-up
/// parent's code and name.
std::string render_units_markdown(const Registry& registry, const std::vector<UnitId>& units);

}  // namespace ntr
