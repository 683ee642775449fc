#include <array>
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "ntreport/diag/codes.hpp"
#include "ntreport/pipeline.hpp"
#include "ntreport/registry/registry.hpp"
#include "test_support.hpp"

using ntr::kNoUnit;
using ntr::Registry;
using ntr_test::csv_sheet;
using ntr_test::Lines;
using ntr_test::messages;

namespace {

constexpr std::string_view kHeader = "code,name,level,parent,area,kind,aliases\n";
const std::string kSyntax = "error[registry-syntax]: ";

Registry build(std::string_view csv, ntr::Diagnostics& diags,
               std::vector<ntr::LevelDef> levels = ntr::default_levels()) {
  return Registry::build(csv_sheet(csv, "reg.csv"), std::move(levels), diags);
}

std::vector<std::string> codes(const Registry& reg, const std::vector<ntr::UnitId>& ids) {
  std::vector<std::string> out;
  for (const ntr::UnitId id : ids) out.emplace_back(reg.unit(id).code);
  return out;
}

ntr::UnitId id_of(const Registry& reg, std::string_view code) {
  const ntr::UnitId id = reg.find_code(code);
  REQUIRE(id != kNoUnit);
  return id;
}

}  // namespace

TEST_CASE("registry: the shipped Ninh Thuận registry builds without a problem") {
  ntr::Diagnostics diags;
  const Registry reg =
      Registry::build(ntr_test::csv_file_sheet("data/registry/ninh-thuan-2023-2024.csv"),
                      ntr::default_levels(), diags);
  CHECK(messages(diags).empty());
  REQUIRE(reg.size() == 100);

  // docs/spec.md §2.1: 19 provincial agencies (with their sub-units), 7 districts, 65 communes
  std::array<int, 3> per_level{};
  int top_level_tinh = 0;
  for (const ntr::Unit& u : reg.units()) {
    ++per_level.at(u.level);
    if (u.level == 0 && u.parent == kNoUnit) ++top_level_tinh;
  }
  CHECK(per_level == std::array<int, 3>{28, 7, 65});
  CHECK(top_level_tinh == 19);

  // units in file order
  CHECK(reg.unit(0).code == "vp-ubnd");
  CHECK(reg.unit(0).name == "Văn phòng UBND tỉnh");
  CHECK(reg.unit(0).aliases ==
        std::vector<std::string>{"Văn phòng Ủy ban nhân dân tỉnh", "VP UBND tỉnh", "VPUB"});
  CHECK(reg.unit(99).code == "ninh-phuoc.phuoc-vinh");

  // the roll-up tree of the land-registration branches (docs/spec.md §2.1)
  const ntr::Unit& tnmt = reg.unit(id_of(reg, "so-tnmt"));
  CHECK(codes(reg, tnmt.children) ==
        std::vector<std::string>{"so-tnmt.van-phong", "so-tnmt.vpdkdd"});
  const ntr::Unit& group = reg.unit(id_of(reg, "so-tnmt.vpdkdd"));
  CHECK(group.kind == "nhom");
  CHECK(group.parent == id_of(reg, "so-tnmt"));
  CHECK(codes(reg, group.children) ==
        std::vector<std::string>{"so-tnmt.vpdkdd.bac-ai", "so-tnmt.vpdkdd.ninh-hai",
                                 "so-tnmt.vpdkdd.ninh-phuoc", "so-tnmt.vpdkdd.ninh-son",
                                 "so-tnmt.vpdkdd.thuan-bac", "so-tnmt.vpdkdd.thuan-nam",
                                 "so-tnmt.vpdkdd.prtc"});
  CHECK(tnmt.depth == 0);
  CHECK(group.depth == 1);
  const ntr::Unit& branch = reg.unit(id_of(reg, "so-tnmt.vpdkdd.bac-ai"));
  CHECK(branch.depth == 2);
  CHECK(branch.level == 0);
  CHECK(branch.area == id_of(reg, "bac-ai"));  // an area across levels, not a parent
  CHECK(branch.children.empty());

  CHECK(reg.is_ancestor(id_of(reg, "so-tnmt"), id_of(reg, "so-tnmt.vpdkdd.bac-ai")));
  CHECK(reg.is_ancestor(id_of(reg, "so-tnmt.vpdkdd"), id_of(reg, "so-tnmt.vpdkdd.bac-ai")));
  CHECK_FALSE(reg.is_ancestor(id_of(reg, "so-tnmt.vpdkdd.bac-ai"), id_of(reg, "so-tnmt")));
  CHECK_FALSE(reg.is_ancestor(id_of(reg, "so-tnmt.vpdkdd"), id_of(reg, "so-tnmt.van-phong")));
  CHECK_FALSE(reg.is_ancestor(id_of(reg, "so-tnmt"), id_of(reg, "so-tnmt")));
  CHECK_FALSE(reg.is_ancestor(id_of(reg, "bac-ai"), id_of(reg, "bac-ai.phuoc-binh")));

  const ntr::Unit& commune = reg.unit(id_of(reg, "prtc.bao-an"));
  CHECK(commune.level == 2);
  CHECK(commune.parent == kNoUnit);
  CHECK(commune.area == id_of(reg, "prtc"));
  CHECK(commune.kind == "phuong");
  CHECK(codes(reg, reg.areas()) == std::vector<std::string>{"prtc", "bac-ai", "ninh-son",
                                                            "thuan-bac", "ninh-hai", "thuan-nam",
                                                            "ninh-phuoc"});
}

