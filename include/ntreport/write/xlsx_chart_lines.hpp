#pragma once
// Combined bar-and-line charts, which libxlsxwriter 1.1.4 cannot write itself: the workbook is
// written with every series as bars, then the chart parts are rewritten so that the last
// series of each chart become a line chart over the same axes.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace ntr::xlsx {

/// How a series moved into a line chart is drawn.
struct LineStyle {
  bool marks = false;       ///< a mark per category and no line; else a dashed line
  std::uint32_t color = 0;  ///< RGB, as libxlsxwriter's lxw_color_t
};

/// The line series of one chart: its last `lines.size()` series, after `bars` bar series.
struct ChartLines {
  std::size_t chart_number = 0;  ///< xl/charts/chart<N>.xml
  std::size_t bars = 0;
  std::vector<LineStyle> lines;
};

/// Rewrites the charts of the closed workbook at `path`: the line series of each become a line
/// chart over the same axes as its bars. False with `message` set on failure.
bool combine_chart_lines(const std::string& path, const std::vector<ChartLines>& charts,
                         std::string& message);

}  // namespace ntr::xlsx
