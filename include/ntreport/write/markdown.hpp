#pragma once
#include <string>

#include "ntreport/report/report.hpp"

namespace ntr {

/// `<id>.md`: a `##` title line, the period line, a blank line, then one GitHub-flavoured
/// pipe table; two-row headers flattened as "Tiếp nhận – Qua mạng"; bold group rows.
std::string render_markdown(const ReportDoc& doc);

}  // namespace ntr
