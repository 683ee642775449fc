#include "ntreport/model/exact.hpp"

namespace ntr {

Int128 round_div(Int128 num, Int128 den, Rounding mode) {
  if (mode == Rounding::half_away_from_zero && num < 0) {
    return -round_div(-num, den, Rounding::half_up);
  }
  // floor((2·num + den) / (2·den)): num/den + 1/2, rounded down.
  const Int128 n = 2 * num + den;
  const Int128 d = 2 * den;
  const Int128 q = n / d;
  return (n % d != 0 && n < 0) ? q - 1 : q;
}

Int128 pow10(std::uint32_t n) {
  Int128 p = 1;
  for (std::uint32_t i = 0; i < n; ++i) p *= 10;
  return p;
}

std::int64_t percent_scaled(std::int64_t num, std::int64_t den, std::uint32_t decimals,
                            Rounding mode) {
  return static_cast<std::int64_t>(
      round_div(static_cast<Int128>(num) * 100 * pow10(decimals), den, mode));
}

}  // namespace ntr
