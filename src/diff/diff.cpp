// Row by row, figure by figure: what changed between two summary.json documents.
#include "ntreport/diff/diff.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <map>
#include <set>

#include "ntreport/diff/decimal.hpp"
#include "ntreport/model/exact.hpp"
#include "ntreport/model/fields.hpp"
#include "ntreport/report/labels.hpp"
#include "ntreport/text/numbers.hpp"
#include "ntreport/text/translate.hpp"

namespace ntr {

namespace {

using Kind = JsonValue::Kind;

// One row of an appendix: a unit, group, level, total or target row.
struct Entry {
  std::string key;    // what rows are matched by
  std::string label;  // what the diff prints
  const JsonValue* values = nullptr;
};

// Members of a row object that name it rather than hold its figures.
bool is_meta(std::string_view key) {
  return key == "name" || key == "level" || key == "label" || key == "area" || key == "stt" ||
         key == "status" || key == "units" || key == "units_reported" || key == "coverage_note" ||
         key == "previous" || key == "not_comparable";
}

std::string member_text(const JsonValue& obj, std::string_view key, std::string fallback) {
  const JsonValue* v = obj.find(key);
  return v != nullptr && v->is(Kind::string) ? v->text : fallback;
}

// The rows in the order a reader meets them: units, area groups, levels, the total, targets.
std::vector<Entry> entries(const JsonValue& appendix) {
  std::vector<Entry> out;
  auto keyed = [&](std::string_view member, std::string_view prefix, std::string_view label) {
    const JsonValue* rows = appendix.find(member);
    if (rows == nullptr || !rows->is(Kind::object)) return;
    for (const auto& m : rows->members) {
      if (!m.value.is(Kind::object)) continue;
      out.push_back(
          Entry{fmt::format("{}:{}", prefix, m.key), member_text(m.value, label, m.key), &m.value});
    }
  };
  keyed("units", "unit", "name");
  if (const JsonValue* groups = appendix.find("groups"); groups && groups->is(Kind::array)) {
    for (const auto& g : groups->items) {
      if (!g.is(Kind::object)) continue;
      out.push_back(
          Entry{fmt::format("group:{}:{}", member_text(g, "level", ""), member_text(g, "area", "")),
                member_text(g, "label", ""), &g});
    }
  }
  keyed("levels", "level", "label");
  if (const JsonValue* total = appendix.find("total"); total && total->is(Kind::object))
    out.push_back(Entry{"total", member_text(*total, "label", labels().total), total});
  if (const JsonValue* items = appendix.find("items"); items && items->is(Kind::array)) {
    std::map<std::string, int> seen;  // target rows repeat their numbers across sections
    for (const auto& it : items->items) {
      if (!it.is(Kind::object)) continue;
      const std::string label = member_text(it, "label", "");
      const std::string base = fmt::format("item:{}:{}", member_text(it, "stt", ""), label);
      out.push_back(Entry{fmt::format("{}#{}", base, seen[base]++), label, &it});
    }
  }
  // Rows that share a key (two groups of one level and area) are matched in their order.
  std::set<std::string> keys;
  for (auto& e : out) {
    for (int n = 1; !keys.insert(e.key).second; ++n) {
      if (n > 1) e.key.erase(e.key.rfind('#'));
      e.key += fmt::format("#{}", n);
    }
  }
  return out;
}

std::string field_label(std::string_view key) {
  if (auto f = field_by_key(key)) return std::string(field_def(*f).label);
  if (auto r = rate_by_key(key)) return std::string(rate_def(*r).label);
  return std::string(key);
}

bool is_rate_key(std::string_view key) { return rate_by_key(key).has_value() || key == "result"; }

std::optional<std::int64_t> as_count(const JsonValue& v) {
  if (!v.is(Kind::number)) return std::nullopt;
  std::int64_t n = 0;
  const auto* end = v.text.data() + v.text.size();
  const auto [p, ec] = std::from_chars(v.text.data(), end, n);
  if (ec != std::errc{} || p != end) return std::nullopt;
  return n;
}

// A value as the tables print it; empty for an absent value.
std::string display(const JsonValue* v, bool rate) {
  if (v == nullptr) return {};
  switch (v->kind) {
    case Kind::null:
      return "-";
    case Kind::boolean:
      return v->boolean ? "true" : "false";
    case Kind::string:
      return v->text;
    case Kind::number:
      if (rate) {
        if (auto d = Decimal::parse(v->text)) return format_rate(*d);
      } else if (auto n = as_count(*v)) {
        return format_count(*n);
      }
      return v->text;
    case Kind::array:
    case Kind::object:
      return "…";
  }
  return {};
}

bool same(const JsonValue* a, const JsonValue* b) {
  if (a == nullptr || b == nullptr) return a == b;
  if (a->kind != b->kind) return false;
  switch (a->kind) {
    case Kind::null:
      return true;
    case Kind::boolean:
      return a->boolean == b->boolean;
    case Kind::number: {
      const auto x = Decimal::parse(a->text);
      const auto y = Decimal::parse(b->text);
      return x && y ? *x == *y : a->text == b->text;
    }
    case Kind::string:
      return a->text == b->text;
    case Kind::array:
      return std::equal(a->items.begin(), a->items.end(), b->items.begin(), b->items.end(),
                        [](const JsonValue& x, const JsonValue& y) { return same(&x, &y); });
    case Kind::object:
      return std::equal(
          a->members.begin(), a->members.end(), b->members.begin(), b->members.end(),
          [](const auto& x, const auto& y) { return x.key == y.key && same(&x.value, &y.value); });
  }
  return false;
}

std::string change_text(const JsonValue* a, const JsonValue* b, bool rate) {
  if (a == nullptr || b == nullptr || !a->is(Kind::number) || !b->is(Kind::number)) return {};
  if (rate) {
    const auto x = Decimal::parse(a->text);
    const auto y = Decimal::parse(b->text);
    return x && y ? rate_change(*x, *y) : std::string{};
  }
  const auto x = as_count(*a);
  const auto y = as_count(*b);
  return x && y ? count_change(*x, *y) : std::string{};
}

// The figure keys of a row on either side: the new side's order, then those only the old has.
std::vector<std::string> value_keys(const JsonValue* old_row, const JsonValue* new_row) {
  std::vector<std::string> keys;
  for (const JsonValue* row : {new_row, old_row}) {
    if (row == nullptr) continue;
    for (const auto& m : row->members) {
      if (is_meta(m.key) || std::find(keys.begin(), keys.end(), m.key) != keys.end()) continue;
      keys.push_back(m.key);
    }
  }
  return keys;
}

void diff_row(const std::string& appendix, const std::string& label, const JsonValue* old_row,
              const JsonValue* new_row, std::vector<FigureChange>& out) {
  for (const auto& key : value_keys(old_row, new_row)) {
    const JsonValue* a = old_row != nullptr ? old_row->find(key) : nullptr;
    const JsonValue* b = new_row != nullptr ? new_row->find(key) : nullptr;
    if (same(a, b)) continue;
    const bool rate = is_rate_key(key);
    out.push_back(FigureChange{appendix, label, field_label(key), display(a, rate),
                               display(b, rate), change_text(a, b, rate)});
  }
}

void diff_appendix(const std::string& id, const JsonValue& old_app, const JsonValue& new_app,
                   std::vector<FigureChange>& out) {
  const std::vector<Entry> old_rows = entries(old_app);
  const std::vector<Entry> new_rows = entries(new_app);
  auto find = [](const std::vector<Entry>& rows, const std::string& key) -> const Entry* {
    for (const auto& e : rows) {
      if (e.key == key) return &e;
    }
    return nullptr;
  };
  for (const auto& e : new_rows) {
    const Entry* o = find(old_rows, e.key);
    diff_row(id, e.label, o != nullptr ? o->values : nullptr, e.values, out);
  }
  for (const auto& e : old_rows) {
    if (find(new_rows, e.key) == nullptr) diff_row(id, e.label, e.values, nullptr, out);
  }
}

const JsonValue* appendices_of(const JsonValue& summary, const std::string& name,
                               Diagnostics& diags) {
  const JsonValue* a = summary.is(Kind::object) ? summary.find("appendices") : nullptr;
  if (a == nullptr || !a->is(Kind::object)) {
    diags.error("bad-json", SourceLoc{name, {}, 0, 0, 0, false},
                std::string(tr("not a summary.json of ntreport: it has no \"appendices\" "
                               "object")));
    return nullptr;
  }
  return a;
}

}  // namespace

std::string count_change(std::int64_t old_value, std::int64_t new_value) {
  const std::int64_t delta = new_value - old_value;
  std::string text = format_count(delta);
  if (delta > 0) text.insert(0, 1, '+');
  if (old_value <= 0) return text;
  // delta / old in hundredths of a percent: a rise and a fall of the same size print the
  // same digits (docs/spec.md, "Rounding")
  const std::int64_t h = percent_scaled(delta, old_value, 2, Rounding::half_away_from_zero);
  if (h == 0 && delta != 0) return fmt::format("{} ({}<0,01%)", text, delta > 0 ? '+' : '-');
  return fmt::format("{} ({}{})", text, h > 0 ? "+" : "", format_hundredths(h));
}

SummaryDiff diff_summaries(const JsonValue& old_summary, const std::string& old_name,
                           const JsonValue& new_summary, const std::string& new_name,
                           Diagnostics& diags) {
  SummaryDiff d;
  const JsonValue* olds = appendices_of(old_summary, old_name, diags);
  const JsonValue* news = appendices_of(new_summary, new_name, diags);
  if (olds == nullptr || news == nullptr) return d;
  for (const auto& m : news->members) {
    if (const JsonValue* o = olds->find(m.key)) {
      diff_appendix(m.key, *o, m.value, d.changes);
    } else {
      d.notes.push_back(fill(labels().diff_only_in, {{"id", m.key}, {"build", new_name}}));
    }
  }
  for (const auto& m : olds->members) {
    if (news->find(m.key) == nullptr)
      d.notes.push_back(fill(labels().diff_only_in, {{"id", m.key}, {"build", old_name}}));
  }
  return d;
}

}  // namespace ntr
