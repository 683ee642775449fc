// The shipped lists of the 2025 reform, parsed once from the embedded CSV files.
#include "ntreport/registry/reform.hpp"

#include <utf8proc.h>

#include <algorithm>
#include <cstdlib>
#include <map>
#include <utility>

#include "ntreport/read/embedded.hpp"
#include "ntreport/read/input.hpp"
#include "ntreport/text/normalize.hpp"

namespace ntr {

namespace {

constexpr std::string_view kCommunes = "data/registry/reform-2025/communes-2025.csv";
constexpr std::string_view kDepartments = "data/registry/reform-2025/departments-2025.csv";

// The rows of an embedded CSV as column name → text. The shipped files are checked by the
// tests: a problem here is a broken build, never a user's input.
std::vector<std::map<std::string, std::string>> embedded_rows(std::string_view name) {
  Diagnostics diags;
  const auto text = embedded_file(name);
  if (!text) std::abort();
  const auto sheet = read_csv_sheet_text(*text, std::string(name), diags);
  if (!sheet || diags.has_errors() || sheet->rows.empty()) std::abort();
  std::vector<std::map<std::string, std::string>> out;
  const OwnedRow& header = sheet->rows.front();
  for (std::size_t r = 1; r < sheet->rows.size(); ++r) {
    auto& row = out.emplace_back();
    for (const OwnedCell& h : header.cells) row[h.text] = std::string(sheet->rows[r].at(h.col));
  }
  return out;
}

struct Lists {
  std::vector<Province2025> provinces;
  std::vector<Commune2025> communes;
  std::vector<Department2025> departments;
};

const Lists& lists() {
  static const Lists l = [] {
    Lists out;
    for (auto& r : embedded_rows(kCommunes)) {
      if (out.provinces.empty() || out.provinces.back().code != r["province_code"])
        out.provinces.push_back(Province2025{r["province_code"], r["province"]});
      out.communes.push_back(Commune2025{r["province_code"], r["code"], r["name"], r["kind"]});
    }
    for (auto& r : embedded_rows(kDepartments))
      out.departments.push_back(Department2025{r["code"], r["name"], r["basis"]});
    return out;
  }();
  return l;
}

// The name's key without its kind: "tỉnh khánh hòa" → "khánh hòa".
std::string bare_province_key(std::string_view text) {
  std::string key = match_key(text);
  // The prefixes under the same key: it is decomposed.
  static const std::vector<std::string> prefixes = {match_key("Tỉnh") + " ",
                                                    match_key("Thành phố") + " ", "tp ", "tp. "};
  for (const std::string& prefix : prefixes) {
    if (key.starts_with(prefix)) return key.substr(prefix.size());
  }
  return key;
}

// Without any diacritic, for hints only: "Khanh Hoa" is close to "Khánh Hòa".
std::string folded(std::string_view text) {
  const std::string key = bare_province_key(text);
  utf8proc_uint8_t* out = nullptr;
  const auto n =
      utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(key.data()),
                   static_cast<utf8proc_ssize_t>(key.size()), &out,
                   static_cast<utf8proc_option_t>(UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK));
  std::string s =
      n < 0 ? key : std::string(reinterpret_cast<char*>(out), static_cast<std::size_t>(n));
  std::free(out);
  // đ has no decomposition: it is folded by hand.
  std::string ascii;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s.compare(i, 2, "đ") == 0) {
      ascii += 'd';
      ++i;
    } else {
      ascii += s[i];
    }
  }
  return ascii;
}

// A CSV field, quoted when it must be.
std::string field(std::string_view s) {
  if (s.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(s);
  std::string out = "\"";
  for (const char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string department_kind(std::string_view code) {
  if (code == "vp-ubnd") return "van-phong";
  if (code == "thanh-tra") return "thanh-tra";
  return "so";
}

}  // namespace

const std::vector<Province2025>& provinces_2025() { return lists().provinces; }
const std::vector<Commune2025>& communes_2025() { return lists().communes; }
const std::vector<Department2025>& departments_2025() { return lists().departments; }

const Province2025* find_province(std::string_view text) {
  const std::string_view t = trim(text);
  const std::string key = bare_province_key(t);
  for (const Province2025& p : provinces_2025()) {
    if (p.code == t || bare_province_key(p.name) == key) return &p;
  }
  return nullptr;
}

std::vector<const Province2025*> closest_provinces(std::string_view text, std::size_t max) {
  const std::string want = folded(text);
  const std::size_t limit = std::max<std::size_t>(2, codepoint_count(want) / 3);
  std::vector<std::pair<std::size_t, const Province2025*>> scored;
  for (const Province2025& p : provinces_2025()) {
    const std::size_t d = edit_distance(want, folded(p.name));
    if (d <= limit) scored.emplace_back(d, &p);
  }
  std::stable_sort(scored.begin(), scored.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<const Province2025*> out;
  for (std::size_t i = 0; i < scored.size() && i < max; ++i) out.push_back(scored[i].second);
  return out;
}

std::vector<const Commune2025*> province_communes(std::string_view province_code) {
  std::vector<const Commune2025*> out;
  for (const Commune2025& c : communes_2025()) {
    if (c.province_code == province_code) out.push_back(&c);
  }
  return out;
}

std::string province_registry_csv(const Province2025& province) {
  std::string out = "code,name,level,parent,area,kind,aliases\n";
  for (const Department2025& d : departments_2025()) {
    out += d.code + "," + field(d.name) + ",tinh,,," + department_kind(d.code) + ",\n";
  }
  for (const Commune2025* c : province_communes(province.code)) {
    out += c->code + "," + field(c->name) + ",xa,,," + c->kind + ",\n";
  }
  return out;
}

std::string two_level_levels_csv() {
  return "id,label,area_label,aliases\n"
         "tinh,Cấp tỉnh,\"Các Sở, ban, ngành\",\"Các sở, ban, ngành|Sở, ban, ngành|Cấp Tỉnh\"\n"
         "xa,Cấp xã,UBND cấp xã,\"Các xã, phường, đặc khu|Các xã, phường, thị trấn\"\n";
}

std::string province_in_title(const Province2025& province) {
  std::string name = province.name;
  // "Tỉnh Khánh Hòa" → "tỉnh Khánh Hòa", "Thành phố Huế" → "thành phố Huế"
  if (name.starts_with("Tỉnh ") || name.starts_with("Thành phố ")) name[0] = 't';
  return name;
}

}  // namespace ntr
