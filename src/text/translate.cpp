#include "ntreport/text/translate.hpp"

#include <array>
#include <cerrno>
#include <cstring>
#include <utility>

#include "ntreport/text/numbers.hpp"

namespace ntr {

namespace {

Language g_language = Language::en;
thread_local bool t_english = false;  // an EnglishOnThisThread lives on this thread

// A GNU .mo file: a header, then two tables of (length, offset) pairs — the msgids, sorted by
// their bytes, and their translations in the same order.
class MoFile {
 public:
  explicit MoFile(std::string_view data) : data_(data) {
    if (data.size() < 28 || word(0) != 0x950412deU) return;
    count_ = word(8);
    originals_ = word(12);
    translations_ = word(16);
    const std::uint64_t end = std::uint64_t{count_} * 8;
    if (originals_ + end > data.size() || translations_ + end > data.size()) count_ = 0;
  }

  [[nodiscard]] std::optional<std::string_view> find(std::string_view msgid) const {
    std::uint32_t lo = 0, hi = count_;
    while (lo < hi) {
      const std::uint32_t mid = lo + (hi - lo) / 2;
      const std::string_view key = entry(originals_, mid);
      if (key == msgid) {
        const std::string_view value = entry(translations_, mid);
        return value.empty() ? std::nullopt : std::optional(value);
      }
      if (key < msgid) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return std::nullopt;
  }

 private:
  [[nodiscard]] std::uint32_t word(std::size_t at) const {
    std::array<unsigned char, 4> b{};
    std::memcpy(b.data(), data_.data() + at, 4);
    return std::uint32_t{b[0]} | std::uint32_t{b[1]} << 8 | std::uint32_t{b[2]} << 16 |
           std::uint32_t{b[3]} << 24;
  }
  [[nodiscard]] std::string_view entry(std::uint32_t table, std::uint32_t i) const {
    const std::uint32_t length = word(table + std::size_t{i} * 8);
    const std::uint32_t offset = word(table + std::size_t{i} * 8 + 4);
    if (std::uint64_t{offset} + length > data_.size()) return {};
    return data_.substr(offset, length);
  }

  std::string_view data_;
  std::uint32_t count_ = 0;
  std::uint32_t originals_ = 0;
  std::uint32_t translations_ = 0;
};

const MoFile& vietnamese() {
  static const MoFile mo(detail::vi_catalogue());
  return mo;
}

bool starts_with_language(std::string_view value, std::string_view code) {
  return value.substr(0, code.size()) == code &&
         (value.size() == code.size() || value[code.size()] == '_' || value[code.size()] == '.' ||
          value[code.size()] == '@' || value[code.size()] == '-');
}

}  // namespace

void set_language(Language lang) {
  g_language = lang;
  if (lang == Language::vi) (void)vietnamese();  // parsed now, before any thread reads it
}

Language language() { return t_english ? Language::en : g_language; }

EnglishOnThisThread::EnglishOnThisThread() : was_(t_english) { t_english = true; }
EnglishOnThisThread::~EnglishOnThisThread() { t_english = was_; }

std::optional<Language> parse_language(std::string_view name) {
  if (starts_with_language(name, "vi")) return Language::vi;
  if (starts_with_language(name, "en")) return Language::en;
  return std::nullopt;
}

Language language_from_environment(std::string_view language, std::string_view lc_all,
                                   std::string_view lc_messages, std::string_view lang) {
  while (!language.empty()) {
    const std::size_t colon = language.find(':');
    if (const auto known = parse_language(language.substr(0, colon))) return *known;
    language = colon == std::string_view::npos ? std::string_view() : language.substr(colon + 1);
  }
  for (const std::string_view value : {lc_all, lc_messages, lang}) {
    if (!value.empty()) return parse_language(value).value_or(Language::en);
  }
  return Language::en;
}

std::string_view tr(std::string_view msgid) {
  if (language() != Language::vi || msgid.empty()) return msgid;
  return vietnamese().find(msgid).value_or(msgid);
}

std::string system_error_text(int err) {
  if (language() == Language::vi) {
    // The common ones in the catalogue's words (their translations are in po/vi.po); the
    // English is the system's own text, which differs between systems.
    static constexpr std::array<std::pair<int, std::string_view>, 11> kCommon = {{
        {ENOENT, N_("no such file or folder")},
        {EACCES, N_("permission denied")},
        {EPERM, N_("not permitted")},
        {ENOTDIR, N_("not a folder")},
        {EISDIR, N_("is a folder")},
        {EEXIST, N_("already exists")},
        {ENOSPC, N_("the disk is full")},
        {EROFS, N_("the disk is read-only")},
        {EBUSY, N_("in use")},
        {ENAMETOOLONG, N_("the name is too long")},
        {EIO, N_("a device input/output error")},
    }};
    for (const auto& [code, text] : kCommon) {
      if (code == err) return std::string(tr(text));
    }
  }
  return std::strerror(err);  // NOLINT(concurrency-mt-unsafe): glibc's is safe for known codes
}

std::string system_error_text(const std::error_code& ec) {
  const std::error_condition generic = ec.default_error_condition();
  if (language() != Language::vi || generic.category() != std::generic_category())
    return ec.message();
  return system_error_text(generic.value());
}

std::string count_text(std::int64_t n) {
  return language() == Language::vi ? format_count(n) : std::to_string(n);
}

}  // namespace ntr
