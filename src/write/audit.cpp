#include "ntreport/write/audit.hpp"

#include <fmt/format.h>

#include "json_out.hpp"
#include "ntreport/text/printable.hpp"

namespace ntr {

namespace {

std::string plural(std::size_t n, std::string_view one, std::string_view many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}

void finding_json(json::Out& j, const AuditFinding& f) {
  j.begin_object();
  j.key("where");
  j.string(format_loc(f.loc));
  j.key("sheet");
  if (f.loc.has_sheet) {
    j.string(f.loc.sheet);
  } else {
    j.null();
  }
  j.key("cell");
  j.string(cell_name(f.loc.row, f.loc.col));
  j.key("check");
  j.string(check_name(f.check));
  j.key("label");
  j.string(f.label);
  j.key("column");
  j.string(f.column);
  j.key("key");
  j.string(f.key);
  j.key("printed");
  j.string(f.printed);
  j.key("recomputed");
  j.string(f.recomputed);
  j.key("how");
  j.string(f.how);
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
  j.key("header_row");
  j.integer(t.header_row);
  j.key("unit_rows");
  j.integer(t.unit_rows);
  j.key("subtotal_rows");
  j.integer(t.subtotal_rows);
  j.key("rate_decimals");
  j.integer(t.precision);
  j.key("checks");
  j.integer(t.checks);
  j.end_object();
}

void problem_json(json::Out& j, const Diagnostic& d) {
  j.begin_object();
  j.key("severity");
  j.string(severity_name(d.severity));
  j.key("code");
  j.string(d.code.name());
  j.key("where");
  j.string(format_loc(d.loc));
  j.key("message");
  j.string(d.message);
  j.key("hint");
  j.string(d.hint);
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
                  : plural(errors, "row or cell not understood", "rows or cells not understood") +
                        " (see above), ";
  return fmt::format(
      "ntreport: audit of {}: {}{} among {} ({}: {}, {})\n", printable(file), problems,
      n == 0 ? std::string("no disagreements") : plural(n, "disagreement", "disagreements"),
      plural(report.checks(), "check", "checks"), plural(report.tables.size(), "table", "tables"),
      plural(units, "unit row", "unit rows"), plural(subtotals, "subtotal row", "subtotal rows"));
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
  j.key("file");
  j.string(file);
  j.key("checks");
  j.integer(report.checks());
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
