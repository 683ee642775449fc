// Name matching (docs/spec.md §2.3) on the shipped registry, with the variants found in the
// seed tables.
#include <catch2/catch.hpp>
#include <set>
#include <string>
#include <vector>

#include "ntreport/pipeline.hpp"
#include "ntreport/registry/registry.hpp"
#include "ntreport/registry/search.hpp"
#include "ntreport/text/normalize.hpp"
#include "test_support.hpp"

using ntr::Match;
using ntr::Registry;
using ntr_test::messages;

namespace {

const Registry& shipped() {
  static const Registry reg = [] {
    ntr::Diagnostics diags;
    Registry r = Registry::build(ntr_test::csv_file_sheet("data/registry/ninh-thuan-2023-2024.csv"),
                                 ntr::default_levels(), diags);
    REQUIRE(messages(diags).empty());
    return r;
  }();
  return reg;
}

// The code a name matches, "none", or "ambiguous: a b".
std::string matched(const Registry& reg, std::string_view name) {
  const Match m = reg.match(name);
  switch (m.kind) {
    case Match::Kind::found:
      return std::string(reg.unit(m.unit).code);
    case Match::Kind::none:
      return "none";
    case Match::Kind::ambiguous:
      break;
  }
  std::string out = "ambiguous:";
  for (const ntr::UnitId id : m.candidates) {
    out += ' ';
    out += reg.unit(id).code;
  }
  return out;
}

std::vector<std::string> suggested(const Registry& reg, std::string_view name, std::size_t max) {
  std::vector<std::string> out;
  for (const ntr::UnitId id : reg.suggest(name, max)) out.emplace_back(reg.unit(id).code);
  return out;
}

using Codes = std::vector<std::string>;

}  // namespace

TEST_CASE("unit_key drops the committee prefix; bare_key also the kind of place") {
  using ntr::match_key;
  CHECK(ntr::unit_key("Ủy ban nhân dân xã Lợi Hải") == match_key("xã Lợi Hải"));
  CHECK(ntr::unit_key("UỶ BAN NHÂN DÂN  xã Lợi Hải") == match_key("xã Lợi Hải"));
  CHECK(ntr::unit_key("UBND xã Lợi Hải") == match_key("xã Lợi Hải"));
  CHECK(ntr::unit_key("ubnd Huyện Bác Ái") == match_key("huyện Bác Ái"));
  // only a leading prefix, and never the whole name
  CHECK(ntr::unit_key("Văn phòng UBND tỉnh") == match_key("Văn phòng UBND tỉnh"));
  CHECK(ntr::unit_key("UBND") == "ubnd");
  CHECK(ntr::unit_key("UBNDxã A") == match_key("UBNDxã A"));
  CHECK(ntr::bare_key("Ủy ban nhân dân thị trấn Tân Sơn") == match_key("Tân Sơn"));
  CHECK(ntr::bare_key("Phường Phủ Hà") == match_key("Phủ Hà"));
  CHECK(ntr::bare_key("UBND huyện Bác Ái") == match_key("Bác Ái"));
  CHECK(ntr::bare_key("Xã") == match_key("Xã"));
  CHECK(ntr::bare_key("Thành phố Phan Rang - Tháp Chàm") ==
        match_key("Thành phố Phan Rang - Tháp Chàm"));
  CHECK(ntr::bare_key("Sở Y tế") == match_key("Sở Y tế"));
}

TEST_CASE("match: exact code first") {
  const Registry& reg = shipped();
  CHECK(matched(reg, "so-vhttdl") == "so-vhttdl");
  CHECK(matched(reg, " so-tnmt.vpdkdd.ninh-hai ") == "so-tnmt.vpdkdd.ninh-hai");
  CHECK(matched(reg, "SO-VHTTDL") == "none");  // codes are exact
}

