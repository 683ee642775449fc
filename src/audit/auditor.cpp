// The audit visitor: keeps each table's rows as printed, then hands the table to TableAudit.
#include <fmt/format.h>

#include <algorithm>
#include <tuple>

#include "ntreport/audit/audit.hpp"
#include "ntreport/ingest/count.hpp"
#include "ntreport/text/normalize.hpp"
#include "ntreport/text/numbers.hpp"
#include "ntreport/text/translate.hpp"
#include "table_audit.hpp"

namespace ntr {

using audit::Row;
using audit::Table;

struct Auditor::State {
  State(const Registry& r, Diagnostics& d) : registry(r), diags(d) {}
  const Registry& registry;
  Diagnostics& diags;
  Table table;
  AuditReport report;
  std::vector<SheetInfo> headerless;

  // A count cell of row r: its value and its text as shown, or not-a-count.
  void read_count(Row& r, Field f, const CellView& c) {
    const auto fi = static_cast<std::size_t>(f);
    r.text[fi] = std::string(trim(c.text));
    const CountCell v = read_count_cell(c);
    if (v.kind == CountCell::Kind::count) {
      r.values.set(f, v.value);
      if (c.type == CellType::number) r.text[fi] = format_count(v.value);  // as it is shown
    } else if (v.kind == CountCell::Kind::bad) {
      r.bad |= field_bit(f);
      report_not_a_count(diags, table.header.sheet.loc(r.row, c.col),
                         table.columns.field_header[fi], c);
    }
  }
};

namespace {

// "1", "11.2", "IV": a row number, not a label.
bool is_row_number(std::string_view s) {
  if (s.empty()) return true;
  const bool numeric = s.find_first_not_of("0123456789.") == std::string_view::npos;
  const bool roman = s.find_first_not_of("IVXLCDM") == std::string_view::npos;
  return numeric || roman;
}

// A rate column whose numerator is one field the table does not print, with every field of
// its denominator printed: that field is implied, row by row, by the printed rate.
void find_implied(Table& t) {
  for (const auto& def : rates()) {
    if (t.columns.rate_col[static_cast<std::size_t>(def.id)] == 0) continue;
    if (def.numerator.size() != 1 || def.numerator[0].coef != 1) continue;
    const Field f = def.numerator[0].field;
    if (t.columns.field_col[static_cast<std::size_t>(f)] != 0) continue;
    const bool den_printed =
        std::all_of(def.denominator.begin(), def.denominator.end(), [&](const Term& x) {
          return x.field != f && t.columns.field_col[static_cast<std::size_t>(x.field)] != 0;
        });
    if (den_printed) t.implied_by[static_cast<std::size_t>(f)] = def.id;
  }
}

}  // namespace

Auditor::Auditor(const Registry& registry, Diagnostics& diags)
    : s_(std::make_unique<State>(registry, diags)) {}

Auditor::~Auditor() = default;

void Auditor::begin_table(const TableHeader& header) {
  Table t;
  t.header = header;
  t.columns = map_columns(header);
  find_implied(t);
  s_->table = std::move(t);
}

void Auditor::row(std::uint32_t row, std::span<const CellView> cells) {
  Table& t = s_->table;
  Row r;
  r.row = row;
  std::string_view name, code, stt;
  bool any = false;
  for (const auto& c : cells) {
    const std::string_view text = trim(c.text);
    if (c.type == CellType::text && text.empty()) continue;
    if (c.col == t.columns.name_col) name = c.text;
    if (c.col == t.columns.code_col) code = c.text;
    if (c.col == t.columns.stt_col) stt = text;
    if (const auto f = t.columns.field_at(c.col)) {
      any = true;
      s_->read_count(r, *f, c);
    } else if (const auto rate = t.columns.rate_at(c.col)) {
      any = true;
      const auto ri = static_cast<std::size_t>(*rate);
      r.rates[ri] = parse_printed_rate(c.type, c.text);
      if (r.rates[ri]) continue;
      s_->diags.error("not-a-rate", t.header.sheet.loc(row, c.col),
                      trf("\"{}\" expects a percentage such as 99,83%, got \"{}\"",
                          t.columns.rate_header[ri], text));
    }
  }
  // A total row may print its label across the STT and name cells, held in the STT cell.
  if (trim(name).empty() && trim(code).empty() && !is_row_number(stt)) name = stt;
  if (!any) return;
  const RowIdentity id = identify_row(s_->registry, code, name);
  r.kind = id.kind;
  r.unit = id.unit;
  r.level = id.level;
  r.label = one_line(!trim(name).empty() ? name : code);
  if (id.kind == RowIdentity::Kind::unknown) {
    const std::uint32_t col = !trim(code).empty() ? t.columns.code_col : t.columns.name_col;
    s_->diags.error(id.problem_code, t.header.sheet.loc(row, col), id.message, id.hint);
  }
  t.rows.push_back(std::move(r));
}

void Auditor::end_table() {
  audit::TableAudit run(s_->registry, s_->table, s_->diags, s_->report.findings);
  s_->report.tables.push_back(run.run());
  s_->table = Table{};
}

void Auditor::no_table(const SheetInfo& sheet) { s_->headerless.push_back(sheet); }

AuditReport Auditor::finish() {
  if (s_->report.tables.empty() && !s_->headerless.empty()) {
    const SheetInfo& first = s_->headerless.front();
    const SourceLoc loc =
        s_->headerless.size() == 1 ? first.loc() : SourceLoc{first.file, {}, 0, 0, 0, false};
    s_->diags.error("no-header", loc,
                    std::string(tr("no table header found; expected a row with a unit column "
                                   "(\"Đơn vị\", \"Tên đơn vị\" or \"Mã đơn vị\") and figure "
                                   "columns such as \"Tổng số (trong kỳ)\", \"Đã giải quyết\", "
                                   "\"VB đến\" or \"Tổng HS có nghĩa vụ tài chính\"")));
  }
  auto& f = s_->report.findings;
  std::stable_sort(f.begin(), f.end(), [](const AuditFinding& a, const AuditFinding& b) {
    return std::tie(a.loc.sheet_index, a.loc.row, a.loc.col) <
           std::tie(b.loc.sheet_index, b.loc.row, b.loc.col);
  });
  return std::move(s_->report);
}

std::uint32_t AuditReport::checks() const {
  std::uint32_t n = 0;
  for (const auto& t : tables) n += t.checks;
  return n;
}

std::string_view check_name(AuditFinding::Check c) {
  switch (c) {
    case AuditFinding::Check::rate:
      return "rate";
    case AuditFinding::Check::sum:
      return "sum";
    case AuditFinding::Check::sum_rate:
      return "sum-rate";
    case AuditFinding::Check::invariant:
      return "invariant";
    case AuditFinding::Check::not_a_sum:
      return "not-a-sum";
  }
  return "rate";
}

std::string format_finding(const AuditFinding& f) {
  return trf("{}: {} — {}: printed {}, recomputed {} ({})", format_loc(f.loc), f.label, f.column,
             f.printed, f.recomputed, f.how);
}

}  // namespace ntr
