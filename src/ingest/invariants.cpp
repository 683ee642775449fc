// After every file: each unit's figures checked and completed (completeness.cpp), and the
// hints for cells that are not counts.
#include <fmt/format.h>

#include <charconv>

#include "ntreport/ingest/count.hpp"
#include "ntreport/text/normalize.hpp"
#include "ntreport/text/numbers.hpp"
#include "ntreport/text/translate.hpp"
#include "state.hpp"

namespace ntr {

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

// Why a cell is not a count, and what to write instead; empty when nothing more is known.
std::string_view not_a_count_reason(CellType type, std::string_view text) {
  if (type == CellType::error) return tr("the cell holds a spreadsheet error; fix its formula");
  if (type == CellType::boolean) return tr("the cell holds TRUE/FALSE");
  if (type == CellType::date) return tr("the cell holds a date; write the count as a number");
  const std::string_view t = trim(text);
  if (t == "-" || t == "x" || t == "X") {
    return tr("leave the cell empty when not reported, or write 0");
  }
  if (!t.empty() && (t.front() == '-' || t.front() == '(')) return tr("counts cannot be negative");
  if (type == CellType::number) {
    double d = 0;
    std::from_chars(t.data(), t.data() + t.size(), d);
    if (d > static_cast<double>(kMaxCount)) {
      return tr("the number is larger than any count can be");
    }
  }
  if (type == CellType::number || looks_fractional(t)) {
    return tr("a count is a whole number; '.' and ',' only group thousands, as in 98.076");
  }
  // "12 hồ sơ": a count followed by words.
  const std::size_t space = t.find(' ');
  if (space != std::string_view::npos && parse_count(CellType::text, t.substr(0, space)) &&
      t.find_first_of("0123456789", space) == std::string_view::npos) {
    return tr("write the number alone, without words or units");
  }
  return {};
}
}  // namespace

std::string not_a_count_hint(CellType type, std::string_view text) {
  return std::string(not_a_count_reason(type, text));
}

Figures Ingest::State::finish() {
  for (std::size_t u = 0; u < own.size(); ++u) {
    if (!own[u].empty() || invalid[u] != 0) check_unit(static_cast<UnitId>(u));
  }
  report_no_column();
  Figures out;
  out.own = std::move(own);
  out.invalid = std::move(invalid);
  out.files = std::move(files_with_tables);
  out.tables = static_cast<std::uint32_t>(tables.size());
  out.unit_rows = unit_rows;
  // The places of the figures outlive the reading: the state is done with them.
  struct Places {
    std::deque<TableInfo> tables;
    std::vector<UnitOrigin> origins;
    std::unordered_map<std::uint64_t, Origin> other;
  };
  auto places = std::make_shared<const Places>(
      Places{std::move(tables), std::move(origins), std::move(other_origins)});
  out.where = [places](UnitId u, Field f) -> std::optional<SourceLoc> {
    const auto i = static_cast<std::size_t>(u);
    if (i >= places->origins.size() || (places->origins[i].fields & field_bit(f)) == 0)
      return std::nullopt;
    Origin o = places->origins[i].base;
    const std::uint64_t key = origin_key(u, f);
    if (const auto it = places->other.find(key); it != places->other.end()) o = it->second;
    if (o.table >= places->tables.size()) return std::nullopt;
    const TableInfo& t = places->tables[o.table];
    return t.sheet.loc(o.row, t.col_of_field[static_cast<std::size_t>(f)]);
  };
  return out;
}

}  // namespace ntr
