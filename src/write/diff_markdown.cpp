#include "ntreport/write/diff_markdown.hpp"

#include "ntreport/report/labels.hpp"
#include "ntreport/write/cells.hpp"

namespace ntr {

std::string render_diff_markdown(const SummaryDiff& diff) {
  std::string out;
  if (!diff.changes.empty()) {
    out += labels().diff_header + "\n";
    out += "|---|---|---|---:|---:|---:|\n";
    for (const auto& c : diff.changes) {
      out += "| " + md_cell(c.appendix) + " | " + md_cell(c.row) + " | " + md_cell(c.field) +
             " | " + md_cell(c.old_text) + " | " + md_cell(c.new_text) + " | " + md_cell(c.change) +
             " |\n";
    }
  }
  if (!diff.notes.empty()) {
    if (!out.empty()) out += '\n';
    for (const auto& n : diff.notes) out += "- " + md_cell(n) + "\n";
  }
  return out;
}

}  // namespace ntr
