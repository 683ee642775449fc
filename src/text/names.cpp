#include "ntreport/text/names.hpp"

#include <fmt/format.h>

#include "ntreport/text/translate.hpp"

namespace ntr {

namespace {
bool is_alnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}
}  // namespace

std::string name_problem(std::string_view name) {
  if (name.empty()) return std::string(tr("is empty"));
  if (name.size() > kMaxNameLength) return trf("is longer than {} characters", kMaxNameLength);
  for (const char c : name) {
    if (is_alnum(c) || c == '-' || c == '_' || c == '.') continue;
    const auto byte = static_cast<unsigned char>(c);
    if (byte == ' ') return std::string(tr("holds a space"));
    if (byte < 0x20 || byte == 0x7F) return std::string(tr("holds a control character"));
    if (byte > 0x7F) return std::string(tr("holds a character outside ASCII"));
    return trf("holds '{}'", c);
  }
  if (!is_alnum(name.front())) return trf("begins with '{}'", name.front());
  if (name.find("..") != std::string_view::npos) return std::string(tr("holds \"..\""));
  return {};
}

}  // namespace ntr