TEST_CASE("match: tone-mark placement, case, spacing, dashes and NFD are folded") {
  const Registry& reg = shipped();
  CHECK(matched(reg, "Sở Văn hoá, Thể thao và Du lịch") == "so-vhttdl");
  CHECK(matched(reg, "Sở Văn hóa, Thể thao và Du lịch") == "so-vhttdl");
  CHECK(matched(reg, "SỞ VĂN HÓA,  THỂ THAO VÀ DU LỊCH") == "so-vhttdl");
  // as a spreadsheet program on another system stores it: decomposed (NFD)
  CHECK(matched(reg,
                "So\xcc\x9b\xcc\x89 Va\xcc\x86n ho\xcc\x81"
                "a, The\xcc\x82\xcc\x89 thao va\xcc\x80 Du li\xcc\xa3"
                "ch") == "so-vhttdl");
  CHECK(matched(reg, "Xa\xcc\x83 Lo\xcc\x9b\xcc\xa3i Ha\xcc\x89i") == "thuan-bac.loi-hai");
  CHECK(matched(reg, "Sở Lao động – Thương binh và Xã hội") == "so-ldtbxh");
  CHECK(matched(reg, "Xã Phước Hoà") == "bac-ai.phuoc-hoa");
  CHECK(matched(reg, "UBND Thành phố Phan Rang-Tháp Chàm") == "prtc");
  CHECK(matched(reg, "UBND TP Phan Rang – Tháp Chàm") == "prtc");
}

TEST_CASE("match: the committee prefix is dropped, the bare name counts when unique") {
  const Registry& reg = shipped();
  for (const char* name : {"Ủy ban nhân dân xã Lợi Hải", "Uỷ ban nhân dân xã Lợi Hải",
                           "UBND xã Lợi Hải", "Xã Lợi Hải", "xã lợi hải", "Lợi Hải"}) {
    CAPTURE(name);
    CHECK(matched(reg, name) == "thuan-bac.loi-hai");
  }
  CHECK(matched(reg, "Ninh Hải") == "ninh-hai");  // the district, by its alias
  CHECK(matched(reg, "Huyện Ninh Hải") == "ninh-hai");
  CHECK(matched(reg, "Tân Sơn") == "ninh-son.tan-son");
  CHECK(matched(reg, "Ủy ban nhân dân phường Phủ Hà") == "prtc.phu-ha");
  // the input's own kind of place is kept: a commune is not a town
  CHECK(matched(reg, "Xã Tân Sơn") == "none");
  CHECK(matched(reg, "Thị xã Tân Sơn") == "none");
}

TEST_CASE("match: a wrong diacritic is another place, never a match") {
  const Registry& reg = shipped();
  CHECK(matched(reg, "Thanh Hải") == "ninh-hai.thanh-hai");
  CHECK(matched(reg, "Thành Hải") == "prtc.thanh-hai");
  CHECK(matched(reg, "Xã Thanh Hải") == "ninh-hai.thanh-hai");
  CHECK(matched(reg, "Xã Thành Hải") == "prtc.thanh-hai");
  CHECK(matched(reg, "Phước Hà") == "thuan-nam.phuoc-ha");
  CHECK(matched(reg, "Phước Hải") == "ninh-phuoc.phuoc-hai");
  CHECK(matched(reg, "Bác Ái") == "bac-ai");
  CHECK(matched(reg, "UBND Huyện Bác Ái") == "bac-ai");
  CHECK(matched(reg, "UBND Huyện Bắc Ái") == "none");
  CHECK(matched(reg, "Phường Phú Hà") == "none");
  CHECK(matched(reg, "Ủy ban nhân dân phường Phú Hà") == "none");
  CHECK(matched(reg, "Phường Đại Sơn") == "none");
  CHECK(matched(reg, "Xã Ma Nởi") == "none");
  CHECK(matched(reg, "Xã Quãng Sơn") == "none");
  CHECK(matched(reg, "Chi nhánh VPĐKKĐ Huyện Ninh Sơn") == "none");
  CHECK(matched(reg, "Chi nhánh VPĐKĐĐ Huyện Bắc Ái") == "none");
  // rows that are not units
  CHECK(matched(reg, "Cấp tỉnh") == "none");
  CHECK(matched(reg, "Tổng cộng") == "none");
  CHECK(matched(reg, "") == "none");
  CHECK(matched(reg, " \t") == "none");
}

