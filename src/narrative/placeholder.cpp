#include "placeholder.hpp"

#include <fmt/format.h>
#include <utf8proc.h>

#include <algorithm>
#include <array>
#include <utility>

#include "ntreport/model/exact.hpp"
#include "ntreport/report/labels.hpp"
#include "ntreport/text/normalize.hpp"
#include "ntreport/text/numbers.hpp"
#include "ntreport/text/translate.hpp"

namespace ntr::narrative {

namespace {

// The clauses a sentence's placeholders expand into, unless the template words them itself:
// [narrative] of templates/labels.toml.
constexpr std::array<std::pair<std::string_view, std::string Labels::*>, 11> kWords{{
    {"target_met", &Labels::narrative_target_met},
    {"target_reached", &Labels::narrative_target_reached},
    {"target_missed", &Labels::narrative_target_missed},
    {"change_up", &Labels::narrative_change_up},
    {"change_down", &Labels::narrative_change_down},
    {"change_same", &Labels::narrative_change_same},
    {"change_small", &Labels::narrative_change_small},
    {"coverage", &Labels::narrative_coverage},
    {"list_sep", &Labels::narrative_list_sep},
    {"list_and", &Labels::narrative_list_and},
    {"list_more", &Labels::narrative_list_more},
}};

struct Placeholder {
  enum class Kind : std::uint8_t {
    level,
    level_upper,
    list,
    count,
    name,
    coverage,
    sum,
    share,
    rate,
    target,
    change
  } kind = Kind::sum;
  std::vector<Field> a, b;  // sum: a; share: a / b; change: a
  Rate rate = Rate::signed_ratio;
};
using Kind = Placeholder::Kind;

std::optional<std::vector<Field>> parse_sum(std::string_view s) {
  std::vector<Field> out;
  while (true) {
    const std::size_t plus = s.find('+');
    const auto f = field_by_key(trim(s.substr(0, plus)));
    if (!f) return std::nullopt;
    out.push_back(*f);
    if (plus == std::string_view::npos) return out;
    s.remove_prefix(plus + 1);
  }
}

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

std::optional<Placeholder> parse(std::string_view key) {
  static constexpr std::array<std::pair<std::string_view, Kind>, 6> kNamed{{
      {"level", Kind::level},
      {"Level", Kind::level_upper},
      {"list", Kind::list},
      {"count", Kind::count},
      {"name", Kind::name},
      {"coverage", Kind::coverage},
  }};
  for (const auto& [k, kind] : kNamed) {
    if (key == k) return Placeholder{kind, {}, {}, {}};
  }
  Placeholder p;
  if (ends_with(key, ".target")) {
    const auto r = rate_by_key(key.substr(0, key.size() - 7));
    if (!r) return std::nullopt;
    p.kind = Kind::target;
    p.rate = *r;
    return p;
  }
  if (ends_with(key, ".change")) key = key.substr(0, key.size() - 7), p.kind = Kind::change;
  if (const std::size_t slash = key.find('/'); slash != std::string_view::npos) {
    auto a = parse_sum(key.substr(0, slash));
    auto b = parse_sum(key.substr(slash + 1));
    if (!a || !b || p.kind == Kind::change) return std::nullopt;
    return Placeholder{Kind::share, std::move(*a), std::move(*b), {}};
  }
  if (const auto r = rate_by_key(trim(key)); r && p.kind != Kind::change) {
    p.kind = Kind::rate;
    p.rate = *r;
    return p;
  }
  auto a = parse_sum(key);
  if (!a) return std::nullopt;
  p.a = std::move(*a);
  return p;
}

bool allowed(Kind k, Part part) {
  switch (k) {
    case Kind::level:
    case Kind::level_upper:
      return part == Part::level_text || part == Part::list_text;
    case Kind::list:
      return part == Part::levels_text || part == Part::list_text;
    case Kind::count:
      return part == Part::list_text;
    case Kind::name:
      return part == Part::unit_item;
    case Kind::coverage:
      return part == Part::level_text || part == Part::total_text;
    case Kind::sum:
    case Kind::share:
    case Kind::rate:
      return part == Part::level_text || part == Part::total_text || part == Part::unit_item;
    case Kind::target:
    case Kind::change:
      return part == Part::level_text || part == Part::total_text;
  }
  return false;
}

// Calls `each(key)` for every placeholder and `text(s)` for the text between; false (with
// `error`) on an unclosed brace.
template <typename Text, typename Each>
bool scan(std::string_view s, Text&& text, Each&& each, std::string& error) {
  while (!s.empty()) {
    const std::size_t open = s.find('{');
    text(s.substr(0, open));
    if (open == std::string_view::npos) return true;
    const std::size_t close = s.find('}', open);
    if (close == std::string_view::npos) {
      error = trf("\"{{\" without \"}}\" in \"{}\"", s.substr(open));
      return false;
    }
    if (!each(s.substr(open + 1, close - open - 1))) return false;
    s.remove_prefix(close + 1);
  }
  return true;
}

// "Cấp tỉnh" → "cấp tỉnh": the first letter in lower case.
std::string lower_first(std::string_view s) {
  utf8proc_int32_t cp = 0;
  const auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data()),
                                  static_cast<utf8proc_ssize_t>(s.size()), &cp);
  if (n <= 0) return std::string(s);
  std::array<utf8proc_uint8_t, 4> buf{};
  const auto len = utf8proc_encode_char(utf8proc_tolower(cp), buf.data());
  return std::string(reinterpret_cast<const char*>(buf.data()), static_cast<std::size_t>(len)) +
         std::string(s.substr(static_cast<std::size_t>(n)));
}

