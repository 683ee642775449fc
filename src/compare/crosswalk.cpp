// The crosswalks: the shipped ones parsed once from the embedded files, the user's from a CSV.
#include "ntreport/compare/crosswalk.hpp"

#include <fmt/format.h>

#include <cstdlib>
#include <map>

#include "ntreport/read/embedded.hpp"
#include "ntreport/read/input.hpp"
#include "ntreport/text/normalize.hpp"
#include "ntreport/text/translate.hpp"

namespace ntr {

namespace {

constexpr std::string_view kCommunes = "data/registry/reform-2025/crosswalk-communes-2025.csv";
constexpr std::string_view kDepartments =
    "data/registry/reform-2025/crosswalk-departments-2025.csv";
constexpr std::string_view kOldRegistry = "data/registry/ninh-thuan-2023-2024.csv";

// Column name → column of the header row (the first row).
std::map<std::string, std::uint32_t> header_columns(const OwnedSheet& sheet) {
  std::map<std::string, std::uint32_t> cols;
  if (sheet.rows.empty()) return cols;
  for (const OwnedCell& c : sheet.rows.front().cells) cols[std::string(trim(c.text))] = c.col;
  return cols;
}

// An embedded CSV: the tests read every shipped file, so a problem is a broken build.
OwnedSheet embedded_sheet(std::string_view name) {
  Diagnostics diags;
  const auto text = embedded_file(name);
  if (!text) std::abort();
  auto sheet = read_csv_sheet_text(*text, std::string(name), diags);
  if (!sheet || diags.has_errors()) std::abort();
  return std::move(*sheet);
}

// "0.4", "0,4", "40%", "2/5" → num/den; nothing when not a number.
std::optional<std::pair<std::int64_t, std::int64_t>> parse_ratio(std::string_view t) {
  std::int64_t num = 0;
  std::int64_t den = 1;
  bool digits = false;
  bool point = false;
  std::size_t i = 0;
  for (; i < t.size(); ++i) {
    const char c = t[i];
    if (c >= '0' && c <= '9') {
      if (num > 100000000 || den > 100000000) return std::nullopt;
      num = num * 10 + (c - '0');
      if (point) den *= 10;
      digits = true;
    } else if ((c == '.' || c == ',') && !point) {
      point = true;
    } else {
      break;
    }
  }
  if (!digits) return std::nullopt;
  const std::string_view rest = t.substr(i);
  if (rest.empty()) return std::pair{num, den};
  if (rest == "%") return std::pair{num, den * 100};
  if (rest.front() != '/' || point) return std::nullopt;
  const auto below = parse_ratio(rest.substr(1));
  if (!below || below->second != 1 || below->first == 0) return std::nullopt;
  return std::pair{num, below->first};
}

void add_link(std::unordered_map<std::string, std::vector<CrosswalkLink>>& to,
              const std::string& old_code, const std::string& new_code, const Share& share) {
  to[old_code].push_back(CrosswalkLink{new_code, share});
}

}  // namespace

std::optional<Share> parse_share(std::string_view text) {
  const std::string_view t = trim(text);
  if (t == "whole") return Share{};
  if (t == "part") return Share{Share::Kind::part, 0, 1};
  const auto ratio = parse_ratio(t);
  if (!ratio || ratio->first <= 0 || ratio->first > ratio->second) return std::nullopt;
  if (ratio->first == ratio->second) return Share{};
  return Share{Share::Kind::fraction, ratio->first, ratio->second};
}

Crosswalk Crosswalk::shipped() {
  Crosswalk x;
  for (const std::string_view name : {kCommunes, kDepartments}) {
    const OwnedSheet sheet = embedded_sheet(name);
    auto cols = header_columns(sheet);
    for (std::size_t r = 1; r < sheet.rows.size(); ++r) {
      const OwnedRow& row = sheet.rows[r];
      const auto share = parse_share(row.at(cols["share"]));
      if (!share) std::abort();
      add_link(x.shipped_, std::string(row.at(cols["old_code"])),
               std::string(row.at(cols["new_code"])), *share);
    }
  }
  const OwnedSheet old = embedded_sheet(kOldRegistry);
  auto cols = header_columns(old);
  for (std::size_t r = 1; r < old.rows.size(); ++r) {
    const OwnedRow& row = old.rows[r];
    x.known_[std::string(row.at(cols["code"]))] =
        KnownUnit{std::string(row.at(cols["parent"])), std::string(row.at(cols["gso_code"]))};
  }
  return x;
}

void Crosswalk::add_user_sheet(const OwnedSheet& sheet, Diagnostics& diags) {
  auto cols = header_columns(sheet);
  for (const char* name : {"old_code", "new_code", "share"}) {
    if (cols.count(name) != 0) continue;
    diags.error("crosswalk-error", sheet.info.loc(sheet.rows.empty() ? 0 : sheet.rows[0].row, 0),
                trf("the header row has no \"{}\" column; expected the columns old_code, "
                    "new_code, share",
                    name));
    return;
  }
  std::unordered_map<std::string, std::vector<CrosswalkLink>> links;
  for (std::size_t r = 1; r < sheet.rows.size(); ++r) {
    const OwnedRow& row = sheet.rows[r];
    const std::string old_code(trim(row.at(cols["old_code"])));
    const std::string new_code(trim(row.at(cols["new_code"])));
    const std::string_view text = row.at(cols["share"]);
    const auto share = parse_share(text);
    if (old_code.empty() || new_code.empty()) {
      diags.error(
          "crosswalk-error",
          sheet.info.loc(row.row, old_code.empty() ? cols["old_code"] : cols["new_code"]),
          std::string(tr("a code is empty; expected an earlier unit's code and the code of the "
                         "unit it went into")));
    } else if (!share) {
      diags.error("crosswalk-error", sheet.info.loc(row.row, cols["share"]),
                  trf("share \"{}\" is not whole, part or a fraction in (0, 1] such as 0.4, 40% "
                      "or 2/5",
                      text));
    } else {
      add_link(links, old_code, new_code, *share);
    }
  }
  for (auto& [code, list] : links) user_[code] = std::move(list);
}

const std::vector<CrosswalkLink>* Crosswalk::user_links(std::string_view old_code) const {
  const auto it = user_.find(std::string(old_code));
  return it == user_.end() ? nullptr : &it->second;
}

const std::vector<CrosswalkLink>* Crosswalk::shipped_links(std::string_view old_code) const {
  std::string key(old_code);
  if (const KnownUnit* k = known(old_code); k != nullptr && !k->gso_code.empty()) key = k->gso_code;
  const auto it = shipped_.find(key);
  return it == shipped_.end() ? nullptr : &it->second;
}

const KnownUnit* Crosswalk::known(std::string_view code) const {
  const auto it = known_.find(std::string(code));
  return it == known_.end() ? nullptr : &it->second;
}

}  // namespace ntr