TEST_CASE("registry: columns are found by name in any order; only code, name, level needed") {
  ntr::Diagnostics diags;
  const Registry reg = build(
      "Level,name, code ,parent\n"
      "tinh,Sở A,a,\n"
      "tinh,Phòng A1,a.1,a\n"
      "tinh,Tổ A1x,a.1.x,a.1\n",
      diags);
  CHECK(messages(diags).empty());
  REQUIRE(reg.size() == 3);
  CHECK(reg.unit(2).code == "a.1.x");
  CHECK(reg.unit(2).name == "Tổ A1x");
  CHECK(reg.unit(2).kind.empty());
  CHECK(reg.unit(2).aliases.empty());
  CHECK(reg.unit(2).parent == 1);
  CHECK(reg.unit(2).depth == 2);
  CHECK(reg.unit(0).children == std::vector<ntr::UnitId>{1});
  CHECK(reg.areas().empty());
}

TEST_CASE("registry: parents may come after their children; depth is unbounded") {
  ntr::Diagnostics diags;
  const Registry reg = build(std::string(kHeader) +
                                 "d,D,tinh,c,,,\n"
                                 "c,C,tinh,b,,,\n"
                                 "b,B,tinh,a,,,\n"
                                 "a,A,tinh,,,,\n"
                                 "e,E,tinh,a,,,\n",
                             diags);
  CHECK(messages(diags).empty());
  CHECK(reg.unit(id_of(reg, "d")).depth == 3);
  CHECK(reg.unit(id_of(reg, "c")).depth == 2);
  CHECK(reg.unit(id_of(reg, "a")).depth == 0);
  CHECK(codes(reg, reg.unit(id_of(reg, "a")).children) == std::vector<std::string>{"b", "e"});
  CHECK(reg.is_ancestor(id_of(reg, "a"), id_of(reg, "d")));
}

