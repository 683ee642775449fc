#pragma once
// The words the outputs print besides those of the appendix definitions — "Tổng cộng", the
// coverage notes, the target notes, chart titles and legends — as data: templates/labels.toml,
// compiled into the binary and read here, once.
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>

namespace ntr {

/// The labels file, among the appendix definitions of templates/ but not one of them.
inline constexpr std::string_view kLabelsFile = "templates/labels.toml";

/// Every word and pattern of templates/labels.toml, by section and key.
struct Labels {
  std::string total, appendix_number, period, form_period;
  std::string note_header, not_reported, partial, units_covered;
  std::string target_met, target_above, target_below;
  std::string value_axis, target_series, target_line, by_level, level_axis, by_area, area_axis;
  std::string legend_below_target, legend_lowest;
  std::string diff_header, diff_points, diff_only_in;
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
