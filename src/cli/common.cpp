#include "ntreport/cli/common.hpp"

#include <fmt/format.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>

#include "ntreport/platform/process.hpp"

namespace ntr::cli {

namespace {
constexpr std::size_t kMaxShown = 100;
bool g_language_from_option = false;

std::string_view env(const char* name) {
  const char* value = std::getenv(name);  // NOLINT(concurrency-mt-unsafe): before any thread
  return value == nullptr ? std::string_view() : std::string_view(value);
}

// "1 error", "3 errors", "1 note" … ("3 lỗi" in Vietnamese): each count and word its own
// message, so that a language without plurals says it once.
std::string errors_text(std::size_t n) {
  const std::string count = count_text(static_cast<std::int64_t>(n));
  return n == 1 ? trf("{} error", count) : trf("{} errors", count);
}

std::string warnings_text(std::size_t n) {
  const std::string count = count_text(static_cast<std::int64_t>(n));
  return n == 1 ? trf("{} warning", count) : trf("{} warnings", count);
}

std::string notes_text(std::size_t n) {
  const std::string count = count_text(static_cast<std::int64_t>(n));
  return n == 1 ? trf("{} note", count) : trf("{} notes", count);
}
}  // namespace

void choose_language(std::optional<Language> from_option) {
  g_language_from_option = from_option.has_value();
  // On Windows the locale's variables are seldom set: then the desktop's language decides.
  const std::string desktop = platform::desktop_language();
  set_language(from_option.value_or(
      language_from_environment(env("LANGUAGE"), env("LC_ALL"), env("LC_MESSAGES"),
                                env("LANG").empty() ? std::string_view(desktop) : env("LANG"))));
}

void use_config_language(Language lang) {
  if (!g_language_from_option) set_language(lang);
}

void print_diagnostics(const Diagnostics& diags, bool quiet, bool strict) {
  // Under --strict the warnings fail the command: they are shown even with --quiet.
  const bool warnings_shown = !quiet || strict;
  auto shown_kind = [&](Severity s) {
    return s == Severity::error || (s == Severity::warning ? warnings_shown : !quiet);
  };
  std::size_t shown = 0;
  for (const auto& d : diags.sorted()) {
    if (!shown_kind(d.severity)) continue;
    if (shown == kMaxShown) break;
    std::fprintf(stderr, "%s\n", format_diagnostic(d).c_str());
    ++shown;
  }
  const std::size_t errors = diags.error_count();
  const std::size_t warnings = diags.warning_count();
  const std::size_t notes = quiet ? 0 : diags.note_count();
  // Counted from the totals: past a thousand per file, diagnostics are counted, not kept.
  const std::size_t hidden = errors + (warnings_shown ? warnings : 0) + notes - shown;
  if (hidden > 0) {
    std::fprintf(stderr, "%s\n",
                 trf("… and {} more", count_text(static_cast<std::int64_t>(hidden))).c_str());
  }
  if (errors > 0 || (warnings_shown && warnings > 0) || notes > 0) {
    std::string totals = errors_text(errors) + ", " + warnings_text(warnings);
    if (notes > 0) totals += ", " + notes_text(notes);
    std::fprintf(stderr, "ntreport: %s\n", totals.c_str());
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
    std::fprintf(stderr, "%s\n", trf("ntreport: internal error: {}", e.what()).c_str());
  } catch (...) {
    std::fprintf(stderr, "%s\n", std::string(tr("ntreport: internal error")).c_str());
  }
  return static_cast<int>(ExitCode::internal);
}

}  // namespace ntr::cli
