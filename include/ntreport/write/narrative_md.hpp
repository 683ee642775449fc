#pragma once
#include <string>
#include <vector>

#include "ntreport/report/narrative_section.hpp"

namespace ntr {

/// `thuyet-minh.md`: one paragraph per appendix, "- **Heading** (Phụ lục N): sentences…",
/// a blank line between paragraphs.
std::string render_narrative_markdown(const std::vector<NarrativeSection>& sections);

}  // namespace ntr
