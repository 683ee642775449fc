#pragma once
// The header texts the detector knows, private to read/: the shipped list and the cache of
// the suggestions made from it.
#include <cstdint>
#include <vector>

#include "ntreport/read/header.hpp"

namespace ntr {

/// The headers of data/headers.csv, parsed (std::logic_error when the compiled-in file is
/// broken: a bug of the build).
std::vector<KnownHeader> shipped_headers();

/// Incremented by every use_headers(): what was computed from known_headers() before is stale.
std::uint64_t known_headers_generation();

}  // namespace ntr
