#include <catch2/catch.hpp>

#include "ntreport/ingest/count.hpp"

using ntr::CellType;
using ntr::parse_count;

TEST_CASE("counts in the forms docs/spec.md §3.2 accepts") {
  CHECK(parse_count(CellType::text, "98076") == 98076);
  CHECK(parse_count(CellType::text, "98.076") == 98076);
  CHECK(parse_count(CellType::text, "179.153") == 179153);
  CHECK(parse_count(CellType::text, "1.234.567") == 1234567);
  CHECK(parse_count(CellType::text, "98 076") == 98076);
  CHECK(parse_count(CellType::text,
                    "98\xC2\xA0"
                    "076") == 98076);
  CHECK(parse_count(CellType::text, "98,076") == 98076);
  CHECK(parse_count(CellType::text, " 0 ") == 0);
  CHECK(parse_count(CellType::number, "98076") == 98076);
  CHECK(parse_count(CellType::number, "98076.0") == 98076);
  CHECK(parse_count(CellType::number, "1E+5") == 100000);
}

TEST_CASE("everything else is not a count") {
  for (const char* bad : {"-5",       "1,5",     "12,50", "1.2a",      "1.3a2",
                          "9.07",     "98.0760", ".076",  "98.",       "98..076",
                          "1.23.456", "12 34",   "+5",    "",          "   ",
                          "abc",      "#REF!",   "5%",    "1,234.567", "99999999999999999999"}) {
    INFO(bad);
    CHECK_FALSE(parse_count(CellType::text, bad).has_value());
  }
  CHECK_FALSE(parse_count(CellType::number, "-1").has_value());
  CHECK_FALSE(parse_count(CellType::number, "2.5").has_value());
  CHECK_FALSE(parse_count(CellType::number, "1E+300").has_value());
  CHECK_FALSE(parse_count(CellType::error, "#REF!").has_value());
  CHECK_FALSE(parse_count(CellType::boolean, "1").has_value());
}

TEST_CASE("numeric cells of plain digits read as integers, up to the largest count") {
  CHECK(parse_count(CellType::number, "0") == 0);
  CHECK(parse_count(CellType::number, "007") == 7);
  CHECK(parse_count(CellType::number, "1000000000000000") == 1000000000000000);  // 10^15
  CHECK_FALSE(parse_count(CellType::number, "1000000000000001").has_value());
  CHECK_FALSE(parse_count(CellType::number, "9007199254740992").has_value());  // 2^53
  CHECK_FALSE(parse_count(CellType::text, "1.000.000.000.000.001").has_value());
  // 17 digits take the floating-point way, and still mean what they say
  CHECK(parse_count(CellType::number, "00000000000000012") == 12);
  CHECK_FALSE(parse_count(CellType::number, "10000000000000000").has_value());
  CHECK(parse_count(CellType::number, " 42 ") == 42);
}
