#pragma once
// Streams the cells of one worksheet part to a SheetVisitor, a row at a time, reusing its
// buffers so that reading a cell allocates nothing once the first rows have been seen.
#include <cstdint>
#include <string>
#include <vector>

#include "ntreport/read/sheet.hpp"
#include "xlsx_part.hpp"
#include "xlsx_strings.hpp"
#include "xlsx_workbook.hpp"

namespace ntr::xlsx {

/// How far the reading of a sheet got.
struct SheetResult {
  bool ok = false;     ///< read to its end without a problem
  bool began = false;  ///< the visitor saw begin_sheet (and then end_sheet)
};

/// Reads worksheets of one workbook; keeps its buffers from one sheet to the next.
class SheetReader {
 public:
  SheetReader(PartSource& source, const SharedStrings& strings, SheetVisitor& visitor)
      : source_(source), strings_(strings), visitor_(visitor) {}

  /// Streams one worksheet; problems are reported and stop the sheet.
  SheetResult read(const SheetEntry& entry);

 private:
  friend class SheetHandler;
  struct PendingCell {
    std::uint32_t col = 0;
    CellType type = CellType::empty;
    std::size_t offset = 0;  // into row_text_, unless `shared` is set
    std::size_t size = 0;
    const char* shared = nullptr;  // into the shared-string arena
  };

  PartSource& source_;
  const SharedStrings& strings_;
  SheetVisitor& visitor_;
  std::string row_text_;
  std::vector<PendingCell> pending_;
  std::vector<CellView> views_;
  std::vector<MergedRange> merges_;
};

}  // namespace ntr::xlsx
