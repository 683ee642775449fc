#include "ntreport/text/normalize.hpp"

#include <utf8proc.h>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <iterator>
#include <memory>
#include <vector>

namespace ntr {

namespace {

using cp_t = utf8proc_int32_t;

void encode(cp_t c, std::string& out) {
  utf8proc_uint8_t buf[4];
  const auto n = utf8proc_encode_char(c, buf);
  out.append(reinterpret_cast<const char*>(buf), static_cast<std::size_t>(n));
}

bool is_tone_mark(cp_t c) {
  // grave, acute, tilde, hook above, dot below: the five Vietnamese tones
  return c == 0x0300 || c == 0x0301 || c == 0x0303 || c == 0x0309 || c == 0x0323;
}

bool is_dash(cp_t c) {
  return c == '-' || (c >= 0x2010 && c <= 0x2015) || c == 0x2212 || c == 0xFE58 || c == 0xFE63 ||
         c == 0xFF0D;
}

bool is_space(cp_t c) {
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f') return true;
  const auto cat = utf8proc_category(c);
  return cat == UTF8PROC_CATEGORY_ZS || cat == UTF8PROC_CATEGORY_ZL ||
         cat == UTF8PROC_CATEGORY_ZP || c == 0x200B || c == 0xFEFF;
}

bool is_letter_or_mark(cp_t c) {
  const auto cat = utf8proc_category(c);
  return (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO) ||
         (cat >= UTF8PROC_CATEGORY_MN && cat <= UTF8PROC_CATEGORY_ME);
}

// Compatibility decomposition with case folding; nullopt-like empty on invalid input.
bool decompose_fold(std::string_view s, std::string& out) {
  utf8proc_uint8_t* buf = nullptr;
  const auto n =
      utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(s.data()),
                   static_cast<utf8proc_ssize_t>(s.size()), &buf,
                   static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPAT |
                                                  UTF8PROC_DECOMPOSE | UTF8PROC_CASEFOLD));
  if (n < 0) return false;
  std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> hold(buf, &std::free);
  out.assign(reinterpret_cast<const char*>(buf), static_cast<std::size_t>(n));
  return true;
}

constexpr auto kFoldOptions = static_cast<utf8proc_option_t>(
    UTF8PROC_STABLE | UTF8PROC_COMPAT | UTF8PROC_DECOMPOSE | UTF8PROC_CASEFOLD);

// What match_key needs to know of the code points Vietnamese text is made of (all below
// U+2000), computed once with utf8proc: the same answers without its cost per character.
struct CharInfo {
  std::uint8_t count = 0;  ///< code points of the folded decomposition; 0: ask utf8proc
  std::uint8_t ccc = 0;    ///< canonical combining class
  bool letter_or_mark = false;
  bool space = false;
  std::array<cp_t, 3> folded{};
};
constexpr cp_t kTabulated = 0x2000;

const std::array<CharInfo, kTabulated>& char_table() {
  static const auto table = [] {
    auto t = std::make_unique<std::array<CharInfo, kTabulated>>();
    for (cp_t c = 0; c < kTabulated; ++c) {
      CharInfo& info = (*t)[static_cast<std::size_t>(c)];
      info.ccc = static_cast<std::uint8_t>(utf8proc_get_property(c)->combining_class);
      info.letter_or_mark = is_letter_or_mark(c);
      info.space = is_space(c);
      cp_t buf[8];
      const auto n = utf8proc_decompose_char(c, buf, 8, kFoldOptions, nullptr);
      if (n >= 1 && n <= 3) {
        info.count = static_cast<std::uint8_t>(n);
        std::copy(buf, buf + n, info.folded.begin());
      }
    }
    return t;
  }();
  return *table;
}

bool letter_or_mark(cp_t c) {
  return c < kTabulated ? char_table()[static_cast<std::size_t>(c)].letter_or_mark
                        : is_letter_or_mark(c);
}

bool space(cp_t c) {
  return c < kTabulated ? char_table()[static_cast<std::size_t>(c)].space : is_space(c);
}

int combining_class(cp_t c) {
  return c < kTabulated ? char_table()[static_cast<std::size_t>(c)].ccc
                        : utf8proc_get_property(c)->combining_class;
}

}  // namespace

std::size_t invalid_utf8_offset(std::string_view s) {
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(s.data());
  auto left = static_cast<utf8proc_ssize_t>(s.size());
  while (left > 0) {
    // ASCII fast path: the common case in figures and codes.
    if (*p < 0x80) {
      ++p;
      --left;
      continue;
    }
    cp_t c = 0;
    const utf8proc_ssize_t n = utf8proc_iterate(p, left, &c);
    if (n <= 0) return s.size() - static_cast<std::size_t>(left);
    p += n;
    left -= n;
  }
  return std::string_view::npos;
}

