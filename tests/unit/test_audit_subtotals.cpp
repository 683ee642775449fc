// The audit of subtotal rows: level, group, total rows and units whose sub-units are listed,
// each count recomputed from the rows it covers and each rate from the recomputed sums.
#include <catch2/catch.hpp>

#include "audit_test_support.hpp"

using namespace ntr_test;

namespace {

// Every figure agrees (checked by hand): Sở B is the sum of its three sub-units, the level
// rows and the total (its label in the STT cell) the sums of the rows of their level.
constexpr std::string_view kDigitization =
    "STT,Đơn vị,Đã giải quyết,Chưa số hóa,Đã số hóa,Tỷ lệ số hóa kết quả\n"
    "I,Cấp tỉnh,310,12,298,\"96,13%\"\n"      // 298/310 = 96,129%
    "1,Sở A,100,10,90,90%\n"                  //
    "2,Sở B,210,2,208,\"99,05%\"\n"           // 208/210 = 99,048%
    "2.1,Văn phòng Sở B,100,1,99,99%\n"       //
    "2.2,Chi nhánh Một,60,1,59,\"98,33%\"\n"  // 59/60 = 98,333%
    "2.3,Chi nhánh Hai,50,0,50,100%\n"        //
    "II,Cấp huyện,40,0,40,100%\n"             //
    "1,Huyện Một,40,0,40,100%\n"              //
    "Tổng cộng,,350,12,338,\"96,57%\"\n";     // 338/350 = 96,571%

std::string replaced(std::string_view text, std::string_view from, std::string_view to) {
  std::string s(text);
  const auto at = s.find(from);
  REQUIRE(at != std::string::npos);
  return s.replace(at, from.size(), to);
}

}  // namespace

TEST_CASE("a clean table: no disagreement", "[audit]") {
  const AuditRun r = audit_csv(kDigitization);
  CHECK(r.lines.empty());
  CHECK(r.problems.empty());
  REQUIRE(r.report.tables.size() == 1);
  const auto& t = r.report.tables[0];
  CHECK(t.unit_rows == 5);
  CHECK(t.subtotal_rows == 4);
  CHECK(t.header_row == 1);
  // 5 units × (not digitized, digitized ≤ resolved, rate) + 4 subtotals × (3 counts, rate,
  // not digitized, digitized ≤ resolved)
  CHECK(t.checks == 39);
}

TEST_CASE("a parent, a level and a total row that disagree", "[audit]") {
  std::string text = replaced(kDigitization, "2,Sở B,210,2,208", "2,Sở B,210,2,207");
  text = replaced(text, "Tổng cộng,,350", "Tổng cộng,,355");
  text = replaced(text, "\"96,13%\"", "\"96,12%\"");
  const AuditRun r = audit_csv(text);
  CHECK(r.lines ==
        Lines{"t.csv:F2: Cấp tỉnh — Tỷ lệ số hóa kết quả: printed 96,12%, recomputed 96,13% (298 "
              "/ 310 = 96,129%)",
              "t.csv:E4: Sở B — Đã số hóa: printed 207, recomputed 208 (sum of rows 5–7 = 208)",
              "t.csv:C10: Tổng cộng — Đã giải quyết: printed 355, recomputed 350 (sum of rows 3, "
              "5–7, 9 = 350)"});
  CHECK(r.problems.empty());
}

TEST_CASE("a subtotal's rate comes from the recomputed sums, not its printed figures", "[audit]") {
  // The total row repeats a column, as the 2024 dossier table did: only the count is wrong.
  const AuditRun r =
      audit_csv(replaced(kDigitization, "Tổng cộng,,350,12,338", "Tổng cộng,,350,12,12"));
  CHECK(r.lines == Lines{"t.csv:E10: Tổng cộng — Đã số hóa: printed 12, recomputed 338 (sum of "
                         "rows 3, 5–7, 9 = 338)"});
}

TEST_CASE("a parent row that is not the sum of its listed sub-units: reported once", "[audit]") {
  // Sở B prints its own figures (no column is the sum of rows 4–5); the level row counts them.
  const AuditRun r = audit_csv(
      "STT,Đơn vị,Đã giải quyết,Chưa số hóa,Đã số hóa,Tỷ lệ số hóa kết quả\n"
      "I,Cấp tỉnh,230,11,219,\"95,22%\"\n"  // 219/230 = 95,217%
      "1,Sở B,120,10,110,\"91,67%\"\n"      // 110/120 = 91,667%
      "1.1,Chi nhánh Một,60,1,59,\"98,33%\"\n"
      "1.2,Chi nhánh Hai,50,0,50,100%\n");
  CHECK(r.lines ==
        Lines{"t.csv:C3: Sở B — Đã giải quyết: printed 120, recomputed 110 (sum of its listed "
              "sub-units, rows 4–5 = 110; no figure of the row is the sum of its sub-units, so "
              "it is read as the unit's own figures)"});
  CHECK(r.report.tables.at(0).unit_rows == 3);
  CHECK(r.report.tables.at(0).subtotal_rows == 1);
}

