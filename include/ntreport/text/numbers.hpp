#pragma once
// Numbers as Vietnamese tables print them: "179.153", "99,83%", "96,6%", "100%".
#include <cstdint>
#include <string>

namespace ntr {

/// A count with '.' between groups of three digits: 179153 → "179.153".
std::string format_count(std::int64_t n);

/// A value in hundredths of a percent printed as "17,35%" (negative values get a '-').
std::string format_hundredths(std::int64_t hundredths);

}  // namespace ntr
