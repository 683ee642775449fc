#pragma once
// The measurements behind phu-luc.xlsx that do not need libxlsxwriter: worksheet names that
// Excel accepts, column widths fitted to the text (libxlsxwriter has no autofit), and the
// number of lines a wrapped text takes, for row heights.
#include <cstddef>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "ntreport/report/report.hpp"

namespace ntr {

/// Excel's rules for a worksheet name: at most 31 characters, none of `[]:*?/\`, no
/// apostrophe at either end, not "History", not empty.
std::string sanitize_sheet_name(std::string_view name);

/// Worksheet names given one at a time, as worksheets are added: each `base` sanitised (the
/// appendix number of the n-th sheet when that leaves nothing), then made unique ignoring case,
/// among those given before, by a " (2)", " (3)"… suffix.
class SheetNames {
 public:
  std::string next(std::string_view base);
  std::string next(const ReportDoc& doc);  ///< its sheet_name, else its id

 private:
  std::set<std::string> used_;  ///< folded; "History" is reserved by Excel
  std::size_t count_ = 0;
};

/// Narrowest and widest column, in Excel character units.
inline constexpr double kMinColumnWidth = 5;
inline constexpr double kMaxColumnWidth = 60;

/// How much wider bold text is than the code-point count says.
inline constexpr double kBoldWiden = 1.1;

/// Width of every column: the longest display text in it (label indentation included, bold
/// rows widened by kBoldWiden) and the longest header word, or a third of the header when that
/// is more (headers wrap), plus a margin, clamped to [kMinColumnWidth, kMaxColumnWidth].
/// Counted in code points.
std::vector<double> column_widths(const ReportDoc& doc);

/// Lines `text` takes when wrapped at word boundaries in a cell `width` characters wide.
std::size_t wrapped_lines(std::string_view text, double width);

/// True when some column has a group over it: the header then takes two rows.
bool has_two_row_header(const ReportDoc& doc);

/// A run of consecutive columns under one group header.
struct GroupSpan {
  std::size_t first = 0;
  std::size_t last = 0;
  std::string text;
};

/// The group headers, left to right; columns without a group are not in any span.
std::vector<GroupSpan> group_spans(const ReportDoc& doc);

/// Every sheet's page footer, in Excel's header codes: the labels' footer, centred, with the
/// page number and count.
std::string page_footer();

}  // namespace ntr
