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
  title,     ///< bold, larger, centred, wrapped
  subtitle,  ///< the period and reference lines: italic, centred
  header,    ///< bold, centred, wrapped, bordered, grey
  stt,       ///< centred text
  label,     ///< wrapped text, indented by depth
  number,    ///< a count or a defined rate, with the column's number format
  centred,   ///< text in a figure column, such as an undefined rate
  text,      ///< wrapped text
  blank,     ///< an empty table cell: borders only
};

struct StyleKey {
  Role role = Role::text;
  bool bold = false;
  std::uint8_t indent = 0;
  std::string num_format;
  auto operator<=>(const StyleKey&) const = default;
};

class Styles {
 public:
  explicit Styles(lxw_workbook* workbook) : workbook_(workbook) {}
  /// The format for `key`, created on first use; null only when libxlsxwriter is out of memory.
  lxw_format* get(const StyleKey& key);
  /// The plain format of a role.
  lxw_format* get(Role role) { return get(StyleKey{role, false, 0, {}}); }

 private:
  lxw_workbook* workbook_;
  std::map<StyleKey, lxw_format*> cache_;
};

}  // namespace ntr::xlsx
