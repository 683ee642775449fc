#pragma once
// Excel 97–2003 workbooks (.xls, BIFF), read with FreeXL: every sheet, its cells as text or
// numbers, to the same SheetVisitor as the XLSX and CSV readers.
#include <string>

#include "ntreport/diag/diagnostic.hpp"
#include "ntreport/read/sheet.hpp"

namespace ntr {

/// The largest .xls file read: FreeXL holds a whole workbook in memory (every cell of a sheet's
/// declared dimensions), so the file size bounds the time and memory a file can cost.
inline constexpr std::uint64_t kMaxXlsBytes = 32ULL << 20;

/// Reads a .xls workbook. A file that is not one, is protected by a password, or is larger
/// than kMaxXlsBytes is a not-a-workbook error naming the reason; a row with more text than
/// limits.max_text_bytes is text-too-large.
bool read_xls(const std::string& path, const std::string& display, const ReadLimits& limits,
              SheetVisitor& visitor, Diagnostics& diags);

}  // namespace ntr
