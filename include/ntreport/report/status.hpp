#pragma once
// Who has reported (`ntreport status`): per family of figures, the units whose figures are
// all in the appendices' sums, those with something wrong or missing, and those with none —
// judged as the appendices judge them (docs/blank-cells.md), on each unit with its sub-units.
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
  std::vector<Field> missing;          ///< partly: figures the form asks for that were not given
  std::vector<Field> invalid;          ///< partly: figures given but wrong (the errors say why)
  std::vector<std::string> sub_units;  ///< partly: codes of sub-units not (fully) reported
};

struct FamilyStatus {
  Family family;
  std::vector<UnitStatus> reported;      ///< every figure, registry order
  std::vector<UnitStatus> partly;        ///< some figures missing or wrong
  std::vector<UnitStatus> not_reported;  ///< none
};

struct StatusReport {
  std::optional<Period> period;
  std::size_t units = 0;  ///< units in the registry
  std::vector<FamilyStatus> families;
};

/// The status of every registry unit in each of `families`; `invalid` holds per unit the
/// figures found wrong (Figures::invalid). A sub-unit whose parent reports for it as a whole
/// counts as reported.
StatusReport build_status(const Registry& registry, const Totals& totals,
                          const std::vector<Values>& own, const std::vector<std::uint32_t>& invalid,
                          const std::vector<Family>& families, const std::optional<Period>& period);

}  // namespace ntr
