#include "ntreport/write/audit.hpp"

#include <fmt/format.h>

#include "json_out.hpp"
#include "ntreport/text/printable.hpp"
#include "ntreport/text/translate.hpp"

namespace ntr {

namespace {

// `one` and `many` are marked N_() where they are written and translated here.
std::string plural(std::size_t n, std::string_view one, std::string_view many) {
  return fmt::format("{} {}", count_text(static_cast<std::int64_t>(n)), tr(n == 1 ? one : many));
}

void finding_json(json::Out& j, const AuditFinding& f) {
  j.begin_object();
  j.member("where", format_loc(f.loc));
  j.key("sheet");
  if (f.loc.has_sheet) {
    j.string(f.loc.sheet);
  } else {
    j.null();
  }
  j.member("cell", cell_name(f.loc.row, f.loc.col));
  j.member("check", check_name(f.check));
  j.member("label", f.label);
  j.member("column", f.column);
  j.member("key", f.key);
  j.member("printed", f.printed);
  j.member("recomputed", f.recomputed);
  j.member("how", f.how);
  j.end_object();
}

void table_json(json::Out& j, const AuditTable& t) {
  j.begin_object();
  j.key("sheet");
  if (t.sheet.is_workbook) {
    j.string(t.sheet.name);
  } else {
    j.null();
  }
  j.member("header_row", t.header_row);
  j.member("unit_rows", t.unit_rows);
  j.member("subtotal_rows", t.subtotal_rows);
  j.member("rate_decimals", t.precision);
  j.member("checks", t.checks);
  j.end_object();
}

void problem_json(json::Out& j, const Diagnostic& d) {
  j.begin_object();
  j.member("severity", severity_name(d.severity));
  j.member("code", d.code.name());
  j.member("where", format_loc(d.loc));
  j.member("message", d.message);
  j.member("hint", d.hint);
  j.end_object();
}

}  // namespace

std::string audit_summary_line(const AuditReport& report, std::string_view file,
                               std::size_t errors) {
  std::uint32_t units = 0;
  std::uint32_t subtotals = 0;
  for (const auto& t : report.tables) {
    units += t.unit_rows;
    subtotals += t.subtotal_rows;
  }
  const std::size_t n = report.findings.size();
  // Rows not understood fail the audit as disagreements do: the line says so first.
  const std::string problems =
      errors == 0 ? std::string()
                  : trf("{} (see above), ", plural(errors, N_("row or cell not understood"),
                                                   N_("rows or cells not understood")));
  return trf("ntreport: audit of {}: {}{} among {} ({}: {}, {})\n", printable(file), problems,
             n == 0 ? std::string(tr("no disagreements"))
                    : plural(n, N_("disagreement"), N_("disagreements")),
             plural(report.checks(), N_("check"), N_("checks")),
             plural(report.tables.size(), N_("table"), N_("tables")),
             plural(units, N_("unit row"), N_("unit rows")),
             plural(subtotals, N_("subtotal row"), N_("subtotal rows")));
}

std::string render_audit_text(const AuditReport& report, std::string_view file,
                              std::size_t errors) {
  std::string out;
  for (const auto& f : report.findings) {
    out += printable(format_finding(f));  // one line each, whatever the cells hold
    out += '\n';
  }
  return out + audit_summary_line(report, file, errors);
}

std::string render_audit_json(const AuditReport& report, const std::vector<Diagnostic>& problems,
                              std::string_view file) {
  json::Out j;
  j.begin_object();
  j.member("file", file);
  j.member("checks", report.checks());
  j.key("tables");
  j.begin_array();
  for (const auto& t : report.tables) table_json(j, t);
  j.end_array();
  j.key("findings");
  j.begin_array();
  for (const auto& f : report.findings) finding_json(j, f);
  j.end_array();
  j.key("problems");
  j.begin_array();
  for (const auto& d : problems) problem_json(j, d);
  j.end_array();
  j.end_object();
  return j.finish();
}

}  // namespace ntr
