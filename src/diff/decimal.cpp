#include "ntreport/diff/decimal.hpp"

#include <fmt/format.h>

#include <charconv>

#include "ntreport/model/exact.hpp"
#include "ntreport/report/labels.hpp"
#include "ntreport/text/numbers.hpp"

namespace ntr {

namespace {

using i128 = Decimal::i128;
constexpr i128 kMax = (static_cast<i128>(1) << 125);
// The diff's rounding (docs/spec.md): a rise and a fall of the same size print the same digits.
constexpr Rounding kDiffRounding = Rounding::half_away_from_zero;

// "+0,12" / "-3": hundredths with a sign and a decimal comma, trailing zeros dropped.
std::string signed_hundredths(std::int64_t h) {
  std::string text = format_hundredths(h);
  if (!text.empty() && text.back() == '%') text.pop_back();
  if (h > 0) text.insert(0, 1, '+');
  return text;
}

}  // namespace

std::optional<Decimal> Decimal::parse(std::string_view text) {
  std::size_t i = 0;
  const bool neg = i < text.size() && text[i] == '-';
  if (neg) ++i;
  i128 digits = 0;
  int exponent = 0;  // of the last digit read
  bool any = false;
  bool in_fraction = false;
  for (; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '.' && !in_fraction) {
      in_fraction = true;
      continue;
    }
    if (c < '0' || c > '9') break;
    any = true;
    if (digits > kMax / 10) return std::nullopt;
    digits = digits * 10 + (c - '0');
    if (in_fraction) --exponent;
  }
  if (!any) return std::nullopt;
  if (i < text.size()) {
    if (text[i] != 'e' && text[i] != 'E') return std::nullopt;
    ++i;
    if (i < text.size() && text[i] == '+') ++i;
    int e = 0;
    const auto [end, ec] = std::from_chars(text.data() + i, text.data() + text.size(), e);
    if (ec != std::errc{} || end != text.data() + text.size() || e > 40 || e < -80)
      return std::nullopt;
    exponent += e;
  }
  const int shift = exponent + kScale;
  Decimal d;
  if (shift >= 0) {
    if (shift > 38) return digits == 0 ? std::optional<Decimal>(d) : std::nullopt;
    const i128 p = pow10(static_cast<std::uint32_t>(shift));
    if (digits != 0 && digits > kMax / p) return std::nullopt;
    d.units = digits * p;
  } else {
    d.units = -shift > 38
                  ? 0
                  : round_div(digits, pow10(static_cast<std::uint32_t>(-shift)), kDiffRounding);
  }
  if (neg) d.units = -d.units;
  return d;
}

std::int64_t Decimal::percent_hundredths() const {
  return static_cast<std::int64_t>(round_div(units, pow10(kScale - 4), kDiffRounding));
}

std::string format_rate(const Decimal& rate) {
  return format_hundredths(rate.percent_hundredths());
}

std::string rate_change(const Decimal& old_rate, const Decimal& new_rate) {
  const i128 delta = new_rate.units - old_rate.units;
  // From the rates as the tables print them: 99,05% → 98,52% is −0,53 points, whatever the
  // unrounded rates were.
  return points_change(old_rate.percent_hundredths(), new_rate.percent_hundredths(),
                       delta > 0 ? 1 : (delta < 0 ? -1 : 0));
}

std::string points_change(std::int64_t old_hundredths, std::int64_t new_hundredths,
                          int exact_sign) {
  const std::int64_t h = new_hundredths - old_hundredths;
  const std::string change =
      h == 0 && exact_sign != 0 ? (exact_sign > 0 ? "+<0,01" : "-<0,01") : signed_hundredths(h);
  return fill(labels().diff_points, {{"change", change}});
}

}  // namespace ntr
