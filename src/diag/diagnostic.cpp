#include "ntreport/diag/diagnostic.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <tuple>

#include "ntreport/diag/codes.hpp"

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

std::string format_diagnostic(const Diagnostic& d) {
  std::string out =
      fmt::format("{}: {}[{}]: {}", format_loc(d.loc),
                  d.severity == Severity::error ? "error" : "warning", d.code, d.message);
  if (!d.hint.empty()) out += fmt::format(" ({})", d.hint);
  return out;
}

void Diagnostics::error(std::string_view code, SourceLoc loc, std::string message,
                        std::string hint) {
  add(Diagnostic{Severity::error, std::string(code), std::move(loc), std::move(message),
                 std::move(hint)});
}

void Diagnostics::warning(std::string_view code, SourceLoc loc, std::string message,
                          std::string hint) {
  add(Diagnostic{Severity::warning, std::string(code), std::move(loc), std::move(message),
                 std::move(hint)});
}

void Diagnostics::add(Diagnostic d) {
  d.seq = items_.size();
  if (d.severity == Severity::error) {
    ++errors_;
  } else {
    ++warnings_;
  }
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

ExitCode Diagnostics::exit_code() const {
  // I/O beats usage beats data: the most fundamental failure decides.
  int rank = 0;
  ExitCode code = ExitCode::ok;
  for (const auto& d : items_) {
    if (d.severity != Severity::error) continue;
    const ExitCode c = code_info(d.code).exit;
    const int r = c == ExitCode::internal ? 4
                  : c == ExitCode::io     ? 3
                  : c == ExitCode::usage  ? 2
                                          : 1;
    if (r > rank) {
      rank = r;
      code = c;
    }
  }
  return code;
}

void Diagnostics::merge(Diagnostics&& other) {
  for (auto& d : other.items_) add(std::move(d));
  other.items_.clear();
  other.errors_ = other.warnings_ = 0;
}

}  // namespace ntr
