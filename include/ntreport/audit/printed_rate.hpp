#pragma once
// Rates as published tables print them ("99,83%", "96,6%", "100%", "0", "-", and slips such
// as "63.50%"), and the comparison of a printed rate with an exact ratio of whole numbers,
// rounded half-up at the precision the table prints.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "ntreport/model/exact.hpp"
#include "ntreport/read/sheet.hpp"

namespace ntr {

/// The most decimals a printed rate may carry.
inline constexpr std::uint32_t kMaxRateDecimals = 9;

/// A rate as printed in one cell.
struct PrintedRate {
  /// value: a percentage; none: no number ("-", "#DIV/0!"), which only a zero denominator
  /// explains.
  enum class Kind : std::uint8_t { value, none } kind = Kind::value;
  std::int64_t scaled = 0;     ///< the percentage × 10^decimals: "99,83%" → 9983
  std::uint32_t decimals = 0;  ///< decimals printed: "96,6%" → 1, "100%" → 0
  /// A numeric cell holding an unrounded ratio (more than 4 decimals of a percent): it is
  /// shown rounded, so it is compared at the table's precision. scaled then has 9 decimals.
  bool unrounded = false;
  std::string text;  ///< as printed, trimmed
};

/// Reads a printed rate. Text: optional '%', one decimal separator (',' as printed, '.' as a
/// slip), "-" or a dash for "no rate". Numbers: a fraction, as a percent-formatted cell
/// stores it (0.9983 is 99,83%). Error cells ("#DIV/0!") are "no rate". nullopt when the cell
/// holds none of these.
std::optional<PrintedRate> parse_printed_rate(CellType type, std::string_view text);

/// An inclusive range of whole numbers, empty when lo > hi.
struct Range {
  std::int64_t lo = 0;
  std::int64_t hi = -1;
  [[nodiscard]] bool empty() const { return lo > hi; }
  [[nodiscard]] bool exact() const { return lo == hi; }
};

/// The numerators k for which percent_scaled(k, den, decimals, Rounding::half_up) == scaled.
/// Precondition: den > 0.
Range numerators_printing_as(std::int64_t scaled, std::uint32_t decimals, std::int64_t den);

/// A scaled percentage as the tables print it, trailing zeros dropped: (9960, 2) → "99,6%",
/// (10000, 2) → "100%", (999254, 4) → "99,9254%".
std::string format_scaled_percent(std::int64_t scaled, std::uint32_t decimals);

/// `scaled` (at `from` decimals) rounded half-up to `to` ≤ `from` decimals.
std::int64_t rescale_half_up(std::int64_t scaled, std::uint32_t from, std::uint32_t to);

}  // namespace ntr
