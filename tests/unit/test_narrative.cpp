// The narrative: placeholders, shares from the stated figures, targets, the earlier period,
// lowest units, units not reported, and the template errors, on figures worked out by hand.
#include <catch2/catch.hpp>

#include "ntreport/aggregate/aggregate.hpp"
#include "ntreport/narrative/narrative.hpp"
#include "ntreport/report/build.hpp"
#include "test_support.hpp"

using namespace ntr;

namespace {

constexpr std::string_view kRegistry =
    "code,name,level,parent,area,kind,aliases\n"
    "a,Sở A,tinh,,,so,\n"
    "b,Sở B,tinh,,,so,\n"
    "c,Sở C,tinh,,,so,\n"
    "c.vp,Văn phòng Sở C,tinh,c,,van-phong,\n"
    "h1,UBND huyện Một,huyen,,,huyen,\n";

constexpr std::string_view kAppendix = R"x(id = "van-ban"
title = "Văn bản"
[[columns]]
header = "STT"
show = "stt"
[[columns]]
header = "Tên đơn vị"
show = "name"
[[columns]]
header = "VB đến"
show = "docs_in"
[[columns]]
header = "VB đi"
show = "docs_out"
[[columns]]
header = "Tỷ lệ"
show = "signed_ratio"
)x";

struct Fixture {
  Registry registry = ntr_test::registry_of(kRegistry);
  Totals totals;
  ReportDoc doc;

  Fixture() {
    std::vector<Values> own(registry.size());
    auto set = [&](std::string_view code, int in, int out, int signed_out) {
      Values& v = own[static_cast<std::size_t>(registry.find_code(code))];
      v.set(Field::docs_in, in);
      v.set(Field::docs_out, out);
      v.set(Field::docs_out_signed, signed_out);
    };
    set("a", 100, 3, 2);                // 66,67%
    set("b", 200, 6, 4);                // 66,67%, tied with a
    set("h1", 50, 8, 7);                // 87,5%
    totals = aggregate(registry, own);  // tinh: 300 in, 9 out, 6 signed; c not reported
    Diagnostics diags;
    const auto def = parse_appendix(kAppendix, "t.toml", diags);
    REQUIRE(def);
    doc = build_report(*def, registry, totals, ReportOptions{});
  }

  std::vector<std::string> sentences(std::string_view toml, const NarrativeOptions& options = {}) {
    Diagnostics diags;
    const auto def = parse_narrative(toml, "n.toml", diags);
    REQUIRE(ntr_test::messages(diags).empty());
    REQUIRE(def);
    std::vector<std::string> out;
    for (const auto& s : build_narrative(*def, doc, registry, totals, options).sentences)
      out.push_back(s.text);
    return out;
  }
};

std::vector<std::string> errors(std::string_view toml) {
  Diagnostics diags;
  CHECK_FALSE(parse_narrative(toml, "n.toml", diags));
  return ntr_test::messages(diags);
}

}  // namespace

TEST_CASE("narrative: counts, sums, shares and rates of each level, in Vietnamese format") {
  Fixture f;
  const auto s = f.sentences(R"x(appendix = "van-ban"
[[sentences]]
for = "level"
text = "{Level}{coverage}: {docs_in+docs_out} văn bản, {docs_out} đi (chiếm {docs_out/docs_in+docs_out}), ký số {signed_ratio}."
)x");
  // 9 / 309 = 2,9126% → 2,91%; 6 / 9 = 66,67%; 8 / 58 = 13,793% → 13,79%
  CHECK(s == std::vector<std::string>{
                 "Cấp tỉnh (2/3 đơn vị): 309 văn bản, 9 đi (chiếm 2,91%), ký số 66,67%.",
                 "Cấp huyện: 58 văn bản, 8 đi (chiếm 13,79%), ký số 87,5%."});
}

TEST_CASE("narrative: a levels list, and the target clause from the rate as stated") {
  Fixture f;
  NarrativeOptions options;
  options.targets = {RateTarget{Rate::signed_ratio, LevelId{0}, 6667, "66,67%"},
                     RateTarget{Rate::signed_ratio, LevelId{1}, 9000, "90%"}};
  const auto s = f.sentences(R"x(appendix = "van-ban"
[[sentences]]
for = "levels"
text = "Đạt {list}."
item = "{signed_ratio} đối với {level}{signed_ratio.target}"
)x",
                             options);
  // tỉnh 66,67% = target; huyện 87,5% is 2,5% under 90%
  CHECK(s == std::vector<std::string>{
                 "Đạt 66,67% đối với cấp tỉnh, đạt chỉ tiêu (66,67%) và 87,5% đối với cấp "
                 "huyện, chưa đạt chỉ tiêu 90% (thiếu 2,5%)."});
}

