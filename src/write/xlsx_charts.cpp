// The chart sheet ("Biểu đồ"): native Excel charts of the rates, two to a row, laid out to
// print on A4 landscape pages without a chart cut in two; the values they draw are cells of
// a data area on the right, outside the printed area.
#include <fmt/format.h>

#include <algorithm>

#include "ntreport/report/labels.hpp"
#include "ntreport/text/normalize.hpp"
#include "ntreport/write/xlsx_layout.hpp"
#include "xlsx_parts.hpp"

namespace ntr::xlsx {

namespace {

// A row of charts: the chart by level on the left (a few categories), the chart by area on the
// right (seven districts, two bars each), across 16 columns of 61 pixels: 976 pixels, which
// print on A4 landscape at 100% within 0.4-inch margins.
constexpr lxw_col_t kLevelCols = 6;
constexpr lxw_col_t kAreaCols = 10;
constexpr lxw_col_t kChartCols = kLevelCols + kAreaCols;
constexpr double kChartColWidth = 8;  // characters: 61 pixels in Excel
constexpr double kColPixels = 61;
constexpr std::int32_t kChartLeft = 8;  // pixels from the left edge of its first column
constexpr double kChartHeight = 300;    // pixels: 15 rows of 20
constexpr lxw_row_t kSlotRows = 16;     // a chart and a blank row
constexpr double kRowHeight = 15;       // points, every row of the printed area
constexpr double kTitleHeight = 18;     // points, the 12-point title
// Rows of 15 points in the body of an A4 landscape page with 0.5-inch margins: 34.9, less
// what LibreOffice keeps for the footer.
constexpr lxw_row_t kPageRows = 33;
constexpr lxw_col_t kDataCol = kChartCols + 1;  // the data area, after one blank column
constexpr double kDataWidth = 12;               // characters, a column of values
constexpr double kDefaultChartWidth = 480;      // libxlsxwriter's chart size, scaled from
constexpr double kDefaultChartHeight = 288;

constexpr lxw_color_t kBarColors[] = {0x4472C4, 0xED7D31, 0x70AD47, 0xFFC000};
// A target line takes a darker shade of its level's bars.
constexpr lxw_color_t kLineColors[] = {0x203864, 0x843C0C, 0x375623, 0x7F6000};
constexpr lxw_color_t kTargetMarks = 0xC00000;
constexpr std::size_t kPalette = sizeof(kBarColors) / sizeof(kBarColors[0]);
constexpr std::size_t kMaxLabels = 8;  // bars that still have room for their value

// A column wide enough for `text` in bold on one line.
double bold_width(const std::string& text) {
  return static_cast<double>(codepoint_count(text)) * kBoldWiden + 2;
}

lxw_chart_font font(double size, bool bold = false) {
  lxw_chart_font f{};
  f.name = const_cast<char*>(kFontName);  // libxlsxwriter copies it
  f.size = size;
  f.bold = bold ? LXW_TRUE : LXW_FALSE;
  return f;
}

// Where the data of one chart lies on the sheet.
struct DataBlock {
  lxw_row_t names = 0;  // the row of the series names
  lxw_row_t first = 0;  // the categories and values
  lxw_row_t last = 0;
};

class ChartSheet {
 public:
  ChartSheet(lxw_workbook* wb, lxw_worksheet* ws, const std::string& name, Styles& styles,
             FirstError& error)
      : wb_(wb), ws_(ws), name_(name), styles_(styles), error_(error) {}

  std::vector<ChartLines> write(const std::vector<ReportDoc>& docs);

 private:
  DataBlock write_data(const Chart& chart);
  void write_value(lxw_row_t r, lxw_col_t c, const Cell& cell, const std::string& format);
  lxw_chart* make_chart(const Chart& spec, const DataBlock& data, ChartLines& lines);
  void style_axes(lxw_chart* chart, const Chart& spec);
  void place(lxw_chart* chart, lxw_row_t row, bool by_area);
  lxw_row_t start_block(lxw_row_t row, lxw_row_t rows);
  lxw_row_t write_titles(const std::vector<ReportDoc>& docs);
  lxw_row_t write_doc(const ReportDoc& doc, lxw_row_t row, std::vector<ChartLines>& out);
  void page_setup(lxw_row_t rows);

