#include <catch2/catch.hpp>

#include "ntreport/text/normalize.hpp"

using ntr::match_key;

TEST_CASE("match_key folds tone-mark placement, case, spacing and dashes") {
  // old and new tone placement (docs/spec.md §2.3)
  CHECK(match_key("Sở Văn hoá, Thể thao") == match_key("Sở Văn hóa, Thể thao"));
  CHECK(match_key("Xã Phước Hoà") == match_key("Xã Phước Hòa"));
  CHECK(match_key("thuỷ") == match_key("thủy"));
  CHECK(match_key("Uỷ ban nhân dân") == match_key("Ủy ban nhân dân"));
  // decomposed text (NFD, as some spreadsheet programs store it) equals composed text
  CHECK(match_key("Phu\xCC\x89 Ha\xCC\x80") == match_key("Phủ Hà"));
  // case and whitespace, including a non-breaking space
  CHECK(match_key("  XÃ   tri\xC2\xA0Hải ") == match_key("Xã Tri Hải"));
  // decomposed, tone last: s o horn hook, t e circumflex acute
  CHECK(match_key("Sở  Y tế") == "so\xCC\x9B\xCC\x89 y te\xCC\x82\xCC\x81");
  // dash variants, with or without spaces around them
  CHECK(match_key("Phan Rang-Tháp Chàm") == match_key("Phan Rang – Tháp Chàm"));
  CHECK(match_key("Phan Rang - Tháp Chàm") == match_key("Phan Rang—Tháp Chàm"));
}

TEST_CASE("match_key keeps every difference that names another place") {
  CHECK(match_key("Phủ Hà") != match_key("Phú Hà"));
  CHECK(match_key("Đài Sơn") != match_key("Đại Sơn"));
  CHECK(match_key("Ma Nới") != match_key("Ma Nởi"));
  CHECK(match_key("Bác Ái") != match_key("Bắc Ái"));
  CHECK(match_key("Phước Hà") != match_key("Phước Hải"));
  CHECK(match_key("Thành Hải") != match_key("Thanh Hải"));
  CHECK(match_key("VPĐKĐĐ") != match_key("VPĐKKĐ"));
}

TEST_CASE("edit_distance counts code points") {
  CHECK(ntr::edit_distance("Phủ Hà", "Phú Hà") == 1);
  CHECK(ntr::edit_distance("", "abc") == 3);
  CHECK(ntr::edit_distance(match_key("Phủ Hà"), match_key("Phú Hà")) == 1);
}

TEST_CASE("trim and codepoint_count") {
  CHECK(ntr::trim("\xC2\xA0 Sở Y tế \t") == "Sở Y tế");
  CHECK(ntr::trim("   ").empty());
  CHECK(ntr::trim("").empty());
  CHECK(ntr::trim("Sở Y tế") == "Sở Y tế");
  CHECK(ntr::trim("a") == "a");
  CHECK(ntr::trim("\ta b\n") == "a b");
  CHECK(ntr::trim("x\xC2\xA0") == "x");
  CHECK(ntr::codepoint_count("Cấp tỉnh") == 8);
  CHECK(ntr::is_valid_utf8("Cấp tỉnh"));
  CHECK_FALSE(ntr::is_valid_utf8("\xC3\x28"));
}
