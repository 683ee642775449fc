#pragma once
// Names that become file names: unit codes (`ntreport template` writes <code>.xlsx) and
// appendix ids (`ntreport build` writes <id>.md). Checked where they are read, so that no name
// from a registry or a template can point a path outside its folder.
#include <string>
#include <string_view>

#include "ntreport/text/translate.hpp"

namespace ntr {

/// The longest code or id, in characters.
inline constexpr std::size_t kMaxNameLength = 100;

/// What makes `name` unfit to be a code or an id, as a phrase ("holds \"/\"", "is empty"), or
/// empty when it is fit: ASCII letters, digits, '-', '_' and '.', beginning with a letter or a
/// digit, never "..", at most kMaxNameLength characters.
std::string name_problem(std::string_view name);

/// The rule name_problem checks, for messages (in English: messages pass it through tr()).
inline constexpr std::string_view kNameRule =
    N_("letters A-Z and a-z, digits, '-', '_' and '.', beginning with a letter or a digit, "
       "without \"..\", at most 100 characters");

}  // namespace ntr
