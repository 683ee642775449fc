#include <catch2/catch.hpp>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include "ntreport/registry/reform.hpp"
#include "ntreport/registry/registry.hpp"
#include "test_support.hpp"

namespace {

// Counts read from the shipped file directly, line by line, not through the code under test:
// province code → kind → communes.
std::map<std::string, std::map<std::string, int>> counts_from_file() {
  std::ifstream in(std::string(NTR_SOURCE_DIR) + "/data/registry/reform-2025/communes-2025.csv");
  std::string line;
  std::getline(in, line);  // header
  std::map<std::string, std::map<std::string, int>> out;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    const std::string province = line.substr(0, line.find(','));
    const std::string kind = line.substr(line.rfind(',') + 1);
    ++out[province][kind];
  }
  return out;
}

int count_lines(const std::string& text, const std::string& needle) {
  int n = 0;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) n += line.find(needle) != std::string::npos;
  return n;
}

}  // namespace

TEST_CASE("reform lists: 3,321 communes of 34 provinces, 14 departments") {
  CHECK(ntr::communes_2025().size() == 3321);
  CHECK(ntr::provinces_2025().size() == 34);
  CHECK(ntr::departments_2025().size() == 14);
  CHECK(counts_from_file().size() == 34);
}

TEST_CASE("reform lists: each province's registry holds its communes and the departments") {
  const auto expected = counts_from_file();
  ntr::Diagnostics level_diags;
  const std::vector<ntr::LevelDef> levels = ntr::Registry::levels_from_sheet(
      ntr_test::csv_sheet(ntr::two_level_levels_csv(), "levels.csv"), level_diags);
  CHECK_FALSE(level_diags.has_errors());
  REQUIRE(levels.size() == 2);
  CHECK(levels[0].id == "tinh");
  CHECK(levels[0].label == "Cấp tỉnh");
  CHECK(levels[1].id == "xa");
  CHECK(levels[1].label == "Cấp xã");
  for (const ntr::Province2025& p : ntr::provinces_2025()) {
    INFO(p.name);
    const std::string csv = ntr::province_registry_csv(p);
    ntr::Diagnostics diags;
    const ntr::Registry reg =
        ntr::Registry::build(ntr_test::csv_sheet(csv, "registry.csv"), levels, diags);
    CHECK_FALSE(diags.has_errors());
    std::map<std::string, int> kinds;
    int tinh = 0;
    for (const ntr::Unit& u : reg.units()) {
      if (levels[u.level].id == "tinh") {
        ++tinh;
      } else {
        CHECK(levels[u.level].id == "xa");
        ++kinds[std::string(u.kind)];
      }
    }
    CHECK(tinh == 14);
    CHECK(kinds == expected.at(p.code));
    std::size_t listed = 0;
    for (const auto& [kind, n] : expected.at(p.code)) listed += static_cast<std::size_t>(n);
    CHECK(static_cast<std::size_t>(count_lines(csv, ",xa,,,")) == listed);
  }
}

TEST_CASE("reform lists: Khánh Hòa has 65 communes: 48 xã, 16 phường, 1 đặc khu") {
  const ntr::Province2025* p = ntr::find_province("Khánh Hòa");
  REQUIRE(p != nullptr);
  CHECK(p->code == "56");
  std::map<std::string, int> kinds;
  for (const ntr::Commune2025* c : ntr::province_communes("56")) ++kinds[c->kind];
  CHECK(kinds == std::map<std::string, int>{{"dac-khu", 1}, {"phuong", 16}, {"xa", 48}});
  CHECK(ntr::province_in_title(*p) == "tỉnh Khánh Hòa");
}

TEST_CASE("reform lists: a province by code or name in any spelling of its tone marks") {
  for (const char* text :
       {"56", "Khánh Hòa", "Khánh Hoà", "KHÁNH HÒA", "tỉnh khánh hoà", "  Tỉnh Khánh Hòa "}) {
    INFO(text);
    const ntr::Province2025* p = ntr::find_province(text);
    REQUIRE(p != nullptr);
    CHECK(p->code == "56");
  }
  REQUIRE(ntr::find_province("Hồ Chí Minh") != nullptr);
  CHECK(ntr::find_province("TP Hồ Chí Minh")->code == "79");
  CHECK(ntr::find_province("Thừa Thiên Huế") == nullptr);
  CHECK(ntr::find_province("Khanh Hoa") == nullptr);   // no tone marks at all is not a spelling
  CHECK(ntr::find_province("Ninh Thuận") == nullptr);  // merged into Khánh Hòa
  CHECK(ntr::find_province("5") == nullptr);
}

TEST_CASE("reform lists: the closest names of an unknown province, diacritics aside") {
  auto names = [](std::string_view text) {
    std::vector<std::string> out;
    for (const ntr::Province2025* p : ntr::closest_provinces(text)) out.push_back(p->name);
    return out;
  };
  CHECK(names("Khanh Hoa") == std::vector<std::string>{"Tỉnh Khánh Hòa", "Tỉnh Thanh Hóa"});
  CHECK(names("Dak Lak") == std::vector<std::string>{"Tỉnh Đắk Lắk"});
  CHECK(names("zzzzzzzzzzzz").empty());
}
