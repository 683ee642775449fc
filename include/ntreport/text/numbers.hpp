#pragma once
// Numbers as Vietnamese tables print them: "179.153", "99,83%", "96,6%", "100%".
#include <cstdint>
#include <string>

namespace ntr {

/// A count with '.' between groups of three digits: 179153 → "179.153".
std::string format_count(std::int64_t n);

/// num/den as a percentage rounded half-up to two decimals from the exact fraction, with a
/// decimal comma and trailing zeros dropped: 72297/72351 → "99,93%", 1/2 → "50%".
/// Precondition: den > 0, num ≥ 0.
std::string format_percent(std::int64_t num, std::int64_t den);

/// A value in hundredths of a percent printed as "17,35%" (negative values get a '-').
std::string format_hundredths(std::int64_t hundredths);

}  // namespace ntr
