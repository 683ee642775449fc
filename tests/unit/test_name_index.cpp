#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "ntreport/registry/name_index.hpp"

using ntr::NameIndex;
using ntr::StringStore;

namespace {

std::vector<NameIndex::Id> ids(const NameIndex& index, std::string_view key) {
  const auto found = index.find(key);
  return {found.begin(), found.end()};
}

}  // namespace

TEST_CASE("StringStore keeps every view valid while it grows and after a move") {
  StringStore store;
  std::vector<std::string_view> views;
  std::vector<std::string> expected;
  // Enough short strings to fill several blocks, and long ones that get blocks of their own.
  for (int i = 0; i < 20000; ++i) {
    expected.push_back("xã số " + std::to_string(i));
    if (i % 5000 == 0) expected.push_back(std::string(40000, static_cast<char>('a' + i / 5000)));
  }
  for (const std::string& s : expected) views.push_back(store.add(s));
  const StringStore moved = std::move(store);
  REQUIRE(views.size() == expected.size());
  for (std::size_t i = 0; i < views.size(); ++i) CHECK(views[i] == expected[i]);
  CHECK(StringStore().add("").empty());
}

TEST_CASE("NameIndex finds each key's units, sorted and distinct") {
  NameIndex index;
  index.add("xa phuoc ha", 7);
  index.add("xa phuoc ha", 3);
  index.add("xa phuoc ha", 7);
  index.add("xa phuoc ha", 5);
  index.add("so y te", 1);
  index.add("so y te", 1);
  CHECK(ids(index, "xa phuoc ha") == std::vector<NameIndex::Id>{3, 5, 7});
  CHECK(ids(index, "so y te") == std::vector<NameIndex::Id>{1});
  CHECK(ids(index, "so y").empty());
  CHECK(ids(index, "").empty());
  CHECK(ids(NameIndex(), "so y te").empty());
  CHECK(index.size() == 2);
}

TEST_CASE("NameIndex keeps every key through its growth, in the order keys were first added") {
  NameIndex index;
  constexpr int kKeys = 100000;
  for (int i = 0; i < kKeys; ++i) index.add("xa " + std::to_string(i), i);
  index.add("xa 42", 7);  // a second unit for an early key, after many rehashes
  REQUIRE(index.size() == kKeys);
  int missing = 0;
  for (int i = 0; i < kKeys; ++i) {
    if (i != 42 && ids(index, "xa " + std::to_string(i)) != std::vector<NameIndex::Id>{i}) {
      ++missing;
    }
  }
  CHECK(missing == 0);
  CHECK(ids(index, "xa 42") == std::vector<NameIndex::Id>{7, 42});
  CHECK(ids(index, "xa 100000").empty());

  std::vector<std::string> keys;
  std::size_t units = 0;
  index.for_each([&](std::string_view key, std::span<const NameIndex::Id> found) {
    if (keys.size() < 3) keys.emplace_back(key);
    units += found.size();
  });
  CHECK(keys == std::vector<std::string>{"xa 0", "xa 1", "xa 2"});
  CHECK(units == kKeys + 1);
}

TEST_CASE("NameIndex keeps its keys when room is reserved before or after adding them") {
  NameIndex index;
  index.add("xa 1", 1);
  index.reserve(5000);  // rehashes the key already there
  for (int i = 2; i <= 5000; ++i) index.add("xa " + std::to_string(i), i);
  index.reserve(10);  // less than there is: changes nothing
  CHECK(index.size() == 5000);
  CHECK(ids(index, "xa 1") == std::vector<NameIndex::Id>{1});
  CHECK(ids(index, "xa 2500") == std::vector<NameIndex::Id>{2500});
  CHECK(ids(index, "xa 5000") == std::vector<NameIndex::Id>{5000});
  CHECK(ids(index, "xa 5001").empty());
}
