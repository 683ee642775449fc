#include "ntreport/report/status.hpp"

#include "ntreport/report/form.hpp"

namespace ntr {

namespace {

enum class State : std::uint8_t { reported, partly, not_reported };

State state_of(const Totals& totals, UnitId u, Family fam) {
  bool all_full = true, all_absent = true;
  for (const auto& g : groups()) {
    if (g.family != fam) continue;
    const Cover c = totals.cover_of(u, g.id);
    all_full = all_full && (c == Cover::full || c == Cover::by_parent);
    all_absent = all_absent && (c == Cover::none || c == Cover::by_parent);
  }
  if (all_full) return State::reported;
  return all_absent ? State::not_reported : State::partly;
}

// What a partly reported unit should fix: wrong figures, figures not given (only those the
// form asks for: received and not digitized are derived), sub-units not reported.
UnitStatus what_is_wrong(UnitStatus us, const Registry& registry, const Totals& totals, UnitId u,
                         const Values& own, std::uint32_t invalid, Family fam) {
  for (const auto& f : fields()) {
    if (f.family == fam && (invalid & field_bit(f.id)) != 0) us.invalid.push_back(f.id);
  }
  if (own.has_family(fam)) {
    for (Field f : input_fields(fam)) {
      if (!own.has(f) && (invalid & field_bit(f)) == 0) us.missing.push_back(f);
    }
  }
  for (UnitId c : registry.unit(u).children) {
    if (state_of(totals, c, fam) != State::reported)
      us.sub_units.emplace_back(registry.unit(c).code);
  }
  return us;
}

}  // namespace

StatusReport build_status(const Registry& registry, const Totals& totals,
                          const std::vector<Values>& own, const std::vector<std::uint32_t>& invalid,
                          const std::vector<Family>& families,
                          const std::optional<Period>& period) {
  StatusReport report;
  report.period = period;
  report.units = registry.size();
  for (Family fam : families) {
    FamilyStatus s{fam, {}, {}, {}};
    for (std::size_t i = 0; i < registry.size(); ++i) {
      const auto u = static_cast<UnitId>(i);
      const Unit& unit = registry.unit(u);
      UnitStatus us{std::string(unit.code), std::string(unit.name), {}, {}, {}};
      switch (state_of(totals, u, fam)) {
        case State::reported:
          s.reported.push_back(std::move(us));
          break;
        case State::not_reported:
          s.not_reported.push_back(std::move(us));
          break;
        case State::partly:
          s.partly.push_back(what_is_wrong(std::move(us), registry, totals, u,
                                           i < own.size() ? own[i] : Values{},
                                           i < invalid.size() ? invalid[i] : 0, fam));
          break;
      }
    }
    report.families.push_back(std::move(s));
  }
  return report;
}

}  // namespace ntr
