// Cells: exact values with their display text, and the small formatting helpers of a report.
#include <fmt/format.h>

#include "ntreport/model/exact.hpp"
#include "ntreport/report/build.hpp"
#include "ntreport/text/numbers.hpp"

namespace ntr {

namespace {
// A rate of counts is ≥ 0; the one below 0 (paid directly when more was paid online than
// was due, an error of the input) is printed with the magnitude a positive one would have.
std::int64_t shown_hundredths(std::int64_t num, std::int64_t den) {
  return percent_scaled(num, den, 2, num < 0 ? Rounding::half_away_from_zero : Rounding::half_up);
}
}  // namespace

double Cell::exact() const {
  if (!defined_rate() || den < 0) return 0;
  return static_cast<double>(num) / static_cast<double>(den);
}

double Cell::rounded() const {
  if (!defined_rate() || den < 0) return 0;
  return static_cast<double>(shown_hundredths(num, den)) / 10000.0;
}

Cell count_cell(const Values& v, Field f) {
  Cell c;
  if (!v.has(f)) return c;
  c.kind = Cell::Kind::count;
  c.count = v.get(f);
  c.text = format_count(c.count);
  return c;
}

Cell rate_cell(const Values& v, Rate r, const std::string& undefined_text) {
  const RateDef& def = rate_def(r);
  Cell c;
  std::int64_t num = 0;
  std::int64_t den = 0;
  for (const Term& t : def.numerator) {
    if (!v.has(t.field)) return c;
    num += t.coef * v.get(t.field);
  }
  for (const Term& t : def.denominator) {
    if (!v.has(t.field)) return c;
    den += t.coef * v.get(t.field);
  }
  c.kind = Cell::Kind::rate;
  c.num = num;
  c.den = den;
  if (den <= 0) {
    c.den = 0;
    c.text = undefined_text;
    return c;
  }
  const std::int64_t hundredths = shown_hundredths(num, den);
  c.text = format_hundredths(hundredths);
  c.decimals = hundredths % 100 == 0 ? 0 : hundredths % 10 == 0 ? 1 : 2;
  return c;
}

std::string roman(unsigned n) {
  static constexpr std::pair<unsigned, const char*> kNumerals[] = {
      {1000, "M"}, {900, "CM"}, {500, "D"}, {400, "CD"}, {100, "C"}, {90, "XC"}, {50, "L"},
      {40, "XL"},  {10, "X"},   {9, "IX"},  {5, "V"},    {4, "IV"},  {1, "I"}};
  std::string out;
  for (const auto& [value, numeral] : kNumerals) {
    while (n >= value) {
      out += numeral;
      n -= value;
    }
  }
  return out;
}

std::string period_line(const std::string& pattern, const std::optional<Period>& period) {
  if (!period) return {};
  auto vn_date = [](const std::string& iso) {
    // "2024-08-28" → "28/08/2024"
    if (iso.size() != 10) return iso;
    return iso.substr(8, 2) + "/" + iso.substr(5, 2) + "/" + iso.substr(0, 4);
  };
  std::string out = pattern;
  auto replace = [&out](std::string_view key, const std::string& value) {
    for (auto at = out.find(key); at != std::string::npos; at = out.find(key, at + value.size())) {
      out.replace(at, key.size(), value);
    }
  };
  replace("{from}", vn_date(period->from));
  replace("{to}", vn_date(period->to));
  return out;
}

}  // namespace ntr
