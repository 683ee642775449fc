#include "ntreport/ingest/row_kind.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "ntreport/registry/search.hpp"
#include "ntreport/text/normalize.hpp"
#include "ntreport/text/translate.hpp"

namespace ntr {

namespace {

bool is_total_label(std::string_view name) {
  static const std::string kKeys[] = {match_key("Tổng cộng"), match_key("Tổng số"),
                                      match_key("Cộng"), match_key("Tổng")};
  const std::string key = match_key(name);
  return std::any_of(std::begin(kKeys), std::end(kKeys), [&](const std::string& k) {
    return key.size() >= k.size() && key.compare(0, k.size(), k) == 0 &&
           (key.size() == k.size() || key[k.size()] == ' ' || key[k.size()] == '(');
  });
}

// The byte offset and length of the first dash of any kind, if any.
std::optional<std::pair<std::size_t, std::size_t>> first_dash(std::string_view s) {
  static const std::string_view kDashes[] = {"\xE2\x80\x93",
                                             "\xE2\x80\x94",
                                             "\xE2\x80\x92",
                                             "\xE2\x80\x90",
                                             "\xE2\x80\x91",
                                             "\xE2\x88\x92",
                                             "-"};
  std::optional<std::pair<std::size_t, std::size_t>> best;
  for (auto d : kDashes) {
    const auto at = s.find(d);
    if (at != std::string_view::npos && (!best || at < best->first)) best = {{at, d.size()}};
  }
  return best;
}

// "a", "a or b", "a, b or c".
std::string or_list(const std::vector<std::string>& items) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += i + 1 == items.size() ? tr(" or ") : std::string_view(", ");
    out += items[i];
  }
  return out;
}

// The names closest to `name`, and the exact line an aliases file needs for the first: the
// analyst copies it, or finds another code with `ntreport units`.
std::string suggestion_hint(const Registry& registry, std::string_view name,
                            const std::vector<UnitId>& units) {
  std::vector<std::string> names;
  for (UnitId u : units) names.push_back(fmt::format("'{}'", registry.unit(u).name));
  const std::string line =
      units.empty() ? alias_line(name, "CODE") : alias_line(name, registry.unit(units[0]).code);
  if (units.empty()) {
    return trf("find the code with `ntreport units TEXT` and add the line `{}` to the aliases file",
               line);
  }
  if (units.size() == 1) {
    return trf("did you mean {}? if so, add the line `{}` to the aliases file", or_list(names),
               line);
  }
  return trf(
      "did you mean {}? for the first, add the line `{}` to the aliases file; `ntreport "
      "units TEXT` lists the codes",
      or_list(names), line);
}

std::string code_hint(const Registry& registry, const std::vector<UnitId>& units) {
  std::vector<std::string> codes;
  for (UnitId u : units) {
    codes.push_back(fmt::format("'{}' ({})", registry.unit(u).code, registry.unit(u).name));
  }
  if (codes.empty()) return {};
  return trf("did you mean {}?", or_list(codes));
}

// An area is named after a level and a dash ("Xã – Khu vực 1"); any other row by itself.
RowIdentity unknown(const Registry& registry, std::string_view name, bool area, bool with_hint) {
  RowIdentity id;
  id.problem_code = "unknown-unit";
  id.message = area ? trf("no district or area in the registry is named \"{}\"", name)
                    : trf("no unit in the registry is named \"{}\"", name);
  if (with_hint) id.hint = suggestion_hint(registry, name, registry.suggest(name));
  return id;
}

}  // namespace

RowIdentity identify_row(const Registry& registry, std::string_view code, std::string_view name,
                         bool with_hint) {
  RowIdentity id;
  code = trim(code);
  name = trim(name);
  if (!code.empty()) {
    id.unit = registry.find_code(code);
    if (id.unit != kNoUnit) {
      id.kind = RowIdentity::Kind::unit;
      return id;
    }
    id.problem_code = "unknown-unit";
    id.message = trf("no unit in the registry has the code \"{}\"", code);
    if (with_hint) id.hint = code_hint(registry, registry.suggest_codes(code));
    return id;
  }
  if (name.empty()) {
    id.problem_code = "unknown-unit";
    id.message = tr("the row has figures but no unit name or code");
    return id;
  }
  const Match m = registry.match(name);
  if (m.kind == Match::Kind::found) {
    id.kind = RowIdentity::Kind::unit;
    id.unit = m.unit;
    return id;
  }
  if (m.kind == Match::Kind::ambiguous) {
    id.problem_code = "ambiguous-unit";
    std::vector<std::string> names;
    for (UnitId u : m.candidates) {
      names.push_back(fmt::format("'{}' ({})", registry.unit(u).name, registry.unit(u).code));
    }
    id.message = trf("\"{}\" could be {}", name, or_list(names));
    id.hint = tr("give the unit code, or add an alias naming one unit");
    return id;
  }
  if (is_total_label(name)) {
    id.kind = RowIdentity::Kind::total;
    return id;
  }
  if (auto level = registry.match_level(name)) {
    id.kind = RowIdentity::Kind::level;
    id.level = *level;
    return id;
  }
  if (auto dash = first_dash(name)) {
    const auto level = registry.match_level(trim(name.substr(0, dash->first)));
    if (level) {
      const std::string_view area = trim(name.substr(dash->first + dash->second));
      const Match a = registry.match(area);
      const auto& areas = registry.areas();
      if (a.kind == Match::Kind::found &&
          std::find(areas.begin(), areas.end(), a.unit) != areas.end()) {
        id.kind = RowIdentity::Kind::group;
        id.level = *level;
        id.unit = a.unit;
        return id;
      }
      return unknown(registry, area, true, with_hint);
    }
  }
  return unknown(registry, name, false, with_hint);
}

}  // namespace ntr
