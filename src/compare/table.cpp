// The "So sánh với cùng kỳ" table of an appendix (its words: [compare] of templates/labels.toml),
// and the warnings for implausible changes.
#include <fmt/format.h>

#include "compare_detail.hpp"
#include "ntreport/diff/decimal.hpp"
#include "ntreport/diff/diff.hpp"
#include "ntreport/model/exact.hpp"
#include "ntreport/report/build.hpp"
#include "ntreport/report/labels.hpp"
#include "ntreport/text/normalize.hpp"
#include "ntreport/text/numbers.hpp"
#include "ntreport/text/translate.hpp"

namespace ntr::compare_detail {

namespace {

__extension__ using i128 = __int128;

// Counts this small on both sides are not judged: 3 dossiers becoming 20 is ordinary.
constexpr std::int64_t kPlausibleFloor = 100;

Cell text_cell(std::string text) {
  Cell c;
  if (text.empty()) return c;
  c.kind = Cell::Kind::text;
  c.set_text(text);
  return c;
}

// A rate as printed, in hundredths of a percent, rounded half up.
std::int64_t printed_hundredths(const Cell& c) {
  return percent_scaled(c.num, c.den, 2, Rounding::half_up);
}

std::string change_text(const Cell& then, const Cell& now) {
  if (then.kind == Cell::Kind::count && now.kind == Cell::Kind::count)
    return count_change(then.num, now.num);
  if (!then.defined_rate() || !now.defined_rate()) return {};
  const i128 a = static_cast<i128>(then.num) * now.den;
  const i128 b = static_cast<i128>(now.num) * then.den;
  return points_change(printed_hundredths(then), printed_hundredths(now),
                       b > a ? 1 : (b < a ? -1 : 0));
}

std::string figure_label(const Column& c) {
  return c.group.empty() ? c.header : c.group + " – " + c.header;
}

Row line(const Row& row, bool first, std::vector<std::string> texts) {
  Row out;
  out.kind = RowKind::item;
  out.bold = row.bold;
  out.cells.push_back(text_cell(first ? row.stt : ""));
  out.cells.push_back(text_cell(first ? row.label : ""));
  for (std::string& t : texts) out.cells.push_back(text_cell(std::move(t)));
  return out;
}

void add_lines(ReportDoc& table, const ReportDoc& doc, const Row& row) {
  if (!row.previous) {
    table.rows.push_back(line(row, true, {"", "", "", "", row.not_comparable}));
    return;
  }
  bool first = true;
  for (std::size_t i = 0; i < doc.columns.size() && i < row.cells.size(); ++i) {
    const Column& c = doc.columns[i];
    const Cell& now = row.cells[i];
    if ((c.kind != ColumnKind::count && c.kind != ColumnKind::rate) ||
        now.kind == Cell::Kind::empty)
      continue;
    const Cell& then = (*row.previous)[i];
    table.rows.push_back(
        line(row, first, {figure_label(c), now.text(), then.text(), change_text(then, now), ""}));
    first = false;
  }
}

std::string sheet_name(const std::string& name) {
  std::string out = fill(labels().compare_sheet, {{"sheet", name}});
  // Excel's limit of 31 characters, cut at a character boundary.
  std::size_t chars = 0;
  for (std::size_t i = 0; i < out.size(); ++i) {
    if ((static_cast<unsigned char>(out[i]) & 0xC0) != 0x80 && ++chars > 31)
      return out.substr(0, i);
  }
  return out;
}

}  // namespace

ReportDoc comparison_table(const ReportDoc& doc, const std::optional<Period>& period,
                           const Comparison& comparison) {
  ReportDoc t;
  t.id = doc.id;
  const Labels& l = labels();
  t.title = fill(l.compare_title, {{"title", doc.title}});
  t.sheet_name = sheet_name(doc.sheet_name);
  t.layout = Layout::comparison;
  std::string before;
  for (const PreviousBuild& b : comparison.builds)
    before += b.period ? period_line(l.compare_period_before, b.period)
                       : fill(l.compare_period_before_file, {{"build", b.shown}});
  t.period_line = fill(l.compare_period,
                       {{"now", period_line(l.compare_period_now, period)}, {"before", before}});
  for (const auto& [header, key] : std::initializer_list<std::pair<std::string_view, const char*>>{
           {l.compare_stt, "stt"},
           {l.compare_name, "name"},
           {l.compare_figure, "figure"},
           {l.compare_now, "now"},
           {l.compare_previous, "previous"},
           {l.compare_change, "change"},
           {l.compare_note, "note"}}) {
    t.columns.push_back(Column{"", std::string(header), ColumnKind::text, key, ""});
  }
  t.columns[0].kind = ColumnKind::stt;
  t.columns[1].kind = ColumnKind::label;
  for (const Row& row : doc.rows) {
    if (row.kind == RowKind::unit && row.status == RowStatus::not_reported) continue;
    if (row.kind == RowKind::level || row.kind == RowKind::group || row.kind == RowKind::unit ||
        row.kind == RowKind::total)
      add_lines(t, doc, row);
  }
  for (const std::string& name : doc.previous_unmapped) {
    Row r;
    r.kind = RowKind::item;
    r.cells = {
        Cell{}, text_cell(name), Cell{}, Cell{}, Cell{}, Cell{}, text_cell(l.compare_unmapped)};
    t.rows.push_back(std::move(r));
  }
  return t;
}

void check_plausible(const ReportDoc& doc, const Registry& registry, const std::vector<Values>& own,
                     const Comparison& comparison, Diagnostics& diags) {
  const std::int64_t k = comparison.factor;
  for (const Row& row : doc.rows) {
    if (row.kind != RowKind::unit || !row.previous) continue;
    const UnitId u = registry.find_code(row.unit_code);
    if (u == kNoUnit) continue;
    for (std::size_t i = 0; i < doc.columns.size() && i < row.cells.size(); ++i) {
      const auto f = field_by_key(doc.columns[i].key);
      const Cell& now = row.cells[i];
      const Cell& then = (*row.previous)[i];
      if (!f || !own[static_cast<std::size_t>(u)].has(*f) || now.kind != Cell::Kind::count ||
          then.kind != Cell::Kind::count)
        continue;
      const std::int64_t big = std::max(now.num, then.num);
      const std::int64_t small = std::min(now.num, then.num);
      if (big < kPlausibleFloor || static_cast<i128>(big) <= static_cast<i128>(small) * k) continue;
      const auto at = comparison.where ? comparison.where(u, *f) : std::nullopt;
      diags.warning(
          "implausible-change", at.value_or(command_line_loc()), bilingual([&] {
            return now.num > then.num
                       ? trf("\"{}\" of \"{}\" is {}, more than {} times its figure of the same "
                             "period before ({}): kiểm tra lại số liệu",
                             figure_label(doc.columns[i]), row.label, now.text(), k, then.text())
                       : trf("\"{}\" of \"{}\" is {}, under 1/{} of its figure of the same period "
                             "before ({}): kiểm tra lại số liệu",
                             figure_label(doc.columns[i]), row.label, now.text(), k, then.text());
          }),
          std::string(tr("an extra or a missing digit? When the figure is right, "
                         "--plausibility-factor sets the factor")));
    }
  }
}

}  // namespace ntr::compare_detail
