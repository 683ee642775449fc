#include "ntreport/write/diff_markdown.hpp"

namespace ntr {

namespace {

// A pipe or a line break would end the table cell.
std::string cell(std::string_view text) {
  std::string out;
  for (const char c : text) {
    if (c == '|') {
      out += "\\|";
    } else if (c == '\n' || c == '\r') {
      out += ' ';
    } else {
      out += c;
    }
  }
  return out;
}

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
