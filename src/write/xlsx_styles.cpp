#include "xlsx_styles.hpp"

namespace ntr::xlsx {

namespace {

constexpr lxw_color_t kHeaderFill = 0xD9D9D9;
constexpr double kTitleFontSize = 12;

void table_cell(lxw_format* f, const StyleKey& key) {
  format_set_border(f, LXW_BORDER_THIN);
  format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
  if (key.bold) format_set_bold(f);
  switch (key.role) {
    case Role::stt:
    case Role::centred:
      format_set_align(f, LXW_ALIGN_CENTER);
      break;
    case Role::label:
      format_set_align(f, LXW_ALIGN_LEFT);
      format_set_text_wrap(f);
      if (key.indent > 0) format_set_indent(f, key.indent);
      break;
    case Role::number:
      if (!key.num_format.empty()) format_set_num_format(f, key.num_format.c_str());
      break;
    case Role::text:
      format_set_text_wrap(f);
      break;
    default:
      break;
  }
}

void configure(lxw_format* f, const StyleKey& key) {
  switch (key.role) {
    case Role::title:
      format_set_bold(f);
      format_set_font_size(f, kTitleFontSize);
      format_set_align(f, LXW_ALIGN_CENTER);
      format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
      format_set_text_wrap(f);
      break;
    case Role::subtitle:
      format_set_italic(f);
      format_set_align(f, LXW_ALIGN_CENTER);
      format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
      format_set_text_wrap(f);
      break;
    case Role::header:
      format_set_bold(f);
      format_set_align(f, LXW_ALIGN_CENTER);
      format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
      format_set_text_wrap(f);
      format_set_border(f, LXW_BORDER_THIN);
      format_set_pattern(f, LXW_PATTERN_SOLID);
      format_set_bg_color(f, kHeaderFill);
      break;
    default:
      table_cell(f, key);
      break;
  }
}

}  // namespace

lxw_format* Styles::get(const StyleKey& key) {
  if (auto it = cache_.find(key); it != cache_.end()) return it->second;
  lxw_format* f = workbook_add_format(workbook_);
  if (f == nullptr) return nullptr;
  configure(f, key);
  cache_.emplace(key, f);
  return f;
}

}  // namespace ntr::xlsx
