#pragma once
// Exact arithmetic on counts: bounds, saturating sums, and the one rounding function every
// printed rate and percentage goes through (docs/spec.md, "Rounding").
#include <cstdint>
#include <limits>

namespace ntr {

/// The largest count accepted in a cell, and the largest sum printed: 10^15, far beyond any
/// real figure, and below 2^53, so that every count is exact in a double (XLSX, JSON). A sum
/// beyond it is a count-overflow error, never a printed number.
inline constexpr std::int64_t kMaxCount = 1'000'000'000'000'000LL;

/// What a sum becomes when it passes the largest int64: it stays there, far above the largest
/// count (kMaxCount), so that whoever prints it sees an overflow, never a wrapped number.
inline constexpr std::int64_t kSaturated = std::numeric_limits<std::int64_t>::max();

/// a + b for counts (≥ 0), kSaturated instead of an overflow.
constexpr std::int64_t saturating_add(std::int64_t a, std::int64_t b) {
  return a > kSaturated - b ? kSaturated : a + b;
}

/// A 128-bit integer: counts up to 2^53 times 10^k need more than 64 bits.
__extension__ using Int128 = __int128;

/// How a quotient is rounded to a whole number. Which output uses which: docs/spec.md.
enum class Rounding : std::uint8_t {
  half_up,              ///< ties towards +∞: 0,5 → 1, −0,5 → 0 (the tables)
  half_away_from_zero,  ///< ties away from 0: 0,5 → 1, −0,5 → −1 (the diff's changes)
};

/// num / den rounded to a whole number by `mode`, exactly. Every rounding of the program goes
/// through here. Precondition: den > 0.
Int128 round_div(Int128 num, Int128 den, Rounding mode);

/// 10^n, for n ≤ 38.
Int128 pow10(std::uint32_t n);

/// num/den as a percentage rounded by `mode` at `decimals` places, × 10^decimals: (72297,
/// 72351, 2, half_up) → 9993. Exact for every count up to kMaxCount. Precondition: den > 0.
std::int64_t percent_scaled(std::int64_t num, std::int64_t den, std::uint32_t decimals,
                            Rounding mode);

}  // namespace ntr
