#include "ntreport/diag/diagnostic.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <tuple>

#include "ntreport/diag/codes.hpp"
#include "ntreport/text/printable.hpp"

namespace ntr {

std::string column_letters(std::uint32_t col) {
  std::string out;
  while (col > 0) {
    const std::uint32_t rem = (col - 1) % 26;
    out.insert(out.begin(), static_cast<char>('A' + rem));
    col = (col - 1) / 26;
  }
  return out;
}

std::string cell_name(std::uint32_t row, std::uint32_t col) {
  return fmt::format("{}{}", column_letters(col == 0 ? 1 : col), row);
}

namespace {
// Excel quotes a sheet name with single quotes and doubles any quote inside it.
std::string quote_sheet(std::string_view sheet) {
  std::string out = "'";
  for (char c : sheet) {
    out += c;
    if (c == '\'') out += '\'';
  }
  out += '\'';
  return out;
}
}  // namespace

std::string format_loc(const SourceLoc& loc) {
  std::string out = loc.file;
  if (loc.has_sheet) {
    out += ':';
    out += quote_sheet(loc.sheet);
    if (loc.row > 0) out += '!' + cell_name(loc.row, loc.col);
  } else if (loc.row > 0) {
    out += ':' + (loc.is_line ? std::to_string(loc.row) : cell_name(loc.row, loc.col));
  }
  return out;
}

std::string_view severity_name(Severity s) {
  switch (s) {
    case Severity::error:
      return "error";
    case Severity::warning:
      return "warning";
    case Severity::note:
      return "note";
  }
  return "error";
}

std::string format_diagnostic(const Diagnostic& d) {
  std::string out = fmt::format("{}: {}[{}]: {}", format_loc(d.loc), severity_name(d.severity),
                                d.code.name(), d.message);
  if (!d.hint.empty()) out += fmt::format(" ({})", d.hint);
  // One line per problem, whatever the data quoted in it holds.
  return printable(out);
}

namespace {
// I/O beats usage beats data: the most fundamental failure decides.
int severity_rank(ExitCode c) {
  switch (c) {
    case ExitCode::internal:
      return 4;
    case ExitCode::io:
      return 3;
    case ExitCode::usage:
      return 2;
    case ExitCode::data:
      return 1;
    case ExitCode::ok:
      break;
  }
  return 0;
}
}  // namespace

void Diagnostics::error(Code code, SourceLoc loc, std::string message, std::string hint) {
  add(Diagnostic{Severity::error, code, std::move(loc), std::move(message), std::move(hint)});
}

void Diagnostics::warning(Code code, SourceLoc loc, std::string message, std::string hint) {
  add(Diagnostic{Severity::warning, code, std::move(loc), std::move(message), std::move(hint)});
}

void Diagnostics::warning(Code code, SourceLoc loc, Bilingual message, std::string hint) {
  Diagnostic d{Severity::warning, code, std::move(loc), std::move(message.text), std::move(hint)};
  if (d.message != message.english) d.english = std::move(message.english);
  add(std::move(d));
}

void Diagnostics::note(Code code, SourceLoc loc, std::string message, std::string hint) {
  add(Diagnostic{Severity::note, code, std::move(loc), std::move(message), std::move(hint)});
}

void Diagnostics::add(Diagnostic d) {
  if (d.severity == Severity::error) {
    ++errors_;
    const ExitCode c = d.code.info().exit;
    if (severity_rank(c) > severity_rank(worst_)) worst_ = c;
  } else if (d.severity == Severity::warning) {
    ++warnings_;
  } else {
    ++notes_;
  }
  auto it = per_file_.find(d.loc.file);
  if (it == per_file_.end()) it = per_file_.emplace(d.loc.file, 0).first;
  if (++it->second > kKeptPerFile) return;  // counted, not kept
  d.seq = items_.size();
  items_.push_back(std::move(d));
}

std::vector<Diagnostic> Diagnostics::sorted() const {
  std::vector<Diagnostic> out = items_;
  std::stable_sort(out.begin(), out.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::tie(a.loc.file, a.loc.sheet_index, a.loc.row, a.loc.col, a.seq) <
           std::tie(b.loc.file, b.loc.sheet_index, b.loc.row, b.loc.col, b.seq);
  });
  return out;
}

ExitCode Diagnostics::exit_code() const { return worst_; }

void Diagnostics::merge(Diagnostics&& other) {
  for (auto& d : other.items_) add(std::move(d));
  // What `other` counted without keeping stays counted.
  std::size_t kept_errors = 0;
  std::size_t kept_warnings = 0;
  for (const auto& d : other.items_) {
    kept_errors += d.severity == Severity::error ? 1 : 0;
    kept_warnings += d.severity == Severity::warning ? 1 : 0;
  }
  const std::size_t kept_notes = other.items_.size() - kept_errors - kept_warnings;
  errors_ += other.errors_ - kept_errors;
  warnings_ += other.warnings_ - kept_warnings;
  notes_ += other.notes_ - kept_notes;
  if (severity_rank(other.worst_) > severity_rank(worst_)) worst_ = other.worst_;
  other.items_.clear();
  other.per_file_.clear();
  other.errors_ = other.warnings_ = other.notes_ = 0;
  other.worst_ = ExitCode::ok;
}

}  // namespace ntr
