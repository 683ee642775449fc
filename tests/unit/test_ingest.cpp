#include <catch2/catch.hpp>

#include "ntreport/ingest/ingest.hpp"
#include "ntreport/read/csv.hpp"
#include "ntreport/read/header.hpp"
#include "test_support.hpp"

using namespace ntr;

namespace {

constexpr std::string_view kRegistry =
    "code,name,level,parent,area,kind,aliases\n"
    "a,Sở A,tinh,,,so,\n"
    "b,Sở B,tinh,,,so,\n"
    "b.vp,Văn phòng Sở B,tinh,b,,van-phong,\n"
    "b.cn,Chi nhánh Sở B,tinh,b,,nhom,\n"
    "h1,UBND huyện Một,huyen,,,huyen,Huyện Một\n"
    "h1.x1,Xã Một,xa,,h1,xa,\n"
    "h1.x2,Phường Phủ Hà,xa,,h1,phuong,\n";

struct Run {
  Figures figures;
  std::vector<std::string> messages;
  const Registry* reg;
  [[nodiscard]] const Values& of(const std::string& code) const {
    return figures.own.at(static_cast<std::size_t>(reg->find_code(code)));
  }
};

const Registry& registry() {
  static const Registry r = ntr_test::registry_of(kRegistry);
  return r;
}

Run ingest(const std::vector<std::pair<std::string, std::string>>& files) {
  Diagnostics diags;
  Ingest in(registry(), diags);
  HeaderDetector det(in, diags);
  for (const auto& [name, text] : files) {
    in.begin_file(name);
    read_csv_text(text, name, det, diags);
    in.end_file();
  }
  Run run{in.finish(), {}, &registry()};
  for (const auto& d : diags.sorted()) run.messages.push_back(format_diagnostic(d));
  return run;
}

}  // namespace

TEST_CASE("unit rows add up; level, group, total and parent rows are checked, not added") {
  const Run r = ingest({{"t.csv",
                         "Bảng 1\n"
                         "STT,Đơn vị,VB đến,VB đi\n"
                         "I,Cấp tỉnh,16,8\n"
                         "1,Sở A,10,5\n"
                         "2,Sở B,6,3\n"
                         "2.1,Văn phòng Sở B,4,2\n"
                         "2.2,Chi nhánh Sở B,2,1\n"
                         "II,Huyện Một,1,1\n"
                         ",UBND cấp xã – huyện Một,5,5\n"
                         "1,Xã Một,2,2\n"
                         "2,Phường Phủ Hà,3,2\n"
                         ",Tổng cộng,22,14\n"}});
  CHECK(r.messages ==
        std::vector<std::string>{
            "t.csv:A2: warning[partial-figures]: the table has no column \"VB đi ký số\": "
            "without it, \"VB đi\" of 'Sở A', 'Văn phòng Sở B', 'Chi nhánh Sở B' and 3 more "
            "are left out of the level, area and total rows (add a column \"VB đi ký số\")",
            "t.csv:D9: warning[subtotal-mismatch]: \"VB đi\" of \"UBND cấp xã – huyện "
            "Một\" is 5, but the rows it covers sum to 4",
            "t.csv:D12: warning[subtotal-mismatch]: \"VB đi\" of \"Tổng cộng\" is 14, "
            "but the rows it covers sum to 13"});
  CHECK(r.of("a").get(Field::docs_in) == 10);
  CHECK_FALSE(r.of("b").has(Field::docs_in));  // listed with its children: a subtotal
  CHECK(r.of("b.vp").get(Field::docs_out) == 2);
  CHECK(r.of("h1").get(Field::docs_in) == 1);
  CHECK(r.of("h1.x2").get(Field::docs_in) == 3);
  CHECK(r.figures.unit_rows == 6);
}

TEST_CASE("counts that are not counts, units that are not units") {
  const Run r = ingest({{"u.csv",
                         "Đơn vị;Qua mạng;Trực tiếp;Qua BCCI\n"
                         "Sở A;1.3a2;-5;0\n"
                         "Phường Phú Hà;1;2;3\n"
                         "Xã Không Có;1;1;1\n"
                         ";4;4;4\n"
                         "Ghi chú: số liệu tạm tính;;;\n"}});
  CHECK(
      r.messages ==
      std::vector<std::string>{
          "u.csv:B2: error[not-a-count]: \"Qua mạng\" expects a whole number ≥ 0, got \"1.3a2\"",
          "u.csv:C2: error[not-a-count]: \"Trực tiếp\" expects a whole number ≥ 0, got \"-5\" "
          "(counts cannot be negative)",
          "u.csv:A3: error[unknown-unit]: no unit in the registry is named \"Phường Phú Hà\" (did "
          "you mean 'Phường Phủ Hà'? if so, add the line `Phường Phú Hà,h1.x2` to the aliases "
          "file)",
          "u.csv:A4: error[unknown-unit]: no unit in the registry is named \"Xã Không Có\" (find "
          "the code with `ntreport units TEXT` and add the line `Xã Không Có,CODE` to the "
          "aliases file)",
          "u.csv:A5: error[unknown-unit]: the row has figures but no unit name or code"});
}

