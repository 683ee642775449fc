#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "ntreport/diag/diagnostic.hpp"
#include "ntreport/report/report.hpp"

namespace ntr {

struct XlsxOptions {
  /// The workbook's `created` property, seconds since the epoch (from the period end or
  /// SOURCE_DATE_EPOCH, never the clock), so the same inputs give the same bytes.
  std::int64_t created = 0;
  /// Worksheets deflated at once when the workbook is finished (each on a thread of its own).
  unsigned threads = 1;
  /// The table rows written beside libxlsxwriter, in the bytes it writes, and put into their
  /// worksheets at the end (fast); false: through libxlsxwriter (what the first is checked on).
  bool own_rows = true;
};

/// `phu-luc.xlsx` written a worksheet at a time, as the appendices are made: add() writes a
/// table's rows out (libxlsxwriter's constant-memory mode) and keeps only what the chart sheet
/// needs; close() adds the chart sheet and finishes the file. A book never closed writes
/// nothing more.
class XlsxBook {
 public:
  XlsxBook(const std::string& path, const XlsxOptions& options);
  ~XlsxBook();
  XlsxBook(const XlsxBook&) = delete;
  XlsxBook& operator=(const XlsxBook&) = delete;

  /// Adds the worksheet of one appendix (or comparison table); after an error, nothing.
  void add(const ReportDoc& doc);
  /// Writes the chart sheet and the file; io-error in `diags`, and false, on any failure.
  bool close(Diagnostics& diags);

 private:
  struct State;
  std::unique_ptr<State> s_;
};

/// Writes `phu-luc.xlsx`: one worksheet per appendix, laid out like the printed appendix.
/// Text from inputs is always written as text. io-error on failure.
bool write_xlsx(const std::string& path, const std::vector<ReportDoc>& docs,
                const XlsxOptions& options, Diagnostics& diags);

}  // namespace ntr