TEST_CASE("registry: every problem is reported with its cell") {
  ntr::Diagnostics diags;
  const Registry reg = build(std::string(kHeader) +
                                 "a,Sở A,tinh,,,so,\n"      // 2
                                 "a.x,Phòng X,tinh,a,,,\n"  // 3
                                 ",Không mã,tinh,,,,\n"     // 4: no code
                                 "b,,tinh,,,,\n"            // 5: no name
                                 "a,Sở A lặp,tinh,,,,\n"    // 6: code of row 2
                                 "c,Sở C,tinh,a.y,,,\n"     // 7: unknown parent
                                 "d,Xã D,xa,,huyen-q,,\n"   // 8: unknown area
                                 "e,Xã E,xa,a,,,\n"         // 9: parent on another level
                                 "f,Sở F,tỉnh,,,,\n"        // 10: unknown level
                                 "g,Sở G,,,,,\n"            // 11: no level
                                 "h,Sở H,tinh,i,,,\n"       // 12: h → i → h
                                 "i,Sở I,tinh,h,,,\n"       // 13
                                 "j,Sở J,tinh,j,,,\n"       // 14: its own parent
                                 "k,Sở K,tinh,a.x,,,\n"     // 15: fine
                                 "Sở L,Sở L,tinh,,,,\n",    // 16: not a code
                             diags);
  CHECK(messages(diags) ==
        Lines{
            "reg.csv:A4: " + kSyntax +
                "\"code\" is empty; expected an ASCII code such as \"so-y-te\"",
            "reg.csv:B5: " + kSyntax + "\"name\" is empty; expected the unit's display name",
            "reg.csv:A6: error[registry-duplicate-code]: code \"a\" is already the code of row 2 "
            "(\"Sở A\"); expected each code once",
            "reg.csv:C10: error[registry-unknown-level]: level \"tỉnh\" is not defined; expected "
            "one of: tinh, huyen, xa",
            "reg.csv:C11: " + kSyntax + "\"level\" is empty; expected one of: tinh, huyen, xa",
            "reg.csv:A16: " + kSyntax +
                "code \"Sở L\" holds a character outside ASCII; expected a code such as "
                "\"so-y-te\": letters A-Z and a-z, digits, '-', '_' and '.', beginning with a "
                "letter or a digit, without \"..\", at most 100 characters",
            "reg.csv:D7: error[registry-unknown-parent]: parent \"a.y\" is not a code of the "
            "registry; expected the code of the unit this one adds into (did you mean 'a.x' "
            "or 'a'?)",
            "reg.csv:E8: error[registry-unknown-area]: area \"huyen-q\" is not a code of the "
            "registry; expected the code of the district the unit lies in",
            "reg.csv:D9: error[registry-parent-level]: parent \"a\" is on level \"tinh\", this "
            "unit on level \"xa\"; expected a parent on the same level (the district a unit lies "
            "in goes in \"area\")",
            "reg.csv:D12: error[registry-cycle]: parent links form a cycle: h → i → h; expected "
            "every chain of parents to end at a unit without a parent",
            "reg.csv:D14: error[registry-cycle]: parent links form a cycle: j → j; expected "
            "every chain of parents to end at a unit without a parent",
        });
  CHECK(diags.exit_code() == ntr::ExitCode::usage);
  for (const ntr::Diagnostic& d : diags.all())
    CHECK(ntr::code_info(d.code.name()).code == d.code.name());
  // What could be read is kept, with the broken links cut, so the tree stays a tree.
  CHECK(reg.size() == 13);
  CHECK(reg.unit(id_of(reg, "h")).parent == kNoUnit);
  CHECK(reg.unit(id_of(reg, "i")).parent == id_of(reg, "h"));
  CHECK(reg.unit(id_of(reg, "i")).depth == 1);
  CHECK(reg.unit(id_of(reg, "j")).parent == kNoUnit);
  CHECK(reg.unit(id_of(reg, "e")).parent == kNoUnit);
  CHECK(reg.unit(id_of(reg, "k")).depth == 2);
  CHECK(reg.unit(id_of(reg, "a")).name == "Sở A");
}

TEST_CASE("registry: a cycle is reported once, at its first unit, even when entered from outside") {
  ntr::Diagnostics diags;
  const Registry reg = build(std::string(kHeader) +
                                 "x,X,tinh,z,,,\n"
                                 "w,W,tinh,y,,,\n"
                                 "y,Y,tinh,w,,,\n"
                                 "z,Z,tinh,y,,,\n",
                             diags);
  CHECK(messages(diags) ==
        Lines{"reg.csv:D3: error[registry-cycle]: parent links form a cycle: w → y → w; expected "
              "every chain of parents to end at a unit without a parent"});
  CHECK(reg.unit(id_of(reg, "x")).depth == 3);  // x → z → y → w
}

TEST_CASE("registry: a missing required column, a repeated column, no header row") {
  const std::string expected =
      "; expected the columns code, name, level, parent, area, kind, aliases";
  ntr::Diagnostics diags;
  const Registry reg = build("code,label,Code\na,A,b\n", diags);
  CHECK(messages(diags) ==
        Lines{"reg.csv:C1: " + kSyntax +
                  "column \"code\" appears twice (also in column A); expected each column once",
              "reg.csv:A1: " + kSyntax + "the header row has no \"name\" column" + expected,
              "reg.csv:A1: " + kSyntax + "the header row has no \"level\" column" + expected});
  CHECK(reg.size() == 0);

  ntr::Diagnostics empty_diags;
  ntr::OwnedSheet empty;
  empty.info.file = "reg.csv";
  const Registry none = Registry::build(empty, ntr::default_levels(), empty_diags);
  CHECK(messages(empty_diags) == Lines{"reg.csv: " + kSyntax + "no header row" + expected});
  CHECK(none.size() == 0);
}

