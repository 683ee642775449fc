#pragma once
// RawTable rows → figures per registry unit (docs/spec.md §3): counts parsed, units matched, rows
// that are not units (level, group, total rows, and rows of units whose descendants are
// listed) recognised, never added, and checked against the sums of the rows they cover.
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "ntreport/diag/diagnostic.hpp"
#include "ntreport/model/values.hpp"
#include "ntreport/read/header.hpp"
#include "ntreport/read/tables.hpp"
#include "ntreport/registry/registry.hpp"

namespace ntr {

/// What one build collected from every input.
struct Figures {
  std::vector<Values> own;  ///< per unit (registry order): the figures it reported itself
  /// per unit: field_bit() of the figures found wrong (not a count, or breaking an invariant)
  std::vector<std::uint32_t> invalid;
  std::vector<std::string> files;  ///< inputs that held at least one table, in reading order
  std::uint32_t tables = 0;        ///< tables read
  std::uint32_t unit_rows = 0;     ///< unit rows added
  /// Where a unit's figure was read (file, sheet, cell), for messages after the reading.
  std::function<std::optional<SourceLoc>(UnitId, Field)> where;
};

class Ingest final : public InputTableVisitor {
 public:
  Ingest(const Registry& registry, Diagnostics& diags);
  ~Ingest() override;
  Ingest(const Ingest&) = delete;
  Ingest& operator=(const Ingest&) = delete;

  /// Call before reading each input file, and end_file() after it.
  void begin_file(const std::string& display) override;
  void end_file() override;

  void begin_table(const TableHeader& header) override;
  void row(std::uint32_t row, std::span<const CellView> cells) override;
  void end_table() override;
  void no_table(const SheetInfo& sheet) override;

  /// Checks cross-row invariants and derives absent totals; call once after every file.
  Figures finish();

 private:
  struct State;
  std::unique_ptr<State> s_;
};

}  // namespace ntr
