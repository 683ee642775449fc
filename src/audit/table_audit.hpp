#pragma once
// Internal to the audit stage: one printed table as read, and the checks run on it.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "ntreport/audit/audit.hpp"
#include "ntreport/audit/printed_rate.hpp"
#include "ntreport/ingest/row_kind.hpp"
#include "ntreport/ingest/table.hpp"
#include "ntreport/model/invariants.hpp"
#include "ntreport/model/values.hpp"

namespace ntr::audit {

/// One body row as printed.
struct Row {
  std::uint32_t row = 0;
  std::string label;  ///< the name (or code, or a label in the STT column) as printed
  RowIdentity::Kind kind = RowIdentity::Kind::unknown;
  UnitId unit = kNoUnit;                      ///< unit rows; the area of group rows
  LevelId level = 0;                          ///< level and group rows
  Values values;                              ///< counts as printed
  std::uint32_t bad = 0;                      ///< field bits of cells that are not counts
  std::array<std::string, kFieldCount> text;  ///< count cells as printed
  std::array<std::optional<PrintedRate>, kRateCount> rates;
  bool additive = false;  ///< adds into the subtotals (a unit's own figures)
};

/// Sums over rows: each field a range of whole numbers (exact unless implied by a rate).
struct Bounds {
  Values lo;
  std::array<std::int64_t, kFieldCount> hi{};
  std::uint32_t broken = 0;         ///< fields some row could not give
  std::vector<std::uint32_t> rows;  ///< the rows summed
  /// per group: the rows left out of its sums, their figures of the group being incomplete
  std::array<std::vector<std::uint32_t>, kGroupCount> left_out;
  void add(const Bounds& o);
  [[nodiscard]] Range range(Field f) const;
  /// The range of a rate's numerator or denominator; nullopt when a field is absent or broken.
  [[nodiscard]] std::optional<Range> eval(std::span<const Term> terms) const;
};

/// A printed table: its columns and rows.
struct Table {
  TableHeader header;
  ColumnMap columns;
  /// A field the table does not print, implied per row by the printed rate whose numerator
  /// it is alone (the 2023 documents table prints the signed ratio, not the signed count).
  std::array<std::optional<Rate>, kFieldCount> implied_by;
  std::vector<Row> rows;
};

/// Runs every check of one table.
class TableAudit {
 public:
  TableAudit(const Registry& registry, Table& table, Diagnostics& diags,
             std::vector<AuditFinding>& findings)
      : registry_(registry), t_(table), diags_(diags), findings_(findings) {}
  /// Audits the table; returns its summary.
  AuditTable run();

 private:
  // table_audit.cpp: precision, which rows add up, coverage
  std::uint32_t infer_precision() const;
  void decide_additive();
  void decide_parent(Row& parent);
  [[nodiscard]] bool covers(const Row& sub, const Row& r) const;
  /// The sum of the rows a subtotal row covers.
  [[nodiscard]] Bounds covered(const Row& sub) const;
  /// A row's figures as they enter sums: only the families it prints in full.
  [[nodiscard]] Bounds counted(const Bounds& b) const;
  /// The fields the table prints, in column order.
  [[nodiscard]] std::vector<Field> printed_fields() const;
  // unit_checks.cpp: a unit row's rates and invariants, implied fields
  void check_unit(const Row& r, Bounds& b);
  void imply(const Row& r, Field f, const RateDef& def, Bounds& b);
  void check_invariants(const Row& r);
  void check_sum_of(const Row& r, const Invariant& inv);
  void check_at_most(const Row& r, Field small, Field big);
  // subtotal_checks.cpp: a subtotal row against the rows it covers
  void check_subtotal(const Row& r, const Bounds& sum);
  void check_rate(const Row& r, Rate rate, const Bounds& b, AuditFinding::Check check);

  void add(const Row& r, std::uint32_t col, std::string column, std::string key,
           std::string printed, std::string recomputed, std::string how, AuditFinding::Check check);
  [[nodiscard]] std::uint32_t decimals_for(const PrintedRate& p) const;

  const Registry& registry_;
  Table& t_;
  Diagnostics& diags_;
  std::vector<AuditFinding>& findings_;
  std::vector<Bounds> bounds_;  ///< per row: its own figures (additive rows only)
  /// Rows of each unit, so that a parent's sum walks its subtree, not the whole table.
  std::unordered_map<UnitId, std::vector<std::size_t>> rows_of_unit_;
  std::uint32_t precision_ = 2;
  std::uint32_t checks_ = 0;
  bool has_unknown_ = false;
};

/// "rows 9–35, 37–43", "row 9".
std::string rows_text(const std::vector<std::uint32_t>& rows);
/// "(57.557 + 14.740) / (57.557 + 14.740 + 54) = 99,9254%", the sums of `b` in the terms.
std::string ratio_text(const RateDef& rate, const Bounds& b, std::uint32_t decimals);

}  // namespace ntr::audit
