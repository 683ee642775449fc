#pragma once
#include <string>

#include "ntreport/diag/diagnostic.hpp"
#include "ntreport/report/report.hpp"

namespace ntr {

/// `summary.json`: per appendix the level rows, the total, every unit's figures and rates
/// (rates unrounded, null when undefined), the units not reported, and every warning.
std::string render_summary_json(const BuildReport& report);

/// Writes render_summary_json(report) to a new file at `path` as it is made, holding none of
/// it; an io-error in `diags` when that fails.
bool write_summary_json(const std::string& path, const BuildReport& report, Diagnostics& diags);

}  // namespace ntr
