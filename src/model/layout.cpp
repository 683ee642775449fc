#include "ntreport/model/layout.hpp"

#include <array>
#include <utility>

namespace ntr {

namespace {
constexpr std::array<std::pair<Layout, std::string_view>, 4> kNames = {{
    {Layout::level, "level"},
    {Layout::area, "area"},
    {Layout::targets, "targets"},
    {Layout::comparison, "comparison"},
}};
}  // namespace

std::string_view layout_name(Layout layout) {
  for (const auto& [l, name] : kNames) {
    if (l == layout) return name;
  }
  return "level";
}

std::optional<Layout> parse_layout(std::string_view name) {
  for (const auto& [l, n] : kNames) {
    if (n == name) return l;
  }
  return std::nullopt;
}

}  // namespace ntr
