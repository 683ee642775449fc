#pragma once
// Small ReportDocs built by hand for the writer tests: every figure and display text below is
// written out, as the report stage would hand it over; the writers must only render them.
#include <stdexcept>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "ntreport/report/report.hpp"

namespace ntr::sample {

inline Cell text(std::string s) {
  Cell c;
  c.kind = Cell::Kind::text;
  c.set_text(s);
  return c;
}

inline Cell count(std::int64_t n, std::string shown) {
  Cell c;
  c.kind = Cell::Kind::count;
  c.num = n;
  c.set_text(shown);
  return c;
}

inline Cell rate(std::int64_t num, std::int64_t den, double exact, double rounded,
                 std::string shown) {
  Cell c;
  c.kind = Cell::Kind::rate;
  c.num = num;
  c.den = den;
  c.set_text(shown);
  // A cell derives these from num and den: the sample's own figures must agree with them.
  if (c.exact() != exact || c.rounded() != rounded)
    throw std::logic_error("sample rate: exact or rounded disagrees with num / den");
  return c;
}

inline Cell undefined_rate() { return rate(0, 0, 0, 0, "-"); }

inline Row row(RowKind kind, std::string stt, std::string label, std::vector<Cell> figures,
               bool bold = false) {
  Row r;
  r.kind = kind;
  r.bold = bold;
  r.cells.push_back(text(stt));
  r.cells.push_back(text(label));
  r.stt = std::move(stt);
  r.label = std::move(label);
  for (auto& c : figures) r.cells.push_back(std::move(c));
  return r;
}

inline Row unit(std::string stt, std::string label, std::string code, std::string level,
                std::vector<Cell> figures, std::uint32_t depth = 0) {
  Row r = row(RowKind::unit, std::move(stt), std::move(label), std::move(figures));
  r.unit_code = std::move(code);
  r.level_id = std::move(level);
  r.depth = depth;
  return r;
}

inline Row level(std::string stt, std::string label, std::string level_id,
                 std::vector<Cell> figures) {
  Row r = row(RowKind::level, std::move(stt), std::move(label), std::move(figures), true);
  r.level_id = std::move(level_id);
  return r;
}

/// Two-row header, level/unit/total rows, a child unit, a not-reported unit named like a
/// formula, a name with a pipe, an undefined rate.
inline ReportDoc dossiers() {
  ReportDoc d;
  d.id = "ho-so";
  d.title = "Kết quả tiếp nhận hồ sơ";
  d.period_line = "(Từ ngày 01/01/2024 đến ngày 28/8/2024)";
  d.sheet_name = "PL1 Hồ sơ";
  d.layout = ntr::Layout::level;
  d.columns = {
      {"", "STT", ColumnKind::stt, "stt", ""},
      {"", "Đơn vị", ColumnKind::label, "name", ""},
      {"Tiếp nhận", "Tổng số", ColumnKind::count, "received", "#,##0"},
      {"Tiếp nhận", "Qua mạng", ColumnKind::count, "received_online", "#,##0"},
      {"", "Tỷ lệ HS qua mạng", ColumnKind::rate, "online_ratio", "0.00%"},
  };
  d.rows = {
      level("I", "Cấp tỉnh", "tinh",
            {count(1250, "1.250"), count(696, "696"), rate(696, 1250, 0.5568, 0.5568, "55,68%")}),
      unit("1", "Sở Tư pháp | Thanh tra", "so-tp", "tinh",
           {count(1000, "1.000"), count(613, "613"), rate(613, 1000, 0.613, 0.613, "61,3%")}),
      unit("2", "Sở Tài nguyên và Môi trường", "so-tnmt", "tinh",
           {count(250, "250"), count(83, "83"), rate(83, 250, 0.332, 0.332, "33,2%")}),
      unit("2.1", "Văn phòng Sở", "so-tnmt.van-phong", "tinh",
           {count(250, "250"), count(83, "83"), rate(83, 250, 0.332, 0.332, "33,2%")}, 1),
      unit("3", "=SUM(A1)", "ban-x", "tinh", {Cell{}, Cell{}, Cell{}}),
      level("II", "Cấp xã", "xa",
            {count(3, "3"), count(2, "2"), rate(2, 3, 2.0 / 3.0, 0.6667, "66,67%")}),
      unit("1", "Xã Phước Hà", "xa.phuoc-ha", "xa",
           {count(3, "3"), count(2, "2"), rate(2, 3, 2.0 / 3.0, 0.6667, "66,67%")}),
      unit("2", "Xã Lợi Hải", "xa.loi-hai", "xa", {count(0, "0"), count(0, "0"), undefined_rate()}),
      row(RowKind::total, "", "Tổng cộng",
          {count(1253, "1.253"), count(698, "698"),
           rate(698, 1253, 698.0 / 1253.0, 0.5571, "55,71%")},
          true),
  };
  d.not_reported = {"ban-x"};
  d.rows[4].status = RowStatus::not_reported;
  for (auto [r, units, reported] : {std::tuple{0U, 3U, 2U}, {5U, 2U, 2U}, {8U, 5U, 4U}}) {
    d.rows[r].units = units;
    d.rows[r].units_reported = reported;
    if (reported < units) d.rows[r].status = RowStatus::partial;
  }
  // The provincial units' online rates against a 60% target; the lowest of each level.
  for (std::size_t r : {2U, 3U}) d.rows[r].cells[4].below_target = true;
  for (std::size_t r : {2U, 3U, 6U}) d.rows[r].cells[4].lowest = true;
  d.target_rules = {TargetRule{4, {1, 2, 3}, "tinh", 6000}};
  d.legend = {{Mark::below_target, "Tỷ lệ HS qua mạng thấp hơn chỉ tiêu của cấp: Cấp tỉnh 60%."},
              {Mark::lowest, "1 đơn vị có tỷ lệ thấp nhất của mỗi cấp (Tỷ lệ HS qua mạng)."}};
  Chart chart;
  chart.column = 4;
  chart.title = "Tỷ lệ HS qua mạng theo cấp";
  chart.category_title = "Cấp";
  chart.value_title = "Tỷ lệ";
  chart.number_format = "0.00%";
  chart.categories = {"Cấp tỉnh", "Cấp xã", "Tổng cộng"};
  chart.series = {
      {ChartSeries::Kind::bars,
       "Tỷ lệ HS qua mạng",
       "",
       {d.rows[0].cells[4], d.rows[5].cells[4], d.rows[8].cells[4]}},
      {ChartSeries::Kind::target_marks,
       "Chỉ tiêu",
       "",
       {rate(6000, 10000, 0.6, 0.6, "60%"), Cell{}, Cell{}}},
  };
  d.charts = {chart};
  return d;
}

/// One-row header, by-area layout with a group row; the provincial total appears twice.
inline ReportDoc documents() {
  ReportDoc d;
  d.id = "van-ban";
  d.title = "Số lượng văn bản đi, đến và tỷ lệ văn bản ký số";
  d.sheet_name = "PL3 Văn bản đi/đến";
  d.layout = ntr::Layout::area;
  d.columns = {
      {"", "STT", ColumnKind::stt, "stt", ""},
      {"", "Tên đơn vị", ColumnKind::label, "name", ""},
      {"", "VB đến", ColumnKind::count, "docs_in", "#,##0"},
      {"", "VB đi", ColumnKind::count, "docs_out", "#,##0"},
      {"", "Tỷ lệ văn bản ký số", ColumnKind::rate, "signed_ratio", "0.00%"},
  };
  const auto province = [] {
    return std::vector<Cell>{count(120, "120"), count(80, "80"),
                             rate(79, 80, 0.9875, 0.9875, "98,75%")};
  };
  const auto communes = [] {
    return std::vector<Cell>{count(30, "30"), count(20, "20"), rate(19, 20, 0.95, 0.95, "95%")};
  };
  const auto district = [] {
    return std::vector<Cell>{count(50, "50"), count(40, "40"), rate(40, 40, 1.0, 1.0, "100%")};
  };
  Row group = row(RowKind::group, "", "UBND cấp xã – huyện Bác Ái", communes(), true);
  group.level_id = "xa";
  group.area_code = "bac-ai";
  Row district_row = unit("II", "UBND huyện Bác Ái", "bac-ai", "huyen", district());
  district_row.bold = true;
  d.rows = {
      level("I", "Các Sở, ban, ngành", "tinh", province()),
      unit("1", "Sở Nội vụ", "so-nv", "tinh", province()),
      district_row,
      group,
      unit("1", "Xã Phước Bình", "bac-ai.phuoc-binh", "xa", communes()),
      level("", "Cấp xã", "xa", communes()),
      level("", "Cấp huyện", "huyen", district()),
      level("", "Cấp tỉnh", "tinh", province()),
  };
  Chart chart;
  chart.column = 4;
  chart.by_area = true;
  chart.title = "Tỷ lệ văn bản ký số theo địa bàn cấp huyện";
  chart.category_title = "Địa bàn cấp huyện";
  chart.value_title = "Tỷ lệ";
  chart.number_format = "0.00%";
  chart.categories = {"huyện Bác Ái", "huyện Thuận Nam"};
  chart.series = {
      {ChartSeries::Kind::bars, "Cấp huyện", "huyen", {district()[2], Cell{}}},
      {ChartSeries::Kind::bars, "Cấp xã", "xa", {communes()[2], undefined_rate()}},
      {ChartSeries::Kind::target_line,
       "Chỉ tiêu cấp xã",
       "xa",
       {rate(9000, 10000, 0.9, 0.9, "90%"), rate(9000, 10000, 0.9, 0.9, "90%")}},
  };
  d.charts = {chart};
  return d;
}

/// The targets appendix: a heading row, item rows with rates and a text note.
inline ReportDoc targets() {
  ReportDoc d;
  d.id = "chi-tieu";
  d.title = "Kết quả thực hiện các mục tiêu cụ thể";
  d.period_line = "(Từ ngày 01/01/2024 đến ngày 28/8/2024)";
  d.sheet_name = "PL4 Chỉ tiêu";
  d.layout = ntr::Layout::targets;
  d.columns = {
      {"", "STT", ColumnKind::stt, "stt", ""},
      {"", "Mục tiêu", ColumnKind::label, "name", ""},
      {"", "KQ năm trước", ColumnKind::rate, "previous", "0.00%"},
      {"", "Mục tiêu năm", ColumnKind::rate, "target", "0.00%"},
      {"", "KQTH trong kỳ", ColumnKind::rate, "result", "0.00%"},
      {"", "Ghi chú", ColumnKind::text, "note", ""},
  };
  Row heading = row(RowKind::heading, "I", "Cấp tỉnh", {Cell{}, Cell{}, Cell{}, Cell{}}, true);
  heading.level_id = "tinh";
  d.rows = {
      heading,
      row(RowKind::item, "1", "Tỷ lệ hồ sơ trực tuyến",
          {rate(60, 100, 0.6, 0.6, "60%"), rate(75, 100, 0.75, 0.75, "75%"),
           rate(59722, 98076, 59722.0 / 98076.0, 0.6089, "60,89%"),
           text("Chưa đạt (thiếu 14,11%)")}),
      row(RowKind::item, "2", "Tỷ lệ \"số hóa\" kết quả",
          {Cell{}, rate(50, 100, 0.5, 0.5, "50%"), undefined_rate(), Cell{}}),
  };
  return d;
}

}  // namespace ntr::sample
