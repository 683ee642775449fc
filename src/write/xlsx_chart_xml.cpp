// Combined bar-and-line charts. libxlsxwriter 1.1.4 has no chart_combine(): the target series
// are written as bar series, and once the workbook is closed their <c:ser> elements move out
// of <c:barChart> into a <c:lineChart> over the same axes — the markup Excel itself writes for
// a combination chart (patch_package() in xlsx_package.cpp rewrites the parts).
#include <fmt/format.h>

#include <optional>
#include <string_view>

#include "ntreport/text/translate.hpp"
#include "xlsx_rows.hpp"

namespace ntr::xlsx {

namespace {

struct Span {
  std::size_t begin = 0;
  std::size_t end = 0;  // one past the element
};

// The first element `name` ("c:tx") in xml[from, to), self-closing or not.
std::optional<Span> find_element(std::string_view xml, std::string_view name, std::size_t from,
                                 std::size_t to) {
  const std::string open = fmt::format("<{}", name);
  for (std::size_t at = xml.find(open, from); at != std::string_view::npos && at < to;
       at = xml.find(open, at + 1)) {
    const char next = at + open.size() < xml.size() ? xml[at + open.size()] : '\0';
    if (next != ' ' && next != '>' && next != '/') continue;  // "<c:txPr" is not "<c:tx"
    const std::size_t gt = xml.find('>', at);
    if (gt == std::string_view::npos) return std::nullopt;
    if (xml[gt - 1] == '/') return Span{at, gt + 1};
    const std::string close = fmt::format("</{}>", name);
    const std::size_t end = xml.find(close, gt);
    if (end == std::string_view::npos || end + close.size() > to) return std::nullopt;
    return Span{at, end + close.size()};
  }
  return std::nullopt;
}

std::string_view text_of(std::string_view xml, Span s) {
  return xml.substr(s.begin, s.end - s.begin);
}

std::string line_format(const LineStyle& style) {
  const std::string color =
      fmt::format("<a:solidFill><a:srgbClr val=\"{:06X}\"/></a:solidFill>",  // not a message: XML
                  style.color);
  if (style.marks) {
    return fmt::format(  // not a message: XML
        "<c:spPr><a:ln><a:noFill/></a:ln></c:spPr><c:marker><c:symbol val=\"dash\"/>"
        "<c:size val=\"20\"/><c:spPr>{0}<a:ln w=\"9525\">{0}</a:ln></c:spPr></c:marker>",
        color);
  }
  return fmt::format(  // not a message: XML
      "<c:spPr><a:ln w=\"22225\" cap=\"rnd\">{}<a:prstDash val=\"dash\"/><a:round/></a:ln>"
      "</c:spPr><c:marker><c:symbol val=\"none\"/></c:marker>",
      color);
}

// A bar <c:ser> as a line <c:ser>: its index, name and data, drawn in `style`.
std::optional<std::string> line_series(std::string_view ser, const LineStyle& style) {
  std::string out = "<c:ser>";
  for (std::string_view name : {"c:idx", "c:order", "c:tx"}) {
    const auto s = find_element(ser, name, 0, ser.size());
    if (!s) return std::nullopt;
    out += text_of(ser, *s);
  }
  out += line_format(style);
  for (std::string_view name : {"c:cat", "c:val"}) {
    const auto s = find_element(ser, name, 0, ser.size());
    if (!s) return std::nullopt;
    out += text_of(ser, *s);
  }
  return out + "<c:smooth val=\"0\"/></c:ser>";
}

}  // namespace

bool patch_chart(std::string& xml, const ChartLines& chart, std::string& message) {
  const auto bar = find_element(xml, "c:barChart", 0, xml.size());
  if (!bar) {
    message = tr("no bar chart to add lines to");
    return false;
  }
  std::vector<Span> series;
  for (auto s = find_element(xml, "c:ser", bar->begin, bar->end); s;
       s = find_element(xml, "c:ser", s->end, bar->end)) {
    series.push_back(*s);
  }
  if (series.size() != chart.bars + chart.lines.size()) {
    message =
        trf("{} series where {} were written", series.size(), chart.bars + chart.lines.size());
    return false;
  }
  std::string lines =
      "<c:lineChart><c:grouping val=\"standard\"/><c:varyColors val=\"0\"/>";  // not a message: XML
  for (std::size_t i = 0; i < chart.lines.size(); ++i) {
    const auto ser = line_series(text_of(xml, series[chart.bars + i]), chart.lines[i]);
    if (!ser) {
      message = tr("a series without its name or data");
      return false;
    }
    lines += *ser;
  }
  lines += "<c:marker val=\"1\"/>";  // not a message: XML
  for (auto s = find_element(xml, "c:axId", bar->begin, bar->end); s;
       s = find_element(xml, "c:axId", s->end, bar->end)) {
    lines += text_of(xml, *s);
  }
  lines += "</c:lineChart>";
  const std::size_t cut_begin = series[chart.bars].begin;
  const std::size_t cut_end = series.back().end;
  std::string patched = xml.substr(0, cut_begin);
  patched += std::string_view(xml).substr(cut_end, bar->end - cut_end);
  patched += lines;
  patched += std::string_view(xml).substr(bar->end);
  xml = std::move(patched);
  return true;
}

}  // namespace ntr::xlsx
