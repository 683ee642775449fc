#include "ntreport/write/xlsx.hpp"

#include <fmt/format.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <memory>
#include <numeric>

#include "ntreport/report/labels.hpp"
#include "ntreport/text/translate.hpp"
#include "ntreport/write/cells.hpp"
#include "ntreport/write/xlsx_layout.hpp"
#include "xlsx_parts.hpp"
#include "xlsx_rows.hpp"
#include "xlsx_styles.hpp"

namespace ntr {

namespace {

using xlsx::FirstError;
using xlsx::Role;
using xlsx::StyleKey;

constexpr double kLineHeight = 15;       // points, one line of 11-point text
constexpr double kTitleLineHeight = 18;  // one line of the 12-point title
constexpr double kPlainNarrow = 0.9;     // plain Times New Roman text is narrower than digits
constexpr std::uint8_t kMaxIndent = 15;  // Excel's limit

class SheetWriter {
 public:
  /// The table rows go to `own` when given (xlsx_rows.hpp), else to libxlsxwriter.
  SheetWriter(lxw_worksheet* ws, xlsx::Styles& styles, const ReportDoc& doc, FirstError& error,
              xlsx::SheetRows* own)
      : ws_(ws),
        styles_(styles),
        doc_(doc),
        error_(error),
        own_(own),
        widths_(column_widths(doc)) {}

  void write();

 private:
  lxw_row_t write_titles();
  lxw_row_t write_header(lxw_row_t first);
  void write_row(lxw_row_t r, const Row& row);
  void write_cell(lxw_row_t r, std::size_t i, const Row& row);
  void put_string(lxw_row_t r, std::size_t i, const std::string& text, lxw_format* format);
  void put_number(lxw_row_t r, std::size_t i, double value, lxw_format* format);
  void put_blank(lxw_row_t r, std::size_t i, lxw_format* format);
  void page_setup(lxw_row_t header_first, lxw_row_t first_data_row);
  void merge(lxw_row_t r1, std::size_t c1, lxw_row_t r2, std::size_t c2, const std::string& text,
             lxw_format* format);
  double span_width(std::size_t first, std::size_t last) const;
  void check(lxw_error e, lxw_row_t r, std::size_t c);

