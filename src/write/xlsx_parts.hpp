#pragma once
// The parts of the XLSX writer besides the table sheets, private to it: the highlights and
// legend under a table, the chart sheet, and the combined bar-and-line charts that
// libxlsxwriter 1.1.4 cannot write itself.
#include <xlsxwriter.h>

#include <cstddef>
#include <string>
#include <vector>

#include "ntreport/report/report.hpp"
#include "ntreport/write/xlsx_chart_lines.hpp"
#include "xlsx_styles.hpp"

namespace ntr::xlsx {

/// The first libxlsxwriter error of a workbook, with the cell it happened at.
struct FirstError {
  lxw_error code = LXW_NO_ERROR;
  std::string sheet;
  std::uint32_t sheet_index = 0;
  lxw_row_t row = 0;
  lxw_col_t col = 0;

  /// Records `e` at (r, c) unless an error is already recorded.
  void check(lxw_error e, lxw_row_t r, std::size_t c);
};

/// Declares the cells (r1, c1)–(r2, c2), already written, one merged range. In constant-memory
/// mode worksheet_merge_range() cannot span rows: it writes the cells itself, and a cell of the
/// second row ends the first one.
lxw_error declare_merged(lxw_worksheet* ws, lxw_row_t r1, lxw_col_t c1, lxw_row_t r2, lxw_col_t c2);

/// Writes the legend lines of `doc` from row `first` on, a sample of each mark in the first
/// column and the text across the others (`text_width` characters wide). Returns the next row.
lxw_row_t write_legend(lxw_worksheet* ws, Styles& styles, const ReportDoc& doc, lxw_row_t first,
                       double text_width, FirstError& error);

/// Lays the target rules of `doc` over its cells as conditional formats; the first row of the
/// table is on sheet row `first_data_row`.
void write_target_rules(lxw_worksheet* ws, Styles& styles, const ReportDoc& doc,
                        lxw_row_t first_data_row, FirstError& error);

/// Writes the chart sheet: the data of every chart of `docs` in a data area on the right, the
/// charts two by two over the printed area, one appendix after the other. Returns the line
/// series to combine into the charts once the workbook is closed.
std::vector<ChartLines> write_chart_sheet(lxw_workbook* workbook, lxw_worksheet* ws,
                                          const std::string& sheet_name, Styles& styles,
                                          const std::vector<ReportDoc>& docs, FirstError& error);

/// True when some doc has a chart: the workbook then gets a chart sheet.
bool has_charts(const std::vector<ReportDoc>& docs);

}  // namespace ntr::xlsx
