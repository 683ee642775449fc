#include "ntreport/write/diff_markdown.hpp"

#include "ntreport/text/printable.hpp"

namespace ntr {

namespace {

// A pipe or a line break would end the table cell; a control character could act on a
// terminal.
std::string cell(std::string_view text) { return markdown_text(text, true); }

}  // namespace

std::string render_diff_markdown(const SummaryDiff& diff) {
  std::string out;
  if (!diff.changes.empty()) {
    out += "| Phụ lục | Đơn vị | Chỉ số | Cũ | Mới | Thay đổi |\n";
    out += "|---|---|---|---:|---:|---:|\n";
    for (const auto& c : diff.changes) {
      out += "| " + cell(c.appendix) + " | " + cell(c.row) + " | " + cell(c.field) + " | " +
             cell(c.old_text) + " | " + cell(c.new_text) + " | " + cell(c.change) + " |\n";
    }
  }
  if (!diff.notes.empty()) {
    if (!out.empty()) out += '\n';
    for (const auto& n : diff.notes) out += "- " + cell(n) + "\n";
  }
  return out;
}

}  // namespace ntr
