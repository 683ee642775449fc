#pragma once
// Small parsers for the text inside workbook parts: cell references, row numbers and the
// `_xHHHH_` escapes of spreadsheet strings.
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace ntr::xlsx {

/// The last row and column a worksheet can have (XFD1048576).
inline constexpr std::uint32_t kMaxRow = 1048576;
inline constexpr std::uint32_t kMaxCol = 16384;

/// Parses an "A1"-style reference without `$`; false unless within A1..XFD1048576.
bool parse_cell_ref(std::string_view ref, std::uint32_t& row, std::uint32_t& col);
/// Parses a 1-based row number; false unless within 1..1048576.
bool parse_row_number(std::string_view text, std::uint32_t& row);
/// Parses a non-negative index such as a shared-string number.
bool parse_index(std::string_view text, std::uint32_t& index);
/// Decodes `_xHHHH_` escapes (how spreadsheets store control characters) in place and
/// returns the new length; text without them is left as it is.
std::size_t unescape_xstring(char* text, std::size_t len);

}  // namespace ntr::xlsx
