// Earlier figures mapped onto this registry's units, then onto the level, group and total rows.
#include "ntreport/compare/compare.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <unordered_set>

#include "compare_detail.hpp"
#include "ntreport/model/exact.hpp"
#include "ntreport/report/build.hpp"

namespace ntr {

namespace {

using compare_detail::Mapped;

// A build of a period that ended before 1 July 2025 has the codes of before the reform: its
// statistics-office codes are looked up in the crosswalk even where a code is still in use (a
// merged unit keeps the code of the one where its committee sits: 22759 was Kinh Dinh).
bool before_reform(const PreviousBuild& b) { return b.period && b.period->to < "2025-07-01"; }

std::vector<CrosswalkLink> links_of(const std::string& code, const PreviousBuild& build,
                                    const Registry& registry, const Crosswalk& crosswalk) {
  if (const auto* user = crosswalk.user_links(code)) return *user;
  const KnownUnit* known = crosswalk.known(code);
  if (known != nullptr && !known->gso_code.empty()) {
    if (const auto* user = crosswalk.user_links(known->gso_code)) return *user;
  }
  const bool here = registry.find_code(code) != kNoUnit;
  // Only a statistics-office code (digits) can name another unit before the reform.
  const bool digits =
      std::all_of(code.begin(), code.end(), [](char c) { return c >= '0' && c <= '9'; });
  if (here && (!digits || !before_reform(build))) return {CrosswalkLink{code, Share{}}};
  if (const auto* shipped = crosswalk.shipped_links(code)) return *shipped;
  if (here) return {CrosswalkLink{code, Share{}}};
  return {};
}

// The roll-up parent of an earlier unit, in this registry or in the shipped one.
std::string parent_of(const std::string& code, const Registry& registry, const Crosswalk& cw) {
  if (const UnitId u = registry.find_code(code); u != kNoUnit) {
    const UnitId p = registry.unit(u).parent;
    return p == kNoUnit ? std::string() : std::string(registry.unit(p).code);
  }
  const KnownUnit* known = cw.known(code);
  return known == nullptr ? std::string() : known->parent;
}

// v × num / den, each figure rounded half up.
Values scaled(const Values& v, const Share& share) {
  if (share.kind != Share::Kind::fraction) return v;
  Values out = v;
  for (std::size_t i = 0; i < kFieldCount; ++i) {
    out.v[i] = static_cast<std::int64_t>(
        round_div(static_cast<Int128>(v.v[i]) * share.num, share.den, Rounding::half_up));
  }
  return out;
}

void map_build(const PreviousBuild& build, const std::string& appendix, const Registry& registry,
               const Crosswalk& cw, std::vector<Mapped>& mapped, ReportDoc& doc) {
  const auto it = build.appendices.find(appendix);
  if (it == build.appendices.end()) return;
  std::unordered_set<std::string> listed;
  for (const PreviousUnit& p : it->second) listed.insert(p.code);
  for (const PreviousUnit& p : it->second) {
    std::vector<CrosswalkLink> links;
    if (const std::string parent = parent_of(p.code, registry, cw);
        !parent.empty() && listed.count(parent) != 0) {
      // Its figures are in its parent's: only its own row of the same registry compares it.
      const UnitId same = registry.find_code(p.code);
      if (same == kNoUnit || registry.unit(same).parent == kNoUnit) continue;
      links = {CrosswalkLink{p.code, Share{}}};
    } else {
      links = links_of(p.code, build, registry, cw);
    }
    bool placed = false;
    for (const CrosswalkLink& link : links) {
      const UnitId u = registry.find_code(link.new_code);
      if (u == kNoUnit) continue;
      placed = true;
      compare_detail::contribute(mapped[static_cast<std::size_t>(u)], p, link.share,
                                 scaled(p.values, link.share));
    }
    if (!placed) doc.previous_unmapped.push_back(fmt::format("{} ({})", p.name, p.code));
  }
}

}  // namespace

std::optional<ReportDoc> add_comparison(ReportDoc& doc, const std::optional<Period>& period,
                                        const Registry& registry, const Totals& totals,
                                        const std::vector<Values>& own,
                                        const Comparison& comparison, Diagnostics& diags) {
  if (doc.layout != Layout::level && doc.layout != Layout::area) return std::nullopt;
  std::vector<Mapped> mapped(registry.size());
  for (const PreviousBuild& build : comparison.builds)
    map_build(build, doc.id, registry, comparison.crosswalk, mapped, doc);
  doc.compared = true;
  compare_detail::fill_rows(doc, registry, totals, mapped);
  compare_detail::check_plausible(doc, registry, own, comparison, diags);
  return compare_detail::comparison_table(doc, period, comparison);
}

PreviousBuild previous_from_summary(const JsonValue& summary, const std::string& shown) {
  PreviousBuild b;
  b.shown = shown;
  if (const JsonValue* period = summary.find("period");
      period && period->is(JsonValue::Kind::object)) {
    const JsonValue* from = period->find("from");
    const JsonValue* to = period->find("to");
    if (from && to) b.period = Period{from->text, to->text};
  }
  const JsonValue* appendices = summary.find("appendices");
  if (appendices == nullptr) return b;
  for (const JsonMember& a : appendices->members) {
    const JsonValue* units = a.value.find("units");
    if (units == nullptr || !units->is(JsonValue::Kind::object)) continue;
    auto& list = b.appendices[a.key];
    for (const JsonMember& u : units->members) {
      PreviousUnit p;
      p.code = u.key;
      if (const JsonValue* name = u.value.find("name")) p.name = name->text;
      for (const JsonMember& m : u.value.members) {
        const auto field = field_by_key(m.key);
        if (!field || !m.value.is(JsonValue::Kind::number)) continue;
        if (const auto n = compare_detail::parse_count(m.value.text)) p.values.set(*field, *n);
      }
      const JsonValue* status = u.value.find("status");
      const bool reported =
          status != nullptr && status->is(JsonValue::Kind::string) && status->text == "reported";
      p.complete = reported ? p.values.present : complete_mask(p.values);
      list.push_back(std::move(p));
    }
  }
  return b;
}

}  // namespace ntr
