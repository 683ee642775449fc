#pragma once
// The words the outputs print besides those of the appendix definitions — "Tổng cộng", the
// coverage notes, the target notes, chart titles and legends, the words of the status, units
// and inspect tables, of the comparison tables and the narrative's clauses, and of the input
// workbooks, each field's help — as data:
// templates/labels.toml, compiled into the binary and read here, once.
#include <array>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>

#include "ntreport/model/fields.hpp"

namespace ntr {

/// The labels file, among the appendix definitions of templates/ but not one of them.
inline constexpr std::string_view kLabelsFile = "templates/labels.toml";

/// What the input workbooks say of one field ([fields.<key>] of templates/labels.toml).
struct FieldText {
  std::string group;  ///< the upper header over the field's column; empty for a derived field
  std::string help;   ///< what the figure is, on the instructions sheet
};

/// Every word and pattern of templates/labels.toml, by section and key.
struct Labels {
  std::string total, appendix_number, period, form_period;
  std::string chart_sheet, chart_title, footer;
  std::string note_header, not_reported, partial, units_covered;
  std::string target_met, target_above, target_below;
  std::string value_axis, target_series, target_line, by_level, level_axis, by_area, area_axis;
  std::string no_figures;
  std::string legend_below_target, legend_lowest;
  std::string diff_header, diff_points, diff_only_in;
  std::string status_heading, status_header, status_not_reported, status_partly, status_reported;
  std::string status_invalid, status_missing, status_sub_units;
  std::string units_header, inspect_columns, inspect_rows;
  std::string compare_title, compare_sheet, compare_period, compare_period_now;
  std::string compare_period_before, compare_period_before_file;
  std::string compare_stt, compare_name, compare_figure, compare_now, compare_previous;
  std::string compare_change, compare_note, compare_no_earlier, compare_split;
  std::string compare_not_comparable, compare_names_sep, compare_more_units, compare_unmapped;
  std::string narrative_target_met, narrative_target_reached, narrative_target_missed;
  std::string narrative_change_up, narrative_change_down, narrative_change_same;
  std::string narrative_change_small, narrative_coverage;
  std::string narrative_list_sep, narrative_list_and, narrative_list_more;
  std::string form_guide_sheet, form_data_sheet, form_data_title, form_stt, form_code, form_name;
  std::string form_title, form_unit, form_how, form_how_1, form_how_2, form_how_3, form_how_4;
  std::string form_how_rollup, form_meaning, form_family, form_field, form_derived;
  std::string form_return_heading, form_return, form_return_to;
  std::string form_input_title, form_input_message, form_error_title, form_error_message;
  std::string form_signer, form_signer_note, form_head, form_head_note;
  std::string init_title, init_province, init_reference;
  std::array<FieldText, kFieldCount> fields;  ///< by Field
};

/// The labels of a labels file's text; std::logic_error naming the key when one is missing,
/// is not a string, or is not known.
Labels parse_labels(std::string_view toml_text);

/// The labels of templates/labels.toml, parsed once. The file ships with the binary and a
/// unit test reads it: a problem in it is a bug of the build (std::logic_error).
const Labels& labels();

/// `pattern` with each "{name}" of `parts` replaced by its text.
std::string fill(std::string_view pattern,
                 std::initializer_list<std::pair<std::string_view, std::string_view>> parts);

}  // namespace ntr
