#include <catch2/catch.hpp>

#include "ntreport/model/exact.hpp"

using namespace ntr;

namespace {
std::int64_t rd(std::int64_t num, std::int64_t den, Rounding mode) {
  return static_cast<std::int64_t>(round_div(num, den, mode));
}
}  // namespace

TEST_CASE("the two roundings agree away from ties and on non-negative ties") {
  for (const Rounding m : {Rounding::half_up, Rounding::half_away_from_zero}) {
    CHECK(rd(7, 2, m) == 4);  // 3,5
    CHECK(rd(5, 4, m) == 1);  // 1,25
    CHECK(rd(7, 4, m) == 2);  // 1,75
    CHECK(rd(0, 9, m) == 0);
    CHECK(rd(-5, 4, m) == -1);  // −1,25
    CHECK(rd(-7, 4, m) == -2);  // −1,75
  }
}

TEST_CASE("a negative tie goes up with half_up and away from zero with half_away_from_zero") {
  CHECK(rd(-1, 2, Rounding::half_up) == 0);
  CHECK(rd(-1, 2, Rounding::half_away_from_zero) == -1);
  CHECK(rd(-7, 2, Rounding::half_up) == -3);
  CHECK(rd(-7, 2, Rounding::half_away_from_zero) == -4);
}

TEST_CASE("percentages are exact beyond 64 bits") {
  CHECK(percent_scaled(1, 8, 2, Rounding::half_up) == 1250);
  CHECK(percent_scaled(1, 20000, 2, Rounding::half_up) == 1);  // 0,005%
  CHECK(percent_scaled(-1, 20000, 2, Rounding::half_up) == 0);
  CHECK(percent_scaled(-1, 20000, 2, Rounding::half_away_from_zero) == -1);
  CHECK(percent_scaled(kMaxCount - 1, kMaxCount, 4, Rounding::half_up) == 1000000);
  CHECK(percent_scaled(1, kMaxCount, 9, Rounding::half_up) == 0);  // 10^-13 %
}

TEST_CASE("sums of counts saturate") {
  CHECK(saturating_add(2, 3) == 5);
  CHECK(saturating_add(kSaturated, 1) == kSaturated);
  CHECK(saturating_add(kSaturated - 1, 1) == kSaturated);
}