TEST_CASE("suggest: the closest registry names of an unmatched name") {
  const Registry& reg = shipped();
  CHECK(suggested(reg, "Phường Phú Hà", 1) == Codes{"prtc.phu-ha"});
  CHECK(suggested(reg, "Ủy ban nhân dân phường Phú Hà", 1) == Codes{"prtc.phu-ha"});
  CHECK(suggested(reg, "Phường Đại Sơn", 1) == Codes{"prtc.dai-son"});
  CHECK(suggested(reg, "Xã Ma Nởi", 1) == Codes{"ninh-son.ma-noi"});
  CHECK(suggested(reg, "UBND Huyện Bắc Ái", 1) == Codes{"bac-ai"});
  CHECK(suggested(reg, "Xã Quãng Sơn", 1) == Codes{"ninh-son.quang-son"});
  // by the place name: "Xã" against "Thị trấn"
  CHECK(suggested(reg, "Xã Tân Sơn", 1) == Codes{"ninh-son.tan-son"});
  CHECK(suggested(reg, "Thị xã Tân Sơn", 1) == Codes{"ninh-son.tan-son"});
  CHECK(suggested(reg, "Chi nhánh VPĐKKĐ Huyện Ninh Sơn", 1) == Codes{"so-tnmt.vpdkdd.ninh-son"});
  CHECK(suggested(reg, "Chi nhánh VPĐKKĐ TP Phan Rang - Tháp Chàm", 1) ==
        Codes{"so-tnmt.vpdkdd.prtc"});
  // distinct units, closest first, never more than asked
  const std::vector<ntr::UnitId> three = reg.suggest("Phường Phú Hà", 3);
  CHECK(three.size() == 3);
  CHECK(std::set<ntr::UnitId>(three.begin(), three.end()).size() == 3);
  CHECK(reg.suggest("Phường Phú Hà", 0).empty());
  // nothing close enough
  CHECK(reg.suggest("Tổng số (I+II+III)", 3).empty());
  CHECK(reg.suggest("", 3).empty());
}

TEST_CASE("match: several units under one name or bare name are ambiguous") {
  ntr::Diagnostics diags;
  const Registry reg = Registry::build(ntr_test::csv_sheet("code,name,level,area,aliases\n"
                                                           "h1,Huyện Một,huyen,,\n"
                                                           "h2,Huyện Hai,huyen,,\n"
                                                           "h1.ts,Xã Tân Sơn,xa,h1,\n"
                                                           "h2.ts,Phường Tân Sơn,xa,h2,\n"
                                                           "h1.ph,Xã Phước Hòa,xa,h1,\n"
                                                           "h2.ph,Xã Phước Hoà,xa,h2,\n"
                                                           "h1.ah,Xã An Hải,xa,h1,An Hải\n"
                                                           "h2.ah,Thị trấn An Hải,xa,h2,\n",
                                                           "small.csv"),
                                       ntr::default_levels(), diags);
  REQUIRE(messages(diags).empty());
  CHECK(matched(reg, "Tân Sơn") == "ambiguous: h1.ts h2.ts");
  CHECK(matched(reg, "UBND Tân Sơn") == "ambiguous: h1.ts h2.ts");
  CHECK(matched(reg, "Xã Tân Sơn") == "h1.ts");
  CHECK(matched(reg, "Phường Tân Sơn") == "h2.ts");
  CHECK(matched(reg, "Xã Phước Hòa") == "ambiguous: h1.ph h2.ph");
  CHECK(matched(reg, "UBND xã Phước Hoà") == "ambiguous: h1.ph h2.ph");
  CHECK(matched(reg, "h2.ph") == "h2.ph");
  // a full name or alias (rule 2) wins over bare names (rule 3)
  CHECK(matched(reg, "An Hải") == "h1.ah");
  CHECK(matched(reg, "Thị trấn An Hải") == "h2.ah");
  CHECK(reg.areas() == std::vector<ntr::UnitId>{0, 1});
}

TEST_CASE("alias lines as an aliases file needs them") {
  CHECK(ntr::alias_line("Phường Phú Hà", "h1.x2") == "Phường Phú Hà,h1.x2");
  CHECK(ntr::alias_line("Sở Lao động, Thương binh", "so-ld") ==
        "\"Sở Lao động, Thương binh\",so-ld");
  CHECK(ntr::alias_line("Xã \"Một\"", "x1") == "\"Xã \"\"Một\"\"\",x1");
}
