#include "ntreport/cli/common.hpp"

#include <fmt/format.h>

#include <cstdio>
#include <exception>

namespace ntr::cli {

namespace {
constexpr std::size_t kMaxShown = 100;

std::string plural(std::size_t n, const char* one, const char* many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}
}  // namespace

void print_diagnostics(const Diagnostics& diags, bool quiet) {
  std::size_t shown = 0;
  for (const auto& d : diags.sorted()) {
    if (quiet && d.severity != Severity::error) continue;
    if (shown == kMaxShown) break;
    std::fprintf(stderr, "%s\n", format_diagnostic(d).c_str());
    ++shown;
  }
  const std::size_t errors = diags.error_count();
  const std::size_t warnings = diags.warning_count();
  // Counted from the totals: past a thousand per file, diagnostics are counted, not kept.
  const std::size_t hidden = (quiet ? errors : errors + warnings + diags.note_count()) - shown;
  if (hidden > 0) std::fprintf(stderr, "… and %zu more\n", hidden);
  if (errors > 0 || (!quiet && warnings > 0)) {
    std::fprintf(stderr, "ntreport: %s, %s\n", plural(errors, "error", "errors").c_str(),
                 plural(warnings, "warning", "warnings").c_str());
  }
}

int exit_code(const Diagnostics& diags, bool strict) {
  if (diags.has_errors()) return static_cast<int>(diags.exit_code());
  if (strict && diags.warning_count() > 0) return static_cast<int>(ExitCode::data);
  return 0;
}

int guarded(const std::function<int()>& body) {
  try {
    return body();
  } catch (const std::exception& e) {
    std::fprintf(stderr, "ntreport: internal error: %s\n", e.what());
  } catch (...) {
    std::fprintf(stderr, "ntreport: internal error\n");
  }
  return static_cast<int>(ExitCode::internal);
}

}  // namespace ntr::cli
