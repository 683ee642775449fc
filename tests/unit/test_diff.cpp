#include <catch2/catch.hpp>

#include "ntreport/diff/decimal.hpp"
#include "ntreport/diff/diff.hpp"
#include "ntreport/write/diff_markdown.hpp"

using namespace ntr;

namespace {

Decimal dec(std::string_view text) {
  const auto d = Decimal::parse(text);
  REQUIRE(d.has_value());
  return *d;
}

JsonValue json(std::string_view text) {
  std::string error;
  auto v = parse_json(text, error);
  INFO(error);
  REQUIRE(v.has_value());
  return *v;
}

// A summary with one appendix: a unit, a level row, the total.
std::string summary(std::string_view unit_values, std::string_view level_values,
                    std::string_view total_values) {
  return std::string(R"({"appendices": {"ho-so": {"levels": {"xa": {"label": "Cấp xã", )") +
         std::string(level_values) + R"(}}, "groups": [], "total": {"label": "Tổng cộng", )" +
         std::string(total_values) + R"(}, "units": {"xa.a": {"name": "Xã A", "level": "xa", )" +
         std::string(unit_values) + R"(}}, "items": [], "not_reported": []}}, "warnings": []})";
}

}  // namespace

TEST_CASE("Decimal: parses JSON numbers exactly, rounds percentages half away from zero") {
  CHECK(dec("0.99835").percent_hundredths() == 9984);  // 99,835% → 99,84%, as the tables do
  CHECK(dec("0.9983499999").percent_hundredths() == 9983);
  CHECK(dec("1").percent_hundredths() == 10000);
  CHECK(dec("0").percent_hundredths() == 0);
  CHECK(dec("2.5e-05").percent_hundredths() == 0);  // 0,0025% → 0%
  CHECK(dec("5e-05").percent_hundredths() == 1);    // 0,005% → 0,01%
  CHECK(dec("1E+0").percent_hundredths() == 10000);
  CHECK(format_rate(dec("0.966")) == "96,6%");
  CHECK(format_rate(dec("0.6089359272400995")) == "60,89%");
  CHECK_FALSE(Decimal::parse("").has_value());
  CHECK_FALSE(Decimal::parse("1e99").has_value());
  CHECK_FALSE(Decimal::parse("0.5x").has_value());
  CHECK(dec("0.5") == dec("5e-1"));
}

TEST_CASE("rate_change: percentage points between the rates as printed") {
  // 99,045% prints 99,05%, 98,5249% prints 98,52%: the tables show a fall of 0,53 points,
  // where the unrounded rates are 0,5201 points apart.
  CHECK(rate_change(dec("0.99045"), dec("0.985249")) == "-0,53 điểm %");
  CHECK(rate_change(dec("0.985249"), dec("0.99045")) == "+0,53 điểm %");
  CHECK(rate_change(dec("0.966"), dec("0.9665")) == "+0,05 điểm %");
  CHECK(rate_change(dec("0.9"), dec("0.87")) == "-3 điểm %");
  CHECK(rate_change(dec("0.5"), dec("0.50001")) == "+<0,01 điểm %");
  CHECK(rate_change(dec("0.50001"), dec("0.5")) == "-<0,01 điểm %");
  CHECK(rate_change(dec("0.1"), dec("0.10005")) == "+0,01 điểm %");
}

TEST_CASE("count_change: absolute, and relative to the old value") {
  CHECK(count_change(2189, 3189) == "+1.000 (+45,68%)");
  CHECK(count_change(200, 150) == "-50 (-25%)");
  CHECK(count_change(0, 7) == "+7");
  CHECK(count_change(3, 0) == "-3 (-100%)");
  CHECK(count_change(1000000, 1000001) == "+1 (+<0,01%)");
  CHECK(count_change(8, 9) == "+1 (+12,5%)");
}

TEST_CASE("diff_summaries: identical documents give nothing") {
  Diagnostics diags;
  const JsonValue a = json(
      summary(R"("received": 5, "online_ratio": 0.4)", R"("received": 5)", R"("received": 5)"));
  const SummaryDiff d = diff_summaries(a, "old", a, "new", diags);
  CHECK(d.identical());
  CHECK(render_diff_markdown(d).empty());
  CHECK(diags.all().empty());
}

