#include <catch2/catch.hpp>

#include "../support/sample_docs.hpp"
#include "ntreport/write/xlsx_layout.hpp"

using namespace ntr;

TEST_CASE("sanitize_sheet_name follows Excel's rules") {
  CHECK(sanitize_sheet_name("Văn bản: đi/đến [2023]?") == "Văn bản- đi-đến -2023--");
  CHECK(sanitize_sheet_name("a*b\\c") == "a-b-c");
  CHECK(sanitize_sheet_name("'Quoted'") == "Quoted");
  CHECK(sanitize_sheet_name("  PL1\tHồ sơ  ") == "PL1 Hồ sơ");
  // 31 characters at most; the cut leaves a trailing space, which goes too
  CHECK(sanitize_sheet_name("Kết quả tiếp nhận, xử lý hồ sơ trên hệ thống") ==
        "Kết quả tiếp nhận, xử lý hồ sơ");
  CHECK(sanitize_sheet_name("   ").empty());
}

TEST_CASE("SheetNames: sanitised, never empty, unique ignoring case") {
  std::vector<ReportDoc> docs(8);
  docs[0].sheet_name = "Hồ sơ";
  docs[1].sheet_name = "hồ sơ";
  docs[2].sheet_name = "HỒ SƠ";
  docs[3].id = "van-ban";
  docs[4].sheet_name = "history";
  docs[5].sheet_name = "Kết quả tiếp nhận, xử lý hồ sơ trên hệ thống";
  docs[6].sheet_name = "Kết quả tiếp nhận, xử lý hồ sơ trên hệ thống";
  // docs[7] has neither a sheet name nor an id
  SheetNames names;
  std::vector<std::string> given;
  for (const auto& doc : docs) given.push_back(names.next(doc));
  CHECK(given == std::vector<std::string>{
                     "Hồ sơ",
                     "hồ sơ (2)",
                     "HỒ SƠ (3)",
                     "van-ban",
                     "history (2)",
                     "Kết quả tiếp nhận, xử lý hồ sơ",
                     "Kết quả tiếp nhận, xử lý hồ (2)",
                     "Phụ lục 8",
                 });
}

TEST_CASE("column_widths fit the longest text and header word, with a margin") {
  // STT: "2.1" and "STT" are 3 wide, below the minimum of 5. Label: "Sở Tài nguyên và Môi
  // trường" is 27 code points; "Văn phòng Sở" at depth 1 is 12 + 2. The bold total "1.253" is
  // 5 × 1.1 → 6; the header "Qua mạng" needs its longest word, 4; "Tỷ lệ HS qua mạng" a third
  // of 17 → 6, the bold "55,71%" 6 × 1.1 → 7.
  CHECK(column_widths(sample::dossiers()) == std::vector<double>{5, 29, 8, 6, 9});

  ReportDoc doc;
  doc.columns = {{"", "Tên", ColumnKind::label, "name", ""}};
  Row deep;
  deep.kind = RowKind::unit;
  deep.label = "A";
  deep.depth = 20;
  doc.rows = {deep};
  CHECK(column_widths(doc) == std::vector<double>{43});  // 1 + 2 × 20 + 2
  doc.rows[0].label = std::string(70, 'x');
  CHECK(column_widths(doc) == std::vector<double>{60});
}

TEST_CASE("wrapped_lines breaks at spaces, and inside words wider than the cell") {
  CHECK(wrapped_lines("Tỷ lệ HS qua mạng", 7) == 3);  // 6 per line: "Tỷ lệ" "HS qua" "mạng"
  CHECK(wrapped_lines("Tỷ lệ HS qua mạng", 20) == 1);
  CHECK(wrapped_lines("abcdefghij", 5) == 3);
  CHECK(wrapped_lines("", 10) == 1);
  CHECK(wrapped_lines("a\nb", 10) == 2);
}

TEST_CASE("group_spans joins consecutive columns of one group") {
  const auto spans = group_spans(sample::dossiers());
  REQUIRE(spans.size() == 1);
  CHECK(spans[0].first == 2);
  CHECK(spans[0].last == 3);
  CHECK(spans[0].text == "Tiếp nhận");
  CHECK(has_two_row_header(sample::dossiers()));
  CHECK_FALSE(has_two_row_header(sample::documents()));

  ReportDoc doc;
  doc.columns = {{"A", "x", ColumnKind::count, "", ""},
                 {"A", "y", ColumnKind::count, "", ""},
                 {"", "z", ColumnKind::count, "", ""},
                 {"A", "w", ColumnKind::count, "", ""}};
  const auto split = group_spans(doc);
  REQUIRE(split.size() == 2);
  CHECK(split[0].first == 0);
  CHECK(split[0].last == 1);
  CHECK(split[1].first == 3);
  CHECK(split[1].last == 3);
}
