#pragma once
// The cell formats of phu-luc.xlsx, created once each and shared by every worksheet.
// Private to the XLSX writer.
#include <xlsxwriter.h>

#include <compare>
#include <cstdint>
#include <map>
#include <string>

namespace ntr::xlsx {

enum class Role : std::uint8_t {
  title,                ///< bold, larger, centred, wrapped
  subtitle,             ///< the period and reference lines: italic, centred
  header,               ///< bold, centred, wrapped, bordered, grey
  stt,                  ///< centred text
  label,                ///< wrapped text, indented by depth
  number,               ///< a count or a defined rate, with the column's number format
  centred,              ///< text in a figure column, such as an undefined rate
  text,                 ///< wrapped text
  blank,                ///< an empty table cell: borders only
  heading,              ///< a section heading above a table or chart: bold, left
  legend,               ///< a legend line under a table: wrapped text, no borders
  swatch_below_target,  ///< the legend's sample of Mark::below_target
};

/// The font of every cell and chart: Vietnamese official documents are set in Times New
/// Roman (every Windows has it, with Vietnamese glyphs); LibreOffice on Linux substitutes the
/// metric-compatible Liberation Serif, so column widths and page breaks stay the same.
inline constexpr const char* kFontName = "Times New Roman";
inline constexpr std::uint8_t kFontFamilyRoman = 1;

struct StyleKey {
  Role role = Role::text;
  bool bold = false;
  std::uint8_t indent = 0;
  std::string num_format;
  bool lowest = false;  ///< one of the lowest rates (Mark::lowest): bold dark red, framed
  auto operator<=>(const StyleKey&) const = default;
};

class Styles {
 public:
  explicit Styles(lxw_workbook* workbook) : workbook_(workbook) {}
  /// The format for `key`, created on first use; null only when libxlsxwriter is out of memory.
  lxw_format* get(const StyleKey& key);
  /// The plain format of a role.
  lxw_format* get(Role role) { return get(StyleKey{role, false, 0, {}, false}); }
  /// The conditional format (what Excel lays over a cell) of a rate below its target.
  lxw_format* below_target();

 private:
  lxw_workbook* workbook_;
  std::map<StyleKey, lxw_format*> cache_;
  lxw_format* below_target_ = nullptr;
};

}  // namespace ntr::xlsx