TEST_CASE("narrative: the comparison with the earlier period, and none without it") {
  Fixture f;
  constexpr std::string_view kToml = R"x(appendix = "van-ban"
[[sentences]]
for = "total"
text = "{docs_out} văn bản đi{docs_out.change}, {docs_in} đến{docs_in.change}."
)x";
  CHECK(f.sentences(kToml) == std::vector<std::string>{"17 văn bản đi, 350 đến."});
  PreviousFigures previous;
  previous.total.set(Field::docs_out, 16);  // 17 / 16 = +6,25%
  previous.total.set(Field::docs_in, 400);  // 350 / 400 = −12,5%
  NarrativeOptions options;
  options.previous = &previous;
  CHECK(f.sentences(kToml, options) ==
        std::vector<std::string>{"17 văn bản đi (tăng 6,25% so với cùng kỳ), 350 đến (giảm "
                                 "12,5% so với cùng kỳ)."});
}

TEST_CASE("narrative: a change under 0,01% is said in words, which a template may reword") {
  Fixture f;
  std::vector<Values> own(f.registry.size());
  Values& a = own[static_cast<std::size_t>(f.registry.find_code("a"))];
  a.set(Field::docs_in, 100001);
  f.totals = aggregate(f.registry, own);
  Diagnostics diags;
  const auto def = parse_appendix(kAppendix, "t.toml", diags);
  REQUIRE(def);
  f.doc = build_report(*def, f.registry, f.totals, ReportOptions{});
  PreviousFigures previous;
  previous.total.set(Field::docs_in, 100000);  // 1 / 100000 = 0,001%: "0%" would be wrong
  NarrativeOptions options;
  options.previous = &previous;
  constexpr std::string_view kText = R"x(
[[sentences]]
for = "total"
text = "{docs_in} đến{docs_in.change}."
)x";
  CHECK(f.sentences(std::string("appendix = \"van-ban\"\n") + std::string(kText), options) ==
        std::vector<std::string>{"100.001 đến (tăng dưới 0,01% so với cùng kỳ)."});
  CHECK(f.sentences(std::string("appendix = \"van-ban\"\n[words]\nchange_small = \"chưa tới "
                                "0,01%\"\n") +
                        std::string(kText),
                    options) ==
        std::vector<std::string>{"100.001 đến (tăng chưa tới 0,01% so với cùng kỳ)."});
}

TEST_CASE("narrative: lowest units name `count` of them and count the others tied") {
  Fixture f;
  const auto s = f.sentences(R"x(appendix = "van-ban"
[[sentences]]
for = "lowest"
rate = "signed_ratio"
count = 1
levels = ["tinh"]
text = "Thấp nhất {level}: {list}."
item = "{name} ({signed_ratio})"
[[sentences]]
for = "not_reported"
text = "{Level} còn {count} đơn vị chưa báo cáo: {list}."
item = "{name}"
empty = "{Level}: đủ."
)x");
  CHECK(s ==
        std::vector<std::string>{"Thấp nhất cấp tỉnh: Sở A (66,67%) và 1 đơn vị khác cùng tỷ lệ.",
                                 "Cấp tỉnh còn 1 đơn vị chưa báo cáo: Sở C.", "Cấp huyện: đủ."});
}

TEST_CASE("narrative: a sentence with a figure not reported is left out, never a 0") {
  Fixture f;
  const auto s = f.sentences(R"x(appendix = "van-ban"
[[sentences]]
for = "level"
text = "{Level}: {received} hồ sơ."
[[sentences]]
for = "total"
text = "Tổng {docs_in}."
)x");
  CHECK(s == std::vector<std::string>{"Tổng 350."});
}

TEST_CASE("narrative: template errors name the file and line") {
  CHECK(errors("appendix = \"x\"\n[[sentences]]\nfor = \"level\"\ntext = \"{recieved}\"\n") ==
        ntr_test::Lines{"n.toml:4: error[template-error]: text: {recieved} names no figure, "
                        "rate or word"});
  CHECK(errors("appendix = \"x\"\n[[sentences]]\nfor = \"total\"\ntext = \"{name}\"\n") ==
        ntr_test::Lines{"n.toml:4: error[template-error]: text: {name} cannot be used in this "
                        "part of this sentence"});
  CHECK(errors("appendix = \"x\"\n[words]\nfoo = \"a\"\n[[sentences]]\nfor = \"total\"\n"
               "text = \"a\"\n") ==
        ntr_test::Lines{"n.toml:3: error[template-error]: words: \"foo\" is no word a template "
                        "sets"});
  CHECK(errors("appendix = \"x\"\n[[sentences]]\nfor = \"lowest\"\ntext = \"{list}\"\n"
               "item = \"{name}\"\n") ==
        ntr_test::Lines{"n.toml:2: error[template-error]: a lowest sentence needs \"rate\", a "
                        "rate key"});
}
