#pragma once
// What every reader produces: sheets streamed row by row, each cell with its place. Readers
// call a SheetVisitor instead of building the whole sheet, so a 100,000-row workbook never
// sits in memory at once.
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "ntreport/diag/diagnostic.hpp"

namespace ntr {

/// What a cell holds, as stored in the file. Readers never interpret numbers: a numeric
/// cell's text is exactly the stored value ("98076", "1.5", "1E+3").
enum class CellType : std::uint8_t {
  empty,
  text,     ///< a string (shared, inline, formula string result, or any CSV field)
  number,   ///< an XLSX numeric cell or formula with a numeric cached value
  boolean,  ///< an XLSX boolean ("0" or "1")
  error,    ///< an XLSX error value such as "#REF!"
  date,     ///< an XLSX date cell (t="d", ISO 8601 text): never a count
};

/// One cell of a row as handed to a visitor; the text view is valid only during the call.
struct CellView {
  std::uint32_t col = 0;  ///< 1-based column
  CellType type = CellType::empty;
  std::string_view text;
};

/// One sheet of an input (a CSV file is one sheet without a name).
struct SheetInfo {
  std::string file;          ///< the path as the user gave it, used in diagnostics
  std::string name;          ///< sheet name; empty for CSV
  std::uint32_t index = 0;   ///< 0-based position in the workbook
  bool is_workbook = false;  ///< true for XLSX sheets (diagnostics then quote the sheet name)
  bool hidden = false;       ///< a workbook sheet its workbook hides (read all the same)

  /// A SourceLoc for a cell of this sheet (row 0 = the whole sheet).
  [[nodiscard]] SourceLoc loc(std::uint32_t row = 0, std::uint32_t col = 0) const {
    return SourceLoc{file, name, index, row, col, is_workbook};
  }
};

/// A merged range, 1-based and inclusive.
struct MergedRange {
  std::uint32_t first_row = 0, first_col = 0, last_row = 0, last_col = 0;
};

/// Receives the sheets of one input, in workbook order, and their non-empty rows in row order.
class SheetVisitor {
 public:
  virtual ~SheetVisitor() = default;
  /// Called before the rows of a sheet.
  virtual void begin_sheet(const SheetInfo& sheet) = 0;
  /// One row with at least one non-empty cell; cells sorted by column, empty cells left out.
  virtual void row(std::uint32_t row, std::span<const CellView> cells) = 0;
  /// Called after the last row; merges as the file declares them (XLSX only).
  virtual void end_sheet(std::span<const MergedRange> merges) = 0;
};

/// The budget of one input file: what it may hold before it is refused (input-too-large,
/// part-too-large, text-too-large). Reading stays linear in what the file holds, so these
/// bound its time, and its memory is bounded by them (docs/errors.md, "Limits").
struct ReadLimits {
  std::uint64_t max_part_bytes = 256ULL << 20;  ///< inflated size of one zip part
  /// Inflated size of all the parts read: one part at its limit, and 32 MiB for the others.
  std::uint64_t max_workbook_bytes = 288ULL << 20;
  std::uint64_t max_file_bytes = 128ULL << 20;  ///< a CSV or other text file, read whole
  /// Text of one worksheet row (all its cells) and of one shared string. Excel keeps at most
  /// 32,767 characters in a cell; the limit only stops rows built to exhaust memory.
  std::uint64_t max_text_bytes = 1ULL << 20;
  std::uint64_t max_zip_entries = 65535;          ///< entries of the zip archive
  std::uint64_t max_sheets = 4096;                ///< sheet entries of a workbook
  std::uint64_t max_elements = 1ULL << 24;        ///< XML elements of all parts read
  std::uint64_t max_rows = 1ULL << 20;            ///< rows of all sheets (Excel's rows of one)
  std::uint64_t max_cells = 1ULL << 22;           ///< cells holding a value, all sheets
  std::uint32_t max_row_cells = 16384;            ///< cells of one row (columns A to XFD)
  std::uint64_t max_shared_strings = 1ULL << 20;  ///< entries of the shared-string table
  std::uint64_t max_shared_bytes = 64ULL << 20;   ///< text of the shared-string table
  /// What the XML parser may allocate. Real parts need well under 1 MiB (a 64 KiB buffer, a
  /// few nested elements, short tags); expat rescans an unfinished tag on every chunk, so a
  /// small bound also keeps a huge tag from costing time quadratic in its length.
  std::uint64_t max_xml_memory = 4ULL << 20;
  bool operator==(const ReadLimits&) const = default;
};

/// A whole sheet kept in memory: for small files (registry, aliases, targets) and for tests.
struct OwnedCell {
  std::uint32_t col = 0;
  CellType type = CellType::empty;
  std::string text;
};
struct OwnedRow {
  std::uint32_t row = 0;
  std::vector<OwnedCell> cells;
  /// The text at a column, empty when the cell is empty.
  [[nodiscard]] std::string_view at(std::uint32_t col) const;
};
struct OwnedSheet {
  SheetInfo info;
  std::vector<OwnedRow> rows;
  std::vector<MergedRange> merges;
};

/// A visitor that keeps every sheet it is shown.
class SheetCollector final : public SheetVisitor {
 public:
  void begin_sheet(const SheetInfo& sheet) override;
  void row(std::uint32_t row, std::span<const CellView> cells) override;
  void end_sheet(std::span<const MergedRange> merges) override;
  std::vector<OwnedSheet> sheets;
};

}  // namespace ntr
