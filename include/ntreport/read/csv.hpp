#pragma once
// A CSV reader: UTF-8 with or without BOM, delimiter sniffed among ',' ';' and tab, RFC 4180
// quoting (quoted fields may hold delimiters, doubled quotes and line breaks).
#include <string>
#include <string_view>

#include "ntreport/diag/diagnostic.hpp"
#include "ntreport/read/sheet.hpp"

namespace ntr {

/// The delimiter the file uses: the one of ',' ';' '\t' that splits the first lines most
/// consistently, outside quotes. ',' when nothing decides.
char sniff_delimiter(std::string_view text);

/// Reads CSV text as one sheet (name empty, is_workbook false). Every field is a text cell.
/// Errors: bad-encoding, csv-syntax (an unbalanced quote, named at the cell where it opened),
/// empty-file; input-too-large and text-too-large past the limits (rows, cells, cells of a
/// row, text of a row), which end the reading. Returns false when nothing could be read.
bool read_csv_text(std::string_view text, const std::string& display, SheetVisitor& visitor,
                   Diagnostics& diags, const ReadLimits& limits = {});

/// Reads a CSV file: a regular file within limits.max_file_bytes (io-error when it cannot be
/// opened or is not a regular file, input-too-large when larger).
bool read_csv(const std::string& path, const std::string& display, SheetVisitor& visitor,
              Diagnostics& diags, const ReadLimits& limits = {});

}  // namespace ntr
