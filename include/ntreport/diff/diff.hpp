#pragma once
// Two builds compared through their summary.json (`ntreport diff`): units matched by code,
// level rows by level, group rows by level and area, figures by field. Every figure that
// differs becomes one change, with the old and new values as the tables print them and the
// change: absolute and in percent for counts, in percentage points for rates.
#include <string>
#include <vector>

#include "ntreport/diag/diagnostic.hpp"
#include "ntreport/read/json.hpp"

namespace ntr {

/// One figure of one row that differs between the two builds.
struct FigureChange {
  std::string appendix;  ///< "ho-so"
  std::string row;       ///< unit name (no STT), level or group label, "Tổng cộng"
  std::string field;     ///< the figure's printed label ("Qua mạng"), or its key
  std::string old_text;  ///< as printed in the tables ("1.229", "96,6%", "-"); empty: absent
  std::string new_text;
  std::string change;  ///< "+100 (+8,14%)", "+0,12 điểm %"; empty when not computable
};

struct SummaryDiff {
  std::vector<FigureChange> changes;  ///< appendices in the new build's order, rows in table order
  std::vector<std::string> notes;     ///< appendices present in one build only
  [[nodiscard]] bool identical() const { return changes.empty() && notes.empty(); }
};

/// Compares two parsed summary.json documents. A document without an "appendices" object is
/// a bad-json error naming its file (old_name or new_name).
SummaryDiff diff_summaries(const JsonValue& old_summary, const std::string& old_name,
                           const JsonValue& new_summary, const std::string& new_name,
                           Diagnostics& diags);

/// The change of a count: "+100 (+8,14%)", "-3 (-0,5%)", "+7" when the old value is 0.
std::string count_change(std::int64_t old_value, std::int64_t new_value);

}  // namespace ntr
