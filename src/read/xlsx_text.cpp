#include "xlsx_text.hpp"

#include <charconv>
#include <cstring>

namespace ntr::xlsx {

namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

// The code unit of an escape `_xHHHH_` starting at `p`, or -1. Only a small x: Excel leaves
// `_X000D_` as it is written.
long escape_at(const char* p, const char* end) {
  if (end - p < 7 || p[0] != '_' || p[1] != 'x' || p[6] != '_') return -1;
  long v = 0;
  for (int i = 2; i < 6; ++i) {
    const int h = hex_value(p[i]);
    if (h < 0) return -1;
    v = v * 16 + h;
  }
  return v;
}

std::size_t put_utf8(char* out, unsigned long cp) {
  if (cp < 0x80) {
    out[0] = static_cast<char>(cp);
    return 1;
  }
  if (cp < 0x800) {
    out[0] = static_cast<char>(0xC0 | (cp >> 6));
    out[1] = static_cast<char>(0x80 | (cp & 0x3F));
    return 2;
  }
  if (cp < 0x10000) {
    out[0] = static_cast<char>(0xE0 | (cp >> 12));
    out[1] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out[2] = static_cast<char>(0x80 | (cp & 0x3F));
    return 3;
  }
  out[0] = static_cast<char>(0xF0 | (cp >> 18));
  out[1] = static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
  out[2] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
  out[3] = static_cast<char>(0x80 | (cp & 0x3F));
  return 4;
}

// Decodes one escape (or a surrogate pair of them) at `p`; returns the bytes consumed, 0 when
// `p` holds no decodable escape. A lone surrogate stays as written: it is no character.
std::size_t decode_escape(const char* p, const char* end, char* out, std::size_t& written) {
  const long unit = escape_at(p, end);
  if (unit < 0) return 0;
  if (unit >= 0xDC00 && unit <= 0xDFFF) return 0;
  if (unit >= 0xD800 && unit <= 0xDBFF) {
    const long low = escape_at(p + 7, end);
    if (low < 0xDC00 || low > 0xDFFF) return 0;
    const auto cp = 0x10000UL + ((static_cast<unsigned long>(unit) - 0xD800UL) << 10) +
                    (static_cast<unsigned long>(low) - 0xDC00UL);
    written = put_utf8(out, cp);
    return 14;
  }
  written = put_utf8(out, static_cast<unsigned long>(unit));
  return 7;
}

}  // namespace

bool parse_cell_ref(std::string_view ref, std::uint32_t& row, std::uint32_t& col) {
  std::size_t i = 0;
  std::uint32_t c = 0;
  for (; i < ref.size() && i < 4; ++i) {
    const char ch = ref[i];
    if (ch >= 'A' && ch <= 'Z') {
      c = c * 26 + static_cast<std::uint32_t>(ch - 'A' + 1);
    } else if (ch >= 'a' && ch <= 'z') {
      c = c * 26 + static_cast<std::uint32_t>(ch - 'a' + 1);
    } else {
      break;
    }
  }
  if (i == 0 || c > kMaxCol) return false;
  if (!parse_row_number(ref.substr(i), row)) return false;
  col = c;
  return true;
}

bool parse_row_number(std::string_view text, std::uint32_t& row) {
  if (text.empty() || text.size() > 7 || text[0] < '0' || text[0] > '9') return false;
  std::uint32_t v = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || end != text.data() + text.size() || v == 0 || v > kMaxRow) {
    return false;
  }
  row = v;
  return true;
}

bool parse_index(std::string_view text, std::uint32_t& index) {
  if (text.empty() || text[0] < '0' || text[0] > '9') return false;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), index);
  return ec == std::errc() && end == text.data() + text.size();
}

std::size_t unescape_xstring(char* text, std::size_t len) {
  const char* end = text + len;
  char* first = static_cast<char*>(std::memchr(text, '_', len));
  if (first == nullptr) return len;
  // Every escape shrinks (7 bytes to at most 3, 14 to 4), so decoding in place is safe.
  char* out = first;
  for (const char* p = first; p < end;) {
    std::size_t written = 0;
    const std::size_t used = *p == '_' ? decode_escape(p, end, out, written) : 0;
    if (used == 0) {
      *out++ = *p++;
    } else {
      out += written;
      p += used;
    }
  }
  return static_cast<std::size_t>(out - text);
}

}  // namespace ntr::xlsx
