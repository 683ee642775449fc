#pragma once
// The placeholders of a narrative template: what `{…}` may name in each part of a sentence
// template, and their expansion over one level's, one unit's or all levels' figures.
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ntreport/model/values.hpp"
#include "ntreport/narrative/narrative.hpp"

namespace ntr::narrative {

/// Which part of which sentence template a text is.
enum class Part : std::uint8_t {
  level_text,   ///< the text of a `level` sentence, the `item` of a `levels` sentence
  total_text,   ///< the text of a `total` sentence
  levels_text,  ///< the text of a `levels` sentence: {list}
  list_text,    ///< the text of a `lowest` or `not_reported` sentence: {units}, {count}
  unit_item,    ///< the `item` of a `lowest` or `not_reported` sentence: one unit
};

/// Checks every placeholder of `text` for `part`; the first problem, or empty.
std::string check_placeholders(std::string_view text, Part part);

/// What the placeholders of one expansion stand for.
struct Context {
  const NarrativeDef* def = nullptr;
  const Values* values = nullptr;    ///< the figures: of a level, of all levels, of a unit
  const Values* previous = nullptr;  ///< the earlier period's, or none
  std::string level_id;              ///< empty for all levels
  std::string level_label;           ///< "Cấp tỉnh"
  std::string unit_code, unit_name;  ///< unit_item
  std::string list;                  ///< levels_text, list_text: the joined items
  std::size_t count = 0;             ///< list_text: how many units
  std::string coverage;              ///< level_text: the coverage clause, or empty
  std::function<const RateTarget*(Rate)> target;  ///< the target of a rate here, or none
};

/// The text with every placeholder replaced, the figures it states appended to `figures`;
/// none when a figure it needs is not reported or a rate or share is undefined.
std::optional<std::string> expand(std::string_view text, const Context& ctx,
                                  std::vector<NarrativeFigure>& figures);

/// Items joined with the words list_sep and list_and: "a", "a và b", "a, b và c"; with
/// `more` > 0, "a, b, c" and the word list_more ("và 18 đơn vị khác cùng tỷ lệ").
std::string join_list(const std::vector<std::string>& items, const NarrativeDef& def,
                      std::size_t more = 0);

/// A word of the template (target_met, change_up, …), or its default.
std::string word(const NarrativeDef& def, std::string_view key);

/// The word keys a template may set.
bool is_word(std::string_view key);

}  // namespace ntr::narrative
