// phu-luc.xlsx read back with ntreport's own reader holds the numbers of the Markdown
// appendices, cell for cell (the openpyxl read-back is tests/scripts/xlsx_matches_md.py).
#include <fmt/format.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <charconv>
#include <fstream>
#include <sstream>

#include "../support/scratch_dir.hpp"
#include "ntreport/pipeline.hpp"
#include "ntreport/read/xlsx.hpp"
#include "ntreport/text/numbers.hpp"

using namespace ntr;

namespace {

std::vector<std::vector<std::string>> md_rows(const std::string& path) {
  std::ifstream in(path);
  std::string line;
  std::vector<std::vector<std::string>> rows;
  int n = 0;
  while (std::getline(in, line)) {
    if (line.rfind("| ", 0) != 0 || n++ < 2) continue;  // skip header and alignment rows
    std::vector<std::string> cells;
    std::string_view rest = std::string_view(line).substr(2, line.size() - 4);
    for (std::size_t at = 0;;) {
      const std::size_t end = rest.find(" | ", at);
      std::string c(
          rest.substr(at, end == std::string_view::npos ? std::string_view::npos : end - at));
      if (c.size() >= 4 && c.rfind("**", 0) == 0) c = c.substr(2, c.size() - 4);
      cells.push_back(c);
      if (end == std::string_view::npos) break;
      at = end + 3;
    }
    rows.push_back(cells);
  }
  return rows;
}

// The Markdown text a read-back cell stands for: counts and rates in Vietnamese format.
std::string as_markdown(const OwnedCell* cell, bool rate_column) {
  if (cell == nullptr) return "";
  if (cell->type != CellType::number) return cell->text;
  double v = 0;
  std::from_chars(cell->text.data(), cell->text.data() + cell->text.size(), v);
  if (rate_column) return format_hundredths(static_cast<std::int64_t>(v * 10000 + 0.5));
  return format_count(static_cast<std::int64_t>(v));
}

}  // namespace

TEST_CASE("phu-luc.xlsx read back by ntreport's reader equals the Markdown appendices") {
  test::ScratchDir dir;
  BuildConfig c;
  c.source.inputs = {std::string(NTR_SOURCE_DIR) + "/data/samples/2024/inputs"};
  c.source.aliases = {std::string(NTR_SOURCE_DIR) + "/data/samples/2024/aliases.csv"};
  c.report.period = Period{"2024-01-01", "2024-08-28"};
  c.output.dir = dir.str("out");
  Diagnostics diags;
  const auto registry = load_registry(c.source, diags);
  REQUIRE(registry);
  const auto defs = load_appendices(c.source, diags);
  const Figures figures = read_inputs(c.source, *registry, diags);
  const BuildReport report = compile(c.report, c.source, *registry, defs, figures, {}, diags);
  REQUIRE(write_outputs(c.output, report, diags).size() == 6);  // 3 appendices, thuyet-minh.md, …
  REQUIRE_FALSE(diags.has_errors());

  SheetCollector book;
  REQUIRE(read_xlsx(dir.str("out/phu-luc.xlsx"), "phu-luc.xlsx", ReadLimits{}, book, diags));
  REQUIRE(book.sheets.size() == 4);  // and the chart sheet, checked below
  std::size_t compared = 0;
  for (std::size_t s = 0; s < 3; ++s) {
    const ReportDoc& doc = report.appendices[s];
    const auto md = md_rows(dir.str("out/" + doc.id + ".md"));
    const OwnedSheet& sheet = book.sheets[s];
    CHECK(sheet.info.name == doc.sheet_name);
    // the first data row holds the first Markdown row's label in column B
    std::size_t top = 0;
    while (top < sheet.rows.size() && sheet.rows[top].at(2) != md[0][1]) ++top;
    REQUIRE(top + md.size() <= sheet.rows.size());
    for (std::size_t i = 0; i < md.size(); ++i) {
      const OwnedRow& row = sheet.rows[top + i];
      for (std::size_t j = 0; j < md[i].size(); ++j) {
        const auto col = static_cast<std::uint32_t>(j + 1);
        const OwnedCell* cell = nullptr;
        for (const auto& x : row.cells) {
          if (x.col == col) cell = &x;
        }
        INFO(fmt::format("{} {}", doc.id, cell_name(row.row, col)));
        CHECK(as_markdown(cell, doc.columns[j].kind == ColumnKind::rate) == md[i][j]);
        ++compared;
      }
    }
  }
  CHECK(compared ==
        2704);  // every cell of the three tables (23 columns and 3 "Ghi chú" × 104 rows)
}

