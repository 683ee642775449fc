// The audit of unit rows: each printed rate from the row's own figures, the row's invariants.
#include <catch2/catch.hpp>

#include "audit_test_support.hpp"

using namespace ntr_test;

TEST_CASE("a zero denominator explains 0, 0% and - only; 0 is a rate like any other", "[audit]") {
  const AuditRun r = audit_csv(
      "STT,Tên đơn vị,Tổng HS có nghĩa vụ tài chính,Số HS đã TTTT,Tỷ lệ TTTT (%),"
      "Tỷ lệ TT trực tiếp (%)\n"
      "1,Sở A,0,0,0,0\n"
      "2,Sở B,0,0,-,-\n"
      "1,Huyện Một,0,0,100%,0%\n"
      "2,Huyện Hai,97,0,0,0\n"
      "1,Xã Một,8,3,\"37,5%\",-\n"
      "2,Phường Phủ Hà,3,4,100%,0\n"
      "3,Xã Ba,111,107,\"96,4%\",\"3,60%\"\n");
  CHECK(r.lines ==
        Lines{"t.csv:E4: Huyện Một — Tỷ lệ TTTT (%): printed 100%, recomputed - (0 / 0: the "
              "denominator is 0)",
              "t.csv:F5: Huyện Hai — Tỷ lệ TT trực tiếp (%): printed 0, recomputed 100% ((97 − "
              "0) / 97 = 100%)",
              "t.csv:F6: Xã Một — Tỷ lệ TT trực tiếp (%): printed -, recomputed 62,5% ((8 − 3) / "
              "8 = 62,5%)",
              "t.csv:D7: Phường Phủ Hà — Số HS đã TTTT: printed 4, recomputed at most 3 (Số HS "
              "đã TTTT ≤ Tổng HS có nghĩa vụ tài chính = 3)",
              "t.csv:E7: Phường Phủ Hà — Tỷ lệ TTTT (%): printed 100%, recomputed 133,33% (4 / 3 "
              "= 133,3333%)",
              "t.csv:F7: Phường Phủ Hà — Tỷ lệ TT trực tiếp (%): printed 0, recomputed -33,33% "
              "((3 − 4) / 3 = -33,3333%)"});
  CHECK(r.problems.empty());
  REQUIRE(r.report.tables.size() == 1);
  CHECK(r.report.tables[0].unit_rows == 7);
  CHECK(r.report.tables[0].subtotal_rows == 0);
}

TEST_CASE("rates are compared at the table's two decimals, trailing zeros dropped", "[audit]") {
  const AuditRun r = audit_csv(
      "STT,Đơn vị,Đã giải quyết,Chưa số hóa,Đã số hóa,Tỷ lệ số hóa kết quả\n"
      "1,Sở A,72351,54,72297,\"99,92%\"\n"   // truncated: 99,9254% is 99,93%
      "2,Sở B,10000,337,9663,\"96,6%\"\n"    // 96,63% printed as 96,6%: not this table's 96,60%
      "1,Huyện Một,1000,34,966,\"96,6%\"\n"  // 96,60% with its zero dropped
      "2,Huyện Hai,1063,388,675,63.50%\n"    // 63,4995%, with a dot for the comma
      "1,Xã Một,10,3,8,80%\n"
      "2,Xã Ba,5,0,6,100%\n");
  CHECK(r.lines ==
        Lines{"t.csv:F2: Sở A — Tỷ lệ số hóa kết quả: printed 99,92%, recomputed 99,93% (72.297 / "
              "72.351 = 99,9254%)",
              "t.csv:F3: Sở B — Tỷ lệ số hóa kết quả: printed 96,6%, recomputed 96,63% (9.663 / "
              "10.000 = 96,63%)",
              "t.csv:D6: Xã Một — Chưa số hóa: printed 3, recomputed 2 (Đã giải quyết − Đã số "
              "hóa = 10 − 8 = 2)",
              "t.csv:D7: Xã Ba — Chưa số hóa: printed 0, recomputed -1 (Đã giải quyết − Đã số "
              "hóa = 5 − 6 = -1)",
              "t.csv:E7: Xã Ba — Đã số hóa: printed 6, recomputed at most 5 (Đã số hóa ≤ Đã giải "
              "quyết = 5)",
              "t.csv:F7: Xã Ba — Tỷ lệ số hóa kết quả: printed 100%, recomputed 120% (6 / 5 = "
              "120%)"});
  CHECK(r.problems.empty());
  CHECK(r.report.tables.at(0).precision == 2);
}

TEST_CASE("a table that prints one decimal is compared at one decimal", "[audit]") {
  const AuditRun r = audit_csv(
      "STT,Đơn vị,Đã giải quyết,Chưa số hóa,Đã số hóa,Tỷ lệ số hóa kết quả\n"
      "1,Sở A,10000,337,9663,\"96,6%\"\n"  // 96,63%
      "2,Sở B,3,1,2,\"66,7%\"\n"           // 66,667%
      "1,Huyện Một,3,2,1,\"33,4%\"\n");    // 33,333%: 33,3%
  CHECK(r.lines == Lines{"t.csv:F4: Huyện Một — Tỷ lệ số hóa kết quả: printed 33,4%, recomputed "
                         "33,3% (1 / 3 = 33,333%)"});
  CHECK(r.report.tables.at(0).precision == 1);
}

