#pragma once
// A streaming XLSX reader over libzip and expat. It opens only the parts it needs (workbook,
// its relationships, shared strings, the sheets) and never builds a DOM.
#include <string>

#include "ntreport/diag/diagnostic.hpp"
#include "ntreport/read/sheet.hpp"

namespace ntr {

/// Reads every worksheet of the workbook at `path`, in workbook order, into `visitor`.
/// `display` is the name used in diagnostics. Problems (not-a-workbook, part-too-large,
/// malformed-xml, io-error) go to `diags`; the visitor sees what could be read before them.
/// Returns false when the file could not be read at all.
bool read_xlsx(const std::string& path, const std::string& display, const ReadLimits& limits,
               SheetVisitor& visitor, Diagnostics& diags);

/// The same over a workbook already in memory (fuzzing, embedded files).
bool read_xlsx_buffer(std::string_view bytes, const std::string& display, const ReadLimits& limits,
                      SheetVisitor& visitor, Diagnostics& diags);

}  // namespace ntr