namespace {

const OwnedCell* cell_in(const OwnedRow& row, std::uint32_t col) {
  for (const auto& x : row.cells) {
    if (x.col == col) return &x;
  }
  return nullptr;
}

}  // namespace

TEST_CASE("the chart sheet read back by ntreport's reader holds the data of every chart") {
  test::ScratchDir dir;
  BuildConfig c;
  c.source.inputs = {std::string(NTR_SOURCE_DIR) + "/data/samples/2024/inputs"};
  c.source.aliases = {std::string(NTR_SOURCE_DIR) + "/data/samples/2024/aliases.csv"};
  c.report.period = Period{"2024-01-01", "2024-08-28"};
  c.output.dir = dir.str("out");
  c.output.formats = {ntr::OutputFormat::md, ntr::OutputFormat::xlsx};
  Diagnostics diags;
  const auto registry = load_registry(c.source, diags);
  REQUIRE(registry);
  const auto defs = load_appendices(c.source, diags);
  const Figures figures = read_inputs(c.source, *registry, diags);
  const BuildReport report = compile(c.report, c.source, *registry, defs, figures, {}, diags);
  REQUIRE(write_outputs(c.output, report, diags).size() == 5);

  SheetCollector book;
  REQUIRE(read_xlsx(dir.str("out/phu-luc.xlsx"), "phu-luc.xlsx", ReadLimits{}, book, diags));
  REQUIRE(book.sheets.size() == 4);
  const OwnedSheet& sheet = book.sheets[3];
  CHECK(sheet.info.name == "Biểu đồ");
  constexpr std::uint32_t kData = 18;  // column R: the data area
  std::size_t charts = 0;
  std::size_t compared = 0;
  for (const ReportDoc& doc : report.appendices) {
    const auto md = md_rows(dir.str("out/" + doc.id + ".md"));
    for (const Chart& chart : doc.charts) {
      ++charts;
      std::size_t at = 0;
      while (at < sheet.rows.size() && sheet.rows[at].at(kData) != chart.title) ++at;
      REQUIRE(at + 1 + chart.categories.size() < sheet.rows.size());
      const OwnedRow& names = sheet.rows[at + 1];
      CHECK(names.at(kData) == chart.category_title);
      for (std::size_t j = 0; j < chart.series.size(); ++j) {
        CHECK(names.at(kData + 1 + static_cast<std::uint32_t>(j)) == chart.series[j].name);
      }
      for (std::size_t i = 0; i < chart.categories.size(); ++i) {
        const OwnedRow& row = sheet.rows[at + 2 + i];
        INFO(fmt::format("{} {}", chart.title, cell_name(row.row, kData)));
        CHECK(row.at(kData) == chart.categories[i]);
        for (std::size_t j = 0; j < chart.series.size(); ++j) {
          const Cell& want = chart.series[j].values[i];
          const std::string got =
              as_markdown(cell_in(row, kData + 1 + static_cast<std::uint32_t>(j)), true);
          CHECK(got == (want.defined_rate() ? want.text() : ""));
          ++compared;
        }
        if (chart.by_area) continue;
        // A bar by level is the rate of the level row of the same name in the Markdown.
        const auto md_row = std::find_if(
            md.begin(), md.end(), [&](const auto& r) { return r[1] == chart.categories[i]; });
        REQUIRE(md_row != md.end());
        CHECK(as_markdown(cell_in(row, kData + 1), true) == (*md_row)[chart.column]);
      }
    }
  }
  CHECK(charts == 10);    // 5 rates, by level and by area
  CHECK(compared == 90);  // 5 rates × (4 levels + 7 areas × 2 levels)
}

