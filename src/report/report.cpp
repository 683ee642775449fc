// What stays of a report document once its tables are written (docs/spec.md §10, "Memory").
#include "ntreport/report/report.hpp"

#include <algorithm>

namespace ntr {

ReportDoc without_rows(const ReportDoc& doc) {
  ReportDoc out;
  out.id = doc.id;
  out.title = doc.title;
  out.number_line = doc.number_line;
  out.period_line = doc.period_line;
  out.reference = doc.reference;
  out.sheet_name = doc.sheet_name;
  out.layout = doc.layout;
  out.columns = doc.columns;
  out.legend = doc.legend;
  out.charts = doc.charts;
  out.compared = doc.compared;
  return out;
}

void UnitRowCount::add(const Row& r) {
  if (r.kind != RowKind::unit) return;
  ++units;
  not_reported += r.status == RowStatus::not_reported ? 1 : 0;
  partial += r.status == RowStatus::partial ? 1 : 0;
}

void for_each_row(const ReportDoc& doc, const std::function<void(const Row&)>& each) {
  if (doc.all_rows) {
    doc.all_rows(each);
    return;
  }
  for (const Row& r : doc.rows) each(r);
}

UnitRowCount count_unit_rows(const ReportDoc& doc) {
  UnitRowCount c = doc.dropped;
  for (const Row& r : doc.rows) c.add(r);
  return c;
}

void drop_unit_rows(ReportDoc& doc) {
  doc.all_rows = nullptr;
  for (const Row& r : doc.rows) doc.dropped.add(r);
  std::erase_if(doc.rows, [](const Row& r) { return r.kind == RowKind::unit; });
  doc.rows.shrink_to_fit();  // the rows are most of a doc's memory: give it back
  doc.target_rules.clear();
  doc.target_rules.shrink_to_fit();
}

}  // namespace ntr
