// read_tables on several threads must show its receiver exactly what reading the files one
// after the other shows it: the same calls in the same order, and the same diagnostics at the
// same points among the receiver's own.
#include <fmt/format.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

#include "ntreport/read/tables.hpp"
#include "xlsx_test_support.hpp"

namespace fs = std::filesystem;

namespace {

// Logs every call; like Ingest, it adds diagnostics of its own while rows come in.
class Logger final : public ntr::InputTableVisitor {
 public:
  explicit Logger(ntr::Diagnostics& diags, std::string throw_at = {})
      : diags_(diags), throw_at_(std::move(throw_at)) {}
  void begin_file(const std::string& path) override {
    file_ = fs::path(path).filename().string();
    log += "file " + file_ + "\n";
  }
  void end_file() override { log += "end file\n"; }
  void begin_table(const ntr::TableHeader& h) override {
    log += fmt::format("table {} rows {}-{} columns {}\n", h.sheet.name, h.first_row, h.last_row,
                       h.columns.size());
  }
  void row(std::uint32_t row, std::span<const ntr::CellView> cells) override {
    std::string line = fmt::format("row {}:", row);
    for (const auto& c : cells) line += fmt::format(" {}", c.text);
    log += line + "\n";
    if (cells.size() > 1 && cells[1].text == "odd") {
      diags_.warning("subtotal-mismatch", ntr::SourceLoc{file_, {}, 0, row, 2, false},
                     "the receiver's own finding");
    }
    if (!throw_at_.empty() && line == throw_at_) throw std::runtime_error("receiver failed");
  }
  void end_table() override { log += "end table\n"; }
  void no_table(const ntr::SheetInfo& s) override { log += "no table " + s.name + "\n"; }
  std::string log;

 private:
  ntr::Diagnostics& diags_;
  std::string file_;
  std::string throw_at_;
};

struct Folder {
  fs::path dir = fs::temp_directory_path() / fmt::format("ntr-read-tables-{}", ::getpid());
  std::vector<std::string> paths;
  Folder() { fs::create_directories(dir); }
  ~Folder() {
    std::error_code ec;
    fs::remove_all(dir, ec);
  }
  void add(const std::string& name, const std::string& bytes) {
    const std::string path = (dir / name).string();
    std::FILE* f = std::fopen(path.c_str(), "wb");
    REQUIRE(f != nullptr);
    std::fwrite(bytes.data(), 1, bytes.size(), f);
    std::fclose(f);
    paths.push_back(path);
  }
};

// A CSV table of `rows` units; every seventh has a second column "odd", every eleventh a
// value that is not a count (the detector passes it on; the receiver logs it).
std::string csv_table(int rows, int seed) {
  std::string out = "Tên đơn vị,Ghi chú,Tổng số (trong kỳ)\n";
  for (int i = 1; i <= rows; ++i) {
    out += fmt::format("Đơn vị {},{},{}\n", i + seed, i % 7 == 0 ? "odd" : "",
                       i % 11 == 0 ? "1.2a" : std::to_string(i * seed));
  }
  return out;
}

struct Run {
  std::string log;
  std::vector<std::string> diags;  // in the order added, with their sequence numbers
};

Run run(const std::vector<std::string>& paths, unsigned jobs) {
  ntr::Diagnostics diags;
  Logger logger(diags);
  ntr::read_tables(paths, {}, jobs, logger, diags);
  Run r{logger.log, {}};
  for (const auto& d : diags.all()) {
    r.diags.push_back(fmt::format("{} {}", d.seq, ntr::format_diagnostic(d)));
  }
  return r;
}

}  // namespace

TEST_CASE("Reading on several threads shows the receiver what reading in order shows it") {
  Folder folder;
  const std::string sheet = xlsx_test::sheet_xml(
      "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Đơn vị</t></is></c>"
      "<c r=\"B1\" t=\"inlineStr\"><is><t>Qua mạng</t></is></c></row>"
      "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>Sở Y tế</t></is></c>"
      "<c r=\"B2\" t=\"e\"><v>#REF!</v></c></row>");
  for (int i = 0; i < 60; ++i) {
    const std::string name = fmt::format("f{:03}", i);
    switch (i % 6) {
      case 0:
        folder.add(name + ".csv", csv_table(i * 3 + 1, i));
        break;
      case 1:
        folder.add(name + ".xlsx", xlsx_test::make_zip(xlsx_test::one_sheet(sheet)));
        break;
      case 2:
        folder.add(name + ".xlsx", "not a zip archive at all");  // a reader error
        break;
      case 3:
        folder.add(name + ".csv", "Ghi chú\nkhông có bảng\n");  // no header
        break;
      case 4:
        folder.add(name + ".csv", "Tên đơn vị,Tên đơn vị,Qua mạng\nA,B,1\n");  // detector error
        break;
      default:
        folder.add(name + ".xlsx", "");  // empty file
        break;
    }
  }
  // a reader error between rows the receiver itself finds fault with
  folder.add("e-quotes.csv",
             "Tên đơn vị,Ghi chú,Qua mạng\nĐơn vị 1,odd,5\n\"bad\"x,odd,3\nĐơn vị 2,odd,4\n");
  folder.add("g-large.csv", csv_table(30000, 3));  // many chunks
  folder.add("h-small.csv", csv_table(5, 4));
  folder.add("i-large.csv", csv_table(20000, 5));

  const Run in_order = run(folder.paths, 1);
  REQUIRE(in_order.log.find("row 30001: Đơn vị 30003 90000\n") != std::string::npos);
  REQUIRE(in_order.diags.size() > 60);
  for (unsigned jobs : {2U, 3U, 8U}) {
    INFO("jobs " << jobs);
    const Run parallel = run(folder.paths, jobs);
    CHECK(parallel.log == in_order.log);
    CHECK(parallel.diags == in_order.diags);
  }
}

TEST_CASE("A receiver that throws stops the reading threads and the exception comes through") {
  Folder folder;
  for (int i = 0; i < 40; ++i) folder.add(fmt::format("f{:03}.csv", i), csv_table(3000, i));
  ntr::Diagnostics diags;
  Logger logger(diags, "row 1500: Đơn vị 1501 2998");
  CHECK_THROWS_WITH(ntr::read_tables(folder.paths, {}, 4, logger, diags), "receiver failed");
  CHECK(logger.log.find("file f002.csv\n") != std::string::npos);
  CHECK(logger.log.find("file f003.csv\n") == std::string::npos);
}
