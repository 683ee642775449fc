// After every file: the invariants of SPEC §2.4 on each unit's figures, and the totals a file
// may leave out (received = the channels, not digitized = resolved − digitized).
#include <fmt/format.h>

#include <charconv>

#include "ntreport/ingest/count.hpp"
#include "ntreport/text/normalize.hpp"
#include "ntreport/text/numbers.hpp"
#include "state.hpp"

namespace ntr {

namespace {
bool all_of(const Values& v, std::initializer_list<Field> fs) {
  for (Field f : fs) {
    if (!v.has(f)) return false;
  }
  return true;
}
}  // namespace

namespace {
bool is_digit(char c) { return c >= '0' && c <= '9'; }

// "1.5", "12,5", "0.25": digits around one decimal mark that is no thousands grouping.
bool looks_fractional(std::string_view t) {
  const std::size_t mark = t.find_first_of(".,");
  if (mark == std::string_view::npos || mark == 0 || mark + 1 == t.size()) return false;
  if (t.find_first_of(".,", mark + 1) != std::string_view::npos) return false;
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (i != mark && !is_digit(t[i])) return false;
  }
  return true;
}
}  // namespace

std::string not_a_count_hint(CellType type, std::string_view text) {
  if (type == CellType::error) return "the cell holds a spreadsheet error; fix its formula";
  if (type == CellType::boolean) return "the cell holds TRUE/FALSE";
  if (type == CellType::date) return "the cell holds a date; write the count as a number";
  const std::string_view t = trim(text);
  if (t == "-" || t == "x" || t == "X") return "leave the cell empty when not reported, or write 0";
  if (!t.empty() && (t.front() == '-' || t.front() == '(')) return "counts cannot be negative";
  if (type == CellType::number) {
    double d = 0;
    std::from_chars(t.data(), t.data() + t.size(), d);
    if (d > static_cast<double>(kMaxCount)) return "the number is larger than any count can be";
  }
  if (type == CellType::number || looks_fractional(t)) {
    return "a count is a whole number; '.' and ',' only group thousands, as in 98.076";
  }
  // "12 hồ sơ": a count followed by words.
  const std::size_t space = t.find(' ');
  if (space != std::string_view::npos && parse_count(CellType::text, t.substr(0, space)) &&
      t.find_first_of("0123456789", space) == std::string_view::npos) {
    return "write the number alone, without words or units";
  }
  return {};
}

void Ingest::State::check_unit(UnitId u) {
  Values& v = own[static_cast<std::size_t>(u)];
  const std::string_view name = registry.unit(u).name;
  auto hdr = [&](Field f) -> std::string {
    const Origin o = origin(u, f);
    return o.table == kNone ? std::string(field_def(f).label) : header(o.table, f);
  };
  auto at = [&](Field f) { return loc(origin(u, f), f); };

  using F = Field;
  if (all_of(v, {F::received_direct, F::received_online, F::received_postal})) {
    const std::int64_t sum =
        v.get(F::received_direct) + v.get(F::received_online) + v.get(F::received_postal);
    if (!v.has(F::received)) {
      v.set(F::received, sum);
    } else if (v.get(F::received) != sum) {
      diags.error(
          "channels-dont-sum", at(F::received),
          fmt::format("\"{}\" of \"{}\" is {}, but \"{}\" + \"{}\" + \"{}\" = {} + {} + {} = {}",
                      hdr(F::received), name, format_count(v.get(F::received)),
                      hdr(F::received_direct), hdr(F::received_online), hdr(F::received_postal),
                      format_count(v.get(F::received_direct)),
                      format_count(v.get(F::received_online)),
                      format_count(v.get(F::received_postal)), format_count(sum)));
    }
  }
  if (all_of(v, {F::resolved, F::digitized})) {
    if (v.get(F::digitized) > v.get(F::resolved)) {
      diags.error("digitized-exceeds-resolved", at(F::digitized),
                  fmt::format("\"{}\" of \"{}\" is {}, more than \"{}\" ({})", hdr(F::digitized),
                              name, format_count(v.get(F::digitized)), hdr(F::resolved),
                              format_count(v.get(F::resolved))));
    } else if (!v.has(F::not_digitized)) {
      v.set(F::not_digitized, v.get(F::resolved) - v.get(F::digitized));
    } else if (v.get(F::not_digitized) != v.get(F::resolved) - v.get(F::digitized)) {
      diags.error("not-digitized-mismatch", at(F::not_digitized),
                  fmt::format("\"{}\" of \"{}\" is {}, but \"{}\" − \"{}\" = {} − {} = {}",
                              hdr(F::not_digitized), name, format_count(v.get(F::not_digitized)),
                              hdr(F::resolved), hdr(F::digitized), format_count(v.get(F::resolved)),
                              format_count(v.get(F::digitized)),
                              format_count(v.get(F::resolved) - v.get(F::digitized))));
    }
  }
  if (all_of(v, {F::with_fee, F::paid_online}) && v.get(F::paid_online) > v.get(F::with_fee)) {
    diags.error("paid-exceeds-with-fee", at(F::paid_online),
                fmt::format("\"{}\" of \"{}\" is {}, more than \"{}\" ({})", hdr(F::paid_online),
                            name, format_count(v.get(F::paid_online)), hdr(F::with_fee),
                            format_count(v.get(F::with_fee))));
  }
  if (all_of(v, {F::docs_out, F::docs_out_signed}) &&
      v.get(F::docs_out_signed) > v.get(F::docs_out)) {
    diags.error("signed-exceeds-out", at(F::docs_out_signed),
                fmt::format("\"{}\" of \"{}\" is {}, more than \"{}\" ({})",
                            hdr(F::docs_out_signed), name, format_count(v.get(F::docs_out_signed)),
                            hdr(F::docs_out), format_count(v.get(F::docs_out))));
  }
}

Figures Ingest::State::finish() {
  for (std::size_t u = 0; u < own.size(); ++u) {
    if (!own[u].empty()) check_unit(static_cast<UnitId>(u));
  }
  Figures out;
  out.own = std::move(own);
  out.files = std::move(files_with_tables);
  out.tables = static_cast<std::uint32_t>(tables.size());
  out.unit_rows = unit_rows;
  return out;
}

}  // namespace ntr
