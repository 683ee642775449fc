#include "ntreport/ingest/count.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <string>

#include "ntreport/text/normalize.hpp"
#include "ntreport/text/translate.hpp"

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

// "1.5", "12,5", "0.25": digits around one decimal mark that is no thousands grouping.
bool looks_fractional(std::string_view t) {
  const std::size_t mark = t.find_first_of(".,");
  if (mark == std::string_view::npos || mark == 0 || mark + 1 == t.size()) return false;
  if (t.find_first_of(".,", mark + 1) != std::string_view::npos) return false;
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (i != mark && !is_digit(t[i])) return false;
  }
  return true;
}

std::string_view not_a_count_reason(CellType type, std::string_view text) {
  if (type == CellType::error) return tr("the cell holds a spreadsheet error; fix its formula");
  if (type == CellType::boolean) return tr("the cell holds TRUE/FALSE");
  if (type == CellType::date) return tr("the cell holds a date; write the count as a number");
  const std::string_view t = trim(text);
  if (t == "-" || t == "x" || t == "X") {
    return tr("leave the cell empty when not reported, or write 0");
  }
  if (!t.empty() && (t.front() == '-' || t.front() == '(')) return tr("counts cannot be negative");
  if (type == CellType::number) {
    double d = 0;
    std::from_chars(t.data(), t.data() + t.size(), d);
    if (d > static_cast<double>(kMaxCount)) {
      return tr("the number is larger than any count can be");
    }
  }
  if (type == CellType::number || looks_fractional(t)) {
    return tr("a count is a whole number; '.' and ',' only group thousands, as in 98.076");
  }
  // "12 hồ sơ": a count followed by words.
  const std::size_t space = t.find(' ');
  if (space != std::string_view::npos && parse_text(t.substr(0, space)) &&
      t.find_first_of("0123456789", space) == std::string_view::npos) {
    return tr("write the number alone, without words or units");
  }
  return {};
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

CountCell read_count_cell(const CellView& cell) {
  if (cell.type == CellType::text && trim(cell.text).empty()) return {};
  if (const auto v = parse_count(cell.type, cell.text)) return {CountCell::Kind::count, *v};
  return {CountCell::Kind::bad, 0};
}

std::string not_a_count_hint(CellType type, std::string_view text) {
  return std::string(not_a_count_reason(type, text));
}

void report_not_a_count(Diagnostics& diags, const SourceLoc& at, std::string_view header,
                        const CellView& cell) {
  diags.error("not-a-count", at,
              trf("\"{}\" expects a whole number ≥ 0, got \"{}\"", header, trim(cell.text)),
              not_a_count_hint(cell.type, cell.text));
}

}  // namespace ntr
