// What each row covers (the blank-cell policy, docs/blank-cells.md): a unit row without
// figures says "Chưa báo cáo", one with blank figures "Thiếu số liệu"; a level, area or total
// row over units some of which are not in its sums says how many are ("62/65 đơn vị"). The
// notes go into a "Ghi chú" column, added only when some row has one.
#include <fmt/format.h>

#include <algorithm>

#include "ntreport/report/build.hpp"
#include "ntreport/report/labels.hpp"

namespace ntr {

namespace {

bool is_full(Cover c) { return c == Cover::full || c == Cover::by_parent; }

// A unit counts as reported in a subtotal when every group of the appendix is in its sums.
bool reported(const Totals& totals, UnitId u, const std::vector<Group>& groups) {
  return std::all_of(groups.begin(), groups.end(),
                     [&](Group g) { return is_full(totals.cover_of(u, g)); });
}

std::string count_note(std::uint32_t reported, std::uint32_t units) {
  return fill(labels().units_covered,
              {{"reported", std::to_string(reported)}, {"units", std::to_string(units)}});
}

// "62/65 đơn vị" when every group of the appendix is summed over the same units; else per
// group: "Tiếp nhận: 62/65 đơn vị; Đã xử lý: 64/65 đơn vị". Empty when all are summed.
std::string coverage_note(const Totals& totals, const std::vector<UnitId>& members,
                          const std::vector<Group>& groups) {
  const auto units = static_cast<std::uint32_t>(members.size());
  std::vector<std::uint32_t> counts(groups.size(), 0);
  bool same_units = true;  // every member in all the groups' sums or in none
  for (UnitId u : members) {
    std::size_t in = 0;
    for (std::size_t i = 0; i < groups.size(); ++i) {
      if (is_full(totals.cover_of(u, groups[i]))) {
        ++counts[i];
        ++in;
      }
    }
    same_units = same_units && (in == 0 || in == groups.size());
  }
  if (std::all_of(counts.begin(), counts.end(), [&](std::uint32_t c) { return c == units; }))
    return {};
  if (same_units) return count_note(counts.empty() ? 0 : counts[0], units);
  std::vector<std::string> parts;
  for (std::size_t i = 0; i < groups.size(); ++i) {
    parts.push_back(
        fmt::format("{}: {}", group_def(groups[i]).label, count_note(counts[i], units)));
  }
  return fmt::format("{}", fmt::join(parts, "; "));
}

}  // namespace

void mark_subtotal(Row& row, const std::vector<UnitId>& members, const Totals& totals,
                   const std::vector<Group>& groups) {
  row.units = static_cast<std::uint32_t>(members.size());
  row.units_reported = static_cast<std::uint32_t>(std::count_if(
      members.begin(), members.end(), [&](UnitId u) { return reported(totals, u, groups); }));
  row.note = coverage_note(totals, members, groups);
  row.status = row.note.empty() ? RowStatus::reported : RowStatus::partial;
}

void mark_unit(Row& row, UnitId u, const Registry& registry, const Totals& totals,
               const std::vector<Group>& groups) {
  bool all_by_parent = true, all_absent = true, all_full = true;
  for (Group g : groups) {
    const Cover c = totals.cover_of(u, g);
    all_by_parent = all_by_parent && c == Cover::by_parent;
    all_absent = all_absent && (c == Cover::none || c == Cover::by_parent);
    all_full = all_full && is_full(c);
  }
  const std::vector<UnitId>& subs = registry.unit(u).children;
  if (!subs.empty()) {
    row.units = static_cast<std::uint32_t>(subs.size());
    row.units_reported = static_cast<std::uint32_t>(std::count_if(
        subs.begin(), subs.end(), [&](UnitId c) { return reported(totals, c, groups); }));
  }
  if (all_full || all_by_parent) return;
  if (all_absent) {
    row.status = RowStatus::not_reported;
    row.note = labels().not_reported;
    return;
  }
  row.status = RowStatus::partial;
  // A unit whose sub-units report: how many of them are in its sums.
  const bool subs_report = std::any_of(subs.begin(), subs.end(), [&](UnitId c) {
    return std::any_of(groups.begin(), groups.end(),
                       [&](Group g) { return totals.cover_of(c, g) != Cover::none; });
  });
  row.note = subs_report && row.units_reported < row.units
                 ? count_note(row.units_reported, row.units)
                 : labels().partial;
}

void add_note_column(ReportDoc& doc) {
  doc.columns.push_back(Column{{}, labels().note_header, ColumnKind::text, "note", {}});
}

void add_note_cell(Row& row, std::size_t columns) {
  row.cells.resize(columns);
  Cell c;
  if (!row.note.empty()) {
    c.kind = Cell::Kind::text;
    c.set_text(row.note);
  }
  row.cells.push_back(c);
}

}  // namespace ntr
