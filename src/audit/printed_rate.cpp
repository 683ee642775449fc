#include "ntreport/audit/printed_rate.hpp"

#include <fmt/format.h>

#include <charconv>
#include <cmath>

#include "ntreport/text/normalize.hpp"

namespace ntr {

namespace {

// Counts go up to 2^53 and percentages carry up to 11 digits of scale: 128-bit products.
__extension__ using i128 = __int128;

i128 floor_div(i128 a, i128 b) {  // b > 0
  const i128 q = a / b;
  return (a % b != 0 && a < 0) ? q - 1 : q;
}

i128 ceil_div(i128 a, i128 b) { return -floor_div(-a, b); }

bool is_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

bool is_dash(std::string_view t) {
  return t == "-" || t == "\xE2\x80\x93" || t == "\xE2\x80\x94" || t == "\xE2\x88\x92";
}

std::optional<PrintedRate> parse_text(std::string_view t) {
  PrintedRate r;
  r.text = std::string(t);
  if (is_dash(t)) {
    r.kind = PrintedRate::Kind::none;
    return r;
  }
  if (t.ends_with('%')) t = trim(t.substr(0, t.size() - 1));
  const auto sep = t.find_first_of(",.");
  const std::string_view whole = t.substr(0, sep);
  const std::string_view frac =
      sep == std::string_view::npos ? std::string_view{} : t.substr(sep + 1);
  if (!is_digits(whole) || whole.size() > 6) return std::nullopt;
  if (sep != std::string_view::npos && (!is_digits(frac) || frac.size() > kMaxRateDecimals)) {
    return std::nullopt;
  }
  const std::string digits = std::string(whole) + std::string(frac);
  std::int64_t v = 0;
  const auto [p, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), v);
  if (ec != std::errc() || p != digits.data() + digits.size()) return std::nullopt;
  r.scaled = v;
  r.decimals = static_cast<std::uint32_t>(frac.size());
  return r;
}

// A percent-formatted cell stores the fraction; a typed 99,83% is 0.9983 give or take the
// binary representation, which a few decimals of the percentage recover.
std::optional<PrintedRate> parse_number(std::string_view t) {
  double d = 0;
  const auto [p, ec] = std::from_chars(t.data(), t.data() + t.size(), d);
  if (ec != std::errc() || p != t.data() + t.size() || !(d >= 0) || d > 10000) return std::nullopt;
  PrintedRate r;
  const double percent = d * 100;
  double scale = 1;
  for (std::uint32_t q = 0; q <= 4; ++q, scale *= 10) {
    const double y = percent * scale;
    if (std::fabs(y - std::round(y)) < 1e-6) {
      r.scaled = std::llround(y);
      r.decimals = q;
      r.text = format_scaled_percent(r.scaled, r.decimals);  // as the percent format shows it
      return r;
    }
  }
  r.unrounded = true;
  r.decimals = kMaxRateDecimals;
  r.scaled = std::llround(percent * 1e9);
  r.text = format_scaled_percent(r.scaled, r.decimals);
  return r;
}

}  // namespace

std::optional<PrintedRate> parse_printed_rate(CellType type, std::string_view text) {
  const std::string_view t = trim(text);
  switch (type) {
    case CellType::text:
      if (t.empty()) return std::nullopt;
      return parse_text(t);
    case CellType::number:
      return parse_number(t);
    case CellType::error: {
      PrintedRate r;
      r.kind = PrintedRate::Kind::none;
      r.text = std::string(t);
      return r;
    }
    case CellType::empty:
    case CellType::boolean:
    case CellType::date:
      return std::nullopt;
  }
  return std::nullopt;
}

Range numerators_printing_as(std::int64_t scaled, std::uint32_t decimals, std::int64_t den) {
  // (2V − 1)·den ≤ 2·k·S < (2V + 1)·den, with S = 100 × 10^d
  const i128 s2 = 2 * 100 * pow10(decimals);
  const i128 v = scaled;
  const i128 lo = ceil_div((2 * v - 1) * den, s2);
  const i128 hi = ceil_div((2 * v + 1) * den, s2) - 1;
  return Range{static_cast<std::int64_t>(lo), static_cast<std::int64_t>(hi)};
}

std::int64_t rescale_half_up(std::int64_t scaled, std::uint32_t from, std::uint32_t to) {
  if (to >= from) return static_cast<std::int64_t>(scaled * pow10(to - from));
  return static_cast<std::int64_t>(round_div(scaled, pow10(from - to), Rounding::half_up));
}

std::string format_scaled_percent(std::int64_t scaled, std::uint32_t decimals) {
  const bool neg = scaled < 0;
  const auto magnitude = static_cast<std::uint64_t>(neg ? -(scaled + 1) : scaled) + (neg ? 1 : 0);
  std::string digits = fmt::format("{}", magnitude);
  if (digits.size() <= decimals) digits.insert(0, decimals + 1 - digits.size(), '0');
  std::string whole = digits.substr(0, digits.size() - decimals);
  std::string frac = digits.substr(digits.size() - decimals);
  while (!frac.empty() && frac.back() == '0') frac.pop_back();
  return fmt::format("{}{}{}{}%", neg ? "-" : "", whole, frac.empty() ? "" : ",", frac);
}

}  // namespace ntr
