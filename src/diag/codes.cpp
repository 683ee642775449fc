#include "ntreport/diag/codes.hpp"

namespace ntr {

const CodeInfo& code_info(std::string_view code) {
  const auto& all = catalogue::kCatalogue;
  const auto* it =
      std::lower_bound(all.begin(), all.end(), code,
                       [](const CodeInfo& c, std::string_view k) { return c.code < k; });
  if (it != all.end() && it->code == code) return *it;
  return Code("internal").info();
}

}  // namespace ntr
