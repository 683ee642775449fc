#pragma once
// Finding and opening inputs: the only place besides the readers that touches the file system
// on the way in.
#include <optional>
#include <string>
#include <vector>

#include "ntreport/diag/diagnostic.hpp"
#include "ntreport/read/sheet.hpp"

namespace ntr {

/// The input files the arguments name: files as given, folders searched recursively for
/// .xlsx, .xlsm, .csv and .tsv files (hidden files and Office lock files "~$…" skipped).
/// Sorted and without duplicates, so the order on the command line does not matter. A path
/// that does not exist is an io-error.
std::vector<std::string> list_inputs(const std::vector<std::string>& args, Diagnostics& diags);

/// Reads one input, choosing the reader by extension (XLSX by default, CSV for .csv/.tsv/.txt).
bool read_input(const std::string& path, const ReadLimits& limits, SheetVisitor& visitor,
                Diagnostics& diags);

/// A whole file as text (io-error when it cannot be read).
std::optional<std::string> read_text_file(const std::string& path, Diagnostics& diags);

/// A small CSV file (registry, aliases, levels, targets) read into memory.
std::optional<OwnedSheet> read_csv_sheet(const std::string& path, Diagnostics& diags);
/// The same over text already in memory (an embedded file).
std::optional<OwnedSheet> read_csv_sheet_text(std::string_view text, const std::string& display,
                                              Diagnostics& diags);

/// Files with the given extension directly inside a folder, sorted (io-error if unreadable).
std::vector<std::string> list_folder(const std::string& dir, const std::string& extension,
                                     Diagnostics& diags);

/// Refuses (would-overwrite) an output folder that is an input folder, lies inside one, or
/// holds inputs: a build would read its own outputs, or replace its inputs. False when refused.
bool check_output_folder(const std::string& out_dir, const std::vector<std::string>& inputs,
                         Diagnostics& diags);

/// True when the path names an existing regular file.
bool file_exists(const std::string& path);
/// True when the path names an existing folder.
bool folder_exists(const std::string& path);

}  // namespace ntr
