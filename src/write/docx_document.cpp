// word/document.xml of bao-cao.docx: the narrative, then each appendix in its own section.
#include <fmt/format.h>

#include <algorithm>
#include <numeric>

#include "docx_xml.hpp"
#include "ntreport/write/cells.hpp"
#include "ntreport/write/docx.hpp"
#include "ntreport/write/xlsx_layout.hpp"

namespace ntr {

namespace {

using docx::Para;

// Text width of an A4 page within the margins of docx::section, in twips.
constexpr int kPortraitWidth = 11906 - 1701 - 851;
constexpr int kLandscapeWidth = 16838 - 1701 - 851;
// Twips a character of the table's text takes, on average: Times New Roman at 10–11 pt.
constexpr double kTwipsPerChar = 105;
// The narrowest a name or note column is squeezed to, in twips (2 cm), and the width a name
// column needs to be readable, in twips (4,5 cm).
constexpr int kMinTextColumn = 1134;
constexpr int kReadableLabel = 2552;

bool squeezable(const Column& c) {
  return c.kind == ColumnKind::label || c.kind == ColumnKind::text;
}

// The widths the text of each column needs, in twips.
std::vector<int> needed(const ReportDoc& doc) {
  std::vector<int> w;
  for (double c : column_widths(doc)) w.push_back(static_cast<int>(c * kTwipsPerChar));
  return w;
}

// A table whose figure columns and a readable name column do not fit a portrait page gets a
// landscape one.
bool landscape(const ReportDoc& doc) {
  const std::vector<int> w = needed(doc);
  int total = 0;
  for (std::size_t i = 0; i < w.size(); ++i)
    total += squeezable(doc.columns[i]) ? std::min(w[i], kReadableLabel) : w[i];
  return total > kPortraitWidth;
}

// Column widths in twips: what the text needs (column_widths), then fitted to the page by
// narrowing the note and name columns first, or by giving the name column what is left.
std::vector<int> grid(const ReportDoc& doc) {
  const int page = landscape(doc) ? kLandscapeWidth : kPortraitWidth;
  std::vector<int> w = needed(doc);
  int total = std::accumulate(w.begin(), w.end(), 0);
  for (std::size_t i = w.size(); i-- > 0 && total > page;) {  // the note column first
    if (!squeezable(doc.columns[i])) continue;
    const int cut = std::min(total - page, std::max(0, w[i] - kMinTextColumn));
    w[i] -= cut;
    total -= cut;
  }
  if (total > page) {  // still too wide: every column in proportion
    for (auto& x : w) x = static_cast<int>(static_cast<double>(x) * page / total);
  } else {
    const auto label = std::find_if(doc.columns.begin(), doc.columns.end(),
                                    [](const Column& c) { return c.kind == ColumnKind::label; });
    w[label == doc.columns.end() ? 0 : static_cast<std::size_t>(label - doc.columns.begin())] +=
        page - total;
  }
  return w;
}

std::string cell(const std::string& body, int width, std::string_view extra = {}) {
  return fmt::format(
      "<w:tc><w:tcPr><w:tcW w:w=\"{}\" w:type=\"dxa\"/>{}<w:vAlign w:val=\"center\"/></w:tcPr>"
      "{}</w:tc>",
      width, extra, body);
}

Para cell_para(std::string_view align, bool bold, int size) {
  Para p;
  p.align = align;
  p.bold = bold;
  p.size = size;
  p.space_after = 0;
  return p;
}

std::string row_xml(const std::string& cells, bool header) {
  return fmt::format("<w:tr><w:trPr><w:cantSplit/>{}</w:trPr>{}</w:tr>",
                     header ? "<w:tblHeader/>" : "", cells);
}

int font_size(const ReportDoc& doc) { return landscape(doc) ? 20 : 22; }

// One header row, or two when columns have groups: a group cell spans its columns; a column
// without a group spans both rows (vertically merged). Both rows repeat on every page.
std::string header_rows(const ReportDoc& doc, const std::vector<int>& widths) {
  const int size = font_size(doc);
  const auto head = [&](std::string_view text) {
    return docx::paragraph(text, cell_para("center", true, size));
  };
  if (!has_two_row_header(doc)) {
    std::string cells;
    for (std::size_t i = 0; i < doc.columns.size(); ++i)
      cells += cell(head(doc.columns[i].header), widths[i]);
    return row_xml(cells, true);
  }
  const std::vector<GroupSpan> spans = group_spans(doc);
  std::string upper;
  std::string lower;
  for (std::size_t i = 0; i < doc.columns.size(); ++i) {
    const auto span = std::find_if(spans.begin(), spans.end(),
                                   [&](const GroupSpan& g) { return g.first <= i && i <= g.last; });
    if (span == spans.end()) {
      upper += cell(head(doc.columns[i].header), widths[i], "<w:vMerge w:val=\"restart\"/>");
      lower += cell(head(""), widths[i], "<w:vMerge/>");
      continue;
    }
    if (span->first == i) {
      const int w =
          std::accumulate(widths.begin() + static_cast<std::ptrdiff_t>(span->first),
                          widths.begin() + static_cast<std::ptrdiff_t>(span->last) + 1, 0);
      upper += cell(head(span->text), w,
                    fmt::format("<w:gridSpan w:val=\"{}\"/>", span->last - span->first + 1));
    }
    lower += cell(head(doc.columns[i].header), widths[i]);
  }
  return row_xml(upper, true) + row_xml(lower, true);
}

// The fills of marked rate cells, and of the swatch before their legend line.
constexpr std::string_view kBelowTargetFill = "F8CBAD";
constexpr std::string_view kLowestFill = "FFE699";

std::string fill(std::string_view colour) {
  return fmt::format("<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"{}\"/>", colour);
}

std::string mark(const Cell& c) {
  if (c.below_target) return fill(kBelowTargetFill);
  if (c.lowest) return fill(kLowestFill);
  return {};
}

std::string legend_line(const LegendLine& l) {
  const std::string swatch = fmt::format(
      "<w:r><w:rPr>{}</w:rPr><w:t xml:space=\"preserve\">      </w:t></w:r>",  // not a message: XML
      fill(l.mark == Mark::below_target ? kBelowTargetFill : kLowestFill));
  Para p;
  p.align = "left";
  p.italic = true;
  p.size = 22;
  return docx::paragraph_runs(swatch + docx::run(" " + l.text, false, true, 22), p);
}

std::string body_row(const ReportDoc& doc, const Row& row, const std::vector<int>& widths) {
  std::string cells;
  for (std::size_t i = 0; i < doc.columns.size(); ++i) {
    const Column& column = doc.columns[i];
    const std::string text = display_text(row, column, i);
    Para p = cell_para(is_numeric(column.kind)          ? "right"
                       : column.kind == ColumnKind::stt ? "center"
                                                        : "left",
                       row.bold, font_size(doc));
    if (column.kind == ColumnKind::label) p.indent = static_cast<int>(row.depth) * 170;
    cells += cell(docx::paragraph(text, p), widths[i], mark(cell_at(row, i)));
  }
  return row_xml(cells, false);
}

std::string table(const ReportDoc& doc) {
  const std::vector<int> widths = grid(doc);
  std::string out = fmt::format(
      "<w:tbl><w:tblPr><w:tblW w:w=\"{}\" w:type=\"dxa\"/><w:jc w:val=\"center\"/>"
      "<w:tblBorders><w:top w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
      "<w:left w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
      "<w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
      "<w:right w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
      "<w:insideH w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
      "<w:insideV w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/></w:tblBorders>"
      "<w:tblLayout w:type=\"fixed\"/><w:tblCellMar><w:left w:w=\"57\" w:type=\"dxa\"/>"
      "<w:right w:w=\"57\" w:type=\"dxa\"/></w:tblCellMar><w:tblLook w:val=\"0000\"/></w:tblPr>"
      "<w:tblGrid>",
      std::accumulate(widths.begin(), widths.end(), 0));
  for (int w : widths) out += fmt::format("<w:gridCol w:w=\"{}\"/>", w);
  out += "</w:tblGrid>";
  out += header_rows(doc, widths);
  for_each_row(doc, [&](const Row& row) { out += body_row(doc, row, widths); });
  return out + "</w:tbl>";
}

std::string appendix(const ReportDoc& doc) {
  Para title;
  title.align = "center";
  title.bold = true;
  title.keep_next = true;
  title.space_after = 0;
  std::string out;
  if (!doc.number_line.empty()) out += docx::paragraph(doc.number_line, title);
  out += docx::paragraph(doc.title, title);
  Para line = title;
  line.bold = false;
  line.italic = true;
  if (!doc.period_line.empty()) out += docx::paragraph(doc.period_line, line);
  if (!doc.reference.empty()) out += docx::paragraph(doc.reference, line);
  out += docx::paragraph("", line);
  out += table(doc);
  for (const auto& l : doc.legend) out += legend_line(l);
  return out;
}

std::string narrative(const std::vector<NarrativeSection>& sections) {
  std::string out;
  for (const auto& s : sections) {
    std::string runs;
    if (!s.heading.empty()) runs += docx::run(s.heading, true);
    if (!s.number_line.empty()) runs += docx::run(" (" + s.number_line + ")", true);
    if (!runs.empty()) runs += docx::run(": ");
    for (std::size_t i = 0; i < s.sentences.size(); ++i)
      runs += docx::run((i > 0 ? " " : "") + s.sentences[i].text);
    Para p;
    p.first_line = 567;
    out += docx::paragraph_runs(runs, p);
  }
  return out;
}

}  // namespace

std::string docx_document(const BuildReport& report) {
  // Each part ends its section: the section's properties go in its last paragraph, the
  // last section's at the end of the body.
  std::vector<std::pair<std::string, bool>> parts;
  if (!report.narrative.empty()) parts.emplace_back(narrative(report.narrative), false);
  for (const auto& doc : report.appendices) parts.emplace_back(appendix(doc), landscape(doc));
  std::string body;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    body += parts[i].first;
    const std::string sect = docx::section(parts[i].second);
    if (i + 1 < parts.size()) {
      body += docx::paragraph_runs("", Para{"left", false, false, false, 0, 0, 0, 0}, sect);
    } else {
      body += sect;
    }
  }
  if (parts.empty()) body = docx::section(false);
  return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
         "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" "
         "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
         "<w:body>" +
         body + "</w:body></w:document>";
}

}  // namespace ntr
