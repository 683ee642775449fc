// Matching names to units (docs/spec.md §2.3), "did you mean" suggestions and the alias file.
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <functional>
#include <span>
#include <utility>

#include "ntreport/registry/registry.hpp"
#include "ntreport/text/normalize.hpp"
#include "ntreport/text/translate.hpp"
#include "registry_detail.hpp"

namespace ntr {

namespace {

// The leading word of key among `words` (keys themselves), dropped with the space after it.
std::string_view drop_leading(std::string_view key, std::span<const std::string> words) {
  for (const std::string& w : words) {
    if (key.size() > w.size() + 1 && key.starts_with(w) && key[w.size()] == ' ') {
      return key.substr(w.size() + 1);
    }
  }
  return key;
}

std::span<const std::string> committee_words() {
  static const std::array<std::string, 2> words = {match_key("Ủy ban nhân dân"), match_key("UBND")};
  return words;
}

std::span<const std::string> place_words() {
  static const std::array<std::string, 4> words = {match_key("xã"), match_key("phường"),
                                                   match_key("thị trấn"), match_key("huyện")};
  return words;
}

Match match_of(std::span<const UnitId> ids) {
  if (ids.size() == 1) return Match{Match::Kind::found, ids.front(), {}};
  return Match{Match::Kind::ambiguous, kNoUnit, std::vector<UnitId>(ids.begin(), ids.end())};
}

}  // namespace

std::string unit_key(std::string_view name) {
  std::string key = match_key(name);
  const std::string_view rest = drop_leading(key, committee_words());
  key.erase(0, key.size() - rest.size());
  return key;
}

std::string bare_key(std::string_view name) {
  const std::string key = unit_key(name);
  return std::string(drop_leading(key, place_words()));
}

void Registry::index_name(UnitId id, std::string_view name) {
  const std::string key = unit_key(name);
  if (key.empty()) return;
  const std::string_view bare = drop_leading(key, place_words());
  if (bare.size() != key.size()) by_bare_.add(bare, id);
  by_key_.add(key, id);
}

std::size_t Registry::code_slot(std::string_view code) const {
  const std::size_t mask = code_slots_.size() - 1;
  for (std::size_t i = std::hash<std::string_view>{}(code)&mask;; i = (i + 1) & mask) {
    const UnitId id = code_slots_[i];
    if (id == kNoUnit || units_[static_cast<std::size_t>(id)].code == code) return i;
  }
}

// Twice as many slots as units at least, so that probes stay short.
void Registry::rehash_codes(std::size_t slots, UnitId except) {
  code_slots_.assign(slots, kNoUnit);
  for (std::size_t i = 0; i < units_.size(); ++i) {
    const auto other = static_cast<UnitId>(i);
    if (other != except) code_slots_[code_slot(units_[i].code)] = other;
  }
}

void Registry::index_code(UnitId id) {
  if ((units_.size() + 1) * 2 > code_slots_.size()) {
    rehash_codes(std::max<std::size_t>(16, code_slots_.size() * 2), id);
  }
  code_slots_[code_slot(unit(id).code)] = id;
}

void Registry::reserve(std::size_t units) {
  units_.reserve(units);
  by_key_.reserve(units);
  by_bare_.reserve(units);
  std::size_t n = 16;
  while (n < units * 2) n *= 2;
  if (n > code_slots_.size()) rehash_codes(n, kNoUnit);
}

UnitId Registry::find_code(std::string_view code) const {
  if (code_slots_.empty()) return kNoUnit;
  return code_slots_[code_slot(code)];
}

Match Registry::match(std::string_view name) const {
  const std::string_view text = trim(name);
  if (text.empty()) return {};
  if (const UnitId id = find_code(text); id != kNoUnit) return Match{Match::Kind::found, id, {}};
  const std::string key = unit_key(text);
  if (const auto ids = by_key_.find(key); !ids.empty()) return match_of(ids);
  // The input keeps its own "Xã"/"Phường"…: only a bare input may stand for a bare name.
  if (const auto ids = by_bare_.find(key); !ids.empty()) return match_of(ids);
  return {};
}

std::vector<UnitId> Registry::suggest_codes(std::string_view code, std::size_t max) const {
  return registry_detail::closest_codes(*this, trim(code), max);
}

std::vector<UnitId> Registry::suggest(std::string_view name, std::size_t max) const {
  const std::string key = unit_key(trim(name));
  if (key.empty() || max == 0) return {};
  const std::size_t limit = registry_detail::suggestion_limit(codepoint_count(key));
  std::vector<std::pair<std::size_t, UnitId>> scored;
  const auto score = [&](const NameIndex& index, std::string_view query) {
    const std::size_t length = codepoint_count(query);
    index.for_each([&](std::string_view other, std::span<const UnitId> ids) {
      if (registry_detail::too_far_by_length(codepoint_count(other), length, limit)) return;
      const std::size_t d = edit_distance(query, other);
      if (d > limit) return;
      for (const UnitId id : ids) scored.emplace_back(d, id);
    });
  };
  score(by_key_, key);
  score(by_bare_, key);
  // "Xã Tân Sơn" is closest to "Thị trấn Tân Sơn" by their place names
  if (const std::string_view bare = drop_leading(key, place_words()); bare.size() != key.size()) {
    score(by_bare_, bare);
  }
  std::sort(scored.begin(), scored.end());
  std::vector<UnitId> out;
  for (const auto& [d, id] : scored) {
    if (std::find(out.begin(), out.end(), id) != out.end()) continue;
    out.push_back(id);
    if (out.size() == max) break;
  }
  return out;
}

void Registry::add_aliases(const OwnedSheet& sheet, Diagnostics& diags) {
  static constexpr std::array<registry_detail::ColumnSpec, 2> kColumns = {
      {{"alias", true}, {"code", true}}};
  std::array<std::uint32_t, 2> cols{};
  if (!registry_detail::find_columns(sheet, kColumns, cols, diags)) return;
  for (std::size_t i = 1; i < sheet.rows.size(); ++i) {
    const OwnedRow& row = sheet.rows[i];
    const std::string_view alias = trim(row.at(cols[0]));
    const std::string_view code = trim(row.at(cols[1]));
    if (alias.empty() || code.empty()) {
      const std::uint32_t col = alias.empty() ? cols[0] : cols[1];
      diags.error("registry-syntax", sheet.info.loc(row.row, col),
                  trf("\"{}\" is empty; expected a name and the code of its unit",
                      alias.empty() ? "alias" : "code"));
      continue;
    }
    const UnitId id = find_code(code);
    if (id == kNoUnit) {
      // a name in the code column is a likely slip: point at the code it stands for
      const Match m = match(code);
      const std::vector<UnitId> close = m.kind == Match::Kind::found
                                            ? std::vector<UnitId>{m.unit}
                                            : registry_detail::closest_codes(*this, code, 3);
      diags.error("alias-unknown-unit", sheet.info.loc(row.row, cols[1]),
                  trf("alias \"{}\" names code \"{}\", which the registry does not have; "
                      "expected a registry code",
                      alias, code),
                  registry_detail::did_you_mean_codes(*this, close));
      continue;
    }
    std::vector<std::string>& aliases = units_[static_cast<std::size_t>(id)].aliases;
    if (std::find(aliases.begin(), aliases.end(), alias) == aliases.end())
      aliases.emplace_back(alias);
    index_name(id, alias);
  }
}

}  // namespace ntr
