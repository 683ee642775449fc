#pragma once
// `bao-cao.docx`: the narrative and every appendix as Word tables, in one WordprocessingML
// package written with libzip (no DOCX library is packaged in Debian). Times New Roman, A4,
// a landscape section for each wide table, the header rows repeated on every page, page
// numbers in the footer. The same report gives the same bytes: every zip entry carries one
// fixed time.
#include <cstdint>
#include <string>
#include <vector>

#include "ntreport/diag/diagnostic.hpp"
#include "ntreport/report/report.hpp"

namespace ntr {

struct DocxOptions {
  std::int64_t created = 0;  ///< the time of every zip entry, seconds since the epoch
};

/// The parts of the package: (name, content), in the order they are zipped.
std::vector<std::pair<std::string, std::string>> docx_parts(const BuildReport& report);

/// Writes the package. io-error on failure.
bool write_docx(const std::string& path, const BuildReport& report, const DocxOptions& options,
                Diagnostics& diags);

}  // namespace ntr
