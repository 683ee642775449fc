#include "ntreport/read/embedded.hpp"

namespace ntr {

std::optional<std::string_view> embedded_file(std::string_view name) {
  for (const auto& f : embedded_files()) {
    if (f.name == name) return f.data;
  }
  return std::nullopt;
}

}  // namespace ntr