bool is_valid_utf8(std::string_view s) { return invalid_utf8_offset(s) == std::string_view::npos; }

std::string to_nfc(std::string_view s) {
  utf8proc_uint8_t* buf = nullptr;
  const auto n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(s.data()),
                              static_cast<utf8proc_ssize_t>(s.size()), &buf,
                              static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE));
  if (n < 0) return std::string(s);
  std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> hold(buf, &std::free);
  return std::string(reinterpret_cast<const char*>(buf), static_cast<std::size_t>(n));
}

namespace {

// The key of docs/spec.md §2.3 from code points already decomposed and case folded.
std::string key_of(const std::vector<cp_t>& cps, std::size_t size_hint) {
  std::string out;
  out.reserve(size_hint);
  cp_t tones[8];  // tone marks of the syllable being read, emitted at its end
  std::size_t tone_count = 0;
  std::vector<cp_t> more_tones;  // a syllable with more than 8 stacked tone marks
  bool pending_space = false;
  auto flush_tones = [&] {
    for (std::size_t i = 0; i < tone_count; ++i) encode(tones[i], out);
    for (cp_t t : more_tones) encode(t, out);
    tone_count = 0;
    more_tones.clear();
  };
  auto separate = [&] {
    if (pending_space && !out.empty() && out.back() != '-') out += ' ';
    pending_space = false;
  };
  for (cp_t c : cps) {
    if (c < 0x80) {  // ASCII: no mark, no tone; letters and others are placed alike
      const bool space = c == ' ' || (c >= '\t' && c <= '\r');
      if (!(c >= 'a' && c <= 'z') && !(c >= 'A' && c <= 'Z')) flush_tones();
      if (space) {
        pending_space = true;
      } else if (c == '-') {
        out += '-';
        pending_space = false;
      } else {
        separate();
        out += static_cast<char>(c);
      }
      continue;
    }
    if (is_tone_mark(c)) {
      if (tone_count < std::size(tones)) {
        tones[tone_count++] = c;
      } else {
        more_tones.push_back(c);
      }
      continue;
    }
    if (letter_or_mark(c)) {
      separate();
      encode(c, out);
      continue;
    }
    flush_tones();
    if (space(c)) {
      pending_space = true;
    } else if (is_dash(c)) {
      out += '-';
      pending_space = false;
    } else {
      separate();
      encode(c, out);
    }
  }
  flush_tones();
  return out;
}

// Canonical ordering: within each run of combining marks, a stable sort by combining class,
// exactly as utf8proc orders its decompositions.
void reorder_marks(std::vector<cp_t>& cps) {
  auto ccc = [](cp_t c) { return c < 0x300 ? 0 : combining_class(c); };
  for (std::size_t i = 1; i < cps.size(); ++i) {
    const auto cls = ccc(cps[i]);
    if (cls == 0) continue;
    for (std::size_t j = i; j > 0 && ccc(cps[j - 1]) > cls; --j) std::swap(cps[j - 1], cps[j]);
  }
}

// Decomposed, case-folded code points of s, one character at a time; false on invalid UTF-8.
bool decompose_fold_cps(std::string_view s, std::vector<cp_t>& out) {
  out.clear();
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(s.data());
  const auto* const end = p + s.size();
  bool marks = false;
  while (p < end) {
    if (*p < 0x80) {  // ASCII: case folding is all there is to do
      const cp_t c = *p++;
      out.push_back(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
      continue;
    }
    cp_t c = 0;
    const utf8proc_ssize_t n = utf8proc_iterate(p, end - p, &c);
    if (n <= 0 || c < 0) return false;
    p += n;
    marks = true;
    if (c < kTabulated) {
      const CharInfo& info = char_table()[static_cast<std::size_t>(c)];
      if (info.count > 0) {
        out.insert(out.end(), info.folded.begin(), info.folded.begin() + info.count);
        continue;
      }
    }
    cp_t buf[32];
    const utf8proc_ssize_t m = utf8proc_decompose_char(c, buf, 32, kFoldOptions, nullptr);
    if (m < 0 || m > 32) return false;
    out.insert(out.end(), buf, buf + m);
  }
  if (marks) reorder_marks(out);
  return true;
}

}  // namespace

std::string match_key(std::string_view s) {
  thread_local std::vector<cp_t> cps;
  // Invalid UTF-8 is rare and compared byte for byte: the reference handles it.
  if (!decompose_fold_cps(s, cps)) return match_key_reference(s);
  return key_of(cps, s.size());
}

// The definition, kept as first written: whole-string utf8proc_map, then one pass.
std::string match_key_reference(std::string_view s) {
  std::string folded;
  if (!decompose_fold(s, folded)) folded.assign(s);  // invalid UTF-8: compare bytes as they are
  const std::vector<cp_t> cps = code_points(folded);

  std::string out;
  out.reserve(folded.size());
  std::vector<cp_t> tones;  // tone marks of the syllable being read, emitted at its end
  bool pending_space = false;
  auto flush_tones = [&] {
    for (cp_t t : tones) encode(t, out);
    tones.clear();
  };
  for (cp_t c : cps) {
    if (is_tone_mark(c)) {
      tones.push_back(c);
      continue;
    }
    if (is_letter_or_mark(c)) {
      if (pending_space && !out.empty() && out.back() != '-') out += ' ';
      pending_space = false;
      encode(c, out);
      continue;
    }
    flush_tones();
    if (is_space(c)) {
      pending_space = true;
    } else if (is_dash(c)) {
      out += '-';
      pending_space = false;
    } else {
      if (pending_space && !out.empty() && out.back() != '-') out += ' ';
      pending_space = false;
      encode(c, out);
    }
  }
  flush_tones();
  return out;
}

CodePoint next_code_point(std::string_view s) {
  cp_t c = 0;
  const utf8proc_ssize_t n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data()),
                                              static_cast<utf8proc_ssize_t>(s.size()), &c);
  if (n <= 0) return {0xFFFD, 1};
  return {c, static_cast<std::size_t>(n)};
}

