#pragma once
// Sums and registry → a ReportDoc: rows in the layout of SPEC §6, each cell with its exact
// value and its display text. The only place rates are computed and numbers formatted.
#include <optional>
#include <string>

#include "ntreport/aggregate/aggregate.hpp"
#include "ntreport/registry/registry.hpp"
#include "ntreport/report/appendix.hpp"
#include "ntreport/report/report.hpp"

namespace ntr {

struct ReportOptions {
  std::optional<Period> period;
  std::string layout;                ///< "level" or "area"; empty = the definition's default
  std::optional<Rate> sort;          ///< order units within each group by this rate, lowest first
  std::string undefined_rate = "-";  ///< what a rate with a zero denominator prints
};

/// Builds the appendix `def` (layout level or area) from the sums.
ReportDoc build_report(const AppendixDef& def, const Registry& registry, const Totals& totals,
                       const ReportOptions& options);

/// "(Từ ngày 01/01/2024 đến ngày 28/08/2024)" from the definition's pattern; empty without a
/// period.
std::string period_line(const std::string& pattern, const std::optional<Period>& period);

/// A count cell, empty when the field is absent.
Cell count_cell(const Values& v, Field f);
/// A rate cell from the sums in v, empty when a field it needs is absent.
Cell rate_cell(const Values& v, Rate r, const std::string& undefined_text);

/// I, II, III, IV …
std::string roman(unsigned n);

}  // namespace ntr
