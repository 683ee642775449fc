#pragma once
#include <string>

#include "ntreport/report/report.hpp"

namespace ntr {

/// `summary.json`: per appendix the level rows, the total, every unit's figures and rates
/// (rates unrounded, null when undefined), the units not reported, and every warning.
std::string render_summary_json(const BuildReport& report);

}  // namespace ntr
