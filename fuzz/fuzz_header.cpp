// Fuzz target: header detection on wide rows. The input describes a sheet compactly, so that
// small inputs make rows of thousands of cells: one line per row; cells separated by tabs; a
// cell of one character 'A'…'P' is a known header text (below), one starting with '#' a
// number, anything else text; a line starting with "*N " repeats its cells N times (the row
// stays within 16,384 cells). The detector must keep the TableVisitor contract, and a slow
// input (the detector was once quadratic in a row's cells) fails on libFuzzer's -timeout.
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_support.hpp"
#include "ntreport/read/header.hpp"

namespace {

constexpr std::string_view kHeaders[] = {"Đơn vị",
                                         "Mã đơn vị",
                                         "STT",
                                         "VB đến",
                                         "VB đi",
                                         "Tiếp nhận",
                                         "Tổng số (trong kỳ)",
                                         "Qua mạng",
                                         "Trực tiếp",
                                         "Qua BCCI",
                                         "Đã giải quyết",
                                         "Đã số hóa",
                                         "Tỷ lệ văn bản ký số",
                                         "Tên đơn vị",
                                         "Ghi chú",
                                         "Tổng số"};
constexpr std::uint32_t kMaxCols = 16384;

// Checks what HeaderDetector hands on: tables begun before their rows, ended once, columns of
// a header sorted and unique, body rows below the header in ascending order.
class CheckingTables final : public ntr::TableVisitor {
 public:
  void begin_table(const ntr::TableHeader& h) override {
    NTR_FUZZ_REQUIRE(!in_table_);
    NTR_FUZZ_REQUIRE(h.first_row <= h.last_row && h.first_row >= 1);
    std::uint32_t last = 0;
    for (const auto& c : h.columns) {
      NTR_FUZZ_REQUIRE(c.col > last);
      last = c.col;
    }
    in_table_ = true;
    last_row_ = h.last_row;
  }
  void row(std::uint32_t row, std::span<const ntr::CellView> cells) override {
    NTR_FUZZ_REQUIRE(in_table_);
    NTR_FUZZ_REQUIRE(row > last_row_);
    NTR_FUZZ_REQUIRE(!cells.empty());
    last_row_ = row;
  }
  void end_table() override {
    NTR_FUZZ_REQUIRE(in_table_);
    in_table_ = false;
  }
  void no_table(const ntr::SheetInfo& /*sheet*/) override { NTR_FUZZ_REQUIRE(!in_table_); }
  void finish() const { NTR_FUZZ_REQUIRE(!in_table_); }

 private:
  bool in_table_ = false;
  std::uint32_t last_row_ = 0;
};

struct Cell {
  ntr::CellType type;
  std::string text;
};

std::vector<Cell> parse_line(std::string_view line) {
  std::size_t repeat = 1;
  if (line.size() > 1 && line[0] == '*') {
    const std::size_t space = line.find(' ');
    repeat = 0;
    for (std::size_t i = 1; i < space && i < line.size() && line[i] >= '0' && line[i] <= '9'; ++i)
      repeat =
          std::min<std::size_t>(repeat * 10 + static_cast<std::size_t>(line[i] - '0'), kMaxCols);
    line.remove_prefix(space == std::string_view::npos ? line.size() : space + 1);
  }
  std::vector<Cell> one;
  while (!line.empty()) {
    const std::size_t tab = line.find('\t');
    const std::string_view t = line.substr(0, tab);
    line.remove_prefix(tab == std::string_view::npos ? line.size() : tab + 1);
    if (t.size() == 1 && t[0] >= 'A' && t[0] <= 'P') {
      one.push_back(Cell{ntr::CellType::text, std::string(kHeaders[t[0] - 'A'])});
    } else if (!t.empty() && t[0] == '#') {
      one.push_back(Cell{ntr::CellType::number, std::string(t.substr(1))});
    } else {
      one.push_back(Cell{ntr::CellType::text, std::string(t)});
    }
  }
  std::vector<Cell> out;
  for (std::size_t r = 0; r < repeat && out.size() + one.size() <= kMaxCols; ++r) {
    out.insert(out.end(), one.begin(), one.end());
  }
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  ntr::Diagnostics diags;
  CheckingTables tables;
  ntr::HeaderDetector detector(tables, diags);
  const ntr::SheetInfo sheet{"fuzz.xlsx", "Số liệu", 0, true, text.starts_with("hidden")};
  detector.begin_sheet(sheet);
  std::vector<ntr::CellView> views;
  for (std::uint32_t row = 1; !text.empty() && row <= 1000; ++row) {
    const std::size_t eol = text.find('\n');
    const std::vector<Cell> cells = parse_line(text.substr(0, eol));
    text.remove_prefix(eol == std::string_view::npos ? text.size() : eol + 1);
    views.clear();
    std::uint32_t col = 0;
    for (const auto& c : cells) {
      ++col;
      if (!c.text.empty()) views.push_back(ntr::CellView{col, c.type, c.text});
    }
    if (!views.empty()) detector.row(row, views);
  }
  detector.end_sheet({});
  tables.finish();
  ntr::fuzz::check_diagnostics(diags, true);
  return 0;
}
