#pragma once
// What `ntreport inspect` found, as Markdown: a section per sheet.
#include <string>
#include <vector>

#include "ntreport/ingest/inspect.hpp"

namespace ntr {

/// "## Sheet 'Số liệu'" (hidden marked), the header rows, a table of the columns and one of
/// the rows with what each is.
std::string render_inspect_markdown(const std::string& file,
                                    const std::vector<InspectSheet>& sheets);

}  // namespace ntr
