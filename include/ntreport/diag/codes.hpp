#pragma once
// Diagnostic codes as a type: a Code is made from its name at compile time and is an index
// into the catalogue (diag/catalogue.hpp), so that a mistyped code does not compile.
#include <algorithm>
#include <cstdint>
#include <span>
#include <string_view>

#include "ntreport/diag/catalogue.hpp"

namespace ntr {

namespace catalogue {
// Not constexpr on purpose: a Code made from a name the catalogue does not have calls it,
// and the compiler reports the call, naming this function.
void unknown_diagnostic_code();

consteval std::uint8_t index_of(std::string_view name) {
  for (std::size_t i = 0; i < kCatalogue.size(); ++i) {
    if (kCatalogue[i].code == name) return static_cast<std::uint8_t>(i);
  }
  unknown_diagnostic_code();
  return 0;
}
}  // namespace catalogue

/// One code of the catalogue: `Code("not-a-count")`, or a string literal where a Code is
/// expected. Only names the catalogue holds compile.
class Code {
 public:
  consteval Code(const char* name) : index_(catalogue::index_of(name)) {}  // NOLINT: implicit
  [[nodiscard]] constexpr const CodeInfo& info() const { return catalogue::kCatalogue[index_]; }
  /// "not-a-count", as printed.
  [[nodiscard]] constexpr std::string_view name() const { return info().code; }
  friend constexpr bool operator==(Code a, Code b) { return a.index_ == b.index_; }

 private:
  std::uint8_t index_;
};

static_assert(catalogue::kCatalogue.size() <= 256, "Code holds an index of 8 bits");
static_assert(std::is_sorted(catalogue::kCatalogue.begin(), catalogue::kCatalogue.end(),
                             [](const CodeInfo& a, const CodeInfo& b) { return a.code < b.code; }),
              "the catalogue is sorted by code");

/// Every code, sorted by code.
constexpr std::span<const CodeInfo> code_catalogue() { return catalogue::kCatalogue; }
/// The entry for a code's name read at run time (a tests/errors/ folder); the "internal"
/// entry for a name the catalogue does not have.
const CodeInfo& code_info(std::string_view code);

}  // namespace ntr