std::vector<cp_t> code_points(std::string_view s) {
  std::vector<cp_t> out;
  out.reserve(s.size());
  while (!s.empty()) {
    const CodePoint c = next_code_point(s);
    out.push_back(c.value);
    s.remove_prefix(c.size);
  }
  return out;
}

std::size_t codepoint_count(std::string_view s) {
  // As code_points() counts, without building the code points: an invalid byte counts one.
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(s.data());
  auto left = static_cast<utf8proc_ssize_t>(s.size());
  std::size_t count = 0;
  while (left > 0) {
    utf8proc_ssize_t n = 1;
    if (*p >= 0x80) {
      cp_t c = 0;
      n = utf8proc_iterate(p, left, &c);
      if (n <= 0) n = 1;
    }
    p += n;
    left -= n;
    ++count;
  }
  return count;
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  const std::vector<cp_t> x = code_points(a);
  const std::vector<cp_t> y = code_points(b);
  std::vector<std::size_t> prev(y.size() + 1);
  std::vector<std::size_t> cur(y.size() + 1);
  for (std::size_t j = 0; j <= y.size(); ++j) prev[j] = j;
  for (std::size_t i = 1; i <= x.size(); ++i) {
    cur[0] = i;
    for (std::size_t j = 1; j <= y.size(); ++j) {
      const std::size_t sub = prev[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1);
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, sub});
    }
    std::swap(prev, cur);
  }
  return prev[y.size()];
}

std::string_view trim(std::string_view s) {
  // Most cells start and end with a visible ASCII character: nothing to trim.
  auto visible_ascii = [](char ch) {
    const auto b = static_cast<unsigned char>(ch);
    return b > ' ' && b < 0x80;
  };
  if (!s.empty() && visible_ascii(s.front()) && visible_ascii(s.back())) return s;
  auto is_ws_at_front = [](std::string_view v, std::size_t& len) {
    cp_t c = 0;
    const auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(v.data()),
                                    static_cast<utf8proc_ssize_t>(v.size()), &c);
    if (n <= 0) return false;
    len = static_cast<std::size_t>(n);
    return is_space(c);
  };
  std::size_t len = 0;
  while (!s.empty() && is_ws_at_front(s, len)) s.remove_prefix(len);
  while (!s.empty()) {
    // step back to the start of the last code point
    std::size_t start = s.size() - 1;
    while (start > 0 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) --start;
    if (!is_ws_at_front(s.substr(start), len) || start + len != s.size()) break;
    s.remove_suffix(len);
  }
  return s;
}

std::string one_line(std::string_view s) {
  std::string out;
  bool space = false;
  for (char c : trim(s)) {
    const bool ws = c == ' ' || c == '\n' || c == '\r' || c == '\t';
    if (ws) {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

}  // namespace ntr
