#pragma once
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "ntreport/diag/diagnostic.hpp"
#include "ntreport/report/report.hpp"

namespace ntr {

/// `<id>.md`: a `##` title line, the period line, a blank line, then one GitHub-flavoured
/// pipe table; two-row headers flattened as "Tiếp nhận – Qua mạng"; bold group rows.
std::string render_markdown(const ReportDoc& doc);

/// The same text, a piece (the heading, then a table line) at a time, to `sink`.
void render_markdown(const ReportDoc& doc, const std::function<void(std::string_view)>& sink);

/// Writes `docs` to `path` as Markdown, a blank line between them, a table line at a time:
/// a 100,000-row table is never held as one string. false (and an io-error) on failure.
bool write_markdown(const std::string& path, const std::vector<const ReportDoc*>& docs,
                    Diagnostics& diags);

}  // namespace ntr
