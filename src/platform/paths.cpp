#include "ntreport/platform/paths.hpp"

namespace ntr::platform {

std::filesystem::path fs_path(std::string_view utf8) {
  // char8_t text is UTF-8 by definition, where char text is in the code page on Windows.
  return {std::u8string(utf8.begin(), utf8.end())};
}

std::string utf8_path(const std::filesystem::path& path) {
  const std::u8string text = path.generic_u8string();
  return {text.begin(), text.end()};
}

}  // namespace ntr::platform
