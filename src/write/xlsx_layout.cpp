#include "ntreport/write/xlsx_layout.hpp"

#include <fmt/format.h>
#include <utf8proc.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <memory>
#include <set>

#include "ntreport/report/labels.hpp"
#include "ntreport/text/normalize.hpp"
#include "ntreport/write/cells.hpp"

namespace ntr {

namespace {

constexpr std::size_t kMaxSheetName = 31;  // in UTF-16 code units, as Excel counts

void append(std::string& out, utf8proc_int32_t c) {
  utf8proc_uint8_t buf[4];
  const auto n = utf8proc_encode_char(c, buf);
  out.append(reinterpret_cast<const char*>(buf), static_cast<std::size_t>(n));
}

std::size_t utf16_units(utf8proc_int32_t c) { return c >= 0x10000 ? 2 : 1; }

bool forbidden_in_sheet_name(utf8proc_int32_t c) {
  return c == '[' || c == ']' || c == ':' || c == '*' || c == '?' || c == '/' || c == '\\';
}

// Trailing spaces and apostrophes go: Excel refuses a name ending with an apostrophe.
void strip_end(std::vector<utf8proc_int32_t>& cps) {
  while (!cps.empty() && (cps.back() == '\'' || cps.back() == ' ')) cps.pop_back();
}

std::string encode_limited(const std::vector<utf8proc_int32_t>& cps, std::size_t limit) {
  std::vector<utf8proc_int32_t> kept;
  std::size_t units = 0;
  for (auto c : cps) {
    if (units + utf16_units(c) > limit) break;
    units += utf16_units(c);
    kept.push_back(c);
  }
  strip_end(kept);
  std::string out;
  for (auto c : kept) append(out, c);
  return out;
}

// Excel compares worksheet names ignoring case.
std::string fold(std::string_view s) {
  utf8proc_uint8_t* buf = nullptr;
  const auto n = utf8proc_map(
      reinterpret_cast<const utf8proc_uint8_t*>(s.data()), static_cast<utf8proc_ssize_t>(s.size()),
      &buf, static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD));
  if (n < 0) return std::string(s);
  std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> hold(buf, &std::free);
  return std::string(reinterpret_cast<const char*>(buf), static_cast<std::size_t>(n));
}

std::size_t header_need(std::string_view header) {
  std::size_t longest_word = 0;
  std::size_t start = 0;
  while (start <= header.size()) {
    auto end = header.find_first_of(" \n", start);
    if (end == std::string_view::npos) end = header.size();
    longest_word = std::max(longest_word, codepoint_count(header.substr(start, end - start)));
    start = end + 1;
  }
  return std::max(longest_word, (codepoint_count(header) + 2) / 3);
}

std::size_t lines_of_paragraph(std::string_view text, std::size_t capacity) {
  std::size_t lines = 1;
  std::size_t used = 0;
  std::size_t start = 0;
  while (start <= text.size()) {
    auto end = text.find(' ', start);
    if (end == std::string_view::npos) end = text.size();
    const std::size_t len = codepoint_count(text.substr(start, end - start));
    start = end + 1;
    if (len == 0) continue;
    if (used > 0 && used + 1 + len <= capacity) {
      used += 1 + len;
      continue;
    }
    if (used > 0) ++lines;
    lines += (len - 1) / capacity;  // a word wider than the cell breaks inside
    used = len - (len - 1) / capacity * capacity;
  }
  return lines;
}

}  // namespace

std::string sanitize_sheet_name(std::string_view name) {
  std::vector<utf8proc_int32_t> cps;
  for (auto c : code_points(trim(name))) {
    if (forbidden_in_sheet_name(c)) {
      cps.push_back('-');
    } else if (c < 0x20) {
      cps.push_back(' ');
    } else {
      cps.push_back(c);
    }
  }
  auto first = std::find_if(cps.begin(), cps.end(), [](auto c) { return c != '\'' && c != ' '; });
  cps.erase(cps.begin(), first);
  return encode_limited(cps, kMaxSheetName);
}

std::string SheetNames::next(std::string_view base) {
  if (count_++ == 0) used_.insert(fold("History"));  // reserved by Excel
  std::string sane = sanitize_sheet_name(base);
  if (sane.empty()) sane = fill(labels().appendix_number, {{"n", std::to_string(count_)}});
  std::string name = sane;
  for (int n = 2; !used_.insert(fold(name)).second; ++n) {
    const std::string suffix = fmt::format(" ({})", n);
    name = encode_limited(code_points(sane), kMaxSheetName - suffix.size()) + suffix;
  }
  return name;
}

std::string SheetNames::next(const ReportDoc& doc) {
  return next(sanitize_sheet_name(doc.sheet_name).empty() ? std::string_view(doc.id)
                                                          : std::string_view(doc.sheet_name));
}

std::vector<double> column_widths(const ReportDoc& doc) {
  std::vector<std::size_t> need;
  const auto spans = group_spans(doc);
  for (std::size_t i = 0; i < doc.columns.size(); ++i) {
    need.push_back(header_need(doc.columns[i].header));
    for (const auto& span : spans) {
      if (span.first == i && span.last == i) need[i] = std::max(need[i], header_need(span.text));
    }
  }
  for_each_row(doc, [&](const Row& row) {  // one pass: the rows may be made on demand
    for (std::size_t i = 0; i < doc.columns.size(); ++i) {
      const Column& column = doc.columns[i];
      std::size_t len = codepoint_count(display_text(row, column, i));
      if (row.bold)
        len = static_cast<std::size_t>(std::ceil(static_cast<double>(len) * kBoldWiden));
      // Excel indents by about two characters a level.
      if (column.kind == ColumnKind::label && row.kind == RowKind::unit) len += 2 * row.depth;
      need[i] = std::max(need[i], len);
    }
  });
  std::vector<double> out;
  for (const std::size_t n : need)
    out.push_back(std::clamp(static_cast<double>(n) + 2.0, kMinColumnWidth, kMaxColumnWidth));
  return out;
}

std::size_t wrapped_lines(std::string_view text, double width) {
  const auto capacity = static_cast<std::size_t>(std::max(1.0, std::floor(width) - 1.0));
  std::size_t lines = 0;
  std::size_t start = 0;
  while (start <= text.size()) {
    auto end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    lines += lines_of_paragraph(text.substr(start, end - start), capacity);
    start = end + 1;
  }
  return lines;
}

bool has_two_row_header(const ReportDoc& doc) {
  return std::any_of(doc.columns.begin(), doc.columns.end(),
                     [](const Column& c) { return !c.group.empty(); });
}

std::vector<GroupSpan> group_spans(const ReportDoc& doc) {
  std::vector<GroupSpan> out;
  for (std::size_t i = 0; i < doc.columns.size(); ++i) {
    const std::string& group = doc.columns[i].group;
    if (group.empty()) continue;
    if (!out.empty() && out.back().last + 1 == i && out.back().text == group) {
      out.back().last = i;
    } else {
      out.push_back(GroupSpan{i, i, group});
    }
  }
  return out;
}

std::string page_footer() {
  std::string pattern;
  for (char c : labels().footer) {
    pattern += c;
    if (c == '&') pattern += '&';  // a literal ampersand in Excel's codes
  }
  return "&C" + fill(pattern, {{"page", "&P"}, {"pages", "&N"}});
}

}  // namespace ntr
