#pragma once
// The audit of a printed appendix as text (one line per disagreement, then a summary line)
// and as JSON for scripts. Renderers only: the audit stage computed everything.
#include <string>
#include <string_view>
#include <vector>

#include "ntreport/audit/audit.hpp"
#include "ntreport/diag/diagnostic.hpp"

namespace ntr {

/// Every finding as format_finding prints it, then "ntreport: audit of FILE: …"; `errors`:
/// the rows and cells the audit could not understand (unmatched names, not counts), which the
/// summary line counts first.
std::string render_audit_text(const AuditReport& report, std::string_view file,
                              std::size_t errors = 0);

/// The summary line alone.
std::string audit_summary_line(const AuditReport& report, std::string_view file,
                               std::size_t errors = 0);

/// {"file", "checks", "tables": [...], "findings": [...], "problems": [...]}; problems are the
/// diagnostics of the run (unmatched names, cells that are not counts or rates).
std::string render_audit_json(const AuditReport& report, const std::vector<Diagnostic>& problems,
                              std::string_view file);

}  // namespace ntr
