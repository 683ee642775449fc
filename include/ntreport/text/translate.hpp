#pragma once
// The language of messages: diagnostics, help, progress and summary lines (docs/i18n.md).
// Messages are written in English in the source and looked up by that text in the catalogue
// of the chosen language (po/vi.po, compiled into the binary). Outputs never go through here:
// the language of messages never changes an output's bytes, an error code or an exit status.
#include <fmt/format.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>

/// Marks a string for translation where it is defined, translated later by tr() (xgettext's
/// convention): the catalogue's summaries, the help of the commands.
#define N_(text) text

namespace ntr {

enum class Language : std::uint8_t { en, vi };

/// Sets the language of messages for the whole process: once, before any thread starts.
void set_language(Language lang);
/// The language set (English until set_language is called).
Language language();

/// "vi", "vi_VN.UTF-8", "en", "en_US" … → the language; "C", "POSIX", "" or another → none.
std::optional<Language> parse_language(std::string_view name);
/// The language the environment asks for: the first of LANGUAGE (a colon-separated list, its
/// first known entry), LC_ALL, LC_MESSAGES, LANG that is set and not empty; English otherwise.
/// The values are passed in, in that order, so that the choice is a pure function.
Language language_from_environment(std::string_view language, std::string_view lc_all,
                                   std::string_view lc_messages, std::string_view lang);

/// The message in the language set; its English text (msgid) when the catalogue lacks it.
std::string_view tr(std::string_view msgid);

/// tr() of a format string, then formatted: the English text is checked at compile time, the
/// translation by the test `translations` (same placeholders as the English).
template <typename... Args>
std::string trf(fmt::format_string<Args...> msgid, Args&&... args) {
  const fmt::string_view english = msgid;
  return fmt::vformat(tr(std::string_view(english.data(), english.size())),
                      fmt::make_format_args(args...));
}

/// A message made in the language set and again in English: a warning is printed in the
/// first and kept in summary.json in the second, so that outputs are the same in both.
struct Bilingual {
  std::string text;     ///< in the language set
  std::string english;  ///< the same message in English
};

/// While it lives, tr() on this thread answers in English (for Bilingual).
class EnglishOnThisThread {
 public:
  EnglishOnThisThread();
  ~EnglishOnThisThread();
  EnglishOnThisThread(const EnglishOnThisThread&) = delete;
  EnglishOnThisThread& operator=(const EnglishOnThisThread&) = delete;

 private:
  bool was_;
};

/// Runs `make` (which builds a message with tr/trf) in the language set, then in English.
template <typename Make>
Bilingual bilingual(Make&& make) {
  Bilingual b;
  b.text = make();
  if (language() == Language::en) {
    b.english = b.text;
  } else {
    const EnglishOnThisThread english;
    b.english = make();
  }
  return b;
}

/// The system's words for an errno value (strerror) in English; in Vietnamese, those of the
/// common ones (no such file, permission denied, disk full …), else the system's.
std::string system_error_text(int err);
/// The same for an error of std::filesystem (its message in English).
std::string system_error_text(const std::error_code& ec);

/// A count as messages print it: "179153" in English (as the inputs hold it), "179.153" in
/// Vietnamese.
std::string count_text(std::int64_t n);

namespace detail {
/// The compiled Vietnamese catalogue (a GNU .mo file made by msgfmt from po/vi.po).
std::string_view vi_catalogue();
}  // namespace detail

}  // namespace ntr
