#pragma once
// Opening the files ntreport reads: regular files only. A device, a named pipe or a socket is
// refused by its name, from stat(2), before anything opens it for reading, so that a link to
// /dev/zero or a FIFO given as an input can neither hang a run nor grow it without end.
#include <cstdint>
#include <string>
#include <string_view>

#include "ntreport/diag/diagnostic.hpp"
#include "ntreport/text/translate.hpp"

namespace ntr {

/// What a path names when that is not a regular file ("a named pipe (FIFO)", "a folder", …),
/// following symbolic links; empty for a regular file. `missing` is set when nothing is there.
std::string not_regular_kind(const std::string& path, bool* missing = nullptr);

/// Opens a regular file for reading; -1 after an io-error naming `display` when it is missing,
/// not a regular file, or cannot be opened. The caller closes the descriptor.
int open_regular_file(const std::string& path, const std::string& display, Diagnostics& diags);

/// Reads a regular file whole. A file larger than `limit` bytes is refused (input-too-large)
/// without being read, and so is one that grows past it while being read.
bool read_regular_file(const std::string& path, const std::string& display, std::uint64_t limit,
                       std::string& out, Diagnostics& diags);

/// The hint of every size-limit error (in English: messages pass it through tr()).
inline constexpr std::string_view kSizeHint =
    N_("no real appendix comes near this size; the file may be corrupt or built to exhaust "
       "memory");

/// "128 MiB" when a whole number of MiB, else "1000 bytes": sizes in messages.
std::string byte_size(std::uint64_t bytes);

}  // namespace ntr
