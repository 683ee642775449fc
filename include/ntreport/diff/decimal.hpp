#pragma once
// Rates as summary.json writes them (the shortest decimal of a double), read back as exact
// decimals so that the diff rounds them from the written digits, half away from zero (the
// diff's rounding, docs/spec.md §4; on rates, which are ≥ 0, the same as the tables' half-up).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace ntr {

/// A decimal number with 24 decimals, exactly.
struct Decimal {
  __extension__ using i128 = __int128;
  static constexpr int kScale = 24;
  i128 units = 0;  ///< value × 10^24

  /// Parses a JSON number ("0.6089359272400995", "1", "1.5e-05"); nothing when it has more
  /// than 24 decimals' worth of precision lost or does not fit.
  static std::optional<Decimal> parse(std::string_view text);
  /// The value as a percentage in hundredths, rounded half away from zero (0.99835 → 9984).
  [[nodiscard]] std::int64_t percent_hundredths() const;
  friend bool operator==(const Decimal&, const Decimal&) = default;
};

/// A rate as the tables print it: "99,84%", "96,6%", "100%".
std::string format_rate(const Decimal& rate);

/// The change of a rate in percentage points, between the two rates as the tables print them
/// (each rounded half away from zero to two decimals): "+0,12 điểm %", "-3 điểm %";
/// "+<0,01 điểm %" when the printed rates are equal but the rates are not.
std::string rate_change(const Decimal& old_rate, const Decimal& new_rate);
/// The same from the two printed rates in hundredths of a percent, and the sign of the exact
/// change (the "<0,01" case).
std::string points_change(std::int64_t old_hundredths, std::int64_t new_hundredths, int exact_sign);

}  // namespace ntr