TEST_CASE("registry: a two-level registry (since July 2025) works like a three-level one") {
  ntr::Diagnostics diags;
  std::vector<ntr::LevelDef> levels =
      Registry::levels_from_sheet(csv_sheet("id,label,area_label,aliases\n"
                                            "tinh,Cấp tỉnh,\"Các Sở, ban, ngành\",\n"
                                            "xa,Cấp xã,UBND cấp xã,Các xã phường\n",
                                            "levels.csv"),
                                  diags);
  REQUIRE(levels.size() == 2);
  const Registry reg = build(std::string(kHeader) +
                                 "so-a,Sở A,tinh,,,so,\n"
                                 "xa-b,Xã B,xa,,,xa,\n"
                                 "xa-c,Phường C,xa,,,phuong,\n"
                                 "h,Huyện H,huyen,,,huyen,\n",
                             diags, std::move(levels));
  CHECK(messages(diags) ==
        Lines{"reg.csv:C5: error[registry-unknown-level]: level \"huyen\" is not defined; "
              "expected one of: tinh, xa"});
  CHECK(reg.levels().size() == 2);
  CHECK(reg.unit(id_of(reg, "xa-c")).level == 1);
  CHECK(reg.find_level("xa") == ntr::LevelId{1});
  CHECK_FALSE(reg.find_level("huyen").has_value());
  CHECK(reg.match_level("Cấp xã") == ntr::LevelId{1});
  CHECK(reg.match_level("UBND cấp xã") == ntr::LevelId{1});
  CHECK(reg.match_level("các xã  phường") == ntr::LevelId{1});
  CHECK(reg.match_level("Các Sở, ban, ngành") == ntr::LevelId{0});
  CHECK_FALSE(reg.match_level("Cấp huyện").has_value());
  CHECK(reg.match(" Phường C ").unit == id_of(reg, "xa-c"));
}

TEST_CASE("registry: the default levels are data/registry/levels.csv, compiled in") {
  const std::vector<ntr::LevelDef> defaults = ntr::default_levels();
  REQUIRE(defaults.size() == 3);
  CHECK(defaults[0].id == "tinh");
  CHECK(defaults[0].label == "Cấp tỉnh");
  CHECK(defaults[0].area_label == "Các Sở, ban, ngành");
  CHECK(defaults[1].id == "huyen");
  CHECK(defaults[1].label == "Cấp huyện");
  CHECK(defaults[1].area_label == "Cấp huyện");
  CHECK(defaults[2].id == "xa");
  CHECK(defaults[2].label == "Cấp xã");
  CHECK(defaults[2].area_label == "UBND cấp xã");
  CHECK(defaults[0].aliases ==
        std::vector<std::string>{"Các sở, ban, ngành", "Sở, ban, ngành", "Cấp Tỉnh"});
  CHECK(defaults[1].aliases == std::vector<std::string>{"Các huyện, thành phố"});
  CHECK(defaults[2].aliases == std::vector<std::string>{"Các xã, phường, thị trấn"});

  const auto same_as_defaults = [&](const ntr::OwnedSheet& sheet) {
    ntr::Diagnostics diags;
    const std::vector<ntr::LevelDef> levels = Registry::levels_from_sheet(sheet, diags);
    CHECK(messages(diags).empty());
    REQUIRE(levels.size() == defaults.size());
    for (std::size_t i = 0; i < defaults.size(); ++i) {
      CHECK(levels[i].id == defaults[i].id);
      CHECK(levels[i].label == defaults[i].label);
      CHECK(levels[i].area_label == defaults[i].area_label);
      CHECK(levels[i].aliases == defaults[i].aliases);
    }
  };
  // the binary carries the file of the source tree
  same_as_defaults(ntr_test::csv_file_sheet("data/registry/levels.csv"));

  ntr::Diagnostics diags;
  const Registry reg = build(kHeader, diags);
  CHECK(reg.match_level("Các sở, ban, ngành") == ntr::LevelId{0});
  CHECK(reg.match_level("CẤP TỈNH") == ntr::LevelId{0});
  CHECK(reg.match_level("Sở, ban, ngành") == ntr::LevelId{0});
  CHECK(reg.match_level("Cấp huyện") == ntr::LevelId{1});
  CHECK(reg.match_level("Cấp xã") == ntr::LevelId{2});
  CHECK(reg.match_level("Uỷ ban nhân dân cấp xã") == ntr::LevelId{2});
  CHECK_FALSE(reg.match_level("Tổng cộng").has_value());
  CHECK_FALSE(reg.match_level("Sở Y tế").has_value());
  CHECK_FALSE(reg.match_level("").has_value());
}