std::string replace_all(std::string s, std::string_view from, std::string_view to) {
  for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
    s.replace(at, from.size(), to);
  return s;
}

std::optional<std::int64_t> sum_of(const std::vector<Field>& fields, const Values& v) {
  std::int64_t total = 0;
  for (Field f : fields) {
    if (!v.has(f)) return std::nullopt;
    total += v.get(f);
  }
  return total;
}

NarrativeFigure percent_figure(std::string key, std::int64_t num, std::int64_t den,
                               const Context& ctx) {
  NarrativeFigure f{std::move(key),
                    ctx.level_id,
                    ctx.unit_code,
                    NarrativeFigure::Kind::percent,
                    percent_scaled(num, den, 2, Rounding::half_up),
                    num,
                    den,
                    {}};
  f.text = format_hundredths(f.value);
  return f;
}

// {rate.target}: the target clause for the rate as stated (its rounded value), or empty.
std::optional<std::string> target_clause(const Placeholder& p, const Context& ctx,
                                         std::vector<NarrativeFigure>& figures) {
  const RateTarget* t = ctx.target ? ctx.target(p.rate) : nullptr;
  if (t == nullptr) return std::string();
  const Cell c = rate_cell(*ctx.values, p.rate, "-");
  if (!c.defined_rate()) return std::nullopt;
  const std::int64_t stated = percent_scaled(c.num, c.den, 2, Rounding::half_up);
  const std::int64_t gap = stated - t->hundredths;
  std::string w = word(*ctx.def, gap > 0    ? "target_met"
                                 : gap == 0 ? "target_reached"
                                            : "target_missed");
  w = replace_all(std::move(w), "{target}", format_hundredths(t->hundredths));
  w = replace_all(std::move(w), "{excess}", format_hundredths(gap));
  w = replace_all(std::move(w), "{shortfall}", format_hundredths(-gap));
  figures.push_back(NarrativeFigure{std::string(rate_def(p.rate).key) + ".target",
                                    ctx.level_id,
                                    {},
                                    NarrativeFigure::Kind::percent,
                                    t->hundredths,
                                    0,
                                    0,
                                    format_hundredths(t->hundredths)});
  return w;
}

// {sum.change}: the comparison with the earlier period, or empty without one.
std::string change_clause(const Placeholder& p, std::int64_t now, std::string key,
                          const Context& ctx, std::vector<NarrativeFigure>& figures) {
  if (ctx.previous == nullptr) return {};
  const auto before = sum_of(p.a, *ctx.previous);
  if (!before || *before <= 0) return {};
  const std::int64_t diff = now - *before;
  NarrativeFigure f = percent_figure(std::move(key), diff < 0 ? -diff : diff, *before, ctx);
  const std::string w = word(*ctx.def, diff > 0   ? "change_up"
                                       : diff < 0 ? "change_down"
                                                  : "change_same");
  // a change too small for two decimals is not "0%"
  if (diff != 0 && f.value == 0) f.text = word(*ctx.def, "change_small");
  const std::string text = replace_all(w, "{change}", f.text);
  f.num = diff;
  figures.push_back(std::move(f));
  return text;
}

