#include "ntreport/write/inspect.hpp"

#include <fmt/format.h>

#include "ntreport/diag/diagnostic.hpp"
#include "ntreport/report/labels.hpp"
#include "ntreport/text/translate.hpp"
#include "ntreport/write/cells.hpp"

namespace ntr {

namespace {

std::string sheet_title(const InspectSheet& s) {
  if (!s.info.is_workbook) return fmt::format("## {}", tr("The table"));
  return "## " + (s.info.hidden ? trf("Sheet '{}' (hidden)", md_cell(s.info.name))
                                : trf("Sheet '{}'", md_cell(s.info.name)));
}
}  // namespace

std::string render_inspect_markdown(const std::string& file,
                                    const std::vector<InspectSheet>& sheets) {
  std::string out = fmt::format("# {}\n", md_cell(file));
  if (sheets.empty()) out += fmt::format("\n{}\n", tr("No sheet."));
  for (const auto& s : sheets) {
    out += '\n' + sheet_title(s) + "\n\n";
    if (!s.has_table) {
      out += fmt::format("{}\n", tr("No header row found: no figure of this sheet is read."));
      continue;
    }
    out += s.header_first == s.header_last
               ? trf("Header: row {}.", s.header_first)
               : trf("Header: rows {}–{}.", s.header_first, s.header_last);
    out += "\n\n";
    out += labels().inspect_columns + "\n|---|---|---|\n";
    for (const auto& c : s.columns) {
      out += fmt::format("| {} | {} | {} |\n", column_letters(c.col), md_cell(c.header),
                         md_cell(c.meaning));
    }
    out += "\n" + labels().inspect_rows + "\n|---:|---|---|\n";
    for (const auto& r : s.rows) {
      out += fmt::format("| {} | {} | {} |\n", r.row, md_cell(r.label), md_cell(r.what));
    }
    if (s.more_rows > 0) {
      out += fmt::format(
          "\n{}\n", trf("… and {} more rows.", count_text(static_cast<std::int64_t>(s.more_rows))));
    }
  }
  return out;
}

}  // namespace ntr
