#include <catch2/catch.hpp>

#include "ntreport/diag/codes.hpp"
#include "ntreport/model/invariants.hpp"
#include "ntreport/report/form.hpp"

using namespace ntr;

TEST_CASE("every invariant names an error code") {
  for (const Invariant& inv : invariants()) {
    CHECK(inv.code.info().severity == Severity::error);
    CHECK(!inv.parts.empty());
    if (inv.kind == Invariant::Kind::at_most) CHECK(inv.parts.size() == 1);
  }
}

TEST_CASE("the derived figures are the totals a form does not ask for") {
  CHECK(is_derived(Field::received));
  CHECK(is_derived(Field::not_digitized));
  CHECK_FALSE(is_derived(Field::resolved));
  CHECK_FALSE(is_derived(Field::received_online));
  const auto ho_so = input_fields(Family::ho_so);
  CHECK(std::find(ho_so.begin(), ho_so.end(), Field::received) == ho_so.end());
  CHECK(ho_so.size() == 6);
  const auto so_hoa = input_fields(Family::so_hoa);
  CHECK(so_hoa == std::vector<Field>{Field::resolved, Field::digitized});
}

TEST_CASE("a bound is found by its part and whole") {
  REQUIRE(bound_of(Field::digitized, Field::resolved) != nullptr);
  CHECK(bound_of(Field::digitized, Field::resolved)->code == Code("digitized-exceeds-resolved"));
  CHECK(bound_of(Field::paid_online, Field::with_fee)->code == Code("paid-exceeds-with-fee"));
  CHECK(bound_of(Field::not_digitized, Field::resolved) == nullptr);
  CHECK(bound_of(Field::received_online, Field::received) == nullptr);
}
