// One table's audit: the precision its rates are printed with, which rows are a unit's own
// figures and which are subtotals, and the sums a subtotal covers.
#include "table_audit.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "ntreport/text/numbers.hpp"
#include "ntreport/text/translate.hpp"

namespace ntr::audit {

void Bounds::add(const Bounds& o) {
  for (std::size_t i = 0; i < kFieldCount; ++i) {
    if (((o.lo.present >> i) & 1U) == 0) continue;
    lo.v[i] += o.lo.v[i];
    hi[i] += o.hi[i];
  }
  lo.present |= o.lo.present;
  broken |= o.broken;
  rows.insert(rows.end(), o.rows.begin(), o.rows.end());
  for (std::size_t g = 0; g < kGroupCount; ++g)
    left_out[g].insert(left_out[g].end(), o.left_out[g].begin(), o.left_out[g].end());
}

Range Bounds::range(Field f) const {
  if (!lo.has(f)) return Range{0, 0};
  return Range{lo.get(f), hi[static_cast<std::size_t>(f)]};
}

std::optional<Range> Bounds::eval(std::span<const Term> terms) const {
  Range out{0, 0};
  for (const Term& t : terms) {
    if (!lo.has(t.field) || (broken & field_bit(t.field)) != 0) return std::nullopt;
    const Range r = range(t.field);
    out.lo += t.coef * (t.coef > 0 ? r.lo : r.hi);
    out.hi += t.coef * (t.coef > 0 ? r.hi : r.lo);
  }
  return out;
}

std::string rows_text(const std::vector<std::uint32_t>& rows) {
  std::vector<std::uint32_t> r = rows;
  std::sort(r.begin(), r.end());
  r.erase(std::unique(r.begin(), r.end()), r.end());
  if (r.empty()) return std::string(tr("no rows"));
  std::vector<std::string> runs;
  for (std::size_t i = 0; i < r.size();) {
    std::size_t j = i;
    while (j + 1 < r.size() && r[j + 1] == r[j] + 1) ++j;
    runs.push_back(i == j ? fmt::format("{}", r[i]) : fmt::format("{}–{}", r[i], r[j]));
    i = j + 1;
  }
  return r.size() == 1 ? trf("row {}", fmt::join(runs, ", "))
                       : trf("rows {}", fmt::join(runs, ", "));
}

namespace {

std::string range_text(Range r) {
  return r.exact() ? format_count(r.lo) : trf("{} to {}", format_count(r.lo), format_count(r.hi));
}

std::string terms_text(std::span<const Term> terms, const Bounds& b) {
  if (terms.size() == 1 && terms[0].coef == 1 && b.range(terms[0].field).exact()) {
    return range_text(b.range(terms[0].field));
  }
  std::string out = "(";
  for (std::size_t i = 0; i < terms.size(); ++i) {
    if (i > 0) out += terms[i].coef > 0 ? " + " : " − ";
    out += range_text(b.range(terms[i].field));
  }
  return out + ")";
}

}  // namespace

std::string ratio_text(const RateDef& rate, const Bounds& b, std::uint32_t decimals) {
  const std::string expr =
      fmt::format("{} / {}", terms_text(rate.numerator, b), terms_text(rate.denominator, b));
  const auto num = b.eval(rate.numerator);
  const auto den = b.eval(rate.denominator);
  if (!num || !den || den->lo <= 0) return trf("{}: the denominator is 0", expr);
  const std::uint32_t shown = decimals + 2;
  auto pct = [&](std::int64_t n) {
    return format_scaled_percent(percent_scaled(n, den->lo, shown, Rounding::half_up), shown);
  };
  if (num->exact()) return fmt::format("{} = {}", expr, pct(num->lo));
  return trf("{} = {} to {}", expr, pct(num->lo), pct(num->hi));
}

// The decimals the table prints its rates with. Trailing zeros are dropped ("96,6%" is 96,60%
// in a table of two decimals), so it is the most decimals its rates show; but decimals shown
// by fewer than one rate in twenty are a slip, compared at its own decimals only.
std::uint32_t TableAudit::infer_precision() const {
  std::map<std::uint32_t, std::size_t> seen;
  std::size_t n = 0;
  for (const Row& r : t_.rows) {
    for (const auto& p : r.rates) {
      if (p && p->kind == PrintedRate::Kind::value && !p->unrounded && p->decimals > 0) {
        ++seen[p->decimals];
        ++n;
      }
    }
  }
  if (n == 0) return 2;  // docs/spec.md §8 (audit): two decimals when none show
  const std::size_t enough = (n + 19) / 20;
  for (auto it = seen.rbegin(); it != seen.rend(); ++it) {
    if (it->second >= enough) return it->first;
  }
  return seen.rbegin()->first;
}

std::uint32_t TableAudit::decimals_for(const PrintedRate& p) const {
  return p.unrounded ? precision_ : std::max(precision_, p.decimals);
}

bool TableAudit::covers(const Row& sub, const Row& r) const {
  return r.additive && r.kind == RowIdentity::Kind::unit &&
         ntr::covers(registry_, subtotal_of(sub.kind, sub.level, sub.unit), r.unit);
}

Bounds TableAudit::covered(const Row& sub) const {
  std::vector<std::size_t> rows;
  if (sub.kind == RowIdentity::Kind::unit) {
    std::vector<UnitId> todo = registry_.unit(sub.unit).children;
    while (!todo.empty()) {
      const UnitId u = todo.back();
      todo.pop_back();
      if (auto it = rows_of_unit_.find(u); it != rows_of_unit_.end()) {
        rows.insert(rows.end(), it->second.begin(), it->second.end());
      }
      const auto& children = registry_.unit(u).children;
      todo.insert(todo.end(), children.begin(), children.end());
    }
    std::sort(rows.begin(), rows.end());
  } else {
    for (std::size_t i = 0; i < t_.rows.size(); ++i) rows.push_back(i);
  }
  Bounds sum;
  for (std::size_t i : rows) {
    if (covers(sub, t_.rows[i])) sum.add(counted(bounds_[i]));
  }
  return sum;
}

// The blank-cell policy of a build (docs/blank-cells.md): a row's figures of a group go into
// the sums only when it prints every figure of that group the table has.
Bounds TableAudit::counted(const Bounds& b) const {
  std::uint32_t mask = 0;
  std::array<bool, kGroupCount> left_out_of{};
  for (const auto& g : groups()) {
    std::uint32_t printed = 0;
    for (const auto& f : fields()) {
      const auto fi = static_cast<std::size_t>(f.id);
      if (f.group == g.id && (t_.columns.field_col[fi] != 0 || t_.implied_by[fi]))
        printed |= field_bit(f.id);
    }
    // A cell that is not a count is given, though unreadable: the checks it touches are
    // skipped (Bounds::broken), the row still counts.
    if (((b.lo.present | b.broken) & printed) == printed) {
      mask |= group_mask(g.id);
    } else if ((b.lo.present & printed) != 0) {
      left_out_of[static_cast<std::size_t>(g.id)] = true;
    }
  }
  Bounds out = b;
  out.lo.present &= mask;
  for (std::size_t g = 0; g < kGroupCount; ++g) {
    if (left_out_of[g]) out.left_out[g] = b.rows;
  }
  return out;
}

std::vector<Field> TableAudit::printed_fields() const {
  std::vector<Field> out;
  for (const auto& f : fields()) {
    if (t_.columns.field_col[static_cast<std::size_t>(f.id)] != 0) out.push_back(f.id);
  }
  std::sort(out.begin(), out.end(), [&](Field a, Field b) {
    return t_.columns.field_col[static_cast<std::size_t>(a)] <
           t_.columns.field_col[static_cast<std::size_t>(b)];
  });
  return out;
}

void TableAudit::decide_additive() {
  // A unit row is a printed subtotal when one of its descendants is listed too.
  ListedParents listed;
  for (const Row& r : t_.rows) {
    has_unknown_ = has_unknown_ || r.kind == RowIdentity::Kind::unknown;
    if (r.kind == RowIdentity::Kind::unit) listed.add(registry_, r.unit);
  }
  std::vector<Row*> parents;
  for (Row& r : t_.rows) {
    r.additive = r.kind == RowIdentity::Kind::unknown ||
                 (r.kind == RowIdentity::Kind::unit && !listed.contains(r.unit));
    if (r.kind == RowIdentity::Kind::unit && !r.additive) parents.push_back(&r);
  }
  if (has_unknown_) return;  // the sub-units of a parent may be among the unmatched rows
  // The deepest first: whether a sub-unit adds up decides what its parent covers.
  std::stable_sort(parents.begin(), parents.end(), [&](const Row* a, const Row* b) {
    return registry_.unit(a->unit).depth > registry_.unit(b->unit).depth;
  });
  for (Row* p : parents) decide_parent(*p);
}

// A parent row none of whose figures is the sum of its listed sub-units is not their
// subtotal: the table prints the unit's own figures there (the 2024 dossier table does so for
// "Sở Tài nguyên và Môi trường"). Reported once, then counted as own figures.
void TableAudit::decide_parent(Row& parent) {
  const Bounds sum = covered(parent);
  std::optional<Field> first_diff;
  for (Field f : printed_fields()) {
    if (!parent.values.has(f) || ((sum.broken | parent.bad) & field_bit(f)) != 0) continue;
    if (parent.values.get(f) == sum.range(f).lo) return;
    if (!first_diff) first_diff = f;
  }
  if (!first_diff) return;
  parent.additive = true;
  ++checks_;
  const Field f = *first_diff;
  const auto fi = static_cast<std::size_t>(f);
  const std::string total = format_count(sum.range(f).lo);
  add(parent, t_.columns.field_col[fi], t_.columns.field_header[fi], std::string(field_def(f).key),
      parent.text[fi], total,
      trf("sum of its listed sub-units, {} = {}; no figure of the row is the sum of its "
          "sub-units, so it is read as the unit's own figures",
          rows_text(sum.rows), total),
      AuditFinding::Check::not_a_sum);
}

void TableAudit::add(const Row& r, std::uint32_t col, std::string column, std::string key,
                     std::string printed, std::string recomputed, std::string how,
                     AuditFinding::Check check) {
  findings_.push_back(AuditFinding{check, t_.header.sheet.loc(r.row, col), r.label,
                                   std::move(column), std::move(key), std::move(printed),
                                   std::move(recomputed), std::move(how)});
}

AuditTable TableAudit::run() {
  precision_ = infer_precision();
  bounds_.resize(t_.rows.size());
  for (std::size_t i = 0; i < t_.rows.size(); ++i) {
    const Row& r = t_.rows[i];
    bounds_[i].lo = r.values;
    bounds_[i].hi = r.values.v;
    bounds_[i].broken = r.bad;
    bounds_[i].rows = {r.row};
    if (r.kind == RowIdentity::Kind::unit) rows_of_unit_[r.unit].push_back(i);
  }
  decide_additive();
  AuditTable out{t_.header.sheet, t_.header.first_row, 0, 0, precision_, 0};
  for (std::size_t i = 0; i < t_.rows.size(); ++i) {
    if (!t_.rows[i].additive) continue;
    ++out.unit_rows;
    check_unit(t_.rows[i], bounds_[i]);
  }
  const bool any_subtotal =
      std::any_of(t_.rows.begin(), t_.rows.end(), [](const Row& r) { return !r.additive; });
  if (has_unknown_ && any_subtotal) {
    diags_.warning("not-checked", t_.header.sheet.loc(),
                   std::string(tr("the subtotal rows are not checked: some rows name no registry "
                                  "unit, so which rows each subtotal covers is not known")),
                   std::string(tr("add an alias for each unmatched name (--aliases) and run "
                                  "again")));
  }
  for (const Row& r : t_.rows) {
    if (r.additive) continue;
    ++out.subtotal_rows;
    const std::size_t before = findings_.size();
    if (!has_unknown_) check_subtotal(r, covered(r));
    // A subtotal keeps every invariant of a unit row. Where a count disagrees with its sum,
    // that finding says more (and names the right cell); elsewhere this is what catches a
    // subtotal over different units in different columns when its rows cannot be summed.
    if (findings_.size() == before) check_invariants(r);
  }
  out.checks = checks_;
  return out;
}

}  // namespace ntr::audit
