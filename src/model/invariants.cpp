#include "ntreport/model/invariants.hpp"

#include <array>

namespace ntr {

namespace {
using F = Field;

constexpr std::array kChannels = {F::received_direct, F::received_online, F::received_postal};
constexpr std::array kResolvedParts = {F::digitized, F::not_digitized};
constexpr std::array kDigitized = {F::digitized};
constexpr std::array kPaid = {F::paid_online};
constexpr std::array kSigned = {F::docs_out_signed};

using K = Invariant::Kind;
constexpr std::array kInvariants = {
    Invariant{K::sum, F::received, kChannels, F::received, "channels-dont-sum"},
    Invariant{K::sum, F::resolved, kResolvedParts, F::not_digitized, "not-digitized-mismatch"},
    Invariant{K::at_most, F::resolved, kDigitized, F::resolved, "digitized-exceeds-resolved"},
    Invariant{K::at_most, F::with_fee, kPaid, F::with_fee, "paid-exceeds-with-fee"},
    Invariant{K::at_most, F::docs_out, kSigned, F::docs_out, "signed-exceeds-out"},
};
}  // namespace

std::uint32_t Invariant::mask() const {
  std::uint32_t m = field_bit(whole);
  for (Field p : parts) m |= field_bit(p);
  return m;
}

std::span<const Invariant> invariants() { return kInvariants; }

const Invariant* bound_of(Field part, Field whole) {
  for (const Invariant& i : kInvariants) {
    if (i.kind == K::at_most && i.whole == whole && i.parts[0] == part) return &i;
  }
  return nullptr;
}

bool is_derived(Field f) {
  for (const Invariant& i : kInvariants) {
    if (i.kind == K::sum && i.derived == f) return true;
  }
  return false;
}

}  // namespace ntr
