#pragma once
// The reporting period a build covers (docs/spec.md §5): printed under titles, in the forms,
// and as the XLSX creation date.
#include <string>

namespace ntr {

/// A reporting period, ISO dates.
struct Period {
  std::string from;  ///< "2024-01-01"
  std::string to;    ///< "2024-08-28"
};

}  // namespace ntr