TEST_CASE("diff_summaries: a document compared with itself gives nothing, whatever it holds") {
  // Found by fuzzing: a figure that is an array or object, and two group rows with one key,
  // made a document differ from itself.
  Diagnostics diags;
  const JsonValue a = json(
      R"({"appendices": {"ho-so": {"groups": [)"
      R"({"level": "xa", "area": "d1", "label": "A", "received": 5},)"
      R"({"level": "xa", "area": "d1", "label": "B", "received": 7}],)"
      R"( "units": {"xa.a": {"name": "Xã A", "received": [1, {"x": 2}], "extra": {"y": [3]}}}}}})");
  const SummaryDiff d = diff_summaries(a, "old", a, "new", diags);
  CHECK(d.changes.empty());
  CHECK(d.identical());
}

TEST_CASE("diff_summaries: group rows that share a key are matched in their order") {
  Diagnostics diags;
  const JsonValue a = json(R"({"appendices": {"ho-so": {"groups": [)"
                           R"({"level": "xa", "area": "d1", "label": "A", "received": 5},)"
                           R"({"level": "xa", "area": "d1", "label": "B", "received": 7}]}}})");
  const JsonValue b = json(R"({"appendices": {"ho-so": {"groups": [)"
                           R"({"level": "xa", "area": "d1", "label": "A", "received": 5},)"
                           R"({"level": "xa", "area": "d1", "label": "B", "received": 8}]}}})");
  const SummaryDiff d = diff_summaries(a, "old", b, "new", diags);
  REQUIRE(d.changes.size() == 1);
  CHECK(d.changes[0].row == "B");
  CHECK(d.changes[0].old_text == "7");
  CHECK(d.changes[0].new_text == "8");
}

TEST_CASE("diff_summaries: units, then levels, then the total; absent and undefined values") {
  Diagnostics diags;
  const JsonValue a = json(summary(R"("received": 5, "received_postal": 1, "online_ratio": 0.4)",
                                   R"("received": 5, "online_ratio": null)", R"("received": 5)"));
  const JsonValue b = json(summary(R"("received": 5, "received_online": 3, "online_ratio": 0.6)",
                                   R"("received": 6, "online_ratio": 0.5)", R"("received": 6)"));
  const SummaryDiff d = diff_summaries(a, "old", b, "new", diags);
  CHECK(diags.all().empty());
  CHECK(render_diff_markdown(d) ==
        "| Phụ lục | Đơn vị | Chỉ số | Cũ | Mới | Thay đổi |\n"
        "|---|---|---|---:|---:|---:|\n"
        "| ho-so | Xã A | Qua mạng |  | 3 |  |\n"
        "| ho-so | Xã A | Tỷ lệ HS qua mạng | 40% | 60% | +20 điểm % |\n"
        "| ho-so | Xã A | Qua BCCI | 1 |  |  |\n"
        "| ho-so | Cấp xã | Tổng số (trong kỳ) | 5 | 6 | +1 (+20%) |\n"
        "| ho-so | Cấp xã | Tỷ lệ HS qua mạng | - | 50% |  |\n"
        "| ho-so | Tổng cộng | Tổng số (trong kỳ) | 5 | 6 | +1 (+20%) |\n");
}

TEST_CASE("diff_summaries: appendices in one build only are notes") {
  Diagnostics diags;
  const JsonValue a = json(R"({"appendices": {"ho-so": {}, "so-hoa": {}}})");
  const JsonValue b = json(R"({"appendices": {"van-ban": {}, "ho-so": {}}})");
  const SummaryDiff d = diff_summaries(a, "a/summary.json", b, "b/summary.json", diags);
  CHECK(render_diff_markdown(d) ==
        "- Phụ lục van-ban chỉ có trong b/summary.json\n"
        "- Phụ lục so-hoa chỉ có trong a/summary.json\n");
}

TEST_CASE("diff_summaries: a document without appendices is bad-json") {
  Diagnostics diags;
  const JsonValue a = json(R"({"appendices": {}})");
  const JsonValue b = json(R"([1, 2])");
  const SummaryDiff d = diff_summaries(a, "old.json", b, "new.json", diags);
  CHECK(d.identical());
  REQUIRE(diags.all().size() == 1);
  CHECK(format_diagnostic(diags.all()[0]) ==
        "new.json: error[bad-json]: not a summary.json of ntreport: it has no \"appendices\" "
        "object");
}
