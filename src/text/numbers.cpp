#include "ntreport/text/numbers.hpp"

#include <fmt/format.h>

namespace ntr {

std::string format_count(std::int64_t n) {
  const bool neg = n < 0;
  const auto magnitude =
      neg ? static_cast<std::uint64_t>(-(n + 1)) + 1 : static_cast<std::uint64_t>(n);
  const std::string digits = fmt::format("{}", magnitude);
  std::string out;
  const std::size_t lead = digits.size() % 3 == 0 ? 3 : digits.size() % 3;
  out.append(digits, 0, lead);
  for (std::size_t i = lead; i < digits.size(); i += 3) {
    out += '.';
    out.append(digits, i, 3);
  }
  return neg ? "-" + out : out;
}

std::string format_hundredths(std::int64_t h) {
  const bool neg = h < 0;
  const std::int64_t a = neg ? -h : h;
  const std::int64_t whole = a / 100;
  const std::int64_t frac = a % 100;
  std::string out = neg ? "-" : "";
  out += fmt::format("{}", whole);
  if (frac != 0) {
    out += frac % 10 == 0 ? fmt::format(",{}", frac / 10) : fmt::format(",{:02}", frac);
  }
  out += '%';
  return out;
}

}  // namespace ntr
