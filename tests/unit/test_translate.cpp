// The language of messages (text/translate.hpp): how it is chosen, and the catalogue compiled
// from po/vi.po.
#include <catch2/catch.hpp>
#include <cerrno>
#include <cstring>
#include <system_error>

#include "ntreport/text/translate.hpp"

namespace {

// Restores English when a test ends, so that other tests read English messages.
struct LanguageScope {
  explicit LanguageScope(ntr::Language lang) { ntr::set_language(lang); }
  ~LanguageScope() { ntr::set_language(ntr::Language::en); }
  LanguageScope(const LanguageScope&) = delete;
  LanguageScope& operator=(const LanguageScope&) = delete;
};

}  // namespace

TEST_CASE("Language names: vi and en with or without a territory and encoding") {
  using ntr::Language;
  CHECK(ntr::parse_language("vi") == Language::vi);
  CHECK(ntr::parse_language("vi_VN.UTF-8") == Language::vi);
  CHECK(ntr::parse_language("vi-VN") == Language::vi);
  CHECK(ntr::parse_language("en_US.UTF-8") == Language::en);
  CHECK_FALSE(ntr::parse_language("C.UTF-8"));
  CHECK_FALSE(ntr::parse_language("POSIX"));
  CHECK_FALSE(ntr::parse_language("vie"));  // not "vi" followed by a separator
  CHECK_FALSE(ntr::parse_language(""));
}

TEST_CASE("The environment: LANGUAGE's first known entry, then LC_ALL, LC_MESSAGES, LANG") {
  using ntr::Language;
  CHECK(ntr::language_from_environment("", "", "", "") == Language::en);
  CHECK(ntr::language_from_environment("", "", "", "vi_VN.UTF-8") == Language::vi);
  CHECK(ntr::language_from_environment("fr:vi:en", "C.UTF-8", "", "") == Language::vi);
  CHECK(ntr::language_from_environment("en", "vi_VN.UTF-8", "", "") == Language::en);
  // LC_ALL set to C outranks a Vietnamese LANG: the first set variable decides.
  CHECK(ntr::language_from_environment("", "C.UTF-8", "", "vi_VN.UTF-8") == Language::en);
  CHECK(ntr::language_from_environment("", "", "vi_VN", "en_US") == Language::vi);
  // A LANGUAGE with no known entry is passed over.
  CHECK(ntr::language_from_environment("fr:de", "", "", "vi_VN") == Language::vi);
}

TEST_CASE("Messages come from po/vi.po in Vietnamese and stay English otherwise") {
  // An entry of po/vi.po (the catalogue's summary of "internal"), checked by hand.
  CHECK(ntr::tr("a bug in ntreport") == "a bug in ntreport");
  {
    const LanguageScope vi(ntr::Language::vi);
    CHECK(ntr::tr("a bug in ntreport") == "lỗi của chương trình ntreport");
    CHECK(ntr::tr("a text no catalogue holds") == "a text no catalogue holds");
    CHECK(ntr::trf("lang must be \"vi\" or \"en\", got {}", "\"fr\"") ==
          "lang phải là \"vi\" hoặc \"en\", nhưng là \"fr\"");
    CHECK(ntr::count_text(179153) == "179.153");
  }
  CHECK(ntr::trf("lang must be \"vi\" or \"en\", got {}", "\"fr\"") ==
        "lang must be \"vi\" or \"en\", got \"fr\"");
  CHECK(ntr::count_text(179153) == "179153");
}

TEST_CASE("A bilingual message is made in the language set and again in English") {
  auto make = [] {
    return ntr::trf("lang must be \"vi\" or \"en\", got {}", ntr::count_text(1234));
  };
  const ntr::Bilingual en = ntr::bilingual(make);
  CHECK(en.text == "lang must be \"vi\" or \"en\", got 1234");
  CHECK(en.english == en.text);
  const LanguageScope vi(ntr::Language::vi);
  const ntr::Bilingual both = ntr::bilingual(make);
  CHECK(both.text == "lang phải là \"vi\" hoặc \"en\", nhưng là 1.234");
  CHECK(both.english == "lang must be \"vi\" or \"en\", got 1234");
  CHECK(ntr::language() == ntr::Language::vi);  // English only while the message was made
}

TEST_CASE(
    "The system's error words: as the system says them in English, common ones in Vietnamese") {
  CHECK(ntr::system_error_text(ENOENT) == std::strerror(ENOENT));
  const std::error_code ec = std::make_error_code(std::errc::not_a_directory);
  CHECK(ntr::system_error_text(ec) == ec.message());
  const LanguageScope vi(ntr::Language::vi);
  CHECK(ntr::system_error_text(ENOENT) == "không có tệp hoặc thư mục này");
  CHECK(ntr::system_error_text(ec) == "không phải là thư mục");
  CHECK(ntr::system_error_text(EXDEV) == std::strerror(EXDEV));  // not a common one
}
