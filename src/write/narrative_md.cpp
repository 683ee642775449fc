#include "ntreport/write/narrative_md.hpp"

#include "ntreport/text/printable.hpp"

namespace ntr {

std::string render_narrative_markdown(const std::vector<NarrativeSection>& sections) {
  std::string out;
  for (const auto& s : sections) {
    if (!out.empty()) out += '\n';
    out += "- ";
    if (!s.heading.empty()) out += "**" + markdown_text(s.heading, false) + "**";
    if (!s.number_line.empty()) out += " (" + markdown_text(s.number_line, false) + ")";
    if (!s.heading.empty() || !s.number_line.empty()) out += ": ";
    for (std::size_t i = 0; i < s.sentences.size(); ++i) {
      if (i > 0) out += ' ';
      out += markdown_text(s.sentences[i].text, false);
    }
    out += '\n';
  }
  return out;
}

}  // namespace ntr
