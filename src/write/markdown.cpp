#include "ntreport/write/markdown.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <cstdio>
#include <string_view>
#include <vector>

#include "ntreport/platform/files.hpp"
#include "ntreport/text/printable.hpp"
#include "ntreport/text/translate.hpp"
#include "ntreport/write/cells.hpp"

namespace ntr {

namespace {

std::string table_line(const std::vector<std::string>& cells) {
  std::string out = "|";
  for (const auto& c : cells) {
    out += ' ';
    out += c;
    out += " |";
  }
  out += '\n';
  return out;
}

std::string header_text(const Column& column) {
  if (column.group.empty()) return column.header;
  return column.group + " \u2013 " + column.header;
}

std::string body_line(const ReportDoc& doc, const Row& row) {
  std::vector<std::string> cells;
  cells.reserve(doc.columns.size());
  for (std::size_t i = 0; i < doc.columns.size(); ++i) {
    std::string text = md_cell(display_text(row, doc.columns[i], i));
    if (row.bold && !text.empty()) text = "**" + text + "**";
    cells.push_back(std::move(text));
  }
  return table_line(cells);
}

}  // namespace

std::string render_markdown(const ReportDoc& doc) {
  std::string out;
  render_markdown(doc, [&out](std::string_view piece) { out += piece; });
  return out;
}

void render_markdown(const ReportDoc& doc, const std::function<void(std::string_view)>& sink) {
  // The lines above the table of phu-luc.xlsx, in the same order.
  std::string out;
  if (!doc.number_line.empty()) {
    out += "**";
    out += markdown_text(doc.number_line, false);
    out += "**\n\n";
  }
  out += "## ";
  out += markdown_text(doc.title, false);
  out += '\n';
  if (!doc.period_line.empty()) {
    out += markdown_text(doc.period_line, false);
    out += '\n';
  }
  if (!doc.reference.empty()) {
    out += '\n';
    out += markdown_text(doc.reference, false);
    out += '\n';
  }
  out += '\n';

  std::vector<std::string> header;
  std::vector<std::string> align;
  for (const auto& column : doc.columns) {
    header.push_back(md_cell(header_text(column)));
    align.emplace_back(is_numeric(column.kind) ? "---:" : "---");
  }
  out += table_line(header);
  out += table_line(align);
  sink(out);
  for_each_row(doc, [&](const Row& row) { sink(body_line(doc, row)); });
}

bool write_markdown(const std::string& path, const std::vector<const ReportDoc*>& docs,
                    Diagnostics& diags) {
  std::FILE* file = platform::open_file(path, "wb");
  bool ok = file != nullptr;
  if (ok) {
    auto put = [&ok, file](std::string_view piece) {
      ok = ok && std::fwrite(piece.data(), 1, piece.size(), file) == piece.size();
    };
    for (std::size_t i = 0; i < docs.size(); ++i) {
      if (i > 0) put("\n");
      render_markdown(*docs[i], put);
    }
    ok = std::fclose(file) == 0 && ok;
  }
  if (!ok) {
    diags.error(
        "io-error", SourceLoc{path, {}, 0, 0, 0, false},
        fmt::format("{}: {}", tr("cannot write the staged file"), system_error_text(errno)));
  }
  return ok;
}

}  // namespace ntr
