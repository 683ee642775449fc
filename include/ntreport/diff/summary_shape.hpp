#pragma once
// What `ntreport diff` reads is checked to be a summary.json of ntreport (docs/summary-json.md)
// before anything is compared: a document of another shape would give a comparison that means
// nothing.
#include <string>

#include "ntreport/diag/diagnostic.hpp"
#include "ntreport/read/json.hpp"

namespace ntr {

/// True when `summary` has the shape of a summary.json: otherwise a bad-json error names the
/// path of each member that has not (`appendices["ho-so"].units is an array; expected …`).
bool check_summary_shape(const JsonValue& summary, const std::string& file, Diagnostics& diags);

}  // namespace ntr
