#pragma once
// The error catalogue: every diagnostic code, the exit code it leads to, and one line saying
// what it means. docs/errors.md and tests/errors/ mirror this table.
#include <span>
#include <string_view>

#include "ntreport/diag/diagnostic.hpp"

namespace ntr {

struct CodeInfo {
  std::string_view code;
  ExitCode exit;      ///< what an error with this code makes the process return
  Severity severity;  ///< the usual severity (subtotal-mismatch is a warning)
  std::string_view summary;
};

/// Every code, sorted by code.
std::span<const CodeInfo> code_catalogue();
/// The entry for a code; unknown codes are an internal error (exit 4).
const CodeInfo& code_info(std::string_view code);

}  // namespace ntr
