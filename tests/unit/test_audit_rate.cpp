#include <catch2/catch.hpp>

#include "ntreport/audit/printed_rate.hpp"

using namespace ntr;

namespace {
struct Parsed {
  PrintedRate::Kind kind;
  std::int64_t scaled;
  std::uint32_t decimals;
  bool unrounded;
  std::string text;
  bool operator==(const Parsed&) const = default;
};
Parsed parsed(CellType type, std::string_view text) {
  const auto r = parse_printed_rate(type, text);
  REQUIRE(r.has_value());
  return Parsed{r->kind, r->scaled, r->decimals, r->unrounded, r->text};
}
constexpr auto V = PrintedRate::Kind::value;
constexpr auto N = PrintedRate::Kind::none;
}  // namespace

TEST_CASE("printed rates are read as printed", "[audit]") {
  CHECK(parsed(CellType::text, "99,83%") == Parsed{V, 9983, 2, false, "99,83%"});
  CHECK(parsed(CellType::text, " 96,6% ") == Parsed{V, 966, 1, false, "96,6%"});
  CHECK(parsed(CellType::text, "100%") == Parsed{V, 100, 0, false, "100%"});
  CHECK(parsed(CellType::text, "0") == Parsed{V, 0, 0, false, "0"});
  CHECK(parsed(CellType::text, "0%") == Parsed{V, 0, 0, false, "0%"});
  CHECK(parsed(CellType::text, "3,60%") == Parsed{V, 360, 2, false, "3,60%"});
  // the slip of the 2024 digitization table: a dot for the decimal comma
  CHECK(parsed(CellType::text, "63.50%") == Parsed{V, 6350, 2, false, "63.50%"});
  CHECK(parsed(CellType::text, "99,9254 %") == Parsed{V, 999254, 4, false, "99,9254 %"});
  CHECK(parsed(CellType::text, "-") == Parsed{N, 0, 0, false, "-"});
  CHECK(parsed(CellType::text, "–") == Parsed{N, 0, 0, false, "–"});
  CHECK(parsed(CellType::error, "#DIV/0!") == Parsed{N, 0, 0, false, "#DIV/0!"});
}

TEST_CASE("percent-formatted numbers are fractions, shown as their format shows them", "[audit]") {
  CHECK(parsed(CellType::number, "0.9983") == Parsed{V, 9983, 2, false, "99,83%"});
  CHECK(parsed(CellType::number, "0.96599999999999997") == Parsed{V, 966, 1, false, "96,6%"});
  CHECK(parsed(CellType::number, "1") == Parsed{V, 100, 0, false, "100%"});
  CHECK(parsed(CellType::number, "0") == Parsed{V, 0, 0, false, "0%"});
  // a formula's unrounded result: compared at the table's precision
  CHECK(parsed(CellType::number, "0.99925363851225273") ==
        Parsed{V, 99925363851, 9, true, "99,925363851%"});
}

TEST_CASE("text that is not a rate is refused", "[audit]") {
  for (const char* t : {"", "abc", "99,8,3%", "1,2a%", "%", ",5%", "5,%", "-3%", "1234567%"}) {
    INFO(t);
    CHECK_FALSE(parse_printed_rate(CellType::text, t).has_value());
  }
  CHECK_FALSE(parse_printed_rate(CellType::number, "-0.5").has_value());
  CHECK_FALSE(parse_printed_rate(CellType::boolean, "1").has_value());
}

TEST_CASE("rates are rounded half-up from the exact fraction", "[audit]") {
  CHECK(percent_scaled(72297, 72351, 2, Rounding::half_up) == 9993);  // 99,9254%
  CHECK(percent_scaled(72297, 72351, 4, Rounding::half_up) == 999254);
  CHECK(percent_scaled(1, 8, 2, Rounding::half_up) == 1250);
  CHECK(percent_scaled(1, 800, 2, Rounding::half_up) == 13);    // 0,125% → 0,13%
  CHECK(percent_scaled(1, 8000, 2, Rounding::half_up) == 1);    // 0,0125% → 0,01%
  CHECK(percent_scaled(-3, 97, 2, Rounding::half_up) == -309);  // −3,0928%
  CHECK(percent_scaled(97, 97, 2, Rounding::half_up) == 10000);
  const std::int64_t big = 9007199254740992LL;
  CHECK(percent_scaled(big - 1, big, 2, Rounding::half_up) == 10000);
}

TEST_CASE("the numerators that print as a rate", "[audit]") {
  // 2.676 / 2.699 = 99,148% is the only one that prints as 99,15%
  const Range r = numerators_printing_as(9915, 2, 2699);
  CHECK(r.lo == 2676);
  CHECK(r.hi == 2676);
  // none prints as 99,16%: 2.676 gives 99,15%, 2.677 gives 99,18%
  const Range none = numerators_printing_as(9916, 2, 2699);
  CHECK(none.empty());
  CHECK(none.lo == 2677);
  CHECK(none.hi == 2676);
  // of 100.000, 99,925 ≤ k/1000 < 99,935: k = 99.925 … 99.934
  const Range wide = numerators_printing_as(9993, 2, 100000);
  CHECK(wide.lo == 99925);
  CHECK(wide.hi == 99934);
  const Range zero = numerators_printing_as(0, 2, 100000);
  CHECK(zero.lo == -5);
  CHECK(zero.hi == 4);
}

TEST_CASE("scaled percentages print as the tables print them", "[audit]") {
  CHECK(format_scaled_percent(9960, 2) == "99,6%");
  CHECK(format_scaled_percent(10000, 2) == "100%");
  CHECK(format_scaled_percent(999254, 4) == "99,9254%");
  CHECK(format_scaled_percent(5, 2) == "0,05%");
  CHECK(format_scaled_percent(0, 2) == "0%");
  CHECK(format_scaled_percent(-309, 2) == "-3,09%");
  CHECK(rescale_half_up(966, 1, 2) == 9660);
  CHECK(rescale_half_up(99925363851, 9, 2) == 9993);
  CHECK(rescale_half_up(99925, 3, 2) == 9993);
  CHECK(rescale_half_up(99924, 3, 2) == 9992);
}
