#pragma once
// What a table row is: a unit, or one of the printed subtotal rows that are never added.
#include <optional>
#include <string>
#include <string_view>

#include "ntreport/diag/diagnostic.hpp"
#include "ntreport/registry/registry.hpp"

namespace ntr {

// A constant, not a literal, as the default below: see kInternalCode (diag/diagnostic.hpp).
inline constexpr Code kUnknownUnitCode{"unknown-unit"};

struct RowIdentity {
  enum class Kind : std::uint8_t { unit, level, group, total, unknown } kind = Kind::unknown;
  UnitId unit = kNoUnit;                 ///< unit rows; the area of group rows
  LevelId level = 0;                     ///< level and group rows
  Code problem_code = kUnknownUnitCode;  ///< unknown rows: "unknown-unit" or "ambiguous-unit"
  std::string message;                   ///< unknown rows: what was wrong
  std::string hint;                      ///< unknown rows: "did you mean …"
};

/// Identifies a row by its code cell (when non-empty) or its name cell (docs/spec.md §2.3, §3.1):
/// a registry unit, a total row ("Tổng cộng", "Tổng số (I+II+III)"), a level row ("Cấp
/// tỉnh", "Các Sở, ban, ngành"), a group row ("UBND cấp xã – huyện Bác Ái"), or unknown.
/// Without `with_hint`, unknown rows get no suggestions (they cost an edit-distance search of
/// the registry each).
RowIdentity identify_row(const Registry& registry, std::string_view code, std::string_view name,
                         bool with_hint = true);

}  // namespace ntr
