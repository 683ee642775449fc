#pragma once
// The invariants a unit's figures keep (docs/spec.md, "Invariants"), in one table that ingest
// checks and derives from, the auditor checks printed rows against, and the forms leave out
// of what a unit types in.
#include <cstdint>
#include <span>
#include <string_view>

#include "ntreport/diag/codes.hpp"
#include "ntreport/model/fields.hpp"

namespace ntr {

/// One invariant: whole = Σ parts, or the one part ≤ whole.
struct Invariant {
  enum class Kind : std::uint8_t { sum, at_most };
  Kind kind;
  Field whole;
  std::span<const Field> parts;  ///< sum: the parts, in print order; at_most: the one bound
  /// sum: the figure forms do not ask for and ingest derives when it is blank; at_most: whole.
  Field derived;
  Code code;  ///< the diagnostic of a unit whose figures break it

  /// field_bit() of the whole and every part.
  [[nodiscard]] std::uint32_t mask() const;
};

/// Every invariant: the sums first, then the bounds, each in field order.
std::span<const Invariant> invariants();

/// The bound `part` ≤ `whole` stated by an at_most invariant, or nothing.
const Invariant* bound_of(Field part, Field whole);

/// The figure is the derived one of a sum: computed from the others, never asked for.
bool is_derived(Field f);

}  // namespace ntr