namespace {

std::vector<std::string> merge_names(const OwnedSheet& sheet) {
  std::vector<std::string> out;
  for (const MergedRange& m : sheet.merges) {
    out.push_back(cell_name(m.first_row, m.first_col) + ":" + cell_name(m.last_row, m.last_col));
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

TEST_CASE("the 2023 sample with targets, read back by ntreport's reader: merges, legend, targets") {
  test::ScratchDir dir;
  const std::string period = std::string(NTR_SOURCE_DIR) + "/data/samples/2023/";
  BuildConfig c;
  c.source.inputs = {period + "inputs"};
  c.source.aliases = {period + "aliases.csv"};
  c.source.targets = period + "targets-2023.csv";
  c.report.period = Period{"2023-01-01", "2023-06-12"};
  c.output.dir = dir.str("out");
  c.output.formats = {ntr::OutputFormat::xlsx};
  c.report.highlight_lowest = 3;
  Diagnostics diags;
  const auto registry = load_registry(c.source, diags);
  REQUIRE(registry);
  const auto defs = load_appendices(c.source, diags);
  const TargetsInput targets = load_targets(c.source, *registry, diags);
  const Figures figures = read_inputs(c.source, *registry, diags);
  const BuildReport report = compile(c.report, c.source, *registry, defs, figures, targets, diags);
  REQUIRE(write_outputs(c.output, report, diags).size() == 1);
  REQUIRE_FALSE(diags.has_errors());

  SheetCollector book;
  REQUIRE(read_xlsx(dir.str("out/phu-luc.xlsx"), "phu-luc.xlsx", ReadLimits{}, book, diags));
  REQUIRE(book.sheets.size() == 3);
  // van-ban: "Phụ lục 1", title and period over the five columns, a one-row header (nothing
  // to merge), 111 table rows from row 6, a blank row, then the two legend lines across B:E.
  const OwnedSheet& documents = book.sheets[0];
  CHECK(documents.info.name == "Văn bản");
  CHECK(merge_names(documents) ==
        std::vector<std::string>{"A1:E1", "A2:E2", "A3:E3", "B118:E118", "B119:E119"});
  REQUIRE(documents.rows.size() >= 2);
  const OwnedRow& below = documents.rows[documents.rows.size() - 2];
  const OwnedRow& lowest = documents.rows.back();
  CHECK(below.row == 118);
  CHECK(below.at(2) ==
        "Tỷ lệ văn bản ký số thấp hơn chỉ tiêu của cấp: Cấp tỉnh 100%, Cấp huyện 95%, Cấp xã 75%.");
  CHECK(lowest.row == 119);
  CHECK(lowest.at(2) ==
        "3 đơn vị có tỷ lệ thấp nhất của mỗi cấp (Tỷ lệ văn bản ký số), kể cả đơn vị có tỷ lệ "
        "bằng đơn vị thứ 3.");
  CHECK(merge_names(book.sheets[1]) == std::vector<std::string>{"A1:F1", "A2:F2", "A3:F3"});
  CHECK(documents.rows.front().at(1) == "Phụ lục 1");

  // The chart sheet: its title and period over the 16 chart columns; the by-area chart's data
  // has a target column per level, the plan's 95% (districts) and 75% (communes) in every row.
  const OwnedSheet& charts = book.sheets[2];
  CHECK(charts.info.name == "Biểu đồ");
  CHECK(merge_names(charts) == std::vector<std::string>{"A1:P1", "A2:P2"});
  constexpr std::uint32_t kData = 18;
  const auto head = std::find_if(charts.rows.begin(), charts.rows.end(), [](const OwnedRow& r) {
    return r.at(kData) == "Tỷ lệ văn bản ký số theo địa bàn cấp huyện";
  });
  REQUIRE(charts.rows.end() - head >= 9);
  const OwnedRow& names = *(head + 1);
  CHECK(names.at(kData) == "Địa bàn cấp huyện");
  CHECK(names.at(kData + 1) == "Cấp huyện");
  CHECK(names.at(kData + 2) == "Cấp xã");
  CHECK(names.at(kData + 3) == "Chỉ tiêu cấp huyện");
  CHECK(names.at(kData + 4) == "Chỉ tiêu cấp xã");
  for (auto r = head + 2; r != head + 9; ++r) {
    INFO(cell_name(r->row, kData));
    CHECK(r->at(kData + 3) == "0.95");
    CHECK(r->at(kData + 4) == "0.75");
  }
  CHECK((head + 2)->at(kData) == "thành phố Phan Rang - Tháp Chàm");
  CHECK((head + 8)->at(kData) == "huyện Ninh Phước");
}
