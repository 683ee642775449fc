// The highlights of a table sheet: the report's target rules as Excel conditional formats
// (live: a corrected figure updates its shading), and the legend under the table. The lowest
// rates are a cell format (Role::number with StyleKey::lowest): LibreOffice applies only the
// first of several conditional formats that hold for a cell, and Excel's "bottom N" rule
// ranks differently from one client to the next.
#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>

#include "ntreport/write/xlsx_layout.hpp"
#include "xlsx_parts.hpp"

namespace ntr::xlsx {

namespace {

constexpr double kLineHeight = 15;  // points, one line of 11-point text

// "K7:K12 K15 K20:K31": the rule's rows of one column, consecutive rows as one range.
std::string ranges(const TargetRule& rule, lxw_row_t first_data_row) {
  std::string out;
  const auto col = static_cast<lxw_col_t>(rule.column);
  for (std::size_t i = 0; i < rule.rows.size();) {
    std::size_t j = i;
    while (j + 1 < rule.rows.size() && rule.rows[j + 1] == rule.rows[j] + 1) ++j;
    const auto r1 = static_cast<lxw_row_t>(first_data_row + rule.rows[i]);
    const auto r2 = static_cast<lxw_row_t>(first_data_row + rule.rows[j]);
    char a[LXW_MAX_CELL_RANGE_LENGTH];
    if (r1 == r2) {
      lxw_rowcol_to_cell(a, r1, col);
    } else {
      lxw_rowcol_to_range(a, r1, col, r2, col);
    }
    if (!out.empty()) out += ' ';
    out += a;
    i = j + 1;
  }
  return out;
}

}  // namespace

void FirstError::check(lxw_error e, lxw_row_t r, std::size_t c) {
  if (e == LXW_NO_ERROR || code != LXW_NO_ERROR) return;
  code = e;
  row = r;
  col = static_cast<lxw_col_t>(c);
}

lxw_error declare_merged(lxw_worksheet* ws, lxw_row_t r1, lxw_col_t c1, lxw_row_t r2,
                         lxw_col_t c2) {
  // What worksheet_merge_range() records, freed by libxlsxwriter with the worksheet.
  auto* range = static_cast<lxw_merged_range*>(std::calloc(1, sizeof(lxw_merged_range)));
  if (range == nullptr) return LXW_ERROR_MEMORY_MALLOC_FAILED;
  range->first_row = r1;
  range->first_col = c1;
  range->last_row = r2;
  range->last_col = c2;
  STAILQ_INSERT_TAIL(ws->merged_ranges, range, list_pointers);
  ++ws->merged_range_count;
  return LXW_NO_ERROR;
}

void write_target_rules(lxw_worksheet* ws, Styles& styles, const ReportDoc& doc,
                        lxw_row_t first_data_row, FirstError& error) {
  for (const TargetRule& rule : doc.target_rules) {
    if (rule.rows.empty()) continue;
    std::string multi = ranges(rule, first_data_row);
    const auto first = static_cast<lxw_row_t>(first_data_row + rule.rows.front());
    if (multi.size() >= LXW_MAX_ATTRIBUTE_LENGTH) {  // libxlsxwriter would cut the list short
      error.check(LXW_ERROR_255_STRING_LENGTH_EXCEEDED, first, rule.column);
      return;
    }
    lxw_conditional_format cf{};
    cf.type = LXW_CONDITIONAL_TYPE_CELL;
    cf.criteria = LXW_CONDITIONAL_CRITERIA_LESS_THAN;
    cf.value = static_cast<double>(rule.target) / 10000.0;
    cf.format = styles.below_target();
    cf.multi_range = multi.data();
    const auto col = static_cast<lxw_col_t>(rule.column);
    error.check(worksheet_conditional_format_cell(ws, first, col, &cf), first, rule.column);
  }
}

lxw_row_t write_legend(lxw_worksheet* ws, Styles& styles, const ReportDoc& doc, lxw_row_t first,
                       double text_width, FirstError& error) {
  const auto last_col = static_cast<lxw_col_t>(std::max<std::size_t>(doc.columns.size(), 2) - 1);
  lxw_row_t r = first;
  for (const LegendLine& line : doc.legend) {
    const StyleKey swatch = line.mark == Mark::lowest
                                ? StyleKey{Role::blank, false, 0, {}, true}
                                : StyleKey{Role::swatch_below_target, false, 0, {}, false};
    error.check(worksheet_write_blank(ws, r, 0, styles.get(swatch)), r, 0);
    lxw_format* text = styles.get(Role::legend);
    if (last_col > 1) {
      error.check(worksheet_merge_range(ws, r, 1, r, last_col, line.text.c_str(), text), r, 1);
    } else {
      error.check(worksheet_write_string(ws, r, 1, line.text.c_str(), text), r, 1);
    }
    // Merged cells do not grow their row: give it the lines its text needs.
    const auto lines = wrapped_lines(line.text, text_width);
    worksheet_set_row(ws, r, kLineHeight * static_cast<double>(lines), nullptr);
    ++r;
  }
  return r;
}

}  // namespace ntr::xlsx