TEST_CASE("channels that do not sum to the total", "[audit]") {
  const AuditRun r = audit_csv(
      "STT,Đơn vị,Tổng số (trong kỳ),Trực tiếp,Qua mạng,Qua BCCI,Trước hạn,Đúng hạn,Quá hạn,"
      "\"Tỷ lệ trước hạn, đúng hạn\",Tỷ lệ HS qua mạng\n"
      "1,Sở A,100,11,90,0,50,40,1,\"98,9%\",90%\n"
      "2,Sở B,1.000,0,1.000,0,0,0,0,-,100%\n");
  CHECK(r.lines == Lines{"t.csv:C2: Sở A — Tổng số (trong kỳ): printed 100, recomputed 101 (Trực "
                         "tiếp + Qua mạng + Qua BCCI = 11 + 90 + 0 = 101)"});
}

TEST_CASE("unmatched names are reported with suggestions, and subtotals left unchecked",
          "[audit]") {
  const AuditRun r = audit_csv(
      "STT,Đơn vị,Đã giải quyết,Chưa số hóa,Đã số hóa,Tỷ lệ số hóa kết quả\n"
      "I,Cấp tỉnh,100,10,90,80%\n"
      "1,Sở A,60,5,55,\"91,67%\"\n"
      "2,Sở Ạ,40,5,35,\"87,6%\"\n"
      ",Ghi chú: số liệu tạm tính,,,,\n");
  // the unmatched row's own rate is still checked; the level row is not
  CHECK(r.lines == Lines{"t.csv:F4: Sở Ạ — Tỷ lệ số hóa kết quả: printed 87,6%, recomputed 87,5% "
                         "(35 / 40 = 87,5%)"});
  CHECK(r.problems ==
        Lines{"t.csv: warning[not-checked]: the subtotal rows are not checked: some rows name no "
              "registry unit, so which rows each subtotal covers is not known (add an alias for "
              "each unmatched name (--aliases) and run again)",
              "t.csv:B4: error[unknown-unit]: no unit in the registry is named \"Sở Ạ\" (did you "
              "mean 'Sở A' or 'Sở B'? for the first, add the line `Sở Ạ,a` to the aliases file; "
              "`ntreport units TEXT` lists the codes)"});
  CHECK(r.report.tables.at(0).unit_rows == 2);
  CHECK(r.report.tables.at(0).subtotal_rows == 1);
}

TEST_CASE("cells that are neither counts nor rates", "[audit]") {
  const AuditRun r = audit_csv(
      "STT,Đơn vị,Đã giải quyết,Chưa số hóa,Đã số hóa,Tỷ lệ số hóa kết quả\n"
      "I,Cấp tỉnh,100,10,90,90%\n"
      "1,Sở A,60,5,5a5,\"91,67%\"\n"
      "2,Sở B,40,5,35,abc\n");
  CHECK(r.lines.empty());  // nothing that depends on E3 is checked
  CHECK(r.problems ==
        Lines{"t.csv:E3: error[not-a-count]: \"Đã số hóa\" expects a whole number ≥ 0, got \"5a5\"",
              "t.csv:F4: error[not-a-rate]: \"Tỷ lệ số hóa kết quả\" expects a percentage such as "
              "99,83%, got \"abc\""});
  // Sở B's invariants, the level row's two other counts and its invariants (a subtotal keeps
  // those of a unit row)
  CHECK(r.report.checks() == 6);
}

TEST_CASE("numbers stored by a spreadsheet: counts, and rates as percent-formatted fractions",
          "[audit]") {
  using ntr::CellType;
  auto text = [](std::uint32_t col, const char* t) {
    return ntr::OwnedCell{col, CellType::text, t};
  };
  auto num = [](std::uint32_t col, const char* t) {
    return ntr::OwnedCell{col, CellType::number, t};
  };
  ntr::OwnedSheet sheet;
  sheet.info = ntr::SheetInfo{"t.xlsx", "Phụ lục 2", 0, true, false};
  sheet.rows = {
      {1,
       {text(1, "Đơn vị"), text(2, "Đã giải quyết"), text(3, "Đã số hóa"),
        text(4, "Tỷ lệ số hóa kết quả")}},
      {2, {text(1, "Sở A"), num(2, "72351"), num(3, "72297"), num(4, "0.99929999999999997")}},
      // a formula's cached result, unrounded: shown as 99,93%
      {3, {text(1, "Sở B"), num(2, "72351"), num(3, "72297"), num(4, "0.99925363851225273")}},
      {4, {text(1, "Huyện Một"), num(2, "3"), num(3, "1"), num(4, "0.33400000000000002")}},
      {5,
       {text(1, "Huyện Hai"), num(2, "0"), num(3, "0"),
        ntr::OwnedCell{4, CellType::error, "#DIV/0!"}}},
  };
  const AuditRun r = audit_sheet(sheet, audit_registry());
  CHECK(r.lines == Lines{"t.xlsx:'Phụ lục 2'!D4: Huyện Một — Tỷ lệ số hóa kết quả: printed 33,4%, "
                         "recomputed 33,33% (1 / 3 = 33,3333%)"});
  CHECK(r.problems.empty());
}

TEST_CASE("the payment table's headers as the 2024 letter prints them", "[audit]") {
  const auto paid = ntr::lookup_header("Số HS đã TTTT cổng DVC QG");
  REQUIRE(paid.has_value());
  CHECK(paid->role == ntr::ColumnRole::field);
  CHECK(paid->field == ntr::Field::paid_online);
  const auto rate = ntr::lookup_header("Tỷ lệ TTTT cổng DVC QG (%)");
  REQUIRE(rate.has_value());
  CHECK(rate->role == ntr::ColumnRole::rate);
  CHECK(rate->rate == ntr::Rate::paid_online_ratio);
}
