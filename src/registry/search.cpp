#include "ntreport/registry/search.hpp"

#include "ntreport/text/normalize.hpp"

namespace ntr {

std::vector<UnitId> find_units(const Registry& registry, std::string_view text) {
  std::vector<UnitId> out;
  const std::string key = match_key(text);
  auto contains = [&key](std::string_view s) {
    return match_key(s).find(key) != std::string::npos;
  };
  for (std::size_t i = 0; i < registry.size(); ++i) {
    const auto id = static_cast<UnitId>(i);
    const Unit& u = registry.unit(id);
    bool hit = key.empty() || contains(u.code) || contains(u.name);
    for (std::size_t a = 0; !hit && a < u.aliases.size(); ++a) hit = contains(u.aliases[a]);
    if (hit) out.push_back(id);
  }
  if (out.empty()) out = registry.suggest(text);
  return out;
}

std::string alias_line(std::string_view name, std::string_view code) {
  const bool quote = name.find_first_of(",\"\r\n") != std::string_view::npos ||
                     (!name.empty() && (name.front() == ' ' || name.back() == ' '));
  if (!quote) return std::string(name) + "," + std::string(code);
  std::string out = "\"";
  for (char c : name) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"," + std::string(code);
}

}  // namespace ntr
