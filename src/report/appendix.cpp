#include "ntreport/report/appendix.hpp"

#include <fmt/format.h>
#include <toml++/toml.h>

#include <algorithm>

#include "ntreport/report/labels.hpp"
#include "ntreport/text/names.hpp"
#include "ntreport/text/normalize.hpp"
#include "ntreport/text/translate.hpp"

namespace ntr {

namespace {

constexpr std::string_view kTargetColumns[] = {"label", "baseline", "target", "result", "note"};
constexpr std::string_view kTopKeys[] = {
    "id", "order", "sheet", "title", "period", "layout", "columns", "count_format", "rate_format"};
constexpr std::string_view kColumnKeys[] = {"group", "header", "show", "format"};

SourceLoc loc_of(const std::string& source, const toml::source_region& r) {
  return line_loc(source, static_cast<std::uint32_t>(r.begin.line));
}

template <std::size_t N>
bool known(std::string_view key, const std::string_view (&keys)[N]) {
  return std::find(std::begin(keys), std::end(keys), key) != std::end(keys);
}

std::string str(const toml::table& t, std::string_view key, std::string fallback = {}) {
  if (auto v = t[key].value<std::string>()) return *v;
  return fallback;
}

// "did you mean "received"?" for a field or rate key within two edits, else empty.
std::string closest_key(std::string_view key) {
  std::string_view best;
  std::size_t best_distance = 3;
  auto consider = [&](std::string_view candidate) {
    const std::size_t d = edit_distance(key, candidate);
    if (d < best_distance) {
      best_distance = d;
      best = candidate;
    }
  };
  for (const auto& f : fields()) consider(f.key);
  for (const auto& r : rates()) consider(r.key);
  return best.empty() ? std::string() : trf("did you mean \"{}\"?", best);
}

struct Parser {
  const std::string& source;
  Diagnostics& diags;
  bool ok = true;

  void fail(const toml::source_region& where, std::string message, std::string hint = {}) {
    diags.error("template-error", loc_of(source, where), std::move(message), std::move(hint));
    ok = false;
  }

  std::optional<ColumnDef> column(const toml::table& t, const AppendixDef& def,
                                  const std::string& count_format, const std::string& rate_format) {
    for (const auto& [k, v] : t) {
      if (!known(k.str(), kColumnKeys)) fail(v.source(), trf("unknown column key \"{}\"", k.str()));
    }
    ColumnDef c{str(t, "group"), str(t, "header"), str(t, "show"), ColumnKind::text,
                str(t, "format")};
    if (c.header.empty() || c.show.empty()) {
      fail(t.source(), std::string(tr("a column needs \"header\" and \"show\"")));
      return std::nullopt;
    }
    if (c.show == "stt") {
      c.kind = ColumnKind::stt;
    } else if (c.show == "name" || (def.layout == Layout::targets && c.show == "label")) {
      c.kind = ColumnKind::label;
    } else if (field_by_key(c.show)) {
      c.kind = ColumnKind::count;
      if (c.number_format.empty()) c.number_format = count_format;
    } else if (rate_by_key(c.show)) {
      c.kind = ColumnKind::rate;
      if (c.number_format.empty()) c.number_format = rate_format;
    } else if (def.layout == Layout::targets && c.show == "result") {
      c.kind = ColumnKind::rate;  // a computed result is a rate; a given one stays text
      if (c.number_format.empty()) c.number_format = rate_format;
    } else if (def.layout == Layout::targets && is_targets_column(c.show)) {
      c.kind = ColumnKind::text;
    } else {
      fail(t.source(),
           trf("column \"{}\" shows \"{}\", which is no field, rate or column this layout "
               "knows",
               c.header, c.show),
           closest_key(c.show));
      return std::nullopt;
    }
    return c;
  }
};

void collect_families(AppendixDef& def) {
  for (const auto& c : def.columns) {
    std::optional<Family> fam;
    std::optional<Group> group;
    if (auto f = field_by_key(c.show)) {
      fam = field_def(*f).family;
      group = field_def(*f).group;
    }
    if (auto r = rate_by_key(c.show)) {
      fam = rate_def(*r).family;
      group = rate_group(*r);
    }
    if (fam && std::find(def.families.begin(), def.families.end(), *fam) == def.families.end()) {
      def.families.push_back(*fam);
    }
    if (group && std::find(def.groups.begin(), def.groups.end(), *group) == def.groups.end()) {
      def.groups.push_back(*group);
    }
  }
  std::sort(def.groups.begin(), def.groups.end());
}

}  // namespace

bool is_targets_column(std::string_view show) { return known(show, kTargetColumns); }

std::optional<AppendixDef> parse_appendix(std::string_view text, const std::string& source,
                                          Diagnostics& diags) {
  toml::table root;
  try {
    root = toml::parse(text, source);
  } catch (const toml::parse_error& e) {
    diags.error("template-error", loc_of(source, e.source()), std::string(e.description()));
    return std::nullopt;
  }
  Parser p{source, diags};
  for (const auto& [k, v] : root) {
    if (!known(k.str(), kTopKeys)) p.fail(v.source(), trf("unknown key \"{}\"", k.str()));
  }
  AppendixDef def;
  def.source = source;
  def.id = str(root, "id");
  def.order = static_cast<int>(root["order"].value_or(std::int64_t{100}));
  def.sheet = str(root, "sheet", def.id);
  def.title = str(root, "title");
  def.period = str(root, "period", labels().period);
  const std::string layout = str(root, "layout", "level");
  const auto parsed = parse_layout(layout);
  def.layout = parsed.value_or(Layout::level);
  const std::string count_format = str(root, "count_format", "#,##0");
  const std::string rate_format = str(root, "rate_format", "0.00%");
  if (def.id.empty() || def.title.empty()) {
    p.fail(root.source(), std::string(tr("\"id\" and \"title\" are required")));
  } else if (const std::string problem = name_problem(def.id); !problem.empty()) {
    // The id names the appendix's file (<id>.md): never a path.
    p.fail(root["id"].node()->source(), trf("id \"{}\" {}; expected an id such as \"ho-so\": {}",
                                            def.id, problem, tr(kNameRule)));
  }
  if (!parsed || *parsed == Layout::comparison) {  // comparisons are made, never defined
    p.fail(root["layout"].node()->source(),
           trf("layout \"{}\" is not one of level, area, targets", layout));
  }
  const toml::array* cols = root["columns"].as_array();
  if (cols == nullptr || cols->empty()) {
    p.fail(root.source(), std::string(tr("an appendix needs a [[columns]] list")));
  } else {
    for (const auto& node : *cols) {
      const toml::table* t = node.as_table();
      if (t == nullptr) {
        p.fail(node.source(), std::string(tr("each entry of columns must be a table")));
        continue;
      }
      if (auto c = p.column(*t, def, count_format, rate_format))
        def.columns.push_back(std::move(*c));
    }
  }
  if (!p.ok) return std::nullopt;
  collect_families(def);
  return def;
}

}  // namespace ntr
