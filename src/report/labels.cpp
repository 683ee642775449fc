#include "ntreport/report/labels.hpp"

#include <toml++/toml.h>

#include <array>
#include <stdexcept>

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
    Key{"legend", "below_target", &Labels::legend_below_target},
    Key{"legend", "lowest", &Labels::legend_lowest},
    Key{"diff", "header", &Labels::diff_header},
    Key{"diff", "points", &Labels::diff_points},
    Key{"diff", "only_in", &Labels::diff_only_in},
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

}  // namespace

Labels parse_labels(std::string_view toml_text) {
  const toml::table root = toml::parse(toml_text, kFile);
  Labels out;
  for (const Key& k : kKeys) {
    const auto value = root[k.section][k.key].value<std::string>();
    if (!value) throw std::logic_error(fmt_key("no ", k.section, k.key));
    out.*k.member = *value;
  }
  for (const auto& [section, table] : root) {
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
