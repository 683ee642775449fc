#include "ntreport/report/status.hpp"

namespace ntr {

StatusReport build_status(const Registry& registry, const Totals& totals,
                          const std::vector<Family>& families,
                          const std::optional<Period>& period) {
  StatusReport report;
  report.period = period;
  report.units = registry.size();
  for (Family fam : families) {
    FamilyStatus s{fam, {}, {}, {}};
    for (std::size_t i = 0; i < registry.size(); ++i) {
      const Unit& u = registry.unit(static_cast<UnitId>(i));
      const Values& v = totals.subtree[i];
      UnitStatus us{std::string(u.code), std::string(u.name), {}};
      for (const auto& f : fields()) {
        if (f.family == fam && !v.has(f.id)) us.missing.push_back(f.id);
      }
      if (!v.has_family(fam)) {
        us.missing.clear();
        s.not_reported.push_back(std::move(us));
      } else if (us.missing.empty()) {
        s.reported.push_back(std::move(us));
      } else {
        s.partly.push_back(std::move(us));
      }
    }
    report.families.push_back(std::move(s));
  }
  return report;
}

}  // namespace ntr
