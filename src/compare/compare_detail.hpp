#pragma once
// Internals of the comparison, shared by its source files.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ntreport/compare/compare.hpp"

namespace ntr::compare_detail {

/// What the earlier period gives one unit of this registry.
struct Mapped {
  Values values;                   ///< the sum of its whole (and apportioned) earlier units
  std::uint32_t complete = ~0U;    ///< the fields every one of them gave in full groups
  bool any = false;                ///< some earlier unit went into it
  std::vector<std::string> split;  ///< earlier units split without a share: "Name (code)"
};

/// Adds an earlier unit (its figures already scaled by the share) to a unit.
void contribute(Mapped& m, const PreviousUnit& p, const Share& share, const Values& scaled);
/// Sets Row::previous or Row::not_comparable on every level, group, unit and total row.
void fill_rows(ReportDoc& doc, const Registry& registry, const Totals& totals,
               const std::vector<Mapped>& mapped);
/// An implausible-change warning for each count of a unit that changed by more than the factor.
void check_plausible(const ReportDoc& doc, const Registry& registry, const std::vector<Values>& own,
                     const Comparison& comparison, Diagnostics& diags);
/// The "So sánh với cùng kỳ" table of an appendix whose rows carry their earlier figures.
ReportDoc comparison_table(const ReportDoc& doc, const std::optional<Period>& period,
                           const Comparison& comparison);
/// A JSON integer ≥ 0 as written; nothing for anything else.
std::optional<std::int64_t> parse_count(std::string_view text);

}  // namespace ntr::compare_detail
