#include <catch2/catch.hpp>

#include "ntreport/report/targets.hpp"

using ntr::target_note;

TEST_CASE("target notes compare the unrounded result with the target (docs/spec.md §2.5)") {
  // The 2023 signed-document ratios by level (docs/spec.md §9) against the plan's targets.
  CHECK(target_note(42419, 42870, "100%") == "Chưa đạt (thiếu 1,05%)");  // 98,9479%
  CHECK(target_note(30437, 31516, "95%") == "Vượt 1,58%");               // 96,5763%
  CHECK(target_note(27500, 29777, "75%") == "Vượt 17,35%");              // 92,3531%
  CHECK(target_note(3, 4, "75%") == "Đạt");
  CHECK(target_note(7501, 10000, "75%") == "Vượt 0,01%");
  CHECK(target_note(1, 3, "33,33%") == "Đạt");  // 0,0033 points over rounds to 0
  CHECK(target_note(1, 2, "90,5%") == "Chưa đạt (thiếu 40,5%)");
  CHECK(target_note(1, 2, "trên 90%").empty());
  CHECK(target_note(1, 2, "1 lớp").empty());
  CHECK(target_note(1, 0, "75%").empty());
}
