#pragma once
// The lists of the 2025 reform shipped with ntreport (data/registry/reform-2025/): the 34
// provinces and their 3,321 communes with statistics-office codes, and the provincial
// departments of Decree 150/2025/NĐ-CP. They give a registry for any province with no set-up.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace ntr {

/// A province of 2025: "56", "Tỉnh Khánh Hòa".
struct Province2025 {
  std::string code;
  std::string name;
};

/// A commune-level unit of 2025 with its statistics-office code and kind (xa, phuong, dac-khu).
struct Commune2025 {
  std::string province_code;
  std::string code;
  std::string name;
  std::string kind;
};

/// A provincial department every province has (or may have) under Decree 150/2025/NĐ-CP.
struct Department2025 {
  std::string code;
  std::string name;
  std::string basis;  ///< "Decree 150/2025/NĐ-CP: in every province", or where criteria are met
};

/// The 34 provinces, in the list's order (by code).
const std::vector<Province2025>& provinces_2025();
/// Every commune of 2025, in the list's order.
const std::vector<Commune2025>& communes_2025();
/// The departments, in the list's order.
const std::vector<Department2025>& departments_2025();

/// The province whose code is `text` ("56") or whose name is `text` in any placement of tone
/// marks and any case, with or without "Tỉnh"/"Thành phố"; nullptr when none.
const Province2025* find_province(std::string_view text);
/// Up to `max` provinces whose names are closest to `text`, diacritics aside, for hints.
std::vector<const Province2025*> closest_provinces(std::string_view text, std::size_t max = 3);
/// The communes of a province, in the list's order.
std::vector<const Commune2025*> province_communes(std::string_view province_code);

/// A registry CSV for the province: the departments (level tinh), then its communes (level xa)
/// with their statistics-office codes as unit codes and their kinds.
std::string province_registry_csv(const Province2025& province);
/// The level definitions of a two-level province: tinh and xa.
std::string two_level_levels_csv();
/// "tỉnh Khánh Hòa": the province's name as a title line prints it (templates/labels.toml,
/// [init] title), its kind in lower case.
std::string province_in_title(const Province2025& province);

}  // namespace ntr
