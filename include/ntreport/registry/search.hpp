#pragma once
// Finding units by a piece of their name, code or alias (`ntreport units TEXT`), for the
// analyst who needs a code for an alias line.
#include <string_view>
#include <vector>

#include "ntreport/registry/registry.hpp"

namespace ntr {

/// The units whose code, name or one of whose aliases contains `text` (compared by match
/// key), in registry order; every unit for an empty text; when none contains it, the closest
/// names (Registry::suggest).
std::vector<UnitId> find_units(const Registry& registry, std::string_view text);

/// `name,code` as a line of an aliases file (the name quoted when it needs to be).
std::string alias_line(std::string_view name, std::string_view code);

}  // namespace ntr
