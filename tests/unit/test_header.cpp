#include <fmt/format.h>

#include <catch2/catch.hpp>

#include "ntreport/read/header.hpp"

using namespace ntr;

namespace {

// Records what the detector passes on, as text.
struct Recorder final : TableVisitor {
  std::vector<std::string> events;
  void begin_table(const TableHeader& h) override {
    std::string cols;
    for (const auto& c : h.columns) cols += fmt::format(" {}={}", column_letters(c.col), c.text);
    events.push_back(fmt::format("table rows {}-{}:{}", h.first_row, h.last_row, cols));
  }
  void row(std::uint32_t row, std::span<const CellView> cells) override {
    std::string s = fmt::format("row {}:", row);
    for (const auto& c : cells) s += fmt::format(" {}", c.text);
    events.push_back(s);
  }
  void end_table() override { events.push_back("end"); }
  void no_table(const SheetInfo& sheet) override { events.push_back("no table in " + sheet.name); }
};

using Rows = std::vector<std::pair<std::uint32_t, std::vector<std::string>>>;

std::vector<std::string> detect(const Rows& rows, Diagnostics& diags) {
  Recorder rec;
  HeaderDetector det(rec, diags);
  det.begin_sheet(SheetInfo{"t.xlsx", "Số liệu", 0, true, false});
  for (const auto& [r, texts] : rows) {
    std::vector<CellView> cells;
    for (std::size_t i = 0; i < texts.size(); ++i) {
      if (!texts[i].empty())
        cells.push_back(CellView{static_cast<std::uint32_t>(i + 1), CellType::text, texts[i]});
    }
    det.row(r, cells);
  }
  det.end_sheet({});
  return rec.events;
}

}  // namespace

TEST_CASE("a one-row header under title rows") {
  Diagnostics diags;
  const auto ev = detect({{1, {"Phụ lục 3"}},
                          {2, {"Số lượng văn bản đi, đến"}},
                          {4, {"STT", "Tên đơn vị", "VB đến", "VB đi", "Tỷ lệ văn bản ký số"}},
                          {5, {"1", "Sở Y tế", "10", "5", "100%"}}},
                         diags);
  CHECK(ev == std::vector<std::string>{
                  "table rows 4-4: A=STT B=Tên đơn vị C=VB đến D=VB đi E=Tỷ lệ văn bản ký số",
                  "row 5: 1 Sở Y tế 10 5 100%", "end"});
  CHECK(diags.all().empty());
}

TEST_CASE("a two-row header with merged upper cells, and a column-number row") {
  Diagnostics diags;
  const auto ev = detect({{1, {"Phụ lục 2"}},
                          {3, {"STT", "Đơn vị", "Đã giải quyết", "Số hóa kết quả giải quyết"}},
                          {4, {"", "", "", "Chưa số hóa", "Đã số hóa", "Tỷ lệ số hóa kết quả"}},
                          {5, {"(1)", "(2)", "(3)", "(4)", "(5)", "(6)=(5)/(3)"}},
                          {6, {"1", "Sở Nội vụ", "78", "8", "70", "89,74%"}}},
                         diags);
  CHECK(ev == std::vector<std::string>{
                  "table rows 3-4: A=STT B=Đơn vị C=Đã giải quyết D=Số hóa kết quả giải quyết – "
                  "Chưa số hóa E=Số hóa kết quả giải quyết – Đã số hóa F=Số hóa kết quả giải quyết "
                  "– Tỷ lệ số hóa kết quả",
                  "row 6: 1 Sở Nội vụ 78 8 70 89,74%", "end"});
}

TEST_CASE("headers compare after normalization: case, spacing, tone placement") {
  Diagnostics diags;
  const auto ev = detect(
      {{1, {"tên  đơn vị", "ĐÃ SỐ HOÁ", "đã giải quyết"}}, {2, {"Sở Y tế", "1", "2"}}}, diags);
  CHECK(ev.front() == "table rows 1-1: A=tên  đơn vị B=ĐÃ SỐ HOÁ C=đã giải quyết");
}

TEST_CASE("a sheet without a known header is reported to the visitor") {
  Diagnostics diags;
  const auto ev = detect({{1, {"Hướng dẫn"}}, {2, {"Điền số liệu vào trang Số liệu"}}}, diags);
  CHECK(ev == std::vector<std::string>{"no table in Số liệu"});
  CHECK(diags.all().empty());
}

TEST_CASE("figure columns without a unit column") {
  Diagnostics diags;
  const auto ev = detect({{1, {"STT", "Qua mạng", "Trực tiếp"}}, {2, {"1", "5", "6"}}}, diags);
  CHECK(ev.empty());
  REQUIRE(diags.all().size() == 1);
  CHECK(format_diagnostic(diags.all()[0]) ==
        "t.xlsx:'Số liệu'!A1: error[no-unit-column]: the header has figure columns but no unit "
        "column; expected a column \"Đơn vị\", \"Tên đơn vị\" or \"Mã đơn vị\"");
}

TEST_CASE("two columns for the same figure") {
  Diagnostics diags;
  const auto ev =
      detect({{1, {"Đơn vị", "Qua mạng", "Trực tuyến"}}, {2, {"Sở Y tế", "5", "6"}}}, diags);
  CHECK(ev.empty());
  REQUIRE(diags.all().size() == 1);
  CHECK(format_diagnostic(diags.all()[0]) ==
        "t.xlsx:'Số liệu'!C1: error[duplicate-column]: \"Trực tuyến\" is a second column for the "
        "figure \"Qua mạng\"; the first is \"Qua mạng\" in column B (keep one of the two "
        "columns; the table is skipped until then)");
}

