// Printed rates against the figures they come from, and printed subtotals against the rows
// they cover: each count from the sum, each rate from the recomputed sums.
#include <fmt/format.h>

#include <algorithm>

#include "ntreport/text/numbers.hpp"
#include "ntreport/text/translate.hpp"
#include "table_audit.hpp"

namespace ntr::audit {

namespace {
// The rows whose figure f went into the sum: those not left out of its group.
std::vector<std::uint32_t> counted_rows(const Bounds& sum, Field f) {
  std::vector<std::uint32_t> out = sum.left_out[static_cast<std::size_t>(field_def(f).group)];
  if (out.empty()) return sum.rows;
  std::sort(out.begin(), out.end());
  std::vector<std::uint32_t> in;
  for (std::uint32_t r : sum.rows) {
    if (!std::binary_search(out.begin(), out.end(), r)) in.push_back(r);
  }
  return in;
}
}  // namespace

void TableAudit::check_subtotal(const Row& r, const Bounds& sum) {
  for (Field f : printed_fields()) {
    const auto fi = static_cast<std::size_t>(f);
    if (!r.values.has(f) || ((sum.broken | r.bad) & field_bit(f)) != 0) continue;
    ++checks_;
    const std::int64_t want = sum.range(f).lo;
    if (r.values.get(f) == want) continue;
    std::string how = trf("sum of {} = {}", rows_text(counted_rows(sum, f)), format_count(want));
    if (const auto& out = sum.left_out[static_cast<std::size_t>(field_def(f).group)];
        !out.empty()) {
      how += trf("; {} left out, with blank figures", rows_text(out));
    }
    add(r, t_.columns.field_col[fi], t_.columns.field_header[fi], std::string(field_def(f).key),
        r.text[fi], format_count(want), std::move(how), AuditFinding::Check::sum);
  }
  for (const auto& def : rates()) {
    if (t_.columns.rate_col[static_cast<std::size_t>(def.id)] != 0) {
      check_rate(r, def.id, sum, AuditFinding::Check::sum_rate);
    }
  }
}

void TableAudit::check_rate(const Row& r, Rate rate, const Bounds& b, AuditFinding::Check check) {
  const auto ri = static_cast<std::size_t>(rate);
  const auto& p = r.rates[ri];
  const RateDef& def = rate_def(rate);
  const auto num = b.eval(def.numerator);
  const auto den = b.eval(def.denominator);
  if (!p || !num || !den || !den->exact()) return;
  ++checks_;
  const std::int64_t d = den->lo;
  const std::uint32_t q = decimals_for(*p);
  const bool none = p->kind == PrintedRate::Kind::none;
  const std::int64_t v = none ? 0 : rescale_half_up(p->scaled, p->decimals, q);
  std::string recomputed;
  if (d <= 0) {
    if (none || v == 0) return;
    recomputed = "-";
  } else {
    const Range ok = numerators_printing_as(v, q, d);
    if (!none && std::max(ok.lo, num->lo) <= std::min(ok.hi, num->hi)) return;
    auto pct = [&](std::int64_t n) {
      return format_scaled_percent(percent_scaled(n, d, q, Rounding::half_up), q);
    };
    recomputed = num->exact() ? pct(num->lo) : trf("{} to {}", pct(num->lo), pct(num->hi));
  }
  std::string how = ratio_text(def, b, q);
  for (const Term& term : def.numerator) {
    if (t_.implied_by[static_cast<std::size_t>(term.field)]) {
      how += trf("; {} implied by each unit's printed rate", field_def(term.field).label);
    }
  }
  add(r, t_.columns.rate_col[ri], t_.columns.rate_header[ri], std::string(def.key), p->text,
      std::move(recomputed), std::move(how), check);
}

}  // namespace ntr::audit
