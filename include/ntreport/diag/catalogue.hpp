#pragma once
// The error catalogue: every diagnostic code, the exit code it leads to, and one line saying
// what it means. docs/errors.md and tests/errors/ mirror this table; a code is used through
// diag/codes.hpp's Code, which a code missing from this table does not compile into.
#include <array>
#include <cstdint>
#include <string_view>

#include "ntreport/text/translate.hpp"

namespace ntr {

/// Process exit status, one per kind of failure (docs/spec.md §8).
enum class ExitCode : int { ok = 0, data = 1, usage = 2, io = 3, internal = 4 };

/// error: nothing is written; warning: written, fails only under --strict; note: a fact worth
/// knowing (a figure derived from others), never a failure.
enum class Severity : std::uint8_t { warning, error, note };

struct CodeInfo {
  std::string_view code;
  ExitCode exit;      ///< what an error with this code makes the process return
  Severity severity;  ///< the usual severity (subtotal-mismatch is a warning)
  std::string_view summary;
};

namespace catalogue {
constexpr ExitCode D = ExitCode::data;
constexpr ExitCode U = ExitCode::usage;
constexpr ExitCode IO = ExitCode::io;
constexpr Severity E = Severity::error;
constexpr Severity W = Severity::warning;
constexpr Severity N = Severity::note;
constexpr ExitCode OK = ExitCode::ok;

// Keep sorted by code: code_info() searches it by bisection.
inline constexpr std::array kCatalogue = {
    CodeInfo{"alias-unknown-unit", U, E,
             N_("an alias file maps a name to a code the registry does not have")},
    CodeInfo{"ambiguous-unit", D, E, N_("a unit name matches more than one registry unit")},
    CodeInfo{"ambiguous-workbook", D, E,
             N_("a workbook says one thing twice (two sheets on one part, a cell given twice, two "
                "values in one cell)")},
    CodeInfo{"bad-encoding", D, E, N_("a text file is not valid UTF-8")},
    CodeInfo{
        "bad-json", U, E,
        N_("a JSON file given to `ntreport diff` is not JSON (or names a member twice), or not a "
           "summary.json of ntreport; the path of each bad member is named")},
    CodeInfo{"channels-dont-sum", D, E, N_("received differs from direct + online + postal")},
    CodeInfo{"config-error", U, E, N_("a configuration file or option value is invalid")},
    CodeInfo{"count-overflow", D, E,
             N_("a sum of counts is larger than the largest count (10^15)")},
    CodeInfo{"crosswalk-error", U, E,
             N_("a crosswalk file (--crosswalk) lacks a column, a code or a valid share")},
    CodeInfo{"csv-syntax", D, E, N_("a CSV file breaks RFC 4180 quoting")},
    CodeInfo{"derived-figure", OK, N,
             N_("a blank figure is derived exactly from the unit's other figures")},
    CodeInfo{"digitized-exceeds-resolved", D, E,
             N_("more results digitized than dossiers resolved")},
    CodeInfo{"duplicate-column", D, E, N_("two columns of one table carry the same figure")},
    CodeInfo{"duplicate-conflict", D, E,
             N_("the same figure of the same unit is given twice with different values")},
    CodeInfo{"duplicate-figure", D, W,
             N_("the same figure of the same unit is given twice with the same value")},
    CodeInfo{"empty-file", D, E, N_("an input file holds nothing")},
    CodeInfo{"hidden-sheet", D, W,
             N_("a hidden sheet holds a table, which is read like any other")},
    CodeInfo{"implausible-change", D, W,
             N_("with --previous, a unit's count changed by more than the plausibility factor")},
    CodeInfo{"input-too-large", D, E,
             N_("an input file goes past its budget (size, inflated size, rows, cells, shared "
                "strings)")},
    CodeInfo{"internal", ExitCode::internal, E, N_("a bug in ntreport")},
    CodeInfo{"io-error", IO, E, N_("a file or folder cannot be read or written")},
    CodeInfo{"layout-fallback", OK, N,
             N_("an appendix laid out by district by default, over a registry without districts, "
                "is laid out by level")},
    CodeInfo{"malformed-xml", D, E, N_("a workbook part is not well-formed XML")},
    CodeInfo{"no-figures", D, W, N_("the inputs hold no figures: a build writes nothing")},
    CodeInfo{"no-header", D, E, N_("no sheet of a file has a recognised header row")},
    CodeInfo{"no-unit-column", D, E,
             N_("a table has figure columns but no unit name or code column")},
    CodeInfo{"not-a-count", D, E, N_("a figure is not a whole number >= 0")},
    CodeInfo{"not-a-rate", D, E, N_("`ntreport audit`: a printed rate is not a percentage")},
    CodeInfo{"not-a-workbook", D, E,
             N_("an .xlsx file is not a readable workbook (corrupt or truncated zip)")},
    CodeInfo{
        "not-checked", D, W,
        N_("`ntreport audit`: a check the printed table does not allow (subtotals over rows that "
           "name no registry unit)")},
    CodeInfo{"not-digitized-mismatch", D, E, N_("not digitized differs from resolved - digitized")},
    CodeInfo{"output-recovered", OK, N,
             N_("an output folder held the files of a command stopped half way: put back as they "
                "were, or finished")},
    CodeInfo{"paid-exceeds-with-fee", D, E,
             N_("more dossiers paid online than dossiers with a fee")},
    CodeInfo{"part-too-large", D, E, N_("a workbook part inflates past the size limit")},
    CodeInfo{
        "partial-figures", D, W,
        N_("some figures of a group are blank: the unit's figures of that group are left out of "
           "the sums")},
    CodeInfo{
        "pdf-unavailable", U, E,
        N_("--format pdf was asked for and LibreOffice, which makes the PDF, is not installed")},
    CodeInfo{"registry-cycle", U, E, N_("parent links of the registry form a cycle")},
    CodeInfo{"registry-duplicate-code", U, E, N_("two registry rows have the same code")},
    CodeInfo{"registry-parent-level", U, E, N_("a registry row names a parent on another level")},
    CodeInfo{"registry-syntax", U, E, N_("a registry row or column is missing or malformed")},
    CodeInfo{"registry-unknown-area", U, E,
             N_("a registry row names an area code that does not exist")},
    CodeInfo{"registry-unknown-level", U, E,
             N_("a registry row names a level that is not defined")},
    CodeInfo{"registry-unknown-parent", U, E,
             N_("a registry row names a parent code that does not exist")},
    CodeInfo{"signed-exceeds-out", D, E, N_("more outgoing documents signed than sent")},
    CodeInfo{
        "skipped-files", OK, N,
        N_("files in an input folder that are not inputs (not .xlsx, .xlsm, .xls, .csv, .tsv)")},
    CodeInfo{"skipped-sheet", OK, N,
             N_("a workbook lists a sheet without a part (Excel's macro sheets): it is skipped")},
    CodeInfo{"subtotal-mismatch", D, W,
             N_("a printed subtotal differs from the sum of the rows it covers")},
    CodeInfo{"template-error", U, E, N_("an appendix definition file is invalid")},
    CodeInfo{"text-too-large", D, E,
             N_("a worksheet row or shared string holds more text than the limit (1 MiB)")},
    CodeInfo{"unknown-column", D, W,
             N_("a header cell names no column ntreport reads: the column is not read")},
    CodeInfo{"unknown-unit", D, E, N_("a unit name or code matches no registry unit")},
    CodeInfo{"unsupported-format", D, E,
             N_("a spreadsheet in a format ntreport does not read (.ods, .xlsb, .numbers)")},
    CodeInfo{"usage", U, E, N_("the command line is invalid")},
    CodeInfo{"would-overwrite", U, E,
             N_("a command would replace or remove a file ntreport did not write (or one changed "
                "since), or write where its inputs are")},
};

}  // namespace catalogue

}  // namespace ntr
