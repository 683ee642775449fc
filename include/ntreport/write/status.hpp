#pragma once
#include <string>

#include "ntreport/report/status.hpp"

namespace ntr {

/// Per family a `##` line with the counts, then a pipe table of the units partly reported
/// and not reported (with `all`, of the units that reported too).
std::string render_status_markdown(const StatusReport& status, bool all);

/// The same as JSON: period, units, then per family key the lists `reported`,
/// `partly` (code, name, missing field keys) and `not_reported` (code, name).
std::string render_status_json(const StatusReport& status);

}  // namespace ntr
