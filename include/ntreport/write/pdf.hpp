#pragma once
// PDF through LibreOffice (`--format pdf`): the Word document and the workbook converted by a
// headless LibreOffice when one is installed. LibreOffice stamps the time into a PDF, so these
// files are not the same bytes from one build to the next (docs/narrative.md).
#include <string>

#include "ntreport/diag/diagnostic.hpp"

namespace ntr {

/// The LibreOffice program: NTREPORT_SOFFICE when set, else `soffice` or `libreoffice` on the
/// PATH; empty when there is none.
std::string find_soffice();

/// Converts the document at `source` (.docx or .xlsx) into a PDF at `pdf_path`, with a private
/// LibreOffice profile beside it, in at most ten minutes; io-error when it cannot. `source` and
/// everything LibreOffice leaves are removed.
bool convert_to_pdf(const std::string& soffice, const std::string& source,
                    const std::string& pdf_path, Diagnostics& diags);

}  // namespace ntr
