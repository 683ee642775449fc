#include <catch2/catch.hpp>

#include "ntreport/model/exact.hpp"
#include "ntreport/text/numbers.hpp"

namespace {
// A rate as the tables print it: rounded half-up once (model/exact.hpp), then formatted.
std::string format_percent(std::int64_t num, std::int64_t den) {
  return ntr::format_hundredths(ntr::percent_scaled(num, den, 2, ntr::Rounding::half_up));
}
}  // namespace

using namespace ntr;

TEST_CASE("counts print with Vietnamese grouping") {
  CHECK(format_count(0) == "0");
  CHECK(format_count(297) == "297");
  CHECK(format_count(1934) == "1.934");
  CHECK(format_count(179153) == "179.153");
  CHECK(format_count(1234567) == "1.234.567");
  CHECK(format_count(-1934) == "-1.934");
}

TEST_CASE("percentages round half-up once from the exact fraction (docs/spec.md §4, §9)") {
  // docs/spec.md §9: the commune-level on-time rate 72.297 / 72.351 = 99,9254% prints 99,93%
  CHECK(format_percent(57557 + 14740, 57557 + 14740 + 54) == "99,93%");
  CHECK(format_percent(69478, 71922) == "96,6%");  // trailing zero dropped
  CHECK(format_percent(86, 100) == "86%");
  CHECK(format_percent(1, 1) == "100%");
  CHECK(format_percent(0, 5) == "0%");
  CHECK(format_percent(1, 8) == "12,5%");      // 12.5 exactly
  CHECK(format_percent(1, 40000) == "0%");     // 0.0025% rounds down
  CHECK(format_percent(1, 20000) == "0,01%");  // 0.005%: the half rounds up
  CHECK(format_percent(2, 3) == "66,67%");
  CHECK(percent_scaled(99925, 100000, 2, Rounding::half_up) == 9993);  // 99.925%: half-up
  CHECK(percent_scaled(99924999, 100000000, 2, Rounding::half_up) == 9992);
}

TEST_CASE("hundredths print as Vietnamese percentages") {
  CHECK(format_hundredths(1735) == "17,35%");
  CHECK(format_hundredths(-105) == "-1,05%");
  CHECK(format_hundredths(150) == "1,5%");
  CHECK(format_hundredths(0) == "0%");
}
