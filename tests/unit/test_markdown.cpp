#include <catch2/catch.hpp>

#include "../support/sample_docs.hpp"
#include "../support/scratch_dir.hpp"
#include "ntreport/write/markdown.hpp"

using namespace ntr;

TEST_CASE("render_markdown: two-row header flattened, bold group rows, escaped pipe") {
  const std::string expected =
      "## Kết quả tiếp nhận hồ sơ\n"
      "(Từ ngày 01/01/2024 đến ngày 28/8/2024)\n"
      "\n"
      "| STT | Đơn vị | Tiếp nhận – Tổng số | Tiếp nhận – Qua mạng | Tỷ lệ HS qua mạng |\n"
      "| --- | --- | ---: | ---: | ---: |\n"
      "| **I** | **Cấp tỉnh** | **1.250** | **696** | **55,68%** |\n"
      "| 1 | Sở Tư pháp \\| Thanh tra | 1.000 | 613 | 61,3% |\n"
      "| 2 | Sở Tài nguyên và Môi trường | 250 | 83 | 33,2% |\n"
      "| 2.1 | Văn phòng Sở | 250 | 83 | 33,2% |\n"
      "| 3 | =SUM(A1) |  |  |  |\n"
      "| **II** | **Cấp xã** | **3** | **2** | **66,67%** |\n"
      "| 1 | Xã Phước Hà | 3 | 2 | 66,67% |\n"
      "| 2 | Xã Lợi Hải | 0 | 0 | - |\n"
      "|  | **Tổng cộng** | **1.253** | **698** | **55,71%** |\n";
  CHECK(render_markdown(sample::dossiers()) == expected);
}

TEST_CASE("render_markdown: no period line, newlines become spaces, row text as fallback") {
  ReportDoc doc;
  doc.title = "Bảng\nthử";
  doc.columns = {{"", "STT", ColumnKind::stt, "stt", ""},
                 {"", "Tên", ColumnKind::label, "name", ""},
                 {"", "Ghi\r\nchú", ColumnKind::text, "note", ""}};
  Row row;
  row.stt = "1";  // the stt and label cells are left empty: the row's own text shows
  row.label = "Xã A|B";
  row.cells = {Cell{}, Cell{}, sample::text("dòng 1\ndòng 2\r\ndòng 3|x")};
  Row bold_row;
  bold_row.bold = true;
  bold_row.label = "Cộng";
  doc.rows = {row, bold_row};
  const std::string expected =
      "## Bảng thử\n"
      "\n"
      "| STT | Tên | Ghi chú |\n"
      "| --- | --- | --- |\n"
      "| 1 | Xã A\\|B | dòng 1 dòng 2 dòng 3\\|x |\n"
      "|  | **Cộng** |  |\n";
  CHECK(render_markdown(doc) == expected);
}

TEST_CASE("render_markdown: one-row header, by-area layout with a group row") {
  const std::string expected =
      "## Số lượng văn bản đi, đến và tỷ lệ văn bản ký số\n"
      "\n"
      "| STT | Tên đơn vị | VB đến | VB đi | Tỷ lệ văn bản ký số |\n"
      "| --- | --- | ---: | ---: | ---: |\n"
      "| **I** | **Các Sở, ban, ngành** | **120** | **80** | **98,75%** |\n"
      "| 1 | Sở Nội vụ | 120 | 80 | 98,75% |\n"
      "| **II** | **UBND huyện Bác Ái** | **50** | **40** | **100%** |\n"
      "|  | **UBND cấp xã – huyện Bác Ái** | **30** | **20** | **95%** |\n"
      "| 1 | Xã Phước Bình | 30 | 20 | 95% |\n"
      "|  | **Cấp xã** | **30** | **20** | **95%** |\n"
      "|  | **Cấp huyện** | **50** | **40** | **100%** |\n"
      "|  | **Cấp tỉnh** | **120** | **80** | **98,75%** |\n";
  CHECK(render_markdown(sample::documents()) == expected);
}

TEST_CASE("write_markdown: the documents streamed to a file, a blank line between them") {
  const test::ScratchDir dir;
  const ReportDoc first = sample::dossiers();
  const ReportDoc second = sample::documents();
  Diagnostics diags;
  REQUIRE(write_markdown(dir.str("a.md"), {&first, &second}, diags));
  CHECK(test::read_file(dir.path() / "a.md") ==
        render_markdown(first) + "\n" + render_markdown(second));
  CHECK(diags.error_count() == 0);
}

TEST_CASE("write_markdown: a folder that does not exist is an io-error") {
  const test::ScratchDir dir;
  const ReportDoc doc = sample::dossiers();
  Diagnostics diags;
  CHECK_FALSE(write_markdown(dir.str("missing/a.md"), {&doc}, diags));
  REQUIRE(diags.error_count() == 1);
  CHECK(diags.sorted()[0].code.name() == "io-error");
}
