#pragma once
// The comparison with an earlier period (`build --previous`): the per-unit figures of earlier
// builds mapped onto this registry's units through the crosswalks, a `previous` for every row
// (or why it is not comparable), the "So sánh với cùng kỳ" tables, and a warning for each
// count that changed by more than a factor.
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "ntreport/aggregate/aggregate.hpp"
#include "ntreport/compare/crosswalk.hpp"
#include "ntreport/diag/diagnostic.hpp"
#include "ntreport/model/values.hpp"
#include "ntreport/read/json.hpp"
#include "ntreport/registry/registry.hpp"
#include "ntreport/report/report.hpp"

namespace ntr {

/// One unit row of an earlier build's summary.json.
struct PreviousUnit {
  std::string code;
  std::string name;
  Values values;  ///< its figures (rates are recomputed from them)
  /// The fields given in full: every figure of a unit the earlier build counted as reported
  /// (its appendix prints only some fields of a group: "VB đi", not "VB đi ký số"), else
  /// those of its complete groups.
  std::uint32_t complete = 0;
};

/// An earlier build, as its summary.json gives it.
struct PreviousBuild {
  std::string shown;  ///< how messages name it
  std::optional<Period> period;
  std::map<std::string, std::vector<PreviousUnit>> appendices;  ///< by appendix id
};

/// The units of a summary.json already checked by check_summary_shape.
PreviousBuild previous_from_summary(const JsonValue& summary, const std::string& shown);

/// Everything a comparison needs besides the report.
struct Comparison {
  std::vector<PreviousBuild> builds;
  Crosswalk crosswalk;
  std::int64_t factor = 5;  ///< a count that changed by more than this factor is a warning
  /// where an input figure of a unit came from, for the warning; may be empty
  std::function<std::optional<SourceLoc>(UnitId, Field)> where;
};

/// Adds to a by-level or by-area appendix the earlier figures mapped onto its rows
/// (Row::previous, Row::not_comparable, ReportDoc::previous_unmapped) and an
/// implausible-change warning per count of a unit that changed by more than the factor;
/// returns its comparison table (nothing for an appendix of another layout).
std::optional<ReportDoc> add_comparison(ReportDoc& doc, const std::optional<Period>& period,
                                        const Registry& registry, const Totals& totals,
                                        const std::vector<Values>& own,
                                        const Comparison& comparison, Diagnostics& diags);

}  // namespace ntr
