#include <catch2/catch.hpp>

#include "ntreport/compare/crosswalk.hpp"
#include "test_support.hpp"

using ntr::Share;

TEST_CASE("crosswalk: a share is whole, part, or a fraction in (0, 1]") {
  CHECK(ntr::parse_share("whole")->kind == Share::Kind::whole);
  CHECK(ntr::parse_share("part")->kind == Share::Kind::part);
  for (const char* text : {"0.4", "0,4", "40%", "2/5", " 0.40 "}) {
    INFO(text);
    const auto s = ntr::parse_share(text);
    REQUIRE(s);
    CHECK(s->kind == Share::Kind::fraction);
    CHECK(s->num * 5 == s->den * 2);
  }
  CHECK(ntr::parse_share("1")->kind == Share::Kind::whole);
  CHECK(ntr::parse_share("100%")->kind == Share::Kind::whole);
  for (const char* text : {"", "half", "0", "1.5", "3/2", "2/0", "-0.4", "0.4.1", "40%%"}) {
    INFO(text);
    CHECK_FALSE(ntr::parse_share(text));
  }
}

TEST_CASE("crosswalk: the shipped links of the 2023-2024 Ninh Thuận units") {
  const ntr::Crosswalk x = ntr::Crosswalk::shipped();
  // Kinh Dinh kept its code for the new Phường Phan Rang; Thanh Sơn went in by Resolution 1198.
  for (const char* code : {"prtc.kinh-dinh", "22759", "prtc.thanh-son", "22750"}) {
    INFO(code);
    const auto* links = x.shipped_links(code);
    REQUIRE(links != nullptr);
    REQUIRE(links->size() == 1);
    CHECK(links->front().new_code == "22759");
    CHECK(links->front().share.kind == Share::Kind::whole);
  }
  // The old Đông Hải was split between the new Đông Hải and Phước Dinh.
  const auto* dong_hai = x.shipped_links("prtc.dong-hai");
  REQUIRE(dong_hai != nullptr);
  REQUIRE(dong_hai->size() == 2);
  CHECK(dong_hai->at(0).new_code == "22780");
  CHECK(dong_hai->at(1).new_code == "22888");
  CHECK(dong_hai->at(0).share.kind == Share::Kind::part);
  // Departments by code; Sở LĐ-TB&XH was split among three.
  CHECK(x.shipped_links("so-tttt")->front().new_code == "so-khcn");
  CHECK(x.shipped_links("so-ldtbxh")->size() == 3);
  // The shipped registry: statistics-office codes and parents.
  CHECK(x.known("thuan-bac.bac-son")->gso_code == "22853");
  CHECK(x.known("so-tnmt.van-phong")->parent == "so-tnmt");
  CHECK(x.shipped_links("huyen-khong-co") == nullptr);
}

TEST_CASE("crosswalk: the user's links replace the shipped ones of the same old code") {
  ntr::Crosswalk x = ntr::Crosswalk::shipped();
  ntr::Diagnostics diags;
  x.add_user_sheet(ntr_test::csv_sheet("old_code,new_code,share\n22768,22780,0.6\n22768,22888,2/5\n"
                                       "x,,whole\n",
                                       "cw.csv"),
                   diags);
  REQUIRE(diags.error_count() == 1);  // the row without a new code
  const auto* links = x.user_links("22768");
  REQUIRE(links != nullptr);
  REQUIRE(links->size() == 2);
  CHECK(links->at(0).share.num * 5 == links->at(0).share.den * 3);
  CHECK(x.user_links("22759") == nullptr);
}
