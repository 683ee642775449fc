// Fuzz target: the count parser. The first byte chooses the cell type, the rest is the text.
// Besides not crashing: a count is within range, and printing it the Vietnamese way and
// parsing that back gives the same count.
#include <charconv>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_support.hpp"
#include "ntreport/ingest/count.hpp"
#include "ntreport/text/numbers.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const auto type = static_cast<ntr::CellType>(data[0] % 5);
  const std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
  const auto count = ntr::parse_count(type, text);
  if (!count) return 0;
  NTR_FUZZ_REQUIRE(type == ntr::CellType::text || type == ntr::CellType::number);
  NTR_FUZZ_REQUIRE(*count >= 0 && *count <= ntr::kMaxCount);
  const std::string grouped = ntr::format_count(*count);
  NTR_FUZZ_REQUIRE(ntr::parse_count(ntr::CellType::text, grouped) == count);
  char plain[32];
  const auto [end, ec] = std::to_chars(plain, plain + sizeof plain, *count);
  NTR_FUZZ_REQUIRE(ec == std::errc());
  const std::string_view digits(plain, static_cast<std::size_t>(end - plain));
  NTR_FUZZ_REQUIRE(ntr::parse_count(ntr::CellType::text, digits) == count);
  NTR_FUZZ_REQUIRE(ntr::parse_count(ntr::CellType::number, digits) == count);
  return 0;
}
