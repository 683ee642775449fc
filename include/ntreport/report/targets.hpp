#pragma once
// The targets appendix ("chỉ tiêu", docs/spec.md §2.5): each target of the plan with last year's
// result, the target, this period's result (computed from the same sums as the other
// appendices, or given in a results file) and a note "Vượt X%" / "Chưa đạt (thiếu X%)".
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "ntreport/aggregate/aggregate.hpp"
#include "ntreport/diag/diagnostic.hpp"
#include "ntreport/read/sheet.hpp"
#include "ntreport/registry/registry.hpp"
#include "ntreport/report/appendix.hpp"
#include "ntreport/report/build.hpp"

namespace ntr {

struct Target {
  std::string section;  ///< "B", "A.I"
  std::string stt;      ///< "3.1"; empty for a section heading
  std::string label;
  std::optional<LevelId> level;  ///< the level a computed result is taken at (none: all levels)
  std::optional<Rate> rate;      ///< the rate the result is computed from, if any
  std::string baseline;          ///< last year's result, as printed
  std::string target;            ///< this year's target, as printed ("75%", "trên 90%")
  std::string note;              ///< the plan's own note
  SourceLoc loc;
};

/// A result not computed from unit figures, keyed by (section, stt).
struct TargetResult {
  std::string result;
  std::string note;
};
using TargetResults = std::map<std::pair<std::string, std::string>, TargetResult>;

/// Reads a targets sheet (columns section, stt, label, level, computed_from, baseline_*,
/// target_*, responsible, note). Problems are config-error diagnostics with the cell.
std::vector<Target> parse_targets(const OwnedSheet& sheet, const Registry& registry,
                                  Diagnostics& diags);
/// Reads a results sheet (columns section, stt, result, note).
TargetResults parse_results(const OwnedSheet& sheet, Diagnostics& diags);

/// The note for a percentage result against a target: "Vượt 17,35%", "Chưa đạt (thiếu
/// 1,05%)" or "Đạt", X from the unrounded result; empty when the target is not a plain
/// percentage.
std::string target_note(std::int64_t num, std::int64_t den, const std::string& target);

/// The targets that cells of a rate can be compared with: those computed from a rate whose
/// target is a plain percentage ("75%"; not "trên 90%"), in the plan's order.
std::vector<RateTarget> rate_targets(const std::vector<Target>& targets);

/// Builds the targets appendix.
ReportDoc build_targets(const AppendixDef& def, const std::vector<Target>& targets,
                        const TargetResults& results, const Totals& totals,
                        const ReportOptions& options);

}  // namespace ntr