TEST_CASE("a count that is not one gets a hint where one helps") {
  const Run r = ingest({{"h.csv",
                         "Đơn vị;VB đến;VB đi;VB đi ký số\n"
                         "Sở A;1,5;12.5;0.25\n"
                         "Sở B;-;x;(3)\n"
                         "Xã Một;12 văn bản;12 345 678 9;abc\n"}});
  const std::string expects = "error[not-a-count]: \"VB đến\" expects a whole number ≥ 0, got ";
  const std::string fraction =
      " (a count is a whole number; '.' and ',' only group thousands, as in 98.076)";
  const std::string empty = " (leave the cell empty when not reported, or write 0)";
  CHECK(
      r.messages ==
      std::vector<std::string>{
          "h.csv:B2: " + expects + "\"1,5\"" + fraction,
          "h.csv:C2: error[not-a-count]: \"VB đi\" expects a whole number ≥ 0, got \"12.5\"" +
              fraction,
          "h.csv:D2: error[not-a-count]: \"VB đi ký số\" expects a whole number ≥ 0, got "
          "\"0.25\"" +
              fraction,
          "h.csv:B3: " + expects + "\"-\"" + empty,
          "h.csv:C3: error[not-a-count]: \"VB đi\" expects a whole number ≥ 0, got \"x\"" + empty,
          "h.csv:D3: error[not-a-count]: \"VB đi ký số\" expects a whole number ≥ 0, got \"(3)\" "
          "(counts cannot be negative)",
          "h.csv:B4: " + expects +
              "\"12 văn bản\" (write the number alone, without words or units)",
          "h.csv:C4: error[not-a-count]: \"VB đi\" expects a whole number ≥ 0, got \"12 345 678 "
          "9\"",
          "h.csv:D4: error[not-a-count]: \"VB đi ký số\" expects a whole number ≥ 0, got \"abc\""});
}

TEST_CASE("the same figure twice: an error naming both places, or a warning when equal") {
  const Run r = ingest({{"a.csv", "Đơn vị,VB đến,VB đi,VB đi ký số\nSở A,10,5,4\n"},
                        {"b.csv", "Tên đơn vị,VB đến,VB đi\nSở A,10,6\n"},
                        {"c.csv", "Mã đơn vị;VB đi ký số;VB đến;VB đi\na;4;10;5\n"}});
  CHECK(r.messages ==
        std::vector<std::string>{
            "b.csv:B2: warning[duplicate-figure]: \"VB đến\" of \"Sở A\" is 10 here and at "
            "a.csv:B2 too (give each figure of a unit in one place only)",
            "b.csv:C2: error[duplicate-conflict]: \"VB đi\" of \"Sở A\" is 6 here but 5 "
            "at a.csv:C2 (keep the right value in one of the two places)",
            "c.csv:C2: warning[duplicate-figure]: \"VB đến\" of \"Sở A\" is 10 here and at "
            "a.csv:B2 too, as are 2 more of this row (give each figure of a unit in one place "
            "only)"});
}

TEST_CASE("invariants of docs/spec.md §2.4, and the totals a file may leave out") {
  const Run r =
      ingest({{"h.csv",
               "Mã đơn vị,Tổng số (trong kỳ),Trực tiếp,Qua mạng,Qua BCCI\n"
               "a,10,1,2,3\n"
               "b.vp,,1,2,3\n"},
              {"s.csv",
               "Đơn vị,Đã giải quyết,Đã số hóa,Chưa số hóa\nSở A,5,6,\nXã Một,10,7,\nPhường Phủ "
               "Hà,10,7,2\n"},
              {"t.csv", "Đơn vị,Tổng HS có nghĩa vụ tài chính,Số HS đã TTTT\nXã Một,3,4\n"}});
  CHECK(
      r.messages ==
      std::vector<std::string>{
          "h.csv:B2: error[channels-dont-sum]: \"Tổng số (trong kỳ)\" of \"Sở A\" is 10, but "
          "\"Trực tiếp\" + \"Qua mạng\" + \"Qua BCCI\" = 1 + 2 + 3 = 6",
          "h.csv:B3: note[derived-figure]: \"Tổng số (trong kỳ)\" of \"Văn phòng Sở B\" is "
          "blank; derived as \"Trực tiếp\" + \"Qua mạng\" + \"Qua BCCI\" = 1 + 2 + 3 = 6",
          "s.csv:C2: error[digitized-exceeds-resolved]: \"Đã số hóa\" of \"Sở A\" is 6, more than "
          "\"Đã giải quyết\" (5)",
          "s.csv:D3: note[derived-figure]: \"Chưa số hóa\" of \"Xã Một\" is blank; derived as "
          "\"Đã giải quyết\" − \"Đã số hóa\" = 10 − 7 = 3",
          "s.csv:D4: error[not-digitized-mismatch]: \"Chưa số hóa\" of \"Phường Phủ Hà\" is 2, but "
          "\"Đã giải quyết\" − \"Đã số hóa\" = 10 − 7 = 3",
          "t.csv:C2: error[paid-exceeds-with-fee]: \"Số HS đã TTTT\" of \"Xã Một\" is 4, more than "
          "\"Tổng HS có nghĩa vụ tài chính\" (3)"});
  CHECK(r.of("b.vp").get(Field::received) == 6);        // derived from the channels
  CHECK(r.of("h1.x1").get(Field::not_digitized) == 3);  // derived: resolved − digitized
  CHECK(r.figures.invalid.at(static_cast<std::size_t>(registry().find_code("a"))) ==
        (field_bit(Field::received) | field_bit(Field::received_direct) |
         field_bit(Field::received_online) | field_bit(Field::received_postal) |
         field_bit(Field::resolved) | field_bit(Field::digitized)));
}