TEST_CASE("registry: problems of a levels file") {
  ntr::Diagnostics diags;
  const std::vector<ntr::LevelDef> levels =
      Registry::levels_from_sheet(csv_sheet("id,label,area_label\n"
                                            "tinh,Cấp tỉnh,\n"
                                            ",Cấp huyện,\n"
                                            "xa,,\n"
                                            "tinh,Cấp tỉnh lặp,\n",
                                            "levels.csv"),
                                  diags);
  CHECK(messages(diags) ==
        Lines{"levels.csv:A3: " + kSyntax +
                  "\"id\" is empty; expected a level id and the label of its rows",
              "levels.csv:B4: " + kSyntax +
                  "\"label\" is empty; expected a level id and the label of its rows",
              "levels.csv:A5: " + kSyntax +
                  "level \"tinh\" is already defined on row 2; expected each level once"});
  REQUIRE(levels.size() == 1);
  CHECK(levels[0].area_label == "Cấp tỉnh");  // no area label: the label stands for it
  CHECK(levels[0].aliases.empty());

  ntr::Diagnostics missing;
  CHECK(Registry::levels_from_sheet(csv_sheet("id,area_label\ntinh,x\n", "levels.csv"), missing)
            .empty());
  CHECK(messages(missing) ==
        Lines{"levels.csv:A1: " + kSyntax +
              "the header row has no \"label\" column; expected the columns id, label, "
              "area_label, aliases"});
}

TEST_CASE("registry: an alias file adds names; unknown codes are reported with suggestions") {
  ntr::Diagnostics diags;
  Registry reg = Registry::build(ntr_test::csv_file_sheet("data/registry/ninh-thuan-2023-2024.csv"),
                                 ntr::default_levels(), diags);
  REQUIRE(messages(diags).empty());
  const ntr::UnitId phu_ha = id_of(reg, "prtc.phu-ha");
  REQUIRE(reg.match("Phường Phú Hà").kind == ntr::Match::Kind::none);

  reg.add_aliases(csv_sheet("code,alias\n"
                            "prtc.phu-ha,Phường Phú Hà\n"
                            " so-tnmt.vpdkdd.ninh-son , Chi nhánh VPĐKKĐ Huyện Ninh Sơn \n"
                            "so-y-tee,Sở Y tế tỉnh\n"
                            "Phường Phủ Hà,Phủ Hà\n"
                            "so-y-te,\n"
                            "prtc.phu-ha,Phường Phú Hà\n",
                            "alias.csv"),
                  diags);
  CHECK(messages(diags) ==
        Lines{"alias.csv:A4: error[alias-unknown-unit]: alias \"Sở Y tế tỉnh\" names code "
              "\"so-y-tee\", which the registry does not have; expected a registry code (did you "
              "mean 'so-y-te'?)",
              "alias.csv:A5: error[alias-unknown-unit]: alias \"Phủ Hà\" names code \"Phường Phủ "
              "Hà\", which the registry does not have; expected a registry code (did you mean "
              "'prtc.phu-ha'?)",
              "alias.csv:B6: " + kSyntax +
                  "\"alias\" is empty; expected a name and the code of its unit"});
  CHECK(reg.match("Phường Phú Hà").unit == phu_ha);
  CHECK(reg.match("UBND phường Phú Hà").unit == phu_ha);
  CHECK(reg.match("Phú Hà").unit == phu_ha);  // the bare name of an alias counts too
  CHECK(reg.match("Chi nhánh VPĐKKĐ huyện Ninh Sơn").unit == id_of(reg, "so-tnmt.vpdkdd.ninh-son"));
  // an alias given twice is kept once
  CHECK(reg.unit(phu_ha).aliases == std::vector<std::string>{"Ủy ban nhân dân phường Phủ Hà",
                                                             "UBND phường Phủ Hà",
                                                             "Phường Phú Hà"});
  CHECK(diags.exit_code() == ntr::ExitCode::usage);

  ntr::Diagnostics missing;
  reg.add_aliases(csv_sheet("name,code\nX,so-y-te\n", "alias.csv"), missing);
  CHECK(messages(missing) == Lines{"alias.csv:A1: " + kSyntax +
                                   "the header row has no \"alias\" column; expected the columns "
                                   "alias, code"});
}
