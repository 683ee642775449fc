// The earlier figures of each row: a unit's from the units it was formed from, a subtotal's
// from its units', and why a row has none.
#include <fmt/format.h>

#include "compare_detail.hpp"
#include "ntreport/report/build.hpp"
#include "ntreport/report/labels.hpp"

namespace ntr::compare_detail {

namespace {

constexpr std::size_t kNamesListed = 5;

// The groups of figures the appendix's count and rate columns show.
std::vector<Group> doc_groups(const ReportDoc& doc) {
  std::vector<Group> out;
  auto add = [&out](Group g) {
    if (std::find(out.begin(), out.end(), g) == out.end()) out.push_back(g);
  };
  for (const Column& c : doc.columns) {
    if (const auto f = field_by_key(c.key)) add(field_def(*f).group);
    if (const auto r = rate_by_key(c.key)) add(rate_group(*r));
  }
  return out;
}

// The earlier figures of a unit, or why it has none.
std::optional<Values> unit_values(const Mapped& m, std::string& why) {
  if (!m.split.empty()) {
    why = fill(labels().compare_split,
               {{"units", fmt::format("{}", fmt::join(m.split, labels().compare_names_sep))}});
    return std::nullopt;
  }
  const Values v = m.values.only(m.complete);
  if (!m.any || v.empty()) {
    why = labels().compare_no_earlier;
    return std::nullopt;
  }
  return v;
}

std::vector<Cell> cells_of(const ReportDoc& doc, const Values& v) {
  std::vector<Cell> cells(doc.columns.size());
  for (std::size_t i = 0; i < doc.columns.size(); ++i) {
    if (const auto f = field_by_key(doc.columns[i].key)) cells[i] = count_cell(v, *f);
    if (const auto r = rate_by_key(doc.columns[i].key)) cells[i] = rate_cell(v, *r, "-");
  }
  return cells;
}

std::string names_text(const std::vector<std::string>& names) {
  std::string out;
  for (std::size_t i = 0; i < names.size() && i < kNamesListed; ++i) {
    if (i > 0) out += labels().compare_names_sep;
    out += names[i];
  }
  if (names.size() > kNamesListed)
    out +=
        fill(labels().compare_more_units, {{"more", std::to_string(names.size() - kNamesListed)}});
  return out;
}

// Does a subtotal row of this kind, level and area count the top-level unit u?
bool covers(const Row& row, const Registry& registry, UnitId u) {
  const Unit& unit = registry.unit(u);
  if (unit.parent != kNoUnit) return false;
  if (row.kind == RowKind::total) return true;
  if (registry.levels()[unit.level].id != row.level_id) return false;
  if (row.kind == RowKind::level) return true;
  return unit.area != kNoUnit && registry.unit(unit.area).code == row.area_code;
}

// A level, group or total row: the sum over the units in its sums, when each of them compares.
void fill_subtotal(Row& row, const ReportDoc& doc, const Registry& registry, const Totals& totals,
                   const std::vector<std::optional<Values>>& earlier) {
  const std::vector<Group> groups = doc_groups(doc);
  std::uint32_t shown = 0;       // the count columns' fields
  std::uint32_t rate_terms = 0;  // the fields the rate columns are computed from
  for (const Column& c : doc.columns) {
    if (const auto f = field_by_key(c.key)) shown |= field_bit(*f);
    if (const auto r = rate_by_key(c.key)) {
      for (const Term& t : rate_def(*r).numerator) rate_terms |= field_bit(t.field);
      for (const Term& t : rate_def(*r).denominator) rate_terms |= field_bit(t.field);
    }
  }
  // The counts the table shows are summed over every unit of the row; the other fields of its
  // rates only when every unit gives them (else the rate would divide sums over different
  // units, and stays blank).
  Values sum;
  Values rate_only;
  bool rates_whole = true;
  std::vector<std::string> bad;
  for (std::size_t i = 0; i < registry.size(); ++i) {
    const auto u = static_cast<UnitId>(i);
    if (!covers(row, registry, u)) continue;
    bool fine = true;
    for (const Group g : groups) {
      if (totals.cover_of(u, g) != Cover::full) continue;  // not in the row's sums now
      // every figure of the group the table shows (all of them when it shows only rates)
      const std::uint32_t needed =
          (group_mask(g) & shown) != 0 ? group_mask(g) & shown : group_mask(g);
      if (!earlier[i] || (earlier[i]->present & needed) != needed) {
        fine = false;
        continue;
      }
      sum.add(earlier[i]->only(needed));
      const std::uint32_t extra = group_mask(g) & rate_terms & ~needed;
      rates_whole = rates_whole && (earlier[i]->present & extra) == extra;
      rate_only.add(earlier[i]->only(extra));
    }
    if (!fine) bad.emplace_back(registry.unit(u).name);
  }
  if (!bad.empty()) {
    row.not_comparable = fill(labels().compare_not_comparable, {{"units", names_text(bad)}});
  } else if (sum.empty()) {
    row.not_comparable = labels().compare_no_earlier;
  } else {
    if (rates_whole) sum.add(rate_only);
    row.previous = cells_of(doc, sum);
  }
}

}  // namespace

void contribute(Mapped& m, const PreviousUnit& p, const Share& share, const Values& scaled) {
  m.any = true;
  if (share.kind == Share::Kind::part) {
    m.split.push_back(fmt::format("{} ({})", p.name, p.code));
    return;
  }
  m.values.add(scaled);
  m.complete &= p.complete;
}

void fill_rows(ReportDoc& doc, const Registry& registry, const Totals& totals,
               const std::vector<Mapped>& mapped) {
  std::vector<std::optional<Values>> earlier(registry.size());
  std::vector<std::string> why(registry.size());
  for (std::size_t i = 0; i < registry.size(); ++i) earlier[i] = unit_values(mapped[i], why[i]);
  for (Row& row : doc.rows) {
    if (row.kind == RowKind::unit) {
      const UnitId u = registry.find_code(row.unit_code);
      if (u == kNoUnit) continue;
      const auto i = static_cast<std::size_t>(u);
      if (earlier[i]) {
        row.previous = cells_of(doc, *earlier[i]);
      } else {
        row.not_comparable = why[i];
      }
    } else if (row.kind == RowKind::level || row.kind == RowKind::group ||
               row.kind == RowKind::total) {
      fill_subtotal(row, doc, registry, totals, earlier);
    }
  }
}

std::optional<std::int64_t> parse_count(std::string_view text) {
  if (text.empty() || text.size() > 18) return std::nullopt;
  std::int64_t n = 0;
  for (const char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    n = n * 10 + (c - '0');
  }
  return n;
}

}  // namespace ntr::compare_detail
