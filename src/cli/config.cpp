// The period configuration: ntreport.toml, then the command line over it.
#include <fmt/format.h>
#include <toml++/toml.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <span>
#include <stdexcept>
#include <utility>
#include <variant>

#include "ntreport/cli/common.hpp"
#include "ntreport/model/fields.hpp"
#include "ntreport/platform/paths.hpp"
#include "ntreport/read/input.hpp"
#include "ntreport/text/normalize.hpp"

namespace ntr::cli {

namespace {

SourceLoc config_loc(const std::string& file, std::uint32_t line = 0) {
  return line_loc(file, line);
}

// Paths in ntreport.toml are relative to the folder that holds it. A period folder moves
// between Windows and Linux machines: '\' separates folders as '/' does, on both.
std::string relative_to(const std::string& base_dir, std::string p) {
  std::replace(p.begin(), p.end(), '\\', '/');
  const std::filesystem::path path = platform::fs_path(p);
  if (p.empty() || base_dir.empty() || path.is_absolute()) return p;
  return platform::utf8_path((platform::fs_path(base_dir) / path).lexically_normal());
}

std::vector<std::string> string_list(const toml::node_view<const toml::node> v) {
  std::vector<std::string> out;
  if (auto s = v.value<std::string>()) {
    out.push_back(*s);
  } else if (const auto* a = v.as_array()) {
    for (const auto& e : *a) {
      if (auto s2 = e.value<std::string>()) out.push_back(*s2);
    }
  }
  return out;
}

// Unknown keys are errors, with the closest known key as a hint; a key written after a
// [table] header belongs to that table, a common slip the hint names.
void check_keys(const toml::table& t, std::span<const std::string_view> known,
                std::string_view prefix, const std::string& path, Diagnostics& diags) {
  for (const auto& [k, v] : t) {
    if (std::find(known.begin(), known.end(), k.str()) != known.end()) continue;
    std::string hint;
    std::size_t best = 3;  // suggest only keys within two edits
    for (const auto key : known) {
      const std::size_t d = edit_distance(k.str(), key);
      if (d < best) {
        best = d;
        hint = trf("did you mean \"{}{}\"?", prefix, key);
      }
    }
    if (hint.empty() && !prefix.empty()) {
      hint = tr("keys written after a [table] header belong to it; put the others above it");
    }
    diags.error("config-error", config_loc(path, static_cast<std::uint32_t>(v.source().begin.line)),
                trf("unknown key \"{}{}\"", prefix, k.str()), std::move(hint));
  }
}

// A period date as text: "2024-01-01" in quotes, or a TOML date written without them.
std::string date_text(const toml::node_view<const toml::node> v) {
  if (const auto d = v.value<toml::date>()) {
    return fmt::format("{:04}-{:02}-{:02}", d->year, d->month, d->day);
  }
  return v.value_or(std::string{});
}

// `lang`: the language of messages from here on, unless --lang chose one.
void read_language(const toml::node_view<const toml::node> lang, const std::string& path,
                   Diagnostics& diags) {
  const auto chosen = lang.value<std::string>();
  const auto known = chosen ? parse_language(*chosen) : std::nullopt;
  if (!known || (*chosen != "vi" && *chosen != "en")) {
    diags.error(
        "config-error",
        config_loc(path, static_cast<std::uint32_t>(lang.node()->source().begin.line)),
        trf("lang must be \"vi\" or \"en\", got {}",
            lang.node()->is_string() ? "\"" + *chosen + "\"" : std::string(tr("not a string"))));
  } else {
    use_config_language(*known);
  }
}

// [layout]: appendix id = level or area.
void read_layouts(const toml::table& l, const std::string& path, BuildConfig& c,
                  Diagnostics& diags) {
  for (const auto& [k, val] : l) {
    const std::string name = val.value_or(std::string{});
    const auto layout = parse_layout(name);
    if (layout == Layout::level || layout == Layout::area) {
      c.report.layouts[std::string(k.str())] = *layout;
    } else {
      diags.error("config-error",
                  config_loc(path, static_cast<std::uint32_t>(val.source().begin.line)),
                  trf("layout.{} = \"{}\": the layout must be level or area", k.str(), name));
    }
  }
}

// The keys ntreport.toml may hold (the settings in it, "period" for its [period] table); and
// those of each table.
void check_file_keys(const toml::table& t, const std::string& path, Diagnostics& diags) {
  std::vector<std::string_view> top;
  std::map<std::string_view, std::vector<std::string_view>> tables;
  for (const Setting& s : settings()) {
    if (!s.in_file) continue;
    const auto dot = s.name.find('.');
    if (dot == std::string_view::npos) {
      top.push_back(s.name);
      continue;
    }
    const std::string_view table = s.name.substr(0, dot);
    if (!tables.contains(table)) top.push_back(table);
    tables[table].push_back(s.name.substr(dot + 1));
  }
  check_keys(t, top, "", path, diags);
  for (const auto& [table, keys] : tables) {
    if (const auto* sub = t[table].as_table())
      check_keys(*sub, keys, std::string(table) + ".", path, diags);
  }
}

// A whole number of ntreport.toml within the setting's range.
template <typename Int>
void read_whole(const Setting& s, const toml::node_view<const toml::node> v,
                const std::string& path, Int& to, Diagnostics& diags) {
  const auto line = static_cast<std::uint32_t>(v.node()->source().begin.line);
  if (const auto* n = v.as_integer()) {
    if (n->get() < s.min || n->get() > s.max) {
      diags.error(
          "config-error", config_loc(path, line),
          trf("{} must be a whole number from {} to {}, got {}", s.name, s.min, s.max, n->get()));
    } else {
      to = static_cast<Int>(n->get());
    }
  } else {
    diags.error("config-error", config_loc(path, line), trf("{} must be a whole number", s.name));
  }
}

// The period's days; a [period] table makes a period, even with a day missing (then refused
// by check_config).
void read_period_day(const Setting& s, const toml::node_view<const toml::node> day,
                     const toml::table& root, BuildConfig& c) {
  if (root["period"].as_table() == nullptr) return;
  if (!c.report.period) c.report.period.emplace();
  (s.store == Store{Special::period_from} ? c.report.period->from : c.report.period->to) =
      date_text(day);
}

// One setting of ntreport.toml (whose folder is `dir`) into the configuration. Absent, a path
// keeps its default, made relative to the folder too ("out" is the period folder's out).
struct FileRef {
  const std::string& path;
  const std::string& dir;
  const toml::table& root;
};

void apply_setting(const Setting& s, const toml::node_view<const toml::node> v, const FileRef& f,
                   BuildConfig& c, Diagnostics& diags) {
  if (const auto* text = std::get_if<TextRef>(&s.store)) {
    std::string& to = (*text)(c);
    to = s.path ? relative_to(f.dir, v.value_or(to)) : v.value_or(to);
  } else if (const auto* list = std::get_if<ListRef>(&s.store)) {
    if (!v) return;
    std::vector<std::string>& to = (*list)(c);
    to = string_list(v);
    if (s.path) {
      for (auto& p : to) p = relative_to(f.dir, p);
    }
  } else if (const auto* count = std::get_if<CountRef>(&s.store)) {
    if (v) read_whole(s, v, f.path, (*count)(c), diags);
  } else if (const auto* factor = std::get_if<FactorRef>(&s.store)) {
    if (v) read_whole(s, v, f.path, (*factor)(c), diags);
  } else if (const auto* flag = std::get_if<FlagRef>(&s.store)) {
    if (const auto b = v.value<bool>()) (*flag)(c) = *b;
  } else if (s.store == Store{Special::period_from} || s.store == Store{Special::period_to}) {
    read_period_day(s, v, f.root, c);
  } else if (s.store == Store{Special::layout}) {
    if (const auto* l = v.as_table()) read_layouts(*l, f.path, c, diags);
  } else if (s.store == Store{Special::lang}) {
    if (v) read_language(v, f.path, diags);
  }
}

bool apply_file(const std::string& path, BuildConfig& c, Diagnostics& diags) {
  const auto text = read_text_file(path, diags);
  if (!text) return false;
  toml::table t;
  try {
    t = toml::parse(*text, path);
  } catch (const toml::parse_error& e) {
    std::string what(e.description());
    if (!what.empty() && what[0] >= 'A' && what[0] <= 'Z')
      what[0] = static_cast<char>(what[0] - 'A' + 'a');
    diags.error("config-error", config_loc(path, static_cast<std::uint32_t>(e.source().begin.line)),
                trf("not valid TOML: {}", what));
    return false;
  }
  check_file_keys(t, path, diags);
  const std::string dir = platform::utf8_path(platform::fs_path(path).parent_path());
  for (const Setting& s : settings()) {
    if (!s.in_file) continue;
    const auto dot = s.name.find('.');
    const toml::table& root = t;
    const auto node = dot == std::string_view::npos
                          ? root[s.name]
                          : root[s.name.substr(0, dot)][s.name.substr(dot + 1)];
    apply_setting(s, node, FileRef{path, dir, t}, c, diags);
  }
  return true;
}

void check_config(BuildConfig& c, const std::string& where, Diagnostics& diags) {
  const SourceLoc loc = config_loc(where);
  if (c.report.period) {
    for (const auto& [d, first] :
         {std::pair{c.report.period->from, true}, {c.report.period->to, false}}) {
      if (!valid_date(d)) {
        diags.error(
            "usage", loc,
            first ? trf("the period's first day must be a date written YYYY-MM-DD, got \"{}\"", d)
                  : trf("the period's last day must be a date written YYYY-MM-DD, got \"{}\"", d),
            std::string(tr("for example 2024-08-28")));
      }
    }
    if (valid_date(c.report.period->from) && valid_date(c.report.period->to) &&
        c.report.period->to < c.report.period->from) {
      diags.error("usage", loc,
                  trf("the period ends ({}) before it starts ({})", c.report.period->to,
                      c.report.period->from));
    }
  }
  if (!c.report.sort.empty() && !rate_by_key(c.report.sort)) {
    std::vector<std::string_view> keys;
    for (const auto& r : rates()) keys.push_back(r.key);
    diags.error(
        "usage", loc,
        trf("--sort {}: not a rate; the rates are {}", c.report.sort, fmt::join(keys, ", ")));
  }
}

CLI::Option* add_special_option(CLI::App& app, PeriodOptions& o, Special special,
                                const std::string& names, const std::string& help) {
  switch (special) {
    case Special::config:
      return app.add_option(names, o.config, help);
    case Special::quiet:
      return app.add_flag(names, o.quiet, help);
    case Special::period_from:
      return app.add_option(names, o.period_from, help);
    case Special::period_to:
      return app.add_option(names, o.period_to, help);
    case Special::layout:
      return app.add_option(names, o.layouts, help);
    case Special::format:
      return app.add_option(names, o.formats, help);
    case Special::lang:
      break;  // --lang is taken before the options are parsed (cli/app.cpp)
  }
  throw std::logic_error("no option for the setting " + names);
}

// --layout ID=level|area, each.
void apply_layouts(const std::vector<std::string>& given, BuildConfig& c, Diagnostics& diags) {
  for (const auto& l : given) {
    const auto eq = l.find('=');
    if (eq == std::string::npos) {
      diags.error("usage", command_line_loc(), trf("--layout {}: expected ID=level or ID=area", l));
      continue;
    }
    const auto layout = parse_layout(l.substr(eq + 1));
    if (layout == Layout::level || layout == Layout::area) {
      c.report.layouts[l.substr(0, eq)] = *layout;
    } else {
      diags.error("usage", command_line_loc(),
                  trf("--layout {}={}: the layout must be level or area", l.substr(0, eq),
                      l.substr(eq + 1)));
    }
  }
}

// --format md,xlsx,…: these formats instead of the default ones.
void apply_formats(const std::vector<std::string>& given, BuildConfig& c, Diagnostics& diags) {
  c.output.formats.clear();
  for (const auto& f : given) {
    if (const auto format = parse_output_format(f)) {
      c.output.formats.insert(*format);
    } else {
      diags.error("usage", command_line_loc(),
                  trf("--format {}: the formats are md, xlsx, json, docx, pdf", f));
    }
  }
}

// A setting given on the command line over the file's: a list adds to the file's or
// replaces it, any other value replaces it. The period's days are taken together, later.
void apply_option(const Setting& s, const PeriodOptions& o, BuildConfig& given, BuildConfig& c,
                  Diagnostics& diags) {
  if (const auto* text = std::get_if<TextRef>(&s.store)) {
    (*text)(c) = (*text)(given);
  } else if (const auto* list = std::get_if<ListRef>(&s.store)) {
    auto& to = (*list)(c);
    const auto& from = (*list)(given);
    if (!s.adds) to.clear();
    to.insert(to.end(), from.begin(), from.end());
  } else if (const auto* count = std::get_if<CountRef>(&s.store)) {
    (*count)(c) = (*count)(given);
  } else if (const auto* factor = std::get_if<FactorRef>(&s.store)) {
    (*factor)(c) = (*factor)(given);
  } else if (const auto* flag = std::get_if<FlagRef>(&s.store)) {
    (*flag)(c) = (*flag)(given);
  } else if (s.store == Store{Special::layout}) {
    apply_layouts(o.layouts, c, diags);
  } else if (s.store == Store{Special::format}) {
    apply_formats(o.formats, c, diags);
  }
}

}  // namespace

void add_setting_option(CLI::App& app, PeriodOptions& o, std::string_view name, const char* help,
                        std::string_view flags) {
  const Setting& s = setting(name);
  const std::string names(flags.empty() ? s.flags : flags);
  const std::string text(tr(help != nullptr ? help : s.help));
  CLI::Option* option = nullptr;
  BuildConfig& g = o.given;
  if (const auto* text_ref = std::get_if<TextRef>(&s.store)) {
    option = app.add_option(names, (*text_ref)(g), text);
  } else if (const auto* list = std::get_if<ListRef>(&s.store)) {
    option = app.add_option(names, (*list)(g), text);
  } else if (const auto* count = std::get_if<CountRef>(&s.store)) {
    option = app.add_option(names, (*count)(g), text)->check(CLI::Range(s.min, s.max));
  } else if (const auto* factor = std::get_if<FactorRef>(&s.store)) {
    option = app.add_option(names, (*factor)(g), text)->check(CLI::Range(s.min, s.max));
  } else if (const auto* flag = std::get_if<FlagRef>(&s.store)) {
    option = app.add_flag(names, (*flag)(g), text);
  } else {
    option = add_special_option(app, o, std::get<Special>(s.store), names, text);
  }
  if (s.commas) option->delimiter(',');
  o.declared.emplace_back(&s, option);
}

void add_registry_options(CLI::App& app, PeriodOptions& o) {
  for (const Setting& s : settings()) {
    if (s.scope == Scope::registry) add_setting_option(app, o, s.name);
  }
}

std::optional<Registry> registry_of(const PeriodOptions& o, std::optional<BuildConfig>& config,
                                    Diagnostics& diags) {
  PeriodOptions p = o;
  p.needs_inputs = false;
  config = resolve_config(p, diags);
  auto registry = config ? load_registry(config->source, diags) : std::nullopt;
  if (!registry) print_diagnostics(diags, false);
  return registry;
}

void add_period_options(CLI::App& app, PeriodOptions& o, bool with_outputs) {
  for (const Setting& s : settings()) {
    if (s.scope == Scope::registry || s.scope == Scope::inputs ||
        (with_outputs && s.scope == Scope::outputs))
      add_setting_option(app, o, s.name);
  }
}

std::optional<BuildConfig> resolve_config(const PeriodOptions& o, Diagnostics& diags) {
  BuildConfig c;
  const std::size_t errors = diags.error_count();
  std::string config = o.config;
  if (config.empty() && file_exists("ntreport.toml")) config = "ntreport.toml";
  if (!config.empty()) apply_file(config, c, diags);
  BuildConfig given = o.given;  // the accessors of the settings take a config to change
  for (const auto& [s, option] : o.declared) {
    if (option->count() > 0) apply_option(*s, o, given, c, diags);
  }
  if (o.period_from.empty() != o.period_to.empty()) {
    diags.error("usage", command_line_loc(),
                trf("{} is given without {}; a period needs both",
                    o.period_from.empty() ? "--period-to" : "--period-from",
                    o.period_from.empty() ? "--period-from" : "--period-to"));
  } else if (!o.period_from.empty()) {
    c.report.period = Period{o.period_from, o.period_to};
  }
  // summary.json names files from the period folder, else from where the outputs go: the
  // same whatever the working folder and however the paths are spelled.
  if (!config.empty()) {
    const auto dir = platform::utf8_path(platform::fs_path(config).parent_path());
    c.source.root = dir.empty() ? "." : dir;
  }
  check_config(c, config.empty() ? "ntreport" : config, diags);
  if (c.source.inputs.empty() && o.needs_inputs) {
    diags.error("usage", command_line_loc(),
                std::string(tr("no inputs: name input files or folders, or run inside a period "
                               "folder with an ntreport.toml that lists them")));
  }
  if (diags.error_count() > errors) return std::nullopt;
  return c;
}

}  // namespace ntr::cli