  lxw_workbook* wb_;
  lxw_worksheet* ws_;
  const std::string& name_;
  Styles& styles_;
  FirstError& error_;
  lxw_row_t data_row_ = 0;              // the next free row of the data area
  double category_width_ = kDataWidth;  // the data area's first column
  std::vector<double> series_widths_;   // and the others
  lxw_row_t page_used_ = 0;             // rows already on the current page
  std::vector<lxw_row_t> breaks_;
};

void ChartSheet::write_value(lxw_row_t r, lxw_col_t c, const Cell& cell,
                             const std::string& format) {
  // A value left out stays blank: Excel would draw text ("-") as a bar of 0.
  if (!cell.defined_rate()) {
    error_.check(worksheet_write_blank(ws_, r, c, styles_.get(Role::blank)), r, c);
    return;
  }
  const StyleKey key{Role::number, false, 0, format};
  error_.check(worksheet_write_number(ws_, r, c, cell.rounded(), styles_.get(key)), r, c);
}

DataBlock ChartSheet::write_data(const Chart& chart) {
  DataBlock block;
  lxw_row_t r = data_row_;
  error_.check(
      worksheet_write_string(ws_, r, kDataCol, chart.title.c_str(), styles_.get(Role::heading)), r,
      kDataCol);
  block.names = ++r;
  lxw_format* header = styles_.get(Role::header);
  error_.check(worksheet_write_string(ws_, r, kDataCol, chart.category_title.c_str(), header), r,
               kDataCol);
  // The names stay on one line: a taller row would move the charts beside it.
  for (std::size_t j = 0; j < chart.series.size(); ++j) {
    const auto c = static_cast<lxw_col_t>(kDataCol + 1 + j);
    error_.check(worksheet_write_string(ws_, r, c, chart.series[j].name.c_str(), header), r, c);
    if (series_widths_.size() <= j) series_widths_.push_back(kDataWidth);
    series_widths_[j] = std::max(series_widths_[j], bold_width(chart.series[j].name));
  }
  block.first = r + 1;
  for (std::size_t i = 0; i < chart.categories.size(); ++i) {
    ++r;
    const std::string& category = chart.categories[i];
    error_.check(
        worksheet_write_string(ws_, r, kDataCol, category.c_str(), styles_.get(Role::label)), r,
        kDataCol);
    category_width_ = std::max(category_width_, bold_width(category));
    for (std::size_t j = 0; j < chart.series.size(); ++j) {
      const auto& values = chart.series[j].values;
      write_value(r, static_cast<lxw_col_t>(kDataCol + 1 + j),
                  i < values.size() ? values[i] : Cell{}, chart.number_format);
    }
  }
  block.last = r;
  data_row_ = r + 2;
  return block;
}

void ChartSheet::style_axes(lxw_chart* chart, const Chart& spec) {
  lxw_chart_font title = font(11, true);
  lxw_chart_font axis_title = font(9, true);
  lxw_chart_font labels = font(9);
  chart_title_set_name(chart, spec.title.c_str());
  chart_title_set_name_font(chart, &title);
  // The categories name themselves ("Cấp tỉnh", "huyện Bác Ái") and the chart's title says
  // what they are ("… theo địa bàn cấp huyện"); an axis title under them takes the height the
  // bars need (LibreOffice shrinks the plot by a quarter). The data area heads them with
  // spec.category_title.
  chart_axis_set_num_font(chart->x_axis, &labels);
  chart_axis_set_name(chart->y_axis, spec.value_title.c_str());
  chart_axis_set_name_font(chart->y_axis, &axis_title);
  chart_axis_set_num_font(chart->y_axis, &labels);
  // Rates run from 0 to 100%: the full scale, so that no bar looks worse than it is.
  chart_axis_set_min(chart->y_axis, 0);
  chart_axis_set_max(chart->y_axis, 1);
  chart_axis_set_major_unit(chart->y_axis, 0.2);
  chart_axis_set_num_format(chart->y_axis, "0%");
  lxw_chart_font legend = font(9);
  chart_legend_set_font(chart, &legend);
  chart_legend_set_position(
      chart, spec.series.size() > 1 ? LXW_CHART_LEGEND_BOTTOM : LXW_CHART_LEGEND_NONE);
}

lxw_chart* ChartSheet::make_chart(const Chart& spec, const DataBlock& data, ChartLines& lines) {
  lxw_chart* chart = workbook_add_chart(wb_, LXW_CHART_COLUMN);
  if (chart == nullptr) return nullptr;
  std::size_t bar = 0;
  const auto bars = static_cast<std::size_t>(
      std::count_if(spec.series.begin(), spec.series.end(),
                    [](const ChartSeries& s) { return s.kind == ChartSeries::Kind::bars; }));
  const bool crowded = spec.categories.size() * bars > kMaxLabels;
  for (std::size_t j = 0; j < spec.series.size(); ++j) {
    const ChartSeries& s = spec.series[j];
    const auto col = static_cast<lxw_col_t>(kDataCol + 1 + j);
    lxw_chart_series* series = chart_add_series(chart, nullptr, nullptr);
    chart_series_set_categories(series, name_.c_str(), data.first, kDataCol, data.last, kDataCol);
    chart_series_set_values(series, name_.c_str(), data.first, col, data.last, col);
    chart_series_set_name_range(series, name_.c_str(), data.names, col);
    if (s.kind == ChartSeries::Kind::bars) {
      lxw_chart_fill fill{};
      fill.color = kBarColors[bar++ % kPalette];
      chart_series_set_fill(series, &fill);
      // Values at the foot of each bar, clear of the target marks near its top; a chart of
      // many bars has no room for them (its data are on the right and in the table).
      if (!crowded) {
        lxw_chart_font label = font(8, true);
        label.color = LXW_COLOR_WHITE;
        chart_series_set_labels(series);
        chart_series_set_labels_position(series, LXW_CHART_LABEL_POSITION_INSIDE_BASE);
        chart_series_set_labels_num_format(series, spec.number_format.c_str());
        chart_series_set_labels_font(series, &label);
      }
      continue;
    }
    // The bars of the same level, if any, give the line its shade.
    std::size_t shade = kPalette;
    for (std::size_t k = 0, b = 0; k < spec.series.size(); ++k) {
      if (spec.series[k].kind != ChartSeries::Kind::bars) continue;
      if (!s.level_id.empty() && spec.series[k].level_id == s.level_id) shade = b;
      ++b;
    }
    const bool marks = s.kind == ChartSeries::Kind::target_marks;
    lines.lines.push_back(LineStyle{
        marks, marks || shade == kPalette ? kTargetMarks : kLineColors[shade % kPalette]});
  }
  lines.bars = bar;
  chart_set_series_gap(chart, spec.by_area ? 80 : 50);  // wide bars hold their labels
  style_axes(chart, spec);
  return chart;
}

void ChartSheet::place(lxw_chart* chart, lxw_row_t row, bool by_area) {
  const lxw_col_t col = by_area ? kLevelCols : 0;
  const double width = (by_area ? kAreaCols : kLevelCols) * kColPixels - 2 * kChartLeft;
  lxw_chart_options options{};
  options.x_offset = kChartLeft;
  options.x_scale = width / kDefaultChartWidth;
  options.y_scale = kChartHeight / kDefaultChartHeight;
  options.object_position = LXW_OBJECT_MOVE_DONT_SIZE;
  error_.check(worksheet_insert_chart_opt(ws_, row, col, chart, &options), row, col);
}

// Starts a block of `rows` rows at `row`, on a new page when it does not fit on this one.
lxw_row_t ChartSheet::start_block(lxw_row_t row, lxw_row_t rows) {
  if (page_used_ + rows > kPageRows && page_used_ > 0) {
    breaks_.push_back(row);
    page_used_ = 0;
  }
  page_used_ += rows;
  return row;
}

lxw_row_t ChartSheet::write_titles(const std::vector<ReportDoc>& docs) {
  const lxw_col_t last_col = kChartCols - 1;
  lxw_row_t row = 0;
  const std::string& title = labels().chart_title;
  error_.check(
      worksheet_merge_range(ws_, row, 0, row, last_col, title.c_str(), styles_.get(Role::title)),
      row, 0);
  worksheet_set_row(ws_, row++, kTitleHeight, nullptr);
  const auto with_period = std::find_if(docs.begin(), docs.end(), [](const ReportDoc& d) {
    return !d.period_line.empty() && !d.charts.empty();
  });
  if (with_period != docs.end()) {
    error_.check(worksheet_merge_range(ws_, row, 0, row, last_col, with_period->period_line.c_str(),
                                       styles_.get(Role::subtitle)),
                 row, 0);
    ++row;
  }
  return row + 1;  // a blank row
}

// The charts of one appendix under its title, a row of charts per rate column: by level on
// the left, by area on the right.
lxw_row_t ChartSheet::write_doc(const ReportDoc& doc, lxw_row_t row, std::vector<ChartLines>& out) {
  for (std::size_t i = 0; i < doc.charts.size();) {
    std::size_t j = i + 1;
    while (j < doc.charts.size() && j < i + 2 && doc.charts[j].column == doc.charts[i].column) ++j;
    const bool first = i == 0;
    row = start_block(row, kSlotRows + (first ? 1 : 0));
    if (first) {
      error_.check(
          worksheet_write_string(ws_, row, 0, doc.title.c_str(), styles_.get(Role::heading)), row,
          0);
      ++row;
    }
    for (std::size_t k = i; k < j; ++k) {
      ChartLines lines;
      const DataBlock data = write_data(doc.charts[k]);
      lxw_chart* chart = make_chart(doc.charts[k], data, lines);
      if (chart == nullptr) {
        error_.check(LXW_ERROR_MEMORY_MALLOC_FAILED, row, 0);
        return row;
      }
      place(chart, row, doc.charts[k].by_area);
      lines.chart_number = out.size() + 1;
      out.push_back(std::move(lines));
    }
    row += kSlotRows;
    i = j;
  }
  return row;
}

void ChartSheet::page_setup(lxw_row_t rows) {
  error_.check(worksheet_set_column(ws_, kDataCol, kDataCol, category_width_, nullptr), 0,
               kDataCol);
  for (std::size_t j = 0; j < series_widths_.size(); ++j) {
    const auto c = static_cast<lxw_col_t>(kDataCol + 1 + j);
    error_.check(worksheet_set_column(ws_, c, c, series_widths_[j], nullptr), 0, c);
  }
  // Every row its fixed height: LibreOffice's default row is taller than Excel's, and the
  // page breaks count rows of 15 points.
  for (lxw_row_t r = 1; r < std::max(rows, data_row_); ++r) {
    worksheet_set_row(ws_, r, kRowHeight, nullptr);
  }
  error_.check(worksheet_print_area(ws_, 0, 0, rows == 0 ? 0 : rows - 1, kChartCols - 1), 0, 0);
  if (!breaks_.empty()) {
    breaks_.push_back(0);  // the list ends with 0
    error_.check(worksheet_set_h_pagebreaks(ws_, breaks_.data()), 0, 0);
  }
  worksheet_set_paper(ws_, 9);  // A4
  worksheet_set_landscape(ws_);
  worksheet_center_horizontally(ws_);
  worksheet_set_margins(ws_, 0.4, 0.4, 0.5, 0.5);
  error_.check(worksheet_set_footer(ws_, page_footer().c_str()), 0, 0);
}

std::vector<ChartLines> ChartSheet::write(const std::vector<ReportDoc>& docs) {
  std::vector<ChartLines> out;
  error_.check(worksheet_set_column(ws_, 0, kChartCols - 1, kChartColWidth, nullptr), 0, 0);
  lxw_row_t row = write_titles(docs);
  page_used_ = row;
  for (const ReportDoc& doc : docs) {
    row = write_doc(doc, row, out);
    if (error_.code != LXW_NO_ERROR) return out;
  }
  page_setup(row);
  return out;
}

}  // namespace

bool has_charts(const std::vector<ReportDoc>& docs) {
  return std::any_of(docs.begin(), docs.end(),
                     [](const ReportDoc& d) { return !d.charts.empty(); });
}

std::vector<ChartLines> write_chart_sheet(lxw_workbook* workbook, lxw_worksheet* ws,
                                          const std::string& sheet_name, Styles& styles,
                                          const std::vector<ReportDoc>& docs, FirstError& error) {
  return ChartSheet(workbook, ws, sheet_name, styles, error).write(docs);
}

}  // namespace ntr::xlsx
