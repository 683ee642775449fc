#pragma once
// A table's rows written beside libxlsxwriter, private to the XLSX writer. libxlsxwriter formats
// every cell with fprintf() and deflates every worksheet on one thread; of a 100,000-row table
// that was most of the build. SheetRows writes the XML of the rows of a table into a scratch
// file, byte for byte what libxlsxwriter 1.1.4 writes for the same calls in constant-memory
// mode (its own escaping and style numbers, "%.16G" numbers, inline strings, no spans); once
// the workbook is closed, patch_package() (xlsx_package.cpp) puts them into the worksheet's
// part and deflates it as libxlsxwriter does, each worksheet on a thread of its own.
#include <xlsxwriter.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "ntreport/write/xlsx_chart_lines.hpp"

namespace ntr::xlsx {

/// The rows and columns some cells reach, as libxlsxwriter's dimension of a worksheet.
struct CellSpan {
  lxw_row_t first_row = LXW_ROW_MAX;
  lxw_row_t last_row = 0;
  lxw_col_t first_col = LXW_COL_MAX;
  lxw_col_t last_col = 0;

  bool empty() const { return first_row == LXW_ROW_MAX; }
  void add(lxw_row_t r, lxw_col_t c);
  void add(const CellSpan& other);
};

/// The rows of one table, written to the scratch file at `path` (in the folder of the
/// workbook); its worksheet part, deflated, goes to `path` + "z". The destructor removes both.
/// Cells are given row by row, in order, and each row is ended with its height; the calls return
/// what libxlsxwriter's would.
class SheetRows {
 public:
  explicit SheetRows(std::string path);
  ~SheetRows();
  SheetRows(const SheetRows&) = delete;
  SheetRows& operator=(const SheetRows&) = delete;

  lxw_error string(lxw_row_t r, lxw_col_t c, const char* text, lxw_format* format);
  lxw_error number(lxw_row_t r, lxw_col_t c, double value, lxw_format* format);
  lxw_error blank(lxw_row_t r, lxw_col_t c, lxw_format* format);
  /// Writes row `r` with the cells given since the last row; `height` in points,
  /// LXW_DEF_ROW_HEIGHT for the default.
  void end_row(lxw_row_t r, double height);
  /// Writes out what is buffered and closes the file.
  void finish();
  /// Whether the file was made; and once finished, written (else error() is the errno).
  bool ok() const { return !failed_; }
  int error() const { return error_; }

  const std::string& path() const { return path_; }
  std::string deflated_path() const { return path_ + "z"; }
  const CellSpan& span() const { return span_; }

 private:
  lxw_error check_cell(lxw_row_t r, lxw_col_t c);
  void cell_ref(lxw_row_t r, lxw_col_t c);
  void flush_if_full();

  std::string path_;
  int fd_ = -1;
  bool created_ = false;
  bool failed_ = false;
  int error_ = 0;
  std::string out_;    ///< rows not yet written to the file
  std::string cells_;  ///< the cells of the row being made
  CellSpan span_;
  std::vector<std::string> columns_;  ///< column letters, made as needed
};

/// A worksheet whose table rows were written by SheetRows.
struct SplicedSheet {
  std::size_t sheet_number = 0;  ///< xl/worksheets/sheet<N>.xml
  const SheetRows* rows = nullptr;
  CellSpan written;  ///< the cells libxlsxwriter wrote itself (titles, header, legend)
};

/// The worksheet part `part`, as libxlsxwriter wrote it without the rows of `sheet`, cut where
/// they go: `head` up to them, `tail` from the row after them on, with the dimension of every
/// cell. False when the part is not the worksheet libxlsxwriter writes.
bool cut_worksheet(std::string_view part, const SplicedSheet& sheet, std::string& head,
                   std::string& tail);

/// A part deflated as libxlsxwriter deflates it (zlib's default level, raw deflate, 8 memory
/// levels), in a file: its size, with the CRC-32 and size of what was deflated.
struct DeflatedPart {
  std::string path;
  std::uint64_t deflated_size = 0;
  std::uint32_t crc = 0;
  std::uint64_t size = 0;
};

/// Deflates `head`, then the rows of `rows`, then `tail`, into rows.deflated_path(). False with
/// `message` set when a file cannot be read or written or zlib fails.
bool deflate_part(std::string_view head, const SheetRows& rows, std::string_view tail,
                  DeflatedPart& out, std::string& message);

/// Moves the line series of `chart` out of the bar chart of its part `xml` into a line chart
/// over the same axes (xlsx_chart_xml.cpp). False with `message` set when the part is not the
/// chart written.
bool patch_chart(std::string& xml, const ChartLines& chart, std::string& message);

/// Finishes the closed workbook at `path`: the rows of each sheet of `sheets` put into its
/// part (deflated on up to `threads` threads) and the line series of `charts` combined
/// (xlsx_chart_lines.hpp), in one rewrite of the file. False with `message` set on failure.
bool patch_package(const std::string& path, const std::vector<SplicedSheet>& sheets,
                   const std::vector<ChartLines>& charts, unsigned threads, std::string& message);

}  // namespace ntr::xlsx