  lxw_worksheet* ws_;
  xlsx::Styles& styles_;
  const ReportDoc& doc_;
  FirstError& error_;
  xlsx::SheetRows* own_;
  std::vector<double> widths_;
};

lxw_col_t col_index(std::size_t c) { return static_cast<lxw_col_t>(c); }

const std::string& rate_format(std::uint8_t decimals) {
  static const std::string kFormats[] = {"0%", "0.0%", "0.00%"};
  return kFormats[decimals < 2 ? decimals : 2];
}

void SheetWriter::check(lxw_error e, lxw_row_t r, std::size_t c) { error_.check(e, r, c); }

void SheetWriter::merge(lxw_row_t r1, std::size_t c1, lxw_row_t r2, std::size_t c2,
                        const std::string& text, lxw_format* format) {
  // Excel refuses a merged range of one cell.
  if (r1 == r2 && c1 == c2) {
    check(worksheet_write_string(ws_, r1, col_index(c1), text.c_str(), format), r1, c1);
  } else {
    check(worksheet_merge_range(ws_, r1, col_index(c1), r2, col_index(c2), text.c_str(), format),
          r1, c1);
  }
}

double SheetWriter::span_width(std::size_t first, std::size_t last) const {
  double sum = 0;
  for (std::size_t i = first; i <= last && i < widths_.size(); ++i) sum += widths_[i];
  return sum;
}

lxw_row_t SheetWriter::write_titles() {
  const std::size_t last = std::max<std::size_t>(doc_.columns.size(), 1) - 1;
  const double width = span_width(0, last);
  lxw_row_t r = 0;
  if (!doc_.number_line.empty()) {
    merge(r, 0, r, last, doc_.number_line, styles_.get(Role::title));
    worksheet_set_row(ws_, r, kTitleLineHeight, nullptr);
    ++r;
  }
  merge(r, 0, r, last, doc_.title, styles_.get(Role::title));
  const auto title_lines = wrapped_lines(doc_.title, width / (kTitleLineHeight / kLineHeight));
  // Excel does not grow a merged row to fit its text.
  worksheet_set_row(ws_, r, kTitleLineHeight * static_cast<double>(title_lines), nullptr);
  ++r;
  for (const std::string* line : {&doc_.period_line, &doc_.reference}) {
    if (line->empty()) continue;
    merge(r, 0, r, last, *line, styles_.get(Role::subtitle));
    const auto lines = wrapped_lines(*line, width);
    worksheet_set_row(ws_, r, kLineHeight * static_cast<double>(lines), nullptr);
    ++r;
  }
  return r + 1;  // one blank row before the table
}

lxw_row_t SheetWriter::write_header(lxw_row_t first) {
  lxw_format* format = styles_.get(Role::header);
  const bool two_rows = has_two_row_header(doc_);
  const lxw_row_t second = two_rows ? first + 1 : first;
  const auto spans = group_spans(doc_);
  std::size_t group_lines = 1, sub_lines = 1, solo_lines = 1;
  for (const auto& span : spans) {
    group_lines = std::max(
        group_lines, wrapped_lines(span.text, span_width(span.first, span.last) / kBoldWiden));
  }
  for (std::size_t i = 0; i < doc_.columns.size(); ++i) {
    const Column& column = doc_.columns[i];
    const auto lines = wrapped_lines(column.header, widths_[i] / kBoldWiden);
    std::size_t& need = column.group.empty() ? solo_lines : sub_lines;
    need = std::max(need, lines);
  }
  // Merged cells do not grow their rows either: give the rows the height their text needs.
  const double upper = kLineHeight * static_cast<double>(two_rows ? group_lines : solo_lines);
  const double lower = kLineHeight * static_cast<double>(sub_lines);
  const double solo = kLineHeight * static_cast<double>(solo_lines);
  // Rows are written in order, each one whole (constant-memory mode): the upper row first,
  // then the lower one, then the column headings that span both are declared merged.
  for (const auto& span : spans) merge(first, span.first, first, span.last, span.text, format);
  for (std::size_t i = 0; i < doc_.columns.size(); ++i) {
    const Column& column = doc_.columns[i];
    if (!column.group.empty()) continue;
    check(worksheet_write_string(ws_, first, col_index(i), column.header.c_str(), format), first,
          i);
  }
  worksheet_set_row(ws_, first, upper, nullptr);
  if (!two_rows) return first + 1;
  for (std::size_t i = 0; i < doc_.columns.size(); ++i) {
    const Column& column = doc_.columns[i];
    const lxw_col_t c = col_index(i);
    if (column.group.empty()) {
      check(worksheet_write_blank(ws_, second, c, format), second, i);
    } else {
      check(worksheet_write_string(ws_, second, c, column.header.c_str(), format), second, i);
    }
  }
  worksheet_set_row(ws_, second, std::max(lower, solo - upper), nullptr);
  for (std::size_t i = 0; i < doc_.columns.size(); ++i) {
    if (!doc_.columns[i].group.empty()) continue;
    check(xlsx::declare_merged(ws_, first, col_index(i), second, col_index(i)), first, i);
  }
  return second + 1;
}

void SheetWriter::write_cell(lxw_row_t r, std::size_t i, const Row& row) {
  const Column& column = doc_.columns[i];
  const Cell& cell = cell_at(row, i);
  if (column.kind == ColumnKind::stt || column.kind == ColumnKind::label) {
    // Text from inputs stays text: a name starting with "=" is not a formula.
    const std::string text(display_text(row, column, i));
    StyleKey key{column.kind == ColumnKind::stt ? Role::stt : Role::label, row.bold, 0, {}};
    if (column.kind == ColumnKind::label && row.kind == RowKind::unit) {
      key.indent = static_cast<std::uint8_t>(std::min<std::uint32_t>(row.depth, kMaxIndent));
    }
    put_string(r, i, text, styles_.get(key));
    return;
  }
  // A rate shows the digits the Markdown shows: rounded to 0,01%, trailing zeros dropped.
  const std::string& format =
      cell.kind == Cell::Kind::rate ? rate_format(cell.decimals) : column.number_format;
  const StyleKey number{Role::number, row.bold, 0, format, cell.lowest};
  const StyleKey as_text{is_numeric(column.kind) ? Role::centred : Role::text, row.bold, 0, {}};
  switch (cell.kind) {
    case Cell::Kind::count:
      put_number(r, i, static_cast<double>(cell.num), styles_.get(number));
      break;
    case Cell::Kind::rate:
      if (cell.defined_rate()) {
        put_number(r, i, cell.rounded(), styles_.get(number));
      } else {
        put_string(r, i, cell.text(), styles_.get(as_text));
      }
      break;
    case Cell::Kind::text:
      put_string(r, i, cell.text(), styles_.get(as_text));
      break;
    case Cell::Kind::empty:
      put_blank(r, i, styles_.get(Role::blank));
      break;
  }
}

void SheetWriter::put_string(lxw_row_t r, std::size_t i, const std::string& text,
                             lxw_format* format) {
  const lxw_col_t c = col_index(i);
  check(own_ != nullptr ? own_->string(r, c, text.c_str(), format)
                        : worksheet_write_string(ws_, r, c, text.c_str(), format),
        r, i);
}

void SheetWriter::put_number(lxw_row_t r, std::size_t i, double value, lxw_format* format) {
  const lxw_col_t c = col_index(i);
  check(own_ != nullptr ? own_->number(r, c, value, format)
                        : worksheet_write_number(ws_, r, c, value, format),
        r, i);
}

void SheetWriter::put_blank(lxw_row_t r, std::size_t i, lxw_format* format) {
  const lxw_col_t c = col_index(i);
  check(own_ != nullptr ? own_->blank(r, c, format) : worksheet_write_blank(ws_, r, c, format), r,
        i);
}

void SheetWriter::write_row(lxw_row_t r, const Row& row) {
  std::size_t lines = 1;
  for (std::size_t i = 0; i < doc_.columns.size(); ++i) {
    write_cell(r, i, row);
    const ColumnKind kind = doc_.columns[i].kind;
    if (kind != ColumnKind::label && kind != ColumnKind::text) continue;
    double width = widths_[i] / (row.bold ? kBoldWiden : kPlainNarrow);
    if (kind == ColumnKind::label && row.kind == RowKind::unit) width -= 2.0 * row.depth;
    lines = std::max(lines, wrapped_lines(display_text(row, doc_.columns[i], i), width));
  }
  // LibreOffice does not grow a row for its wrapped text when it opens a file.
  const double height = lines > 1 ? kLineHeight * static_cast<double>(lines) : LXW_DEF_ROW_HEIGHT;
  if (own_ != nullptr) {
    own_->end_row(r, height);
  } else if (lines > 1) {
    worksheet_set_row(ws_, r, height, nullptr);
  }
}

void SheetWriter::page_setup(lxw_row_t header_first, lxw_row_t first_data_row) {
  const auto label = std::find_if(doc_.columns.begin(), doc_.columns.end(),
                                  [](const Column& c) { return c.kind == ColumnKind::label; });
  const auto frozen_cols =
      label == doc_.columns.end() ? 0 : std::distance(doc_.columns.begin(), label) + 1;
  worksheet_freeze_panes(ws_, first_data_row, static_cast<lxw_col_t>(frozen_cols));
  worksheet_set_paper(ws_, 9);  // A4
  worksheet_set_landscape(ws_);
  worksheet_fit_to_pages(ws_, 1, 0);
  worksheet_center_horizontally(ws_);
  worksheet_set_margins(ws_, 0.4, 0.4, 0.6, 0.6);
  check(worksheet_repeat_rows(ws_, header_first, first_data_row - 1), header_first, 0);
  check(worksheet_set_footer(ws_, page_footer().c_str()), 0, 0);
}

void SheetWriter::write() {
  for (std::size_t i = 0; i < widths_.size(); ++i) {
    check(worksheet_set_column(ws_, col_index(i), col_index(i), widths_[i], nullptr), 0, i);
  }
  const lxw_row_t header_first = write_titles();
  lxw_row_t r = write_header(header_first);
  const lxw_row_t first_data_row = r;
  // The header's last row goes out now, as the first table row would send it: libxlsxwriter
  // numbers the styles in the order the cells are written.
  if (own_ != nullptr) lxw_worksheet_write_single_row(ws_);
  for_each_row(doc_, [&](const Row& row) { write_row(r++, row); });
  if (own_ != nullptr) own_->finish();  // close() reports a failure
  xlsx::write_target_rules(ws_, styles_, doc_, first_data_row, error_);
  if (!doc_.legend.empty()) {
    const double text_width = span_width(1, std::max<std::size_t>(doc_.columns.size(), 2) - 1);
    xlsx::write_legend(ws_, styles_, doc_, r + 1, text_width, error_);
  }
  page_setup(header_first, first_data_row);
}

std::string parent_folder(const std::string& path) {
  const auto slash = path.rfind('/');
  if (slash == std::string::npos) return ".";
  if (slash == 0) return "/";
  return path.substr(0, slash);
}

void report(Diagnostics& diags, const std::string& path, const FirstError& error) {
  SourceLoc loc;
  loc.file = path;
  loc.sheet = error.sheet;
  loc.sheet_index = error.sheet_index;
  loc.has_sheet = true;
  loc.row = error.row + 1;
  loc.col = static_cast<std::uint32_t>(error.col) + 1;
  diags.error("io-error", std::move(loc),
              trf("cannot write the cell: {}", lxw_strerror(error.code)));
}

}  // namespace

struct XlsxBook::State {
  std::string path;
  lxw_workbook* workbook = nullptr;
  std::unique_ptr<xlsx::Styles> styles;
  FirstError error;
  SheetNames names;
  std::vector<ReportDoc> charted;  ///< the docs added, without their rows: the chart sheet's
  XlsxOptions options;
  /// The table rows of each worksheet added, written beside libxlsxwriter (xlsx_rows.hpp)
  struct Table {
    lxw_worksheet* ws = nullptr;  ///< until the workbook is closed
    std::size_t sheet_number = 0;
    std::unique_ptr<xlsx::SheetRows> rows;
  };
  std::vector<Table> tables;
};

XlsxBook::XlsxBook(const std::string& path, const XlsxOptions& options)
    : s_(std::make_unique<State>()) {
  s_->path = path;
  s_->options = options;
  // libxlsxwriter's scratch files go beside the output (and are unlinked as soon as opened).
  std::string tmpdir = parent_folder(path);
  // Constant-memory mode: each table row goes to a scratch file as soon as the next one starts,
  // and its strings are written inline, so memory does not grow with the rows of a table.
  lxw_workbook_options workbook_options{LXW_TRUE, tmpdir.data(), LXW_FALSE};
  s_->workbook = workbook_new_opt(path.c_str(), &workbook_options);
  if (s_->workbook == nullptr) return;
  // libxlsxwriter takes 0 to mean "now"; a fixed time keeps the bytes the same run to run.
  lxw_doc_properties properties{};
  properties.created = options.created != 0 ? static_cast<time_t>(options.created) : 1;
  workbook_set_properties(s_->workbook, &properties);

  // The "Normal" style's font sets Excel's column width unit, and LibreOffice's: both measure
  // widths in the digits of the same font only when that font is ours. libxlsxwriter 1.1.4
  // has no call for it; its first format is that style.
  if (lxw_format* normal = STAILQ_FIRST(s_->workbook->formats); normal != nullptr) {
    format_set_font_name(normal, xlsx::kFontName);
    format_set_font_family(normal, xlsx::kFontFamilyRoman);
  }
  s_->styles = std::make_unique<xlsx::Styles>(s_->workbook);
}

XlsxBook::~XlsxBook() {
  if (s_ && s_->workbook != nullptr) lxw_workbook_free(s_->workbook);  // never closed
}

void XlsxBook::add(const ReportDoc& doc) {
  State& s = *s_;
  if (s.workbook == nullptr || s.error.code != LXW_NO_ERROR) return;
  s.error.sheet = s.names.next(doc);
  s.error.sheet_index = static_cast<std::uint32_t>(s.charted.size());
  lxw_worksheet* ws = workbook_add_worksheet(s.workbook, s.error.sheet.c_str());
  if (ws == nullptr) {
    s.error.code = LXW_ERROR_PARAMETER_VALIDATION;
    return;
  }
  State::Table table{ws, s.charted.size() + 1, nullptr};
  if (s.options.own_rows) {
    table.rows = std::make_unique<xlsx::SheetRows>(
        fmt::format("{}.rows{}", s.path, table.sheet_number));  // not a message: a file name
    // No scratch file: libxlsxwriter writes the rows, and says what it cannot write.
    if (!table.rows->ok()) table.rows.reset();
  }
  SheetWriter(ws, *s.styles, doc, s.error, table.rows.get()).write();
  s.tables.push_back(std::move(table));
  s.charted.push_back(without_rows(doc));
}

bool XlsxBook::close(Diagnostics& diags) {
  State& s = *s_;
  SourceLoc file_loc;
  file_loc.file = s.path;
  if (s.workbook == nullptr) {
    diags.error("io-error", file_loc, std::string(tr("cannot create the workbook: out of memory")));
    return false;
  }
  std::vector<xlsx::ChartLines> lines;
  if (xlsx::has_charts(s.charted) && s.error.code == LXW_NO_ERROR) {
    s.error.sheet = s.names.next(labels().chart_sheet);
    s.error.sheet_index = static_cast<std::uint32_t>(s.charted.size());
    // The chart sheet is small and written out of row order (the charts' data beside their
    // titles), and libxlsxwriter reads the charts' cached values back from its cells: it is
    // kept in memory. The mode is read when a sheet is added.
    s.workbook->options.constant_memory = LXW_FALSE;
    lxw_worksheet* ws = workbook_add_worksheet(s.workbook, s.error.sheet.c_str());
    if (ws == nullptr) {
      s.error.code = LXW_ERROR_PARAMETER_VALIDATION;
    } else {
      lines = xlsx::write_chart_sheet(s.workbook, ws, s.error.sheet, *s.styles, s.charted, s.error);
    }
  }
  // Where libxlsxwriter's own cells reach, for the dimension of each worksheet with its rows.
  std::vector<xlsx::SplicedSheet> spliced;
  for (const State::Table& t : s.tables) {
    if (!t.rows || t.rows->span().empty()) continue;
    xlsx::CellSpan written;
    if (t.ws->dim_rowmin != LXW_ROW_MAX) {
      written = {t.ws->dim_rowmin, t.ws->dim_rowmax, t.ws->dim_colmin, t.ws->dim_colmax};
    }
    spliced.push_back({t.sheet_number, t.rows.get(), written});
  }
  errno = 0;
  const lxw_error closed = workbook_close(s.workbook);  // frees it, whatever it returns
  s.workbook = nullptr;
  if (s.error.code != LXW_NO_ERROR) report(diags, s.path, s.error);
  if (closed != LXW_NO_ERROR) {
    std::string message = trf("cannot write the workbook: {}", lxw_strerror(closed));
    if (errno != 0) message += fmt::format(" ({})", system_error_text(errno));
    diags.error("io-error", file_loc, std::move(message));
  }
  if (s.error.code != LXW_NO_ERROR || closed != LXW_NO_ERROR) return false;
  for (const State::Table& t : s.tables) {
    if (t.rows && !t.rows->ok()) {
      diags.error("io-error", file_loc,
                  trf("cannot write the workbook: {}", system_error_text(t.rows->error())));
      return false;
    }
  }
  std::string message;
  const bool patched = (spliced.empty() && lines.empty()) ||
                       xlsx::patch_package(s.path, spliced, lines, s.options.threads, message);
  s.tables.clear();  // and the files of their rows
  if (!patched) {
    diags.error("io-error", file_loc, trf("cannot write the workbook: {}", message));
    return false;
  }
  return true;
}

bool write_xlsx(const std::string& path, const std::vector<ReportDoc>& docs,
                const XlsxOptions& options, Diagnostics& diags) {
  XlsxBook book(path, options);
  for (const auto& doc : docs) book.add(doc);
  return book.close(diags);
}

}  // namespace ntr
