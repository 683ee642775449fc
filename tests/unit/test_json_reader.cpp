#include <catch2/catch.hpp>

#include "ntreport/read/json.hpp"

using namespace ntr;
using Kind = JsonValue::Kind;

namespace {
std::string error_of(std::string_view text) {
  std::string error;
  const auto v = parse_json(text, error);
  CHECK_FALSE(v.has_value());
  return error;
}
}  // namespace

TEST_CASE("parse_json: members in document order, numbers as written") {
  std::string error;
  const auto v = parse_json(
      R"({"z": 1, "a": [0.6089359272400995, -2e-05, null, true, false], "s": "Cấp xã"})", error);
  REQUIRE(v.has_value());
  CHECK(error.empty());
  REQUIRE(v->members.size() == 3);
  CHECK(v->members[0].key == "z");
  CHECK(v->members[1].key == "a");
  CHECK(v->members[2].key == "s");
  const JsonValue* a = v->find("a");
  REQUIRE(a != nullptr);
  REQUIRE(a->items.size() == 5);
  CHECK(a->items[0].text == "0.6089359272400995");
  CHECK(a->items[1].text == "-2e-05");
  CHECK(a->items[2].is(Kind::null));
  CHECK(a->items[3].is(Kind::boolean));
  CHECK(a->items[3].boolean);
  CHECK_FALSE(a->items[4].boolean);
  CHECK(v->find("s")->text == "Cấp xã");
  CHECK(v->find("missing") == nullptr);
}

TEST_CASE("parse_json: escapes, including surrogate pairs") {
  std::string error;
  const auto v = parse_json(R"(["a\"b\\c\/\n\t", "\u1ea0\u00e0", "\ud83d\ude00"])", error);
  REQUIRE(v.has_value());
  CHECK(v->items[0].text == "a\"b\\c/\n\t");
  CHECK(v->items[1].text == "Ạà");
  CHECK(v->items[2].text == "\xF0\x9F\x98\x80");
}

TEST_CASE("parse_json: syntax errors name line, column and what was expected") {
  CHECK(error_of("{\"a\": 1,\n \"b\" 2}") == "line 2, column 6: expected ':'");
  CHECK(error_of("[1, 2") == "line 1, column 6: expected ',' or ']'");
  CHECK(error_of("{\"a\": 01}") == "line 1, column 8: expected ',' or '}'");
  CHECK(error_of("[1.]") == "line 1, column 4: expected a digit after '.'");
  CHECK(error_of("\"tab\there\"") == "line 1, column 5: expected no control character");
  CHECK(error_of("\"\\ud800x\"") == "line 1, column 8: expected the low half of a surrogate pair");
  CHECK(error_of("nul") == "line 1, column 1: expected a value");
  CHECK(error_of("{} {}") == "line 1, column 4: expected the end of the document");
  CHECK(error_of("") == "line 1, column 1: expected a value");
}

TEST_CASE("parse_json: nesting is bounded") {
  CHECK(error_of(std::string(100, '[') + std::string(100, ']')) ==
        "line 1, column 66: expected at most 64 nested arrays and objects");
  std::string error;
  CHECK(parse_json(std::string(64, '[') + std::string(64, ']'), error).has_value());
}

TEST_CASE("parse_json: a byte-order mark is allowed, a member given twice is not") {
  std::string error;
  const auto v = parse_json("\xEF\xBB\xBF{\"a\": 1}", error);
  REQUIRE(v.has_value());
  CHECK(v->find("a")->text == "1");
  CHECK_FALSE(parse_json(R"({"a": 1, "b": {"a": 2}, "a": 3})", error).has_value());
  CHECK(error ==
        "line 1, column 25: expected each member once; \"a\" is given twice in one object");
  // The same name written with an escape is the same name.
  CHECK_FALSE(parse_json(R"({"ab": 1, "\u0061b": 2})", error).has_value());
}

TEST_CASE("parse_json: the number of values is bounded") {
  std::string error;
  std::string many = "[";
  for (std::size_t i = 0; i + 2 < (std::size_t{1} << 22); ++i) many += "0,";
  CHECK(parse_json(many + "0]", error).has_value());  // the array and 2^22 - 1 numbers
  CHECK_FALSE(parse_json(many + "0,0]", error).has_value());
  CHECK_THAT(error, Catch::EndsWith("expected at most 4194304 values in a document"));
}
