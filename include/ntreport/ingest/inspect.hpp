#pragma once
// `ntreport inspect FILE`: what ntreport sees in one input, the first thing to run when a unit
// says "but I sent it" — its sheets (hidden ones marked), the header row found, what each
// column is, and which unit (or level, area, total row) each row is, or why none.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "ntreport/read/header.hpp"
#include "ntreport/registry/registry.hpp"

namespace ntr {

struct InspectColumn {
  std::uint32_t col = 0;
  std::string header;   ///< as printed
  std::string meaning;  ///< "the figure \"Qua mạng\"", "unit names", "not recognised"
};

struct InspectRow {
  std::uint32_t row = 0;
  std::string label;  ///< the name or code cell
  std::string what;   ///< "unit so-y-te (Sở Y tế)", "level row Cấp xã", "no unit: …"
};

struct InspectSheet {
  SheetInfo info;
  bool has_table = false;
  std::uint32_t header_first = 0, header_last = 0;
  std::vector<InspectColumn> columns;  ///< known and unknown, by column
  std::vector<InspectRow> rows;        ///< the first kMaxRows body rows
  std::uint32_t more_rows = 0;         ///< body rows past them
  static constexpr std::size_t kMaxRows = 5000;
};

/// A TableVisitor that records what each table of a file is made of.
class Inspector final : public TableVisitor {
 public:
  explicit Inspector(const Registry& registry) : registry_(registry) {}
  void begin_table(const TableHeader& header) override;
  void row(std::uint32_t row, std::span<const CellView> cells) override;
  void end_table() override {}
  void no_table(const SheetInfo& sheet) override;
  [[nodiscard]] const std::vector<InspectSheet>& sheets() const { return sheets_; }

 private:
  const Registry& registry_;
  std::vector<InspectSheet> sheets_;
  std::uint32_t name_col_ = 0, code_col_ = 0;
};

}  // namespace ntr
