#include "ntreport/text/printable.hpp"

#include <fmt/format.h>

#include <cstdint>

namespace ntr {

namespace {

// The length of the UTF-8 sequence at `i` and its code point; 0 when it is not UTF-8.
std::size_t decode(std::string_view s, std::size_t i, char32_t& cp) {
  const auto b = static_cast<unsigned char>(s[i]);
  std::size_t n = 0;
  if (b < 0x80) {
    cp = b;
    return 1;
  }
  if (b >= 0xC2 && b <= 0xDF) {
    n = 2;
    cp = b & 0x1FU;
  } else if (b >= 0xE0 && b <= 0xEF) {
    n = 3;
    cp = b & 0x0FU;
  } else if (b >= 0xF0 && b <= 0xF4) {
    n = 4;
    cp = b & 0x07U;
  } else {
    return 0;
  }
  if (i + n > s.size()) return 0;
  for (std::size_t k = 1; k < n; ++k) {
    const auto c = static_cast<unsigned char>(s[i + k]);
    if ((c & 0xC0U) != 0x80U) return 0;
    cp = (cp << 6) | (c & 0x3FU);
  }
  const char32_t min = n == 2 ? 0x80 : n == 3 ? 0x800 : 0x10000;
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return n;
}

bool acts(char32_t cp) {
  return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || cp == 0x2028 || cp == 0x2029 || cp == 0x200E ||
         cp == 0x200F || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

void escape(std::string& out, char32_t cp) {
  if (cp == '\n' || cp == '\r' || cp == '\t') {
    out += cp == '\n' ? "\\n" : cp == '\r' ? "\\r" : "\\t";
    return;
  }
  out += cp < 0x80 ? fmt::format("\\x{:02X}", static_cast<unsigned>(cp))
                   : fmt::format("\\u{:04X}", static_cast<unsigned>(cp));
}

// Copies `s`, handing each character that acts (and each byte that is not UTF-8) to `odd`.
template <typename Odd>
std::string copy_with(std::string_view s, Odd odd) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    char32_t cp = 0;
    const std::size_t n = decode(s, i, cp);
    if (n == 0) {
      out += fmt::format("\\x{:02X}", static_cast<unsigned char>(s[i]));
      ++i;
      continue;
    }
    if (acts(cp)) {
      odd(out, cp, i);
    } else {
      out.append(s.substr(i, n));
    }
    i += n;
  }
  return out;
}

}  // namespace

std::string printable(std::string_view text) {
  // Most text needs nothing: a scan is cheaper than a copy.
  bool plain = true;
  for (const char c : text) {
    const auto b = static_cast<unsigned char>(c);
    if (b < 0x20 || b >= 0x7F) {
      plain = false;
      break;
    }
  }
  if (plain) return std::string(text);
  return copy_with(text, [](std::string& out, char32_t cp, std::size_t) { escape(out, cp); });
}

std::string markdown_text(std::string_view text, bool in_table) {
  std::string out = copy_with(text, [&text](std::string& o, char32_t cp, std::size_t at) {
    if (cp == '\n' && at > 0 && text[at - 1] == '\r') return;  // CRLF: one space, for the CR
    if (cp == '\n' || cp == '\r' || cp == '\t' || cp == 0x2028 || cp == 0x2029) {
      o += ' ';
    } else {
      escape(o, cp);
    }
  });
  if (!in_table) return out;
  std::string cell;
  cell.reserve(out.size());
  for (const char c : out) {
    if (c == '|') cell += '\\';
    cell += c;
  }
  return cell;
}

}  // namespace ntr
