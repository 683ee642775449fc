// diff reads only documents shaped like a summary.json of ntreport.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "ntreport/diff/summary_shape.hpp"
#include "test_support.hpp"

namespace {

std::vector<std::string> problems(const std::string& json) {
  std::string error;
  const auto doc = ntr::parse_json(json, error);
  REQUIRE(doc.has_value());
  ntr::Diagnostics diags;
  const bool ok = ntr::check_summary_shape(*doc, "s.json", diags);
  std::vector<std::string> out;
  for (const auto& d : diags.all()) out.push_back(d.message);
  CHECK(ok == out.empty());
  return out;
}

const std::string kPrefix = "not a summary.json of ntreport: ";

}  // namespace

TEST_CASE("A summary.json as ntreport writes it has the shape") {
  CHECK(problems(R"({"period": null, "appendices": {"ho-so": {"title": "T", "layout": "level",
      "levels": {"tinh": {"label": "Cấp tỉnh", "units": 19, "units_reported": 18, "received": 5,
                          "online_ratio": 0.5, "coverage_note": "18/19 đơn vị"}},
      "groups": [{"level": "xa", "area": "h", "label": "L", "received": 0, "online_ratio": null}],
      "total": null, "units": {"so-y-te": {"name": "Sở Y tế", "level": "tinh",
                                           "status": "reported", "received": 5}},
      "items": [{"stt": "1", "label": "x", "target": 90, "note": "trên 90%"}],
      "not_reported": ["a"]}}, "warnings": []})")
            .empty());
}

TEST_CASE("Each member of the wrong shape is named by its path") {
  CHECK(problems("[]") ==
        std::vector<std::string>{kPrefix + "the document is an array; expected an object"});
  CHECK(problems("{}") == std::vector<std::string>{kPrefix + "it has no \"appendices\" object"});
  CHECK(problems(R"({"appendices": [1]})") ==
        std::vector<std::string>{kPrefix +
                                 "appendices is an array; expected an object of appendices by id"});
  CHECK(problems(R"({"appendices": {"ho-so": {"units": {"xa.a": {"received": 1e3,
      "docs_in": "12", "signed_ratio": "x", "odd": [true], "status": 1, "units": -1}}}}})") ==
        std::vector<std::string>{
            kPrefix + "appendices[\"ho-so\"].units[\"xa.a\"].received is 1e3; expected a whole "
                      "number ≥ 0",
            kPrefix + "appendices[\"ho-so\"].units[\"xa.a\"].docs_in is a string; expected a "
                      "whole number ≥ 0",
            kPrefix + "appendices[\"ho-so\"].units[\"xa.a\"].signed_ratio is a string; expected "
                      "a rate ≥ 0, or null",
            kPrefix + "appendices[\"ho-so\"].units[\"xa.a\"].odd is an array; expected a "
                      "number, a text or null",
            kPrefix + "appendices[\"ho-so\"].units[\"xa.a\"].status is 1; expected a string",
            kPrefix + "appendices[\"ho-so\"].units[\"xa.a\"].units is -1; expected a whole "
                      "number ≥ 0"});
  CHECK(problems(R"({"appendices": {"v": {"groups": {}, "items": [3], "total": [],
      "period": 1}}, "period": {"from": 20240101}})") ==
        std::vector<std::string>{
            kPrefix + "period.from is 20240101; expected a date",
            kPrefix + "appendices.v.groups is an object; expected an array of rows",
            kPrefix + "appendices.v.items[0] is 3; expected an object",
            kPrefix + "appendices.v.total is an array; expected an object"});
  CHECK(problems(
            R"({"appendices": {"v": {"levels": {"tinh": {"received": 99999999999999999999}}}}})") ==
        std::vector<std::string>{kPrefix +
                                 "appendices.v.levels.tinh.received is 99999999999999999999; "
                                 "expected a whole number ≥ 0"});
}