std::optional<std::string> figure(const Placeholder& p, std::string_view key, const Context& ctx,
                                  std::vector<NarrativeFigure>& figures) {
  const Values& v = *ctx.values;
  switch (p.kind) {
    case Kind::rate: {
      const Cell c = rate_cell(v, p.rate, "-");
      if (!c.defined_rate()) return std::nullopt;
      figures.push_back(percent_figure(std::string(key), c.num, c.den, ctx));
      return figures.back().text;
    }
    case Kind::share: {
      const auto a = sum_of(p.a, v);
      const auto b = sum_of(p.b, v);
      if (!a || !b || *b <= 0) return std::nullopt;
      figures.push_back(percent_figure(std::string(key), *a, *b, ctx));
      return figures.back().text;
    }
    case Kind::target:
      return target_clause(p, ctx, figures);
    default:
      break;
  }
  const auto n = sum_of(p.a, v);
  if (!n) return std::nullopt;
  if (p.kind == Kind::change) return change_clause(p, *n, std::string(key), ctx, figures);
  figures.push_back(NarrativeFigure{std::string(key), ctx.level_id, ctx.unit_code,
                                    NarrativeFigure::Kind::count, *n, 0, 0, format_count(*n)});
  return figures.back().text;
}

std::optional<std::string> value_of(const Placeholder& p, std::string_view key, const Context& ctx,
                                    std::vector<NarrativeFigure>& figures) {
  switch (p.kind) {
    case Kind::level:
      return lower_first(ctx.level_label);
    case Kind::level_upper:
      return ctx.level_label;
    case Kind::list:
      return ctx.list;
    case Kind::count:
      return format_count(static_cast<std::int64_t>(ctx.count));
    case Kind::name:
      return ctx.unit_name;
    case Kind::coverage:
      return ctx.coverage;
    default:
      return figure(p, key, ctx, figures);
  }
}

}  // namespace

bool is_word(std::string_view key) {
  return std::any_of(kWords.begin(), kWords.end(), [&](const auto& w) { return w.first == key; });
}

std::string word(const NarrativeDef& def, std::string_view key) {
  if (auto it = def.words.find(key); it != def.words.end()) return it->second;
  for (const auto& [k, w] : kWords) {
    if (k == key) return labels().*w;
  }
  return {};
}

std::string check_placeholders(std::string_view text, Part part) {
  std::string error;
  scan(
      text, [](std::string_view) {},
      [&](std::string_view key) {
        const auto p = parse(key);
        if (!p) {
          error = trf("{{{}}} names no figure, rate or word", key);
        } else if (!allowed(p->kind, part)) {
          error = trf("{{{}}} cannot be used in this part of this sentence", key);
        }
        return error.empty();
      },
      error);
  return error;
}

std::optional<std::string> expand(std::string_view text, const Context& ctx,
                                  std::vector<NarrativeFigure>& figures) {
  std::string out;
  bool missing = false;
  std::string error;
  const std::size_t before = figures.size();
  scan(
      text, [&](std::string_view s) { out += s; },
      [&](std::string_view key) {
        const auto p = parse(key);
        const auto v = p ? value_of(*p, key, ctx, figures) : std::nullopt;
        if (!v) missing = true;
        out += v.value_or("");
        return !missing;
      },
      error);
  if (missing || !error.empty()) {
    figures.resize(before);
    return std::nullopt;
  }
  return out;
}

std::string join_list(const std::vector<std::string>& items, const NarrativeDef& def,
                      std::size_t more) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += word(def, i + 1 == items.size() && more == 0 ? "list_and" : "list_sep");
    out += items[i];
  }
  if (more > 0)
    out += replace_all(word(def, "list_more"), "{more}",
                       format_count(static_cast<std::int64_t>(more)));
  return out;
}

}  // namespace ntr::narrative
