#include "ntreport/ingest/count.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <string>

#include "ntreport/text/normalize.hpp"

namespace ntr {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

std::optional<std::int64_t> to_int(std::string_view digits) {
  if (digits.empty() || digits.size() > 16) return std::nullopt;
  std::int64_t v = 0;
  const auto [p, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), v);
  if (ec != std::errc() || p != digits.data() + digits.size() || v > kMaxCount) return std::nullopt;
  return v;
}

// "98.076", "98 076", "98,076": groups of exactly three digits after a first group of 1–3.
std::optional<std::string> ungroup(std::string_view t, std::string_view sep) {
  std::string out;
  std::size_t group = 0;
  bool first = true;
  std::size_t i = 0;
  while (i < t.size()) {
    if (t.compare(i, sep.size(), sep) == 0) {
      if ((first && (group == 0 || group > 3)) || (!first && group != 3)) return std::nullopt;
      first = false;
      group = 0;
      i += sep.size();
      continue;
    }
    if (!is_digit(t[i])) return std::nullopt;
    out += t[i];
    ++group;
    ++i;
  }
  if (!first && group != 3) return std::nullopt;
  return out;
}

std::optional<std::int64_t> parse_text(std::string_view t) {
  t = trim(t);
  if (t.empty()) return std::nullopt;
  bool all_digits = true;
  for (char c : t) all_digits = all_digits && is_digit(c);
  if (all_digits) return to_int(t);
  // Vietnamese grouping first, then the others; the no-break spaces people paste count too.
  for (std::string_view sep : {".", " ", "\xC2\xA0", "\xE2\x80\xAF", ","}) {
    if (t.find(sep) == std::string_view::npos) continue;
    if (auto d = ungroup(t, sep)) return to_int(*d);
  }
  return std::nullopt;
}

std::optional<std::int64_t> parse_number_cell(std::string_view t) {
  // The usual case, plain digits, needs no floating point: read as an integer, the value is
  // the same.
  if (!t.empty() && t.size() <= 16 &&
      std::all_of(t.begin(), t.end(), [](char c) { return is_digit(c); })) {
    return to_int(t);
  }
  // Numeric cells store what the program wrote: "98076", "98076.0", "1E+5".
  double d = 0;
  const auto [p, ec] = std::from_chars(t.data(), t.data() + t.size(), d);
  if (ec != std::errc() || p != t.data() + t.size()) return std::nullopt;
  if (!(d >= 0) || d > static_cast<double>(kMaxCount) || std::floor(d) != d) return std::nullopt;
  return static_cast<std::int64_t>(d);
}

}  // namespace

std::optional<std::int64_t> parse_count(CellType type, std::string_view text) {
  switch (type) {
    case CellType::number:
      return parse_number_cell(trim(text));
    case CellType::text:
      return parse_text(text);
    case CellType::empty:
    case CellType::boolean:
    case CellType::error:
    case CellType::date:
      return std::nullopt;
  }
  return std::nullopt;
}

}  // namespace ntr
