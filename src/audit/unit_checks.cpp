// A unit row against itself: its invariants (model/invariants.hpp), each printed rate recomputed
// from the row's printed figures, and the figures a table leaves out implied by its printed rates.
#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "ntreport/model/invariants.hpp"
#include "ntreport/text/numbers.hpp"
#include "ntreport/text/translate.hpp"
#include "table_audit.hpp"

namespace ntr::audit {

namespace {

bool printed_all(const Row& r, std::uint32_t mask) {
  return (r.values.present & mask) == mask && (r.bad & mask) == 0;
}

// The printed value of a rate at `decimals` places.
std::int64_t value_at(const PrintedRate& p, std::uint32_t decimals) {
  return rescale_half_up(p.scaled, p.decimals, decimals);
}

}  // namespace

void TableAudit::check_unit(const Row& r, Bounds& b) {
  check_invariants(r);
  for (const auto& def : rates()) {
    if (t_.columns.rate_col[static_cast<std::size_t>(def.id)] == 0) continue;
    const Field first = def.numerator[0].field;
    if (t_.implied_by[static_cast<std::size_t>(first)] == def.id) {
      imply(r, first, def, b);
    } else {
      check_rate(r, def.id, b, AuditFinding::Check::rate);
    }
  }
}

void TableAudit::check_invariants(const Row& r) {
  for (const Invariant& inv : invariants()) {
    if (inv.kind == Invariant::Kind::at_most) {
      check_at_most(r, inv.parts[0], inv.whole);
      continue;
    }
    if (printed_all(r, inv.mask())) {
      check_sum_of(r, inv);
      continue;
    }
    // Without every figure, the parts that are not derived are each at most the whole,
    // unless a bound of the table says so already.
    for (Field p : inv.parts) {
      if (p != inv.derived && bound_of(p, inv.whole) == nullptr) check_at_most(r, p, inv.whole);
    }
  }
}

// The derived figure of a sum against the others: whole = Σ parts, or part = whole − others.
void TableAudit::check_sum_of(const Row& r, const Invariant& inv) {
  ++checks_;
  const bool whole = inv.derived == inv.whole;
  std::int64_t sum = 0;
  std::string names;
  std::string values;
  auto term = [&](Field f, int coef) {
    sum += coef * r.values.get(f);
    const std::string_view op = names.empty() ? "" : coef > 0 ? " + " : " − ";
    names += fmt::format("{}{}", op, field_def(f).label);
    values += fmt::format("{}{}", op, format_count(r.values.get(f)));
  };
  if (!whole) term(inv.whole, 1);
  for (Field p : inv.parts) {
    if (p != inv.derived) term(p, whole ? 1 : -1);
  }
  const Field total = inv.derived;
  if (sum == r.values.get(total)) return;
  const auto ti = static_cast<std::size_t>(total);
  add(r, t_.columns.field_col[ti], t_.columns.field_header[ti], std::string(field_def(total).key),
      r.text[ti], format_count(sum), fmt::format("{} = {} = {}", names, values, format_count(sum)),
      AuditFinding::Check::invariant);
}

void TableAudit::check_at_most(const Row& r, Field small, Field big) {
  if (!printed_all(r, field_bit(small) | field_bit(big))) return;
  ++checks_;
  if (r.values.get(small) <= r.values.get(big)) return;
  const auto si = static_cast<std::size_t>(small);
  const std::string limit = format_count(r.values.get(big));
  add(r, t_.columns.field_col[si], t_.columns.field_header[si], std::string(field_def(small).key),
      r.text[si], trf("at most {}", limit),
      fmt::format("{} ≤ {} = {}", field_def(small).label, field_def(big).label, limit),
      AuditFinding::Check::invariant);
}

// The figure f is not printed; the rate printed beside the denominator tells which whole
// numbers it can be. Those go into the sums; when there are none, the rate is a slip.
void TableAudit::imply(const Row& r, Field f, const RateDef& def, Bounds& b) {
  const auto fi = static_cast<std::size_t>(f);
  const auto ri = static_cast<std::size_t>(def.id);
  const auto den = b.eval(def.denominator);
  const auto& p = r.rates[ri];
  // A blank rate implies nothing: the figure is blank, and the row's figures of its group
  // stay out of the sums, as in a build (counted()).
  if (!p) return;
  if (!den || !den->exact()) {
    b.broken |= field_bit(f);
    return;
  }
  ++checks_;
  const std::int64_t d = den->lo;
  const std::string& column = t_.columns.rate_header[ri];
  const std::string key(def.key);
  const std::string den_text = format_count(d);
  auto set = [&](Range k) {
    b.lo.set(f, k.lo);
    b.hi[fi] = k.hi;
  };
  const bool zero = p->kind == PrintedRate::Kind::none || p->scaled == 0;
  if (d == 0) {
    set(Range{0, 0});
    if (zero) return;
    add(r, t_.columns.rate_col[ri], column, key, p->text, "-",
        trf("{} = 0: no rate", field_def(def.denominator[0].field).label),
        AuditFinding::Check::rate);
    return;
  }
  if (p->kind == PrintedRate::Kind::none) {
    set(Range{0, d});
    add(r, t_.columns.rate_col[ri], column, key, p->text, std::string(tr("a percentage")),
        trf("{} = {}, not 0", field_def(def.denominator[0].field).label, den_text),
        AuditFinding::Check::rate);
    return;
  }
  const std::uint32_t q = decimals_for(*p);
  const std::int64_t v = value_at(*p, q);
  Range k = numerators_printing_as(v, q, d);
  k.lo = std::max<std::int64_t>(k.lo, 0);
  k.hi = std::min(k.hi, d);
  if (!k.empty()) {
    set(k);
    return;
  }
  // No whole number prints as the rate: its neighbours stand in for the sums.
  const Range near = numerators_printing_as(v, q, d);
  const std::int64_t below = std::clamp<std::int64_t>(near.hi, 0, d);
  const std::int64_t above = std::clamp<std::int64_t>(near.lo, 0, d);
  set(Range{std::min(below, above), std::max(below, above)});
  auto pct = [&](std::int64_t n, std::uint32_t dec) {
    return format_scaled_percent(percent_scaled(n, d, dec, Rounding::half_up), dec);
  };
  add(r, t_.columns.rate_col[ri], column, key, p->text,
      trf("{} or {}", pct(below, q), pct(above, q)),
      trf("no whole number of {} out of {} gives {}: {} / {} = {}, {} / {} = {}",
          field_def(f).label, den_text, format_scaled_percent(v, q), format_count(below), den_text,
          pct(below, q + 2), format_count(above), den_text, pct(above, q + 2)),
      AuditFinding::Check::rate);
}

}  // namespace ntr::audit
