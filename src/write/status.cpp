#include "ntreport/write/status.hpp"

#include <fmt/format.h>

#include "json_out.hpp"
#include "ntreport/text/printable.hpp"

namespace ntr {

namespace {

// A pipe or a line break would end the table cell; a control character could act on a
// terminal.
std::string cell(std::string_view text) { return markdown_text(text, true); }

std::string missing_labels(const UnitStatus& u) {
  std::vector<std::string_view> labels;
  for (Field f : u.missing) labels.push_back(field_def(f).label);
  return fmt::format("{}", fmt::join(labels, ", "));
}

void table_rows(std::string& out, const std::vector<UnitStatus>& units, std::string_view status) {
  for (const auto& u : units) {
    out += fmt::format("| {} | {} | {} | {} |\n", status, cell(u.code), cell(u.name),
                       cell(missing_labels(u)));
  }
}

void json_units(json::Out& out, const std::vector<UnitStatus>& units, bool with_missing) {
  out.begin_array();
  for (const auto& u : units) {
    out.begin_object();
    out.key("code");
    out.string(u.code);
    out.key("name");
    out.string(u.name);
    if (with_missing) {
      out.key("missing");
      out.begin_array();
      for (Field f : u.missing) out.string(field_def(f).key);
      out.end_array();
    }
    out.end_object();
  }
  out.end_array();
}

}  // namespace

std::string render_status_markdown(const StatusReport& status, bool all) {
  std::string out;
  for (const auto& s : status.families) {
    if (!out.empty()) out += '\n';
    const FamilyDef& fam = family_def(s.family);
    out += fmt::format("## {} ({}): {} đã báo cáo, {} báo cáo thiếu, {} chưa báo cáo / {} đơn vị\n",
                       fam.key, fam.label, s.reported.size(), s.partly.size(),
                       s.not_reported.size(), status.units);
    if (s.partly.empty() && s.not_reported.empty() && !all) continue;
    out += "\n| Tình trạng | Mã đơn vị | Đơn vị | Còn thiếu |\n|---|---|---|---|\n";
    table_rows(out, s.not_reported, "chưa báo cáo");
    table_rows(out, s.partly, "báo cáo thiếu");
    if (all) table_rows(out, s.reported, "đã báo cáo");
  }
  return out;
}

std::string render_status_json(const StatusReport& status) {
  json::Out out;
  out.begin_object();
  out.key("period");
  if (status.period) {
    out.begin_object();
    out.key("from");
    out.string(status.period->from);
    out.key("to");
    out.string(status.period->to);
    out.end_object();
  } else {
    out.null();
  }
  out.key("units");
  out.integer(static_cast<std::int64_t>(status.units));
  out.key("families");
  out.begin_object();
  for (const auto& s : status.families) {
    out.key(family_def(s.family).key);
    out.begin_object();
    out.key("reported");
    json_units(out, s.reported, false);
    out.key("partly");
    json_units(out, s.partly, true);
    out.key("not_reported");
    json_units(out, s.not_reported, false);
    out.end_object();
  }
  out.end_object();
  out.end_object();
  return out.finish();
}

}  // namespace ntr
