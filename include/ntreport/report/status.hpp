#pragma once
// Who has reported (`ntreport status`): per family of figures, the units whose figures are
// all there, those with some missing, and those with none — judged, like the appendices' list
// of units not reported, on each unit with its sub-units.
#include <optional>
#include <string>
#include <vector>

#include "ntreport/aggregate/aggregate.hpp"
#include "ntreport/registry/registry.hpp"
#include "ntreport/report/report.hpp"

namespace ntr {

struct UnitStatus {
  std::string code;
  std::string name;
  std::vector<Field> missing;  ///< partly reported units: the fields they lack
};

struct FamilyStatus {
  Family family;
  std::vector<UnitStatus> reported;      ///< every field of the family, registry order
  std::vector<UnitStatus> partly;        ///< some fields
  std::vector<UnitStatus> not_reported;  ///< none
};

struct StatusReport {
  std::optional<Period> period;
  std::size_t units = 0;  ///< units in the registry
  std::vector<FamilyStatus> families;
};

/// The status of every registry unit in each of `families`.
StatusReport build_status(const Registry& registry, const Totals& totals,
                          const std::vector<Family>& families, const std::optional<Period>& period);

}  // namespace ntr
