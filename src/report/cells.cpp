// Cells: exact values with their display text, and the small formatting helpers of a report.
#include <fmt/format.h>

#include <mutex>
#include <set>

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

// The texts cells are given are few and repeat (an undefined rate's "-", "62/65 đơn vị", a
// target): each is kept once for the process, at an address that stays, and a cell points at it.
const std::string* held_text(std::string_view t) {
  static std::mutex mutex;
  static std::set<std::string, std::less<>> texts;
  const std::scoped_lock lock(mutex);
  auto it = texts.find(t);
  if (it == texts.end()) it = texts.emplace(t).first;
  return &*it;
}
}  // namespace

std::string Cell::text() const {
  if (text_ != nullptr) return *text_;
  if (kind == Kind::count) return format_count(num);
  if (defined_rate()) return format_hundredths(shown_hundredths(num, den));
  return {};
}

void Cell::set_text(std::string_view t) { text_ = t.empty() ? nullptr : held_text(t); }

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
  c.num = v.get(f);
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
    c.set_text(undefined_text);
    return c;
  }
  const std::int64_t hundredths = shown_hundredths(num, den);
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
