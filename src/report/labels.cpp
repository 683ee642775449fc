#include "ntreport/report/labels.hpp"

#include <toml++/toml.h>

#include <array>
#include <stdexcept>

#include "ntreport/model/invariants.hpp"
#include "ntreport/read/embedded.hpp"

namespace ntr {

namespace {

constexpr std::string_view kFile = kLabelsFile;

struct Key {
  std::string_view section, key;
  std::string Labels::*member;
};

constexpr std::array kKeys = {
    Key{"report", "total", &Labels::total},
    Key{"report", "appendix_number", &Labels::appendix_number},
    Key{"report", "period", &Labels::period},
    Key{"report", "form_period", &Labels::form_period},
    Key{"workbook", "chart_sheet", &Labels::chart_sheet},
    Key{"workbook", "chart_title", &Labels::chart_title},
    Key{"workbook", "footer", &Labels::footer},
    Key{"coverage", "header", &Labels::note_header},
    Key{"coverage", "not_reported", &Labels::not_reported},
    Key{"coverage", "partial", &Labels::partial},
    Key{"coverage", "units", &Labels::units_covered},
    Key{"targets", "met", &Labels::target_met},
    Key{"targets", "above", &Labels::target_above},
    Key{"targets", "below", &Labels::target_below},
    Key{"charts", "value_axis", &Labels::value_axis},
    Key{"charts", "target", &Labels::target_series},
    Key{"charts", "target_line", &Labels::target_line},
    Key{"charts", "by_level", &Labels::by_level},
    Key{"charts", "level_axis", &Labels::level_axis},
    Key{"charts", "by_area", &Labels::by_area},
    Key{"charts", "area_axis", &Labels::area_axis},
    Key{"charts", "no_figures", &Labels::no_figures},
    Key{"legend", "below_target", &Labels::legend_below_target},
    Key{"legend", "lowest", &Labels::legend_lowest},
    Key{"diff", "header", &Labels::diff_header},
    Key{"diff", "points", &Labels::diff_points},
    Key{"diff", "only_in", &Labels::diff_only_in},
    Key{"status", "heading", &Labels::status_heading},
    Key{"status", "header", &Labels::status_header},
    Key{"status", "not_reported", &Labels::status_not_reported},
    Key{"status", "partly", &Labels::status_partly},
    Key{"status", "reported", &Labels::status_reported},
    Key{"status", "invalid", &Labels::status_invalid},
    Key{"status", "missing", &Labels::status_missing},
    Key{"status", "sub_units", &Labels::status_sub_units},
    Key{"units", "header", &Labels::units_header},
    Key{"inspect", "columns", &Labels::inspect_columns},
    Key{"inspect", "rows", &Labels::inspect_rows},
    Key{"compare", "title", &Labels::compare_title},
    Key{"compare", "sheet", &Labels::compare_sheet},
    Key{"compare", "period", &Labels::compare_period},
    Key{"compare", "period_now", &Labels::compare_period_now},
    Key{"compare", "period_before", &Labels::compare_period_before},
    Key{"compare", "period_before_file", &Labels::compare_period_before_file},
    Key{"compare", "stt_header", &Labels::compare_stt},
    Key{"compare", "name_header", &Labels::compare_name},
    Key{"compare", "figure_header", &Labels::compare_figure},
    Key{"compare", "now_header", &Labels::compare_now},
    Key{"compare", "previous_header", &Labels::compare_previous},
    Key{"compare", "change_header", &Labels::compare_change},
    Key{"compare", "note_header", &Labels::compare_note},
    Key{"compare", "no_earlier", &Labels::compare_no_earlier},
    Key{"compare", "split", &Labels::compare_split},
    Key{"compare", "not_comparable", &Labels::compare_not_comparable},
    Key{"compare", "names_sep", &Labels::compare_names_sep},
    Key{"compare", "more_units", &Labels::compare_more_units},
    Key{"compare", "unmapped", &Labels::compare_unmapped},
    Key{"narrative", "target_met", &Labels::narrative_target_met},
    Key{"narrative", "target_reached", &Labels::narrative_target_reached},
    Key{"narrative", "target_missed", &Labels::narrative_target_missed},
    Key{"narrative", "change_up", &Labels::narrative_change_up},
    Key{"narrative", "change_down", &Labels::narrative_change_down},
    Key{"narrative", "change_same", &Labels::narrative_change_same},
    Key{"narrative", "change_small", &Labels::narrative_change_small},
    Key{"narrative", "coverage", &Labels::narrative_coverage},
    Key{"narrative", "list_sep", &Labels::narrative_list_sep},
    Key{"narrative", "list_and", &Labels::narrative_list_and},
    Key{"narrative", "list_more", &Labels::narrative_list_more},
    Key{"init", "title", &Labels::init_title},
    Key{"init", "province", &Labels::init_province},
    Key{"init", "reference", &Labels::init_reference},
    Key{"form", "guide_sheet", &Labels::form_guide_sheet},
    Key{"form", "data_sheet", &Labels::form_data_sheet},
    Key{"form", "data_title", &Labels::form_data_title},
    Key{"form", "stt_header", &Labels::form_stt},
    Key{"form", "code_header", &Labels::form_code},
    Key{"form", "name_header", &Labels::form_name},
    Key{"form", "guide_title", &Labels::form_title},
    Key{"form", "unit", &Labels::form_unit},
    Key{"form", "how_heading", &Labels::form_how},
    Key{"form", "how_1", &Labels::form_how_1},
    Key{"form", "how_2", &Labels::form_how_2},
    Key{"form", "how_3", &Labels::form_how_3},
    Key{"form", "how_4", &Labels::form_how_4},
    Key{"form", "how_rollup", &Labels::form_how_rollup},
    Key{"form", "meaning_heading", &Labels::form_meaning},
    Key{"form", "family", &Labels::form_family},
    Key{"form", "field", &Labels::form_field},
    Key{"form", "derived", &Labels::form_derived},
    Key{"form", "return_heading", &Labels::form_return_heading},
    Key{"form", "return", &Labels::form_return},
    Key{"form", "return_to", &Labels::form_return_to},
    Key{"form", "input_title", &Labels::form_input_title},
    Key{"form", "input_message", &Labels::form_input_message},
    Key{"form", "error_title", &Labels::form_error_title},
    Key{"form", "error_message", &Labels::form_error_message},
    Key{"form", "signer", &Labels::form_signer},
    Key{"form", "signer_note", &Labels::form_signer_note},
    Key{"form", "head", &Labels::form_head},
    Key{"form", "head_note", &Labels::form_head_note},
};

std::string fmt_key(std::string_view what, std::string_view section, std::string_view key) {
  return std::string(kFile) + ": " + std::string(what) + std::string(section) + "." +
         std::string(key);
}

bool known(std::string_view section, std::string_view key) {
  for (const Key& k : kKeys) {
    if (k.section == section && k.key == key) return true;
  }
  return false;
}

// [fields.<key>]: every field's help, and the group of every field a unit types in.
void parse_fields(const toml::table& root, Labels& out) {
  const toml::table* fields_table = root["fields"].as_table();
  if (fields_table == nullptr) throw std::logic_error(fmt_key("no ", "fields", ""));
  for (const FieldDef& f : fields()) {
    const toml::node_view<const toml::node> node = (*fields_table)[f.key];
    FieldText& text = out.fields[static_cast<std::size_t>(f.id)];
    const auto help = node["help"].value<std::string>();
    if (!help) throw std::logic_error(fmt_key("no ", "fields." + std::string(f.key), "help"));
    text.help = *help;
    text.group = node["group"].value_or(std::string{});
    if (text.group.empty() && !is_derived(f.id))
      throw std::logic_error(fmt_key("no ", "fields." + std::string(f.key), "group"));
  }
  for (const auto& [key, value] : *fields_table) {
    const toml::table* t = value.as_table();
    if (!field_by_key(key.str()) || t == nullptr)
      throw std::logic_error(fmt_key("unknown ", "fields", key.str()));
    for (const auto& [name, v] : *t) {
      if (name.str() != "help" && name.str() != "group")
        throw std::logic_error(fmt_key("unknown ", "fields." + std::string(key.str()), name.str()));
    }
  }
}

}  // namespace

Labels parse_labels(std::string_view toml_text) {
  const toml::table root = toml::parse(toml_text, kFile);
  Labels out;
  for (const Key& k : kKeys) {
    const auto value = root[k.section][k.key].value<std::string>();
    if (!value) throw std::logic_error(fmt_key("no ", k.section, k.key));
    out.*k.member = *value;
  }
  parse_fields(root, out);
  for (const auto& [section, table] : root) {
    if (section.str() == "fields") continue;
    const toml::table* t = table.as_table();
    if (t == nullptr) throw std::logic_error(fmt_key("not a section: ", section.str(), ""));
    for (const auto& [key, value] : *t) {
      if (!known(section.str(), key.str())) {
        throw std::logic_error(fmt_key("unknown ", section.str(), key.str()));
      }
    }
  }
  return out;
}

const Labels& labels() {
  static const Labels parsed = [] {
    const auto text = embedded_file(kFile);
    if (!text) throw std::logic_error("templates/labels.toml is not compiled in");
    return parse_labels(*text);
  }();
  return parsed;
}

std::string fill(std::string_view pattern,
                 std::initializer_list<std::pair<std::string_view, std::string_view>> parts) {
  std::string out;
  out.reserve(pattern.size());
  std::size_t i = 0;
  while (i < pattern.size()) {
    bool replaced = false;
    if (pattern[i] == '{') {
      for (const auto& [name, text] : parts) {
        if (pattern.compare(i + 1, name.size(), name) == 0 &&
            pattern.substr(i + 1 + name.size(), 1) == "}") {
          out += text;
          i += name.size() + 2;
          replaced = true;
          break;
        }
      }
    }
    if (!replaced) out += pattern[i++];
  }
  return out;
}

}  // namespace ntr
