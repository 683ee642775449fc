// The audit on the published tables (tests/fixtures/audit/, as printed): a clean copy of a
// table agrees everywhere, and errors injected into it are found, each at every cell it
// reaches, and nothing else.
#include <catch2/catch.hpp>

#include "audit_test_support.hpp"
#include "ntreport/pipeline.hpp"

using namespace ntr_test;

namespace {

const ntr::Registry& registry_with(const std::string& aliases) {
  static std::map<std::string, ntr::Registry> cache;
  auto it = cache.find(aliases);
  if (it == cache.end()) {
    ntr::SourceSettings config;
    config.aliases = {std::string(NTR_SOURCE_DIR) + "/" + aliases};
    ntr::Diagnostics diags;
    auto r = ntr::load_registry(config, diags);
    REQUIRE(messages(diags).empty());
    it = cache.emplace(aliases, std::move(*r)).first;
  }
  return it->second;
}

AuditRun audit_fixture(const std::string& name, const std::string& aliases,
                       const std::map<std::string, std::string>& edits) {
  ntr::OwnedSheet sheet = csv_file_sheet("tests/fixtures/audit/" + name);
  sheet.info.file = name;
  return audit_sheet(with_cells(std::move(sheet), edits), registry_with(aliases));
}

// The 2024 dossier table with its three slips mended: the total's late column, the truncated
// commune-level rate, and the agency row that prints its own office (named as that office).
const std::map<std::string, std::string> kDossiersClean = {
    {"B18", "Văn phòng Sở và các đơn vị trực thuộc"}, {"I107", "297"}, {"J41", "99,93%"}};

AuditRun dossiers(std::map<std::string, std::string> injected) {
  injected.insert(kDossiersClean.begin(), kDossiersClean.end());
  return audit_fixture("ho-so-2024.csv", "data/samples/2024/aliases.csv", injected);
}

const Lines kLateCount = {
    "ho-so-2024.csv:I41: Cấp xã — Đã xử lý – Quá hạn: printed 54, recomputed 55 (sum of rows "
    "42–106 = 55)",
    "ho-so-2024.csv:J41: Cấp xã — Đã xử lý – Tỷ lệ trước hạn, đúng hạn: printed 99,93%, "
    "recomputed 99,92% ((57.557 + 14.740) / (57.557 + 14.740 + 55) = 99,924%)",
    "ho-so-2024.csv:J43: Ủy ban nhân dân xã Bắc Phong — Đã xử lý – Tỷ lệ trước hạn, đúng hạn: "
    "printed 97,8%, recomputed 96,74% ((60 + 29) / (60 + 29 + 3) = 96,7391%)",
    "ho-so-2024.csv:I107: TỔNG SỐ (I+II+III) — Đã xử lý – Quá hạn: printed 297, recomputed 298 "
    "(sum of rows 8–32, 34–40, 42–106 = 298)"};
const std::string kRate =
    "ho-so-2024.csv:K9: Sở Giáo dục và Đào tạo — Tỷ lệ HS qua mạng: printed 93,77%, recomputed "
    "92,77% (372 / 401 = 92,7681%)";
const std::string kSubtotal =
    "ho-so-2024.csv:C33: Cấp huyện — Tiếp nhận – Tổng số (trong kỳ): printed 9.165, recomputed "
    "9.155 (sum of rows 34–40 = 9.155)";
const std::string kTruncated =
    "ho-so-2024.csv:K12: Sở Công thương — Tỷ lệ HS qua mạng: printed 99,65%, recomputed 99,66% "
    "(23.198 / 23.278 = 99,6563%)";
const Lines kChannel = {
    "ho-so-2024.csv:D7: Cấp tỉnh — Tiếp nhận – Trực tiếp: printed 38.121, recomputed 38.122 (sum "
    "of rows 8–32 = 38.122)",
    "ho-so-2024.csv:C9: Sở Giáo dục và Đào tạo — Tiếp nhận – Tổng số (trong kỳ): printed 401, "
    "recomputed 402 (Trực tiếp + Qua mạng + Qua BCCI = 25 + 372 + 5 = 402)",
    "ho-so-2024.csv:D107: TỔNG SỐ (I+II+III) — Tiếp nhận – Trực tiếp: printed 41084, recomputed "
    "41.085 (sum of rows 8–32, 34–40, 42–106 = 41.085)"};

}  // namespace

TEST_CASE("the 2024 dossier table, mended, agrees everywhere", "[audit]") {
  const AuditRun r = dossiers({});
  CHECK(r.lines.empty());
  CHECK(r.problems.empty());
  CHECK(r.report.tables.at(0).unit_rows == 97);
  CHECK(r.report.tables.at(0).subtotal_rows == 4);
}

TEST_CASE("errors injected into the 2024 dossier table", "[audit]") {
  SECTION("a count: one more late dossier in a commune") {
    CHECK(dossiers({{"I43", "3"}}).lines == kLateCount);
  }
  SECTION("a rate") { CHECK(dossiers({{"K9", "93,77%"}}).lines == Lines{kRate}); }
  SECTION("a subtotal") { CHECK(dossiers({{"C33", "9.165"}}).lines == Lines{kSubtotal}); }
  SECTION("a truncated rate: 99,6563% printed 99,65%") {
    CHECK(dossiers({{"K12", "99,65%"}}).lines == Lines{kTruncated});
  }
  SECTION("a channel that no longer sums to the total") {
    CHECK(dossiers({{"D9", "25"}}).lines == kChannel);
  }
  SECTION("all of them at once") {
    const AuditRun r = dossiers(
        {{"I43", "3"}, {"K9", "93,77%"}, {"C33", "9.165"}, {"K12", "99,65%"}, {"D9", "25"}});
    CHECK(r.lines == Lines{kChannel[0], kChannel[1], kRate, kTruncated, kSubtotal, kLateCount[0],
                           kLateCount[1], kLateCount[2], kChannel[2], kLateCount[3]});
    CHECK(r.problems.empty());
  }
}

TEST_CASE("errors injected into the 2023 documents table (signed counts implied)", "[audit]") {
  const std::string aliases = "data/samples/2023/aliases.csv";
  CHECK(audit_fixture("van-ban-2023.csv", aliases, {}).lines.empty());
  const AuditRun r = audit_fixture("van-ban-2023.csv", aliases,
                                   {{"E45", "75,63%"}, {"E9", "99,16%"}, {"C28", "1873"}});
  CHECK(r.lines ==
        Lines{"van-ban-2023.csv:E9: Sở Tài nguyên và Môi trường — Tỷ lệ văn bản ký số: printed "
              "99,16%, recomputed 99,15% or 99,18% (no whole number of VB đi ký số out of 2.699 "
              "gives 99,16%: 2.676 / 2.699 = 99,1478%, 2.677 / 2.699 = 99,1849%)",
              "van-ban-2023.csv:C27: UBND cấp xã – TP.PR-TC — VB đến: printed 28176, recomputed "
              "28.212 (sum of rows 28–43 = 28.212)",
              "van-ban-2023.csv:E45: UBND cấp xã – huyện Bác Ái — Tỷ lệ văn bản ký số: printed "
              "75,63%, recomputed 75,36% (2.138 / 2.837 = 75,3613%; VB đi ký số implied by each "
              "unit's printed rate)",
              "van-ban-2023.csv:C105: Cấp xã — VB đến: printed 141622, recomputed 141.658 (sum of "
              "rows 28–43, 46–54, 57–64, 67–72, 75–83, 86–93, 96–104 = 141.658)"});
  CHECK(r.problems.empty());
}
