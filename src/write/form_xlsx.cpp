// The input workbook of `ntreport template`, rendered from a FormDoc.
#include "ntreport/write/form_xlsx.hpp"

#include <fmt/format.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>

#include "ntreport/text/translate.hpp"

namespace ntr {

namespace {

constexpr lxw_col_t kFirstFigure = 3;     // STT, Mã đơn vị, Đơn vị, then the figures
constexpr double kInstructionWidth = 72;  // well inside A4 portrait at 100%
// Characters per line of wrapped text in a column of width w: fonts other programs substitute
// for the default one (DejaVu Sans for Calibri in LibreOffice) are wider than the unit.
constexpr double kCharsPerWidth = 1.0;
constexpr double kNameWidth = 34;
constexpr double kLineHeight = 16;              // a line of 12 pt Times New Roman
constexpr std::uint32_t kInputFill = 0xFFF2CC;  // pale yellow: "type here"
constexpr std::uint32_t kHeaderFill = 0xD9D9D9;

struct Formats {
  lxw_format* title;
  lxw_format* subtitle;
  lxw_format* heading;
  lxw_format* text;
  lxw_format* item;
  lxw_format* header;
  lxw_format* stt;
  lxw_format* identity;
  lxw_format* identity_bold;
  lxw_format* input;
  lxw_format* rollup;
  lxw_format* sign_title;
  lxw_format* sign_note;
};

lxw_format* add_format(lxw_workbook* wb);

lxw_format* bordered(lxw_workbook* wb) {
  lxw_format* f = add_format(wb);
  format_set_border(f, LXW_BORDER_THIN);
  format_set_text_wrap(f);
  format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
  return f;
}

// Times New Roman, the font of Vietnamese official documents (Decree 30/2020/NĐ-CP), in
// every cell the form writes.
lxw_format* add_format(lxw_workbook* wb) {
  lxw_format* f = workbook_add_format(wb);
  format_set_font_name(f, "Times New Roman");
  format_set_font_size(f, 12);
  return f;
}

Formats make_formats(lxw_workbook* wb) {
  Formats f{};
  f.title = add_format(wb);
  format_set_bold(f.title);
  format_set_font_size(f.title, 13);
  f.subtitle = add_format(wb);
  format_set_italic(f.subtitle);
  f.heading = add_format(wb);
  format_set_bold(f.heading);
  f.text = add_format(wb);
  format_set_text_wrap(f.text);
  format_set_align(f.text, LXW_ALIGN_VERTICAL_TOP);
  f.item = add_format(wb);
  format_set_text_wrap(f.item);
  format_set_indent(f.item, 1);
  format_set_align(f.item, LXW_ALIGN_VERTICAL_TOP);
  f.header = bordered(wb);
  format_set_bold(f.header);
  format_set_align(f.header, LXW_ALIGN_CENTER);
  format_set_bg_color(f.header, kHeaderFill);
  f.stt = bordered(wb);
  format_set_align(f.stt, LXW_ALIGN_CENTER);
  f.identity = bordered(wb);
  f.identity_bold = bordered(wb);
  format_set_bold(f.identity_bold);
  f.input = bordered(wb);
  format_set_unlocked(f.input);
  format_set_bg_color(f.input, kInputFill);
  format_set_num_format(f.input, "#,##0");
  f.rollup = bordered(wb);
  f.sign_title = add_format(wb);
  format_set_bold(f.sign_title);
  format_set_align(f.sign_title, LXW_ALIGN_CENTER);
  f.sign_note = add_format(wb);
  format_set_italic(f.sign_note);
  format_set_align(f.sign_note, LXW_ALIGN_CENTER);
  return f;
}

// Characters, not bytes: the width of a line of Vietnamese text.
std::size_t code_points(std::string_view s) {
  std::size_t n = 0;
  for (const char c : s) n += (static_cast<unsigned char>(c) & 0xC0U) != 0x80U ? 1 : 0;
  return n;
}

std::size_t wrapped_lines(std::size_t chars, double width) {
  const auto per_line = static_cast<std::size_t>(width * kCharsPerWidth);
  return (chars + per_line - 1) / per_line;
}

class FormWriter {
 public:
  FormWriter(lxw_workbook* wb, const FormDoc& form) : wb_(wb), form_(form), f_(make_formats(wb)) {}
  lxw_error write();

 private:
  void check(lxw_error e) {
    if (error_ == LXW_NO_ERROR) error_ = e;
  }
  void instructions(lxw_worksheet* ws);
  void data(lxw_worksheet* ws);
  lxw_row_t data_titles(lxw_worksheet* ws, lxw_col_t last);
  void data_header(lxw_worksheet* ws, lxw_row_t r);
  void data_row(lxw_worksheet* ws, lxw_row_t r, const FormRow& row, double height);
  void signatures(lxw_worksheet* ws, lxw_row_t r);
  void merge(lxw_worksheet* ws, lxw_row_t r1, lxw_col_t c1, lxw_row_t r2, lxw_col_t c2,
             const std::string& text, lxw_format* format);

