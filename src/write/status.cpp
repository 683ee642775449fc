#include "ntreport/write/status.hpp"

#include <fmt/format.h>

#include "json_out.hpp"
#include "ntreport/report/labels.hpp"
#include "ntreport/write/cells.hpp"

namespace ntr {

namespace {

std::string headers(const std::vector<Field>& fs) {
  std::vector<std::string_view> out;
  for (Field f : fs) out.push_back(field_def(f).label);
  return fmt::format("{}", fmt::join(out, ", "));
}

// What a partly reported unit has to fix, in words: "sai: Đã số hóa, Đã giải quyết; chưa
// nhập: Qua BCCI; đơn vị trực thuộc chưa đủ: so-b.y".
std::string what_to_fix(const UnitStatus& u) {
  std::vector<std::string> parts;
  const Labels& l = ntr::labels();
  if (!u.invalid.empty()) parts.push_back(fill(l.status_invalid, {{"fields", headers(u.invalid)}}));
  if (!u.missing.empty()) parts.push_back(fill(l.status_missing, {{"fields", headers(u.missing)}}));
  if (!u.sub_units.empty()) {
    parts.push_back(
        fill(l.status_sub_units, {{"units", fmt::format("{}", fmt::join(u.sub_units, ", "))}}));
  }
  return fmt::format("{}", fmt::join(parts, "; "));
}

void field_keys(json::Out& out, const std::vector<Field>& fs) {
  out.begin_array();
  for (Field f : fs) out.string(field_def(f).key);
  out.end_array();
}

void table_rows(std::string& out, const std::vector<UnitStatus>& units, std::string_view status) {
  for (const auto& u : units) {
    out += fmt::format("| {} | {} | {} | {} |\n", status, md_cell(u.code), md_cell(u.name),
                       md_cell(what_to_fix(u)));
  }
}

void json_units(json::Out& out, const std::vector<UnitStatus>& units, bool with_missing) {
  out.begin_array();
  for (const auto& u : units) {
    out.begin_object();
    out.member("code", u.code);
    out.member("name", u.name);
    if (with_missing) {
      out.key("missing");
      field_keys(out, u.missing);
      out.key("invalid");
      field_keys(out, u.invalid);
      out.key("sub_units");
      out.begin_array();
      for (const auto& c : u.sub_units) out.string(c);
      out.end_array();
    }
    out.end_object();
  }
  out.end_array();
}

}  // namespace

std::string render_status_markdown(const StatusReport& status, bool all) {
  const Labels& l = labels();
  std::string out;
  for (const auto& s : status.families) {
    if (!out.empty()) out += '\n';
    const FamilyDef& fam = family_def(s.family);
    const std::string reported = std::to_string(s.reported.size());
    const std::string partly = std::to_string(s.partly.size());
    const std::string not_reported = std::to_string(s.not_reported.size());
    const std::string units = std::to_string(status.units);
    out += "## " +
           fill(l.status_heading, {{"family", fam.key},
                                   {"label", fam.label},
                                   {"reported", reported},
                                   {"partly", partly},
                                   {"not_reported", not_reported},
                                   {"units", units}}) +
           '\n';
    if (s.partly.empty() && s.not_reported.empty() && !all) continue;
    out += "\n" + l.status_header + "\n|---|---|---|---|\n";
    table_rows(out, s.not_reported, l.status_not_reported);
    table_rows(out, s.partly, l.status_partly);
    if (all) table_rows(out, s.reported, l.status_reported);
  }
  return out;
}

std::string render_status_json(const StatusReport& status) {
  json::Out out;
  out.begin_object();
  out.key("period");
  if (status.period) {
    out.begin_object();
    out.member("from", status.period->from);
    out.member("to", status.period->to);
    out.end_object();
  } else {
    out.null();
  }
  out.member("units", static_cast<std::int64_t>(status.units));
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
