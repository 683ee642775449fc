// The words of templates/labels.toml: every one there, none unknown, patterns filled by name.
#include <catch2/catch.hpp>
#include <stdexcept>
#include <string>

#include "../support/scratch_dir.hpp"
#include "ntreport/report/labels.hpp"

using ntr::fill;
using ntr::labels;
using ntr::parse_labels;

TEST_CASE("labels: the shipped file gives every word, as the published tables print them") {
  const ntr::Labels& l = labels();
  CHECK(l.total == "Tổng cộng");
  CHECK(l.appendix_number == "Phụ lục {n}");
  CHECK(l.note_header == "Ghi chú");
  CHECK(l.not_reported == "Chưa báo cáo");
  CHECK(l.target_met == "Đạt");
  CHECK(fill(l.target_below, {{"diff", "1,05%"}}) == "Chưa đạt (thiếu 1,05%)");
  CHECK(fill(l.units_covered, {{"reported", "62"}, {"units", "65"}}) == "62/65 đơn vị");
  CHECK(fill(l.period, {{"from", "01/01/2024"}, {"to", "28/08/2024"}}) ==
        "(Từ ngày 01/01/2024 đến ngày 28/08/2024)");
}

TEST_CASE("labels: the source tree's file is the one compiled in") {
  const std::string text =
      ntr::test::read_file(std::string(NTR_SOURCE_DIR) + "/templates/labels.toml");
  const ntr::Labels from_tree = parse_labels(text);
  REQUIRE_FALSE(text.empty());
  CHECK(from_tree.legend_lowest == labels().legend_lowest);
  CHECK(from_tree.by_area == labels().by_area);
}

TEST_CASE("labels: a missing, unknown or non-text key is refused by name") {
  std::string text = ntr::test::read_file(std::string(NTR_SOURCE_DIR) + "/templates/labels.toml");
  CHECK_NOTHROW(parse_labels(text));
  CHECK_THROWS_WITH(parse_labels(text + "\n[charts2]\nx = \"y\"\n"),
                    "templates/labels.toml: unknown charts2.x");
  const auto at = text.find("total = ");
  REQUIRE(at != std::string::npos);
  std::string missing = text;
  missing.replace(at, 5, "totals");
  CHECK_THROWS_WITH(parse_labels(missing), "templates/labels.toml: no report.total");
  std::string number = text;
  number.replace(at, text.find('\n', at) - at, "total = 1");
  CHECK_THROWS_WITH(parse_labels(number), "templates/labels.toml: no report.total");
}

TEST_CASE("fill: each {name} given is replaced, anything else stays") {
  CHECK(fill("{n} of {n}", {{"n", "3"}}) == "3 of 3");
  CHECK(fill("{a}{b}", {{"a", "x"}, {"b", "{a}"}}) == "x{a}");
  CHECK(fill("{unknown} {", {{"n", "3"}}) == "{unknown} {");
  CHECK(fill("", {}).empty());
}

TEST_CASE("labels: the words of the status, units and inspect tables and of the forms") {
  const ntr::Labels& l = labels();
  CHECK(l.chart_sheet == "Biểu đồ");
  CHECK(fill(l.footer, {{"page", "&P"}, {"pages", "&N"}}) == "Trang &P/&N");
  CHECK(l.units_header == "| Mã đơn vị | Tên đơn vị | Cấp | Thuộc |");
  CHECK(fill(l.status_missing, {{"fields", "Qua BCCI"}}) == "chưa nhập: Qua BCCI");
  CHECK(l.form_signer == "Người lập biểu");
  CHECK(fill(l.form_field, {{"header", "Qua mạng"}, {"help", "x."}}) == "• «Qua mạng»: x.");
}

TEST_CASE("labels: every field has its help, and its group unless it is derived") {
  const ntr::Labels& l = labels();
  for (const auto& f : ntr::fields()) {
    CAPTURE(f.key);
    const auto& text = l.fields[static_cast<std::size_t>(f.id)];
    CHECK_FALSE(text.help.empty());
  }
  CHECK(l.fields[static_cast<std::size_t>(ntr::Field::received_online)].group == "Tiếp nhận");
  CHECK(l.fields[static_cast<std::size_t>(ntr::Field::received)].group.empty());
  std::string text = ntr::test::read_file(std::string(NTR_SOURCE_DIR) + "/templates/labels.toml");
  CHECK_THROWS_WITH(parse_labels(text + "\n[fields.nothing]\nhelp = \"x\"\n"),
                    "templates/labels.toml: unknown fields.nothing");
  CHECK_THROWS_WITH(parse_labels(text + "\n[fields.docs_in.x]\n"),
                    "templates/labels.toml: unknown fields.docs_in.x");
  const std::string section = "[fields.docs_out]\n";
  const std::string group = "group = \"Văn bản\"\n";
  const auto at = text.find(section + group);
  REQUIRE(at != std::string::npos);
  text.erase(at + section.size(), group.size());
  CHECK_THROWS_WITH(parse_labels(text), "templates/labels.toml: no fields.docs_out.group");
}

TEST_CASE("labels: the words of the comparison tables and the narrative's clauses") {
  const ntr::Labels& l = labels();
  CHECK(fill(l.compare_title, {{"title", "Hồ sơ"}}) == "So sánh với cùng kỳ: Hồ sơ");
  CHECK(fill(l.compare_period,
             {{"now", fill(l.compare_period_now, {{"from", "01/01/2025"}, {"to", "30/06/2025"}})},
              {"before", fill(l.compare_period_before_file, {{"build", "truoc/summary.json"}})}}) ==
        "(Kỳ này: từ ngày 01/01/2025 đến ngày 30/06/2025; cùng kỳ: truoc/summary.json)");
  CHECK(fill(l.compare_period, {{"now", ""}, {"before", ""}}) == "(Kỳ này)");
  CHECK(l.compare_now == "Kỳ này");
  CHECK(l.compare_previous == "Cùng kỳ");
  CHECK(l.compare_no_earlier == "Không có số liệu cùng kỳ");
  CHECK(fill(l.compare_more_units, {{"more", "3"}}) == " và 3 đơn vị khác");
  CHECK(fill(l.narrative_change_up, {{"change", "5%"}}) == " (tăng 5% so với cùng kỳ)");
  CHECK(l.narrative_list_and == " và ");
  CHECK(l.narrative_change_small == "dưới 0,01%");
  std::string text = ntr::test::read_file(std::string(NTR_SOURCE_DIR) + "/templates/labels.toml");
  const auto at = text.find("no_earlier = ");
  REQUIRE(at != std::string::npos);
  text.replace(at, 10, "no_earlierr");
  CHECK_THROWS_WITH(parse_labels(text), "templates/labels.toml: no compare.no_earlier");
}
