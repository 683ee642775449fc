#include "xlsx_styles.hpp"

namespace ntr::xlsx {

namespace {

constexpr lxw_color_t kHeaderFill = 0xD9D9D9;
constexpr double kTitleFontSize = 12;
// Excel's own "light red fill with dark red text", for rates below target; the lowest rates
// get bold dark red text in a dark red frame, so that a cell can show both. The frame is of
// medium weight: a thin one is lost beside the black borders of the table on paper.
constexpr lxw_color_t kBelowFill = 0xFFC7CE;
constexpr lxw_color_t kBelowText = 0x9C0006;
constexpr lxw_color_t kLowest = 0xC00000;

void below_target(lxw_format* f) {
  format_set_pattern(f, LXW_PATTERN_SOLID);
  format_set_bg_color(f, kBelowFill);
  format_set_font_color(f, kBelowText);
}

void lowest(lxw_format* f) {
  format_set_bold(f);
  format_set_font_color(f, kLowest);
  format_set_border(f, LXW_BORDER_MEDIUM);
  format_set_border_color(f, kLowest);
}

void table_cell(lxw_format* f, const StyleKey& key) {
  format_set_border(f, LXW_BORDER_THIN);
  format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
  if (key.bold) format_set_bold(f);
  if (key.lowest) lowest(f);
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
    case Role::heading:
      format_set_bold(f);
      format_set_align(f, LXW_ALIGN_LEFT);
      format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
      break;
    case Role::legend:
      format_set_italic(f);
      format_set_align(f, LXW_ALIGN_LEFT);
      format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
      format_set_text_wrap(f);
      break;
    case Role::swatch_below_target:
      format_set_border(f, LXW_BORDER_THIN);
      below_target(f);
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
  format_set_font_name(f, kFontName);
  format_set_font_family(f, kFontFamilyRoman);
  configure(f, key);
  cache_.emplace(key, f);
  return f;
}

lxw_format* Styles::below_target() {
  if (below_target_ != nullptr) return below_target_;
  // Excel lets a conditional format change neither the font nor the alignment: no font here.
  below_target_ = workbook_add_format(workbook_);
  if (below_target_ != nullptr) ntr::xlsx::below_target(below_target_);
  return below_target_;
}

}  // namespace ntr::xlsx
