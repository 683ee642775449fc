#pragma once
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "ntreport/diag/diagnostic.hpp"
#include "ntreport/report/report.hpp"

namespace ntr {

/// `summary.json`: per appendix the level rows, the total, every unit's figures and rates
/// (rates unrounded, null when undefined), the units not reported, and every warning.
std::string render_summary_json(const BuildReport& report);

/// `summary.json` written as the appendices are made: add() writes one appendix's members
/// out, close() the narrative and the warnings, which come last. The same bytes as
/// render_summary_json of the whole report.
class SummaryJson {
 public:
  SummaryJson(const std::string& path, const std::optional<Period>& period);
  ~SummaryJson();
  SummaryJson(const SummaryJson&) = delete;
  SummaryJson& operator=(const SummaryJson&) = delete;

  void add(const ReportDoc& doc);
  /// Ends the file; an io-error in `diags` (and false) when it could not be written.
  bool close(const std::vector<NarrativeSection>& narrative,
             const std::vector<Diagnostic>& warnings, Diagnostics& diags);

 private:
  struct State;
  std::unique_ptr<State> s_;
};

/// Writes render_summary_json(report) to a new file at `path` as it is made, holding none of
/// it; an io-error in `diags` when that fails.
bool write_summary_json(const std::string& path, const BuildReport& report, Diagnostics& diags);

}  // namespace ntr
