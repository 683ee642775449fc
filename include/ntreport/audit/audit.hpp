#pragma once
// `ntreport audit`: a printed appendix recomputed from its own unit rows. Every printed rate
// of a unit row is recomputed from that row's figures, the row's invariants are checked, and
// every printed subtotal (level, group, total rows, and units whose sub-units are listed) is
// recomputed from the rows it covers, its rates from the recomputed sums. Only disagreements
// are kept.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "ntreport/diag/diagnostic.hpp"
#include "ntreport/read/header.hpp"
#include "ntreport/registry/registry.hpp"

namespace ntr {

/// One printed figure that disagrees with its recomputation.
struct AuditFinding {
  /// rate: a unit row's rate; sum: a subtotal's count; sum-rate: a subtotal's rate;
  /// invariant: a unit row's figures contradict each other; not-a-sum: a unit row whose
  /// listed sub-units do not add up to it (read as the unit's own figures).
  enum class Check : std::uint8_t { rate, sum, sum_rate, invariant, not_a_sum };
  Check check = Check::rate;
  SourceLoc loc;           ///< the printed cell
  std::string label;       ///< the row's label as printed ("TỔNG SỐ (I+II+III)")
  std::string column;      ///< the column's header as printed ("Đã xử lý – Quá hạn")
  std::string key;         ///< the field or rate key ("done_late")
  std::string printed;     ///< the cell as printed ("114.092")
  std::string recomputed;  ///< what the table's own figures give ("297")
  std::string how;         ///< the computation with its numbers ("sum of rows 9–35 = 297")
};

/// What was read of one table.
struct AuditTable {
  SheetInfo sheet;
  std::uint32_t header_row = 0;     ///< first header row
  std::uint32_t unit_rows = 0;      ///< rows of units (own figures) and unmatched rows
  std::uint32_t subtotal_rows = 0;  ///< level, group, total and parent rows
  std::uint32_t precision = 2;      ///< decimals the table prints its rates with
  std::uint32_t checks = 0;         ///< figures and rates compared
};

/// The audit of every table of an input.
struct AuditReport {
  std::vector<AuditTable> tables;
  std::vector<AuditFinding> findings;  ///< sorted by sheet, row, column
  [[nodiscard]] std::uint32_t checks() const;
};

/// A TableVisitor that keeps each table's rows and audits the table when it ends. Unmatched
/// names (unknown-unit, with suggestions), cells that are not counts or rates, and checks
/// that cannot be made (not-checked) go to diags.
class Auditor final : public TableVisitor {
 public:
  Auditor(const Registry& registry, Diagnostics& diags);
  ~Auditor() override;
  Auditor(const Auditor&) = delete;
  Auditor& operator=(const Auditor&) = delete;

  void begin_table(const TableHeader& header) override;
  void row(std::uint32_t row, std::span<const CellView> cells) override;
  void end_table() override;
  void no_table(const SheetInfo& sheet) override;

  /// The report of every table read; findings sorted.
  AuditReport finish();

 private:
  struct State;
  std::unique_ptr<State> s_;
};

/// "FILE:'SHEET'!CELL: label — column: printed X, recomputed Y (how)".
std::string format_finding(const AuditFinding& f);
/// The check's name in JSON ("sum-rate").
std::string_view check_name(AuditFinding::Check c);

}  // namespace ntr