namespace {

// By area, as the 2023 documents table: no signed count, only the signed ratio, which tells
// each unit's signed count (99 of 100, 200, 38 of 40, 5 of 10, 15 of 20, 10, 1 of 3).
constexpr std::string_view kDocuments =
    "STT,Tên đơn vị,VB đến,VB đi,Tỷ lệ văn bản ký số\n"
    "I,\"Các Sở, ban, ngành\",300,300,\"99,67%\"\n"  // 299/300
    "1,Sở A,100,100,99%\n"
    "2,Sở B,200,200,100%\n"
    "II,UBND huyện Một,50,40,95%\n"
    ",UBND cấp xã – huyện Một,30,30,\"66,67%\"\n"  // 20/30
    "1,Xã Một,10,10,50%\n"
    "2,Phường Phủ Hà,20,20,75%\n"
    "III,UBND huyện Hai,20,10,100%\n"
    ",UBND cấp xã – huyện Hai,5,3,\"33,33%\"\n"
    "3,Xã Ba,5,3,\"33,33%\"\n"
    ",Cấp xã,35,33,\"63,64%\"\n"  // 21/33 = 63,636%
    ",Cấp huyện,70,50,96%\n"      // 48/50
    ",Cấp tỉnh,300,300,\"99,67%\"\n";

}  // namespace

TEST_CASE("by area: group rows, level rows at the foot, counts implied by printed rates",
          "[audit]") {
  const AuditRun clean = audit_csv(kDocuments);
  CHECK(clean.lines.empty());
  CHECK(clean.problems.empty());
  CHECK(clean.report.tables.at(0).unit_rows == 7);
  CHECK(clean.report.tables.at(0).subtotal_rows == 6);
  CHECK(clean.report.checks() == 7 + 6 * 3);

  std::string text = replaced(kDocuments, "1,Xã Một,10,10,50%", "1,Xã Một,10,10,51%");
  text = replaced(text, ",Cấp huyện,70,50,", ",Cấp huyện,70,51,");
  text = replaced(text, "30,30,\"66,67%\"", "30,30,\"73,33%\"");
  const AuditRun r = audit_csv(text);
  // Xã Một's 51% is no whole number of 10; 5 or 6 then stand in for it in the sums (so the
  // group row would agree with 66,67% or 70%, and "Cấp xã" agrees).
  CHECK(r.lines ==
        Lines{"t.csv:E6: UBND cấp xã – huyện Một — Tỷ lệ văn bản ký số: printed 73,33%, recomputed "
              "66,67% to 70% ((20 to 21) / 30 = 66,6667% to 70%; VB đi ký số implied by each "
              "unit's printed rate)",
              "t.csv:E7: Xã Một — Tỷ lệ văn bản ký số: printed 51%, recomputed 50% or 60% (no "
              "whole number of VB đi ký số out of 10 gives 51%: 5 / 10 = 50%, 6 / 10 = 60%)",
              "t.csv:D13: Cấp huyện — VB đi: printed 51, recomputed 50 (sum of rows 5, 9 = 50)"});
}

TEST_CASE("a level row that breaks a unit row's invariant, its rows not all matched", "[audit]") {
  // The rows cannot be summed (one name matches no unit), but the level row prints more
  // dossiers online than received: a subtotal over different units in different columns.
  const AuditRun r = audit_csv(
      "STT,Đơn vị,Tổng số (trong kỳ),Trực tiếp,Qua mạng,Qua BCCI\n"
      "I,Cấp xã,30,2,40,\n"
      "1,Xã Một,30,0,30,\n"
      "2,Xã Không Có,,2,10,\n");
  CHECK(r.lines == Lines{"t.csv:E2: Cấp xã — Qua mạng: printed 40, recomputed at most 30 (Qua "
                         "mạng ≤ Tổng số (trong kỳ) = 30)"});
}

TEST_CASE("rows with blank figures stay out of the sums of their group, as in a build", "[audit]") {
  // Xã Một prints no "Quá hạn": its dossiers resolved are not in the level's sums; its
  // dossiers received are.
  const AuditRun r = audit_csv(
      "STT,Đơn vị,Tổng số (trong kỳ),Trực tiếp,Qua mạng,Qua BCCI,Trước hạn,Đúng hạn,Quá hạn\n"
      "I,Cấp xã,42,2,40,0,26,15,1\n"
      "1,Xã Một,30,0,30,0,20,10,\n"
      "2,Phường Phủ Hà,12,2,10,0,6,5,1\n");
  CHECK(r.lines ==
        Lines{"t.csv:G2: Cấp xã — Trước hạn: printed 26, recomputed 6 (sum of row 4 = 6; row 3 "
              "left out, with blank figures)",
              "t.csv:H2: Cấp xã — Đúng hạn: printed 15, recomputed 5 (sum of row 4 = 5; row 3 "
              "left out, with blank figures)"});
}
