#pragma once
// Files compiled into the binary: the default registry (data/registry/) and the appendix
// templates (templates/). They make the binary independent of the folder it runs from.
#include <optional>
#include <string_view>
#include <vector>

namespace ntr {

struct EmbeddedFile {
  std::string_view name;  ///< path relative to the source tree, e.g. "templates/ho-so.toml"
  std::string_view data;
};

/// Every embedded file, sorted by name.
const std::vector<EmbeddedFile>& embedded_files();
/// One embedded file by name.
std::optional<std::string_view> embedded_file(std::string_view name);

}  // namespace ntr