TEST_CASE("the known header nearest to an unknown one, for texts of a header's length only") {
  const auto online = nearest_header("Nộp trực tuyến");
  REQUIRE(online);
  CHECK(online->first == "Trực tuyến");
  CHECK(online->second == "the figure \"Qua mạng\"");
  const auto late = nearest_header("Qúa hạn");  // the tone mark on the wrong letter
  REQUIRE(late);
  CHECK(late->first == "Quá hạn");
  CHECK_FALSE(nearest_header("Số điện thoại liên hệ của cán bộ").has_value());
  CHECK_FALSE(nearest_header(std::string(100000, 'x')).has_value());  // not compared at all
  CHECK_FALSE(nearest_header("").has_value());
}

TEST_CASE("header cells naming no known column are kept for a warning, up to a limit") {
  Diagnostics diags;
  std::vector<std::string> header = {"Đơn vị", "Qua mạng", "Ghi chú"};
  for (int i = 0; i < 150; ++i) header.push_back("Cột " + std::to_string(i));
  struct Keep final : TableVisitor {
    std::optional<TableHeader> h;
    void begin_table(const TableHeader& t) override { h = t; }
    void row(std::uint32_t, std::span<const CellView>) override {}
    void end_table() override {}
    void no_table(const SheetInfo&) override {}
  } keep;
  HeaderDetector det(keep, diags);
  det.begin_sheet(SheetInfo{"t.csv", "", 0, false, false});
  std::vector<CellView> cells;
  for (std::size_t i = 0; i < header.size(); ++i)
    cells.push_back(CellView{static_cast<std::uint32_t>(i + 1), CellType::text, header[i]});
  det.row(1, cells);
  det.end_sheet({});
  REQUIRE(keep.h);
  CHECK(keep.h->unknown_count == 150);  // "Ghi chú" is known: a column of notes
  REQUIRE(keep.h->unknown.size() == TableHeader::kMaxUnknownColumns);
  CHECK(keep.h->unknown[0].col == 4);
  CHECK(keep.h->unknown[0].text == "Cột 0");
}

namespace {

OwnedSheet header_list(const std::vector<std::pair<std::string, std::string>>& rows) {
  OwnedSheet s;
  s.info.file = "headers.csv";
  s.rows.push_back(OwnedRow{1, {{1, CellType::text, "key"}, {2, CellType::text, "header"}}});
  std::uint32_t r = 2;
  for (const auto& [key, text] : rows) {
    s.rows.push_back(OwnedRow{r++, {{1, CellType::text, key}, {2, CellType::text, text}}});
  }
  return s;
}

}  // namespace

TEST_CASE("the shipped header texts are data/headers.csv's") {
  const auto& known = known_headers();
  REQUIRE(known.size() == 96);
  CHECK(known.front().text == "VB đến");
  CHECK(known.back().text == "Note");
  CHECK(lookup_header("Tổng tiếp nhận")->field == Field::received);
  CHECK(lookup_header("Tỷ lệ TTTT")->rate == Rate::paid_online_ratio);
  CHECK(lookup_header("Mã ĐV")->role == ColumnRole::code);
}

TEST_CASE("a province's header list: new texts kept, a text already meaning the same skipped") {
  Diagnostics diags;
  const auto extra = parse_header_list(header_list({{"received_online", "Nộp trực tuyến"},
                                                    {"received_online", "Qua mạng"},
                                                    {"name", "Tên địa phương"}}),
                                       known_headers(), diags);
  CHECK(diags.all().empty());
  REQUIRE(extra.size() == 2);
  CHECK(extra[0].text == "Nộp trực tuyến");
  CHECK(extra[1].meaning.role == ColumnRole::name);
  CHECK_FALSE(lookup_header("Nộp trực tuyến"));
  use_headers(extra);
  CHECK(lookup_header("nộp  trực tuyến")->field == Field::received_online);
  CHECK(nearest_header("Nộp trực tuyếnn")->first == "Nộp trực tuyến");
  use_headers({});
  CHECK_FALSE(lookup_header("Nộp trực tuyến"));
}

TEST_CASE("a province's header list: unknown keys, empty texts and second meanings refused") {
  Diagnostics diags;
  const auto extra = parse_header_list(header_list({{"received_onlin", "Nộp trực tuyến"},
                                                    {"received_direct", "Qua mạng"},
                                                    {"done_late", ""},
                                                    {"done_late", "Trễ"},
                                                    {"done_early", "trễ"}}),
                                       known_headers(), diags);
  REQUIRE(extra.size() == 1);
  CHECK(extra[0].text == "Trễ");
  REQUIRE(diags.all().size() == 4);
  CHECK(diags.all()[0].loc.row == 2);
  CHECK(diags.all()[0].loc.col == 1);
  CHECK(diags.all()[1].loc.row == 3);
  CHECK(diags.all()[1].loc.col == 2);
  CHECK(diags.all()[3].loc.row == 6);
  for (const auto& d : diags.all()) CHECK(d.code == Code("config-error"));
}
