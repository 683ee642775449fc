// Fuzz target: the CSV reader (BOM, delimiter sniffing, RFC 4180 quoting, UTF-8 checks).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_support.hpp"
#include "ntreport/read/csv.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  ntr::Diagnostics diags;
  ntr::fuzz::CheckingVisitor visitor;
  const bool ok = ntr::read_csv_text(text, "fuzz.csv", visitor, diags);
  visitor.finish();
  NTR_FUZZ_REQUIRE(visitor.sheets() == (ok ? 1 : 0));
  ntr::fuzz::check_diagnostics(diags, ok);
  return 0;
}
