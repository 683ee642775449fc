#pragma once
#include <string>

#include "ntreport/diff/diff.hpp"

namespace ntr {

/// The changes between two builds as one GitHub-flavoured pipe table (appendix, unit, figure,
/// old, new, change), then the notes as a list. Nothing at all when the builds are identical.
std::string render_diff_markdown(const SummaryDiff& diff);

}  // namespace ntr
