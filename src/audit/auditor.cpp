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
};

namespace {

// "1", "11.2", "IV": a row number, not a label.
bool is_row_number(std::string_view s) {
  if (s.empty()) return true;
  const bool numeric = s.find_first_not_of("0123456789.") == std::string_view::npos;
  const bool roman = s.find_first_not_of("IVXLCDM") == std::string_view::npos;
  return numeric || roman;
}

// Whitespace runs (line breaks in a wrapped cell) as one space.
std::string one_line(std::string_view s) {
  std::string out;
  bool space = false;
  for (char c : trim(s)) {
    const bool ws = c == ' ' || c == '\n' || c == '\r' || c == '\t';
    if (ws) {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

// A rate column whose numerator is one field the table does not print, with every field of
// its denominator printed: that field is implied, row by row, by the printed rate.
void find_implied(Table& t) {
  for (const auto& def : rates()) {
    if (t.rate_col[static_cast<std::size_t>(def.id)] == 0) continue;
    if (def.numerator.size() != 1 || def.numerator[0].coef != 1) continue;
    const Field f = def.numerator[0].field;
    if (t.field_col[static_cast<std::size_t>(f)] != 0) continue;
    const bool den_printed =
        std::all_of(def.denominator.begin(), def.denominator.end(), [&](const Term& x) {
          return x.field != f && t.field_col[static_cast<std::size_t>(x.field)] != 0;
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
  for (const auto& c : header.columns) {
    switch (c.meaning.role) {
      case ColumnRole::field:
        t.field_col[static_cast<std::size_t>(c.meaning.field)] = c.col;
        t.field_header[static_cast<std::size_t>(c.meaning.field)] = one_line(c.text);
        break;
      case ColumnRole::rate:
        if (t.rate_col[static_cast<std::size_t>(c.meaning.rate)] != 0) break;  // the first one
        t.rate_col[static_cast<std::size_t>(c.meaning.rate)] = c.col;
        t.rate_header[static_cast<std::size_t>(c.meaning.rate)] = one_line(c.text);
        break;
      case ColumnRole::name:
        t.name_col = c.col;
        break;
      case ColumnRole::code:
        t.code_col = c.col;
        break;
      case ColumnRole::stt:
        t.stt_col = c.col;
        break;
      case ColumnRole::note:
        break;
    }
  }
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
    if (c.col == 0 || (c.type == CellType::text && text.empty())) continue;
    if (c.col == t.name_col) name = c.text;
    if (c.col == t.code_col) code = c.text;
    if (c.col == t.stt_col) stt = text;
    for (const auto& f : fields()) {
      const auto fi = static_cast<std::size_t>(f.id);
      if (t.field_col[fi] != c.col) continue;
      any = true;
      r.text[fi] = std::string(text);
      if (auto v = parse_count(c.type, c.text)) {
        r.values.set(f.id, *v);
        if (c.type == CellType::number) r.text[fi] = format_count(*v);  // as it is shown
        continue;
      }
      r.bad |= field_bit(f.id);
      s_->diags.error(
          "not-a-count", t.header.sheet.loc(row, c.col),
          trf("\"{}\" expects a whole number ≥ 0, got \"{}\"", t.field_header[fi], text));
    }
    for (const auto& d : rates()) {
      const auto ri = static_cast<std::size_t>(d.id);
      if (t.rate_col[ri] != c.col) continue;
      any = true;
      r.rates[ri] = parse_printed_rate(c.type, c.text);
      if (r.rates[ri]) continue;
      s_->diags.error(
          "not-a-rate", t.header.sheet.loc(row, c.col),
          trf("\"{}\" expects a percentage such as 99,83%, got \"{}\"", t.rate_header[ri], text));
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
    const std::uint32_t col = !trim(code).empty() ? t.code_col : t.name_col;
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