  lxw_workbook* wb_;
  const FormDoc& form_;
  Formats f_;
  lxw_error error_ = LXW_NO_ERROR;
};

void FormWriter::merge(lxw_worksheet* ws, lxw_row_t r1, lxw_col_t c1, lxw_row_t r2, lxw_col_t c2,
                       const std::string& text, lxw_format* format) {
  if (r1 == r2 && c1 == c2) {  // Excel refuses a merged range of one cell
    check(worksheet_write_string(ws, r1, c1, text.c_str(), format));
  } else {
    check(worksheet_merge_range(ws, r1, c1, r2, c2, text.c_str(), format));
  }
}

void FormWriter::instructions(lxw_worksheet* ws) {
  check(worksheet_set_column(ws, 0, 0, kInstructionWidth, nullptr));
  lxw_row_t r = 0;
  for (const FormLine& line : form_.instructions) {
    using S = FormLine::Style;
    lxw_format* format = line.style == S::title     ? f_.title
                         : line.style == S::heading ? f_.heading
                         : line.style == S::item    ? f_.item
                                                    : f_.text;
    if (line.style == S::heading && r > 0) ++r;  // a blank line before each section
    check(worksheet_write_string(ws, r, 0, line.text.c_str(), format));
    // Rows do not grow to fit wrapped text by themselves in every program: size them.
    const std::size_t lines =
        code_points(line.text) / static_cast<std::size_t>(kInstructionWidth) + 1;
    if (lines > 1) {
      check(worksheet_set_row(ws, r, kLineHeight * static_cast<double>(lines), nullptr));
    }
    ++r;
  }
  worksheet_set_portrait(ws);
  worksheet_set_paper(ws, 9);  // A4
  worksheet_fit_to_pages(ws, 1, 0);
  lxw_protection protection{};
  worksheet_protect(ws, nullptr, &protection);
}

lxw_row_t FormWriter::data_titles(lxw_worksheet* ws, lxw_col_t last) {
  lxw_row_t r = 0;
  if (!form_.title.empty()) {
    merge(ws, r, 0, r, last, form_.title, f_.heading);
    ++r;
  }
  merge(ws, r, 0, r, last, form_.data_title, f_.title);
  ++r;
  if (!form_.period_line.empty()) {
    merge(ws, r, 0, r, last, form_.period_line, f_.subtitle);
    ++r;
  }
  return r + 1;  // a blank row above the header
}

void FormWriter::data_header(lxw_worksheet* ws, lxw_row_t r) {
  for (lxw_col_t c = 0; c < kFirstFigure; ++c)
    merge(ws, r, c, r + 1, c, form_.identity_headers[c], f_.header);
  const auto& cols = form_.columns;
  for (std::size_t i = 0; i < cols.size();) {
    std::size_t j = i;
    while (j + 1 < cols.size() && cols[j + 1].group == cols[i].group) ++j;
    merge(ws, r, static_cast<lxw_col_t>(kFirstFigure + i), r,
          static_cast<lxw_col_t>(kFirstFigure + j), cols[i].group, f_.header);
    for (std::size_t k = i; k <= j; ++k) {
      check(worksheet_write_string(ws, r + 1, static_cast<lxw_col_t>(kFirstFigure + k),
                                   cols[k].header.c_str(), f_.header));
    }
    i = j + 1;
  }
  check(worksheet_set_row(ws, r, 2 * kLineHeight, nullptr));
  check(worksheet_set_row(ws, r + 1, 3 * kLineHeight, nullptr));
}

// One height for every unit row, that of the longest name: an even grid to type into.
double row_height(const FormDoc& form) {
  std::size_t lines = 1;
  for (const FormRow& row : form.rows)
    lines = std::max(lines, wrapped_lines(code_points(row.name) + 2 * row.depth, kNameWidth));
  return kLineHeight * static_cast<double>(lines) + 4;
}

void FormWriter::data_row(lxw_worksheet* ws, lxw_row_t r, const FormRow& row, double height) {
  lxw_format* name_format = row.input ? f_.identity : f_.identity_bold;
  check(worksheet_write_string(ws, r, 0, row.stt.c_str(), f_.stt));
  check(worksheet_write_string(ws, r, 1, row.code.c_str(), f_.identity));
  const std::string name = std::string(2 * row.depth, ' ') + row.name;
  check(worksheet_write_string(ws, r, 2, name.c_str(), name_format));
  check(worksheet_set_row(ws, r, height, nullptr));
  const auto last = static_cast<lxw_col_t>(kFirstFigure + form_.columns.size() - 1);
  for (lxw_col_t c = kFirstFigure; c <= last; ++c) {
    check(worksheet_write_blank(ws, r, c, row.input ? f_.input : f_.rollup));
  }
  if (!row.input) return;
  lxw_data_validation v{};
  v.validate = LXW_VALIDATION_TYPE_INTEGER;
  v.criteria = LXW_VALIDATION_CRITERIA_GREATER_THAN_OR_EQUAL_TO;
  v.value_number = 0;
  v.ignore_blank = LXW_VALIDATION_ON;
  v.show_input = LXW_VALIDATION_ON;
  v.show_error = LXW_VALIDATION_ON;
  v.error_type = LXW_VALIDATION_ERROR_TYPE_STOP;
  std::string input_title = form_.input_title;
  std::string input_message = form_.input_message;
  std::string error_title = form_.error_title;
  std::string error_message = form_.error_message;
  v.input_title = input_title.data();
  v.input_message = input_message.data();
  v.error_title = error_title.data();
  v.error_message = error_message.data();
  check(worksheet_data_validation_range(ws, r, kFirstFigure, r, last, &v));
}

// The signature block two rows under the table: the first signature over the STT and code
// columns, the second from the name column to the last figure. Each text stands in the first
// cell of its range, never under a figure column, so that the reader takes these rows for
// captions (no figures), not for units.
void FormWriter::signatures(lxw_worksheet* ws, lxw_row_t r) {
  if (form_.signatures.size() != 2) return;
  const auto last = static_cast<lxw_col_t>(kFirstFigure + form_.columns.size() - 1);
  const std::array<std::pair<lxw_col_t, lxw_col_t>, 2> ranges{{{0, 1}, {2, last}}};
  for (std::size_t i = 0; i < 2; ++i) {
    const auto [first, end] = ranges[i];
    merge(ws, r, first, r, end, form_.signatures[i].title, f_.sign_title);
    merge(ws, r + 1, first, r + 1, end, form_.signatures[i].note, f_.sign_note);
  }
}

void FormWriter::data(lxw_worksheet* ws) {
  const auto last = static_cast<lxw_col_t>(kFirstFigure + form_.columns.size() - 1);
  check(worksheet_set_column(ws, 0, 0, 6, nullptr));
  check(worksheet_set_column(ws, 1, 1, 22, nullptr));
  check(worksheet_set_column(ws, 2, 2, kNameWidth, nullptr));
  check(worksheet_set_column(ws, kFirstFigure, last, 11, nullptr));
  const lxw_row_t header = data_titles(ws, last);
  data_header(ws, header);
  lxw_row_t r = header + 2;
  const double height = row_height(form_);
  for (const FormRow& row : form_.rows) data_row(ws, r++, row, height);
  signatures(ws, r + 1);
  worksheet_freeze_panes(ws, header + 2, kFirstFigure);
  worksheet_set_landscape(ws);
  worksheet_set_paper(ws, 9);  // A4
  worksheet_fit_to_pages(ws, 1, 0);
  check(worksheet_repeat_rows(ws, header, header + 1));
  lxw_protection protection{};
  protection.format_columns = 1;  // widening a column is harmless
  protection.format_rows = 1;
  worksheet_protect(ws, nullptr, &protection);
}

lxw_error FormWriter::write() {
  lxw_worksheet* guide = workbook_add_worksheet(wb_, form_.sheets[0].c_str());
  lxw_worksheet* sheet = workbook_add_worksheet(wb_, form_.sheets[1].c_str());
  if (guide == nullptr || sheet == nullptr) return LXW_ERROR_MEMORY_MALLOC_FAILED;
  instructions(guide);
  if (!form_.columns.empty()) data(sheet);
  return error_;
}

std::string parent_folder(const std::string& path) {
  const auto slash = path.rfind('/');
  if (slash == std::string::npos) return ".";
  return slash == 0 ? "/" : path.substr(0, slash);
}

}  // namespace

bool write_form_xlsx(const std::string& path, const FormDoc& form, std::int64_t created,
                     Diagnostics& diags) {
  const SourceLoc loc{path, {}, 0, 0, 0, false};
  std::string tmpdir = parent_folder(path);
  lxw_workbook_options options{LXW_FALSE, tmpdir.data(), LXW_FALSE};
  lxw_workbook* wb = workbook_new_opt(path.c_str(), &options);
  if (wb == nullptr) {
    diags.error("io-error", loc, std::string(tr("cannot create the workbook: out of memory")));
    return false;
  }
  // libxlsxwriter takes 0 to mean "now"; a fixed time keeps the bytes the same run to run.
  lxw_doc_properties properties{};
  properties.created = created != 0 ? static_cast<time_t>(created) : 1;
  workbook_set_properties(wb, &properties);
  const lxw_error written = FormWriter(wb, form).write();
  errno = 0;
  const lxw_error closed = workbook_close(wb);
  if (written != LXW_NO_ERROR) {
    diags.error("io-error", loc, trf("cannot write the workbook: {}", lxw_strerror(written)));
  } else if (closed != LXW_NO_ERROR) {
    std::string message = trf("cannot write the workbook: {}", lxw_strerror(closed));
    if (errno != 0) message += fmt::format(" ({})", system_error_text(errno));
    diags.error("io-error", loc, std::move(message));
  }
  return written == LXW_NO_ERROR && closed == LXW_NO_ERROR;
}

}  // namespace ntr
