#pragma once
// Problems found in inputs, registries and options: data with a place, collected by every
// stage into one sink and printed once, sorted, at the end.
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "ntreport/diag/codes.hpp"
#include "ntreport/text/translate.hpp"

namespace ntr {

// A Code as a default member initializer is made from a constant: clang 14 would otherwise
// emit its consteval constructor as a call at run time, which does not link.
inline constexpr Code kInternalCode{"internal"};

/// "error", "warning", "note", as printed.
std::string_view severity_name(Severity s);

/// Where a problem is: file, sheet (empty for CSV), cell. Row and column are 1-based; 0 means
/// "the whole sheet" (row 0) or "the whole row" (col 0).
struct SourceLoc {
  std::string file;
  std::string sheet;
  std::uint32_t sheet_index = 0;  ///< position of the sheet in its workbook, for sorting
  std::uint32_t row = 0;
  std::uint32_t col = 0;
  bool has_sheet = false;  ///< true for workbook sheets, false for CSV and other text files
  bool is_line = false;    ///< row is a line of a text file (TOML): printed `file:LINE`
};

/// The command line itself, printed `ntreport:` (a usage error, a setting given wrongly).
inline SourceLoc command_line_loc() { return SourceLoc{"ntreport", {}, 0, 0, 0, false}; }

/// The location of a line of a text file such as ntreport.toml (0: the whole file).
inline SourceLoc line_loc(std::string file, std::uint32_t line) {
  SourceLoc loc{std::move(file), {}, 0, line, 0, false};
  loc.is_line = true;
  return loc;
}

/// "A1"-style column letters: 1 → "A", 27 → "AA".
std::string column_letters(std::uint32_t col);
/// "E7" for (row 7, col 5); "7:7" style is not used: a whole row prints as "A7".
std::string cell_name(std::uint32_t row, std::uint32_t col);
/// `file:'Sheet'!E7`, `file:E7`, `file:'Sheet'`, `file:12` (a line) or `file`, as printed in
/// diagnostics.
std::string format_loc(const SourceLoc& loc);

struct Diagnostic {
  Severity severity = Severity::error;
  Code code = kInternalCode;  ///< a stable kebab-case code of the catalogue (diag/catalogue.hpp)
  SourceLoc loc;
  std::string message;    ///< names the column header, quotes the value found and what was expected
  std::string hint;       ///< optional, e.g. "did you mean 'Phường Phủ Hà'?"
  std::uint64_t seq = 0;  ///< insertion order, the last sort key
  std::string english = {};  ///< a warning's message in English, for summary.json; empty: message
};

/// One line: `FILE:'SHEET'!CELL: error[code]: message (hint)`.
std::string format_diagnostic(const Diagnostic& d);

/// The sink every stage appends to. Stages never print.
class Diagnostics {
 public:
  void error(Code code, SourceLoc loc, std::string message, std::string hint = {});
  void warning(Code code, SourceLoc loc, std::string message, std::string hint = {});
  /// A warning whose message is kept in English in the outputs (summary.json) too.
  void warning(Code code, SourceLoc loc, Bilingual message, std::string hint = {});
  void note(Code code, SourceLoc loc, std::string message, std::string hint = {});
  void add(Diagnostic d);

  /// Diagnostics kept in full per file; beyond that they are counted only, so that a file of
  /// a million bad rows costs no more memory than its first thousand.
  static constexpr std::size_t kKeptPerFile = 1000;

  [[nodiscard]] std::size_t error_count() const { return errors_; }
  [[nodiscard]] std::size_t warning_count() const { return warnings_; }
  [[nodiscard]] std::size_t note_count() const { return notes_; }
  [[nodiscard]] bool has_errors() const { return errors_ > 0; }
  /// The diagnostics kept (all but those past kKeptPerFile of one file), in the order found.
  [[nodiscard]] const std::vector<Diagnostic>& all() const { return items_; }
  /// Sorted by file, sheet, row, column, then the order they were found.
  [[nodiscard]] std::vector<Diagnostic> sorted() const;
  /// The exit code the errors call for: the most severe kind among them (io > usage > data).
  [[nodiscard]] ExitCode exit_code() const;
  void merge(Diagnostics&& other);

 private:
  std::vector<Diagnostic> items_;
  std::map<std::string, std::size_t, std::less<>> per_file_;
  std::size_t errors_ = 0;
  std::size_t warnings_ = 0;
  std::size_t notes_ = 0;
  ExitCode worst_ = ExitCode::ok;
};

}  // namespace ntr