TEST_CASE("blank figures: derived when the others give them exactly, else named") {
  const Run r = ingest(
      {{"h.csv",
        "Mã đơn vị,Tổng số (trong kỳ),Trực tiếp,Qua mạng,Qua BCCI,Trước hạn,Đúng hạn,Quá hạn\n"
        "a,10,1,9,,5,5,0\n"      // one channel blank: 10 − 1 − 9 = 0
        "b.vp,10,1,,,5,5,\n"     // two channels and one late count blank: named
        "b.cn,10,8,4,,1,1,1\n"   // the channels given already exceed the total
        "h1.x1,,1,2,,1,1,1\n"},  // no total and a channel blank: nothing derived
       {"s.csv", "Đơn vị,Đã số hóa,Chưa số hóa\nPhường Phủ Hà,7,3\n"}});
  CHECK(r.messages ==
        std::vector<std::string>{
            "h.csv:E2: note[derived-figure]: \"Qua BCCI\" of \"Sở A\" is blank; derived as "
            "\"Tổng số (trong kỳ)\" − \"Trực tiếp\" − \"Qua mạng\" = 10 − 1 − 9 = 0",
            "h.csv:D3: warning[partial-figures]: \"Qua mạng\" of \"Văn phòng Sở B\" is blank, but "
            "\"Tổng số (trong kỳ)\" and \"Trực tiếp\" are given: the unit is left out of the sums "
            "of these figures in the level, area and total rows (a blank is not 0: write 0 if "
            "there were none)",
            "h.csv:E3: warning[partial-figures]: \"Qua BCCI\" of \"Văn phòng Sở B\" is blank, but "
            "\"Tổng số (trong kỳ)\" and \"Trực tiếp\" are given: the unit is left out of the sums "
            "of these figures in the level, area and total rows (a blank is not 0: write 0 if "
            "there were none)",
            "h.csv:H3: warning[partial-figures]: \"Quá hạn\" of \"Văn phòng Sở B\" is blank, but "
            "\"Trước hạn\" and \"Đúng hạn\" are given: the unit is left out of the sums of these "
            "figures in the level, area and total rows (a blank is not 0: write 0 if there were "
            "none)",
            "h.csv:B4: error[channels-dont-sum]: \"Tổng số (trong kỳ)\" of \"Chi nhánh Sở B\" is "
            "10, but \"Trực tiếp\" + \"Qua mạng\" = 8 + 4 = 12 already",
            "h.csv:E5: warning[partial-figures]: \"Qua BCCI\" of \"Xã Một\" is blank, but "
            "\"Trực tiếp\" and \"Qua mạng\" are given: the unit is left out of the sums of these "
            "figures in the level, area and total rows (a blank is not 0: write 0 if there were "
            "none)",
            "s.csv:A1: note[derived-figure]: the table has no column \"Đã giải quyết\": it is "
            "derived from the other figures of 'Phường Phủ Hà'"});
  CHECK(r.of("a").get(Field::received_postal) == 0);
  CHECK_FALSE(r.of("b.vp").has(Field::received_online));
  CHECK_FALSE(r.of("h1.x1").has(Field::received));
  CHECK(r.of("h1.x2").get(Field::resolved) == 10);  // 7 + 3
}

TEST_CASE("a file without any table") {
  const Run r = ingest({{"n.csv", "Báo cáo\nkhông có bảng\n"}});
  REQUIRE(r.messages.size() == 1);
  CHECK(r.messages[0].rfind("n.csv: error[no-header]: no table header found;", 0) == 0);
}

TEST_CASE("a workbook without worksheets is said so, unless its reader said why") {
  Diagnostics diags;
  Ingest in(registry(), diags);
  in.begin_file("charts-only.xlsx");
  in.end_file();
  in.begin_file("broken.xlsx");
  diags.error("not-a-workbook", SourceLoc{"broken.xlsx", "", 0, 0, 0, false}, "not a zip");
  in.end_file();
  in.finish();
  std::vector<std::string> messages;
  for (const auto& d : diags.sorted()) messages.push_back(format_diagnostic(d));
  CHECK(messages == std::vector<std::string>{
                        "broken.xlsx: error[not-a-workbook]: not a zip",
                        "charts-only.xlsx: error[no-header]: the workbook has no worksheet; "
                        "expected a sheet holding a table"});
}
