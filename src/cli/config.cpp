// The period configuration: ntreport.toml, then the command line over it.
#include <fmt/format.h>
#include <toml++/toml.h>

#include <algorithm>
#include <filesystem>
#include <span>
#include <utility>

#include "ntreport/cli/common.hpp"
#include "ntreport/model/fields.hpp"
#include "ntreport/platform/paths.hpp"
#include "ntreport/read/input.hpp"
#include "ntreport/text/normalize.hpp"

namespace ntr::cli {

namespace {

constexpr std::int64_t kMaxHighlightLowest = 1000;

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
void read_language(const toml::table& v, const std::string& path, Diagnostics& diags) {
  if (const auto lang = v["lang"]) {
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
}

// [layout]: appendix id = level or area.
void read_layouts(const toml::table& v, const std::string& path, BuildConfig& c,
                  Diagnostics& diags) {
  if (const auto* l = v["layout"].as_table()) {
    for (const auto& [k, val] : *l) {
      const std::string name = val.value_or(std::string{});
      const auto layout = parse_layout(name);
      if (layout == Layout::level || layout == Layout::area) {
        c.layouts[std::string(k.str())] = *layout;
      } else {
        diags.error("config-error",
                    config_loc(path, static_cast<std::uint32_t>(val.source().begin.line)),
                    trf("layout.{} = \"{}\": the layout must be level or area", k.str(), name));
      }
    }
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
  static constexpr std::string_view kKeys[] = {
      "title",     "reference", "registry",         "levels", "aliases", "templates", "targets",
      "results",   "inputs",    "output",           "only",   "sort",    "period",    "layout",
      "return_to", "forms",     "highlight_lowest", "lang",   "headers"};
  static constexpr std::string_view kPeriodKeys[] = {"from", "to"};
  check_keys(t, kKeys, "", path, diags);
  if (const auto* p = t["period"].as_table()) check_keys(*p, kPeriodKeys, "period.", path, diags);
  const std::string dir = platform::utf8_path(platform::fs_path(path).parent_path());
  const toml::table& v = t;
  c.report_reference = v["reference"].value_or(std::string{});
  c.title = v["title"].value_or(std::string{});
  c.return_to = v["return_to"].value_or(std::string{});
  c.forms_dir = relative_to(dir, v["forms"].value_or(std::string{"forms"}));
  c.registry = relative_to(dir, v["registry"].value_or(std::string{}));
  c.levels = relative_to(dir, v["levels"].value_or(std::string{}));
  c.targets = relative_to(dir, v["targets"].value_or(std::string{}));
  c.results = relative_to(dir, v["results"].value_or(std::string{}));
  c.out_dir = relative_to(dir, v["output"].value_or(std::string{"out"}));
  for (const auto& a : string_list(v["aliases"])) c.aliases.push_back(relative_to(dir, a));
  for (const auto& a : string_list(v["templates"])) c.template_dirs.push_back(relative_to(dir, a));
  for (const auto& a : string_list(v["inputs"])) c.inputs.push_back(relative_to(dir, a));
  for (const auto& a : string_list(v["headers"])) c.headers.push_back(relative_to(dir, a));
  c.only = string_list(v["only"]);
  c.sort = v["sort"].value_or(std::string{});
  if (const auto* n = v["highlight_lowest"].as_integer()) {
    if (n->get() < 0 || n->get() > kMaxHighlightLowest) {
      diags.error("config-error",
                  config_loc(path, static_cast<std::uint32_t>(n->source().begin.line)),
                  trf("highlight_lowest must be a whole number from 0 to {}, got {}",
                      kMaxHighlightLowest, n->get()));
    } else {
      c.highlight_lowest = static_cast<unsigned>(n->get());
    }
  } else if (v["highlight_lowest"]) {
    diags.error("config-error",
                config_loc(path, static_cast<std::uint32_t>(
                                     v["highlight_lowest"].node()->source().begin.line)),
                std::string(tr("highlight_lowest must be a whole number")));
  }
  read_language(v, path, diags);
  if (const auto* p = v["period"].as_table()) {
    c.period = Period{date_text((*p)["from"]), date_text((*p)["to"])};
  }
  read_layouts(v, path, c, diags);
  return true;
}

void check_config(BuildConfig& c, const std::string& where, Diagnostics& diags) {
  const SourceLoc loc = config_loc(where);
  if (c.period) {
    for (const auto& [d, first] : {std::pair{c.period->from, true}, {c.period->to, false}}) {
      if (!valid_date(d)) {
        diags.error(
            "usage", loc,
            first ? trf("the period's first day must be a date written YYYY-MM-DD, got \"{}\"", d)
                  : trf("the period's last day must be a date written YYYY-MM-DD, got \"{}\"", d),
            std::string(tr("for example 2024-08-28")));
      }
    }
    if (valid_date(c.period->from) && valid_date(c.period->to) && c.period->to < c.period->from) {
      diags.error("usage", loc,
                  trf("the period ends ({}) before it starts ({})", c.period->to, c.period->from));
    }
  }
  if (!c.sort.empty() && !rate_by_key(c.sort)) {
    std::vector<std::string_view> keys;
    for (const auto& r : rates()) keys.push_back(r.key);
    diags.error("usage", loc,
                trf("--sort {}: not a rate; the rates are {}", c.sort, fmt::join(keys, ", ")));
  }
}

}  // namespace

void add_registry_options(CLI::App& app, PeriodOptions& o) {
  app.add_option(
      "--config", o.config,
      std::string(tr("The period's ntreport.toml (default: ./ntreport.toml if present)")));
  app.add_option("--registry", o.registry,
                 std::string(tr("Unit registry CSV (default: the shipped Ninh Thuận registry)")));
  app.add_option("--levels", o.levels,
                 std::string(tr("Level definitions CSV (default: tinh, huyen, xa)")));
  app.add_option("--aliases", o.aliases,
                 std::string(tr("Alias CSV files (alias,code); repeatable")));
}

std::optional<Registry> registry_of(const PeriodOptions& o, std::optional<BuildConfig>& config,
                                    Diagnostics& diags) {
  PeriodOptions p = o;
  p.needs_inputs = false;
  config = resolve_config(p, diags);
  auto registry = config ? load_registry(*config, diags) : std::nullopt;
  if (!registry) print_diagnostics(diags, false);
  return registry;
}

void add_period_options(CLI::App& app, PeriodOptions& o, bool with_outputs) {
  app.add_option("inputs", o.inputs,
                 std::string(tr("Input files or folders (XLSX, XLS, CSV), read recursively")));
  add_registry_options(app, o);
  app.add_option("--templates", o.template_dirs,
                 std::string(tr("Folders of extra appendix definitions (*.toml)")));
  app.add_option(
      "--headers", o.headers,
      std::string(tr("CSV key,header: more header texts the inputs may use; repeatable")));
  app.add_option("--targets", o.targets, std::string(tr("Targets CSV for the chi-tieu appendix")));
  app.add_option("--results", o.results,
                 std::string(tr("Results CSV for targets not computed from unit figures")));
  app.add_option("--period-from", o.period_from,
                 std::string(tr("First day of the period, YYYY-MM-DD")));
  app.add_option("--period-to", o.period_to, std::string(tr("Last day of the period, YYYY-MM-DD")));
  app.add_option("--only", o.only, std::string(tr("Appendix ids to build (comma-separated)")))
      ->delimiter(',');
  app.add_flag("--strict", o.strict, std::string(tr("Fail (exit 1) on warnings too")));
  app.add_flag("-q,--quiet", o.quiet, std::string(tr("Print nothing but errors")));
  app.add_option("-j,--jobs", o.jobs,
                 std::string(tr("Threads reading input files (default: one per core)")))
      ->check(CLI::Range(1U, 64U));
  if (!with_outputs) return;
  app.add_option("-o,--output", o.out_dir, std::string(tr("Output folder (default: ./out)")));
  app.add_flag("--force", o.force,
               std::string(tr(
                   "Replace (or remove) files of the output folder ntreport did not write, or that "
                   "changed since")));
  app.add_option("--layout", o.layouts,
                 std::string(tr("ID=level|area: the layout of an appendix; repeatable")));
  app.add_option("--sort", o.sort,
                 std::string(tr("Order units within each group by this rate, lowest first")));
  app.add_option("--format", o.formats,
                 std::string(tr("Output formats: md,xlsx,json,docx,pdf (default: md,xlsx,json)")))
      ->delimiter(',');
  app.add_option(
      "--previous", o.previous,
      std::string(tr("An earlier build (its output folder or summary.json) to compare with; "
                     "repeatable")));
  app.add_option(
      "--crosswalk", o.crosswalks,
      std::string(tr("CSV old_code,new_code,share (whole, part or a fraction): where earlier units "
                     "went, beside or instead of the shipped crosswalks; repeatable")));
  app.add_option(
         "--plausibility-factor", o.plausibility_factor,
         std::string(tr("With --previous, warn of a count that changed by more than this factor "
                        "(default 5)")))
      ->check(CLI::Range(std::int64_t{2}, std::int64_t{1000000}));
  app.add_option(
         "--highlight-lowest", o.highlight_lowest,
         std::string(
             tr("In phu-luc.xlsx, mark the N lowest units of each level for every rate (0: none)")))
      ->check(CLI::Range(0, static_cast<int>(kMaxHighlightLowest)));
}

std::optional<BuildConfig> resolve_config(const PeriodOptions& o, Diagnostics& diags) {
  BuildConfig c;
  const std::size_t errors = diags.error_count();
  std::string config = o.config;
  if (config.empty() && file_exists("ntreport.toml")) config = "ntreport.toml";
  if (!config.empty()) apply_file(config, c, diags);
  if (!o.inputs.empty()) c.inputs = o.inputs;
  if (!o.out_dir.empty()) c.out_dir = o.out_dir;
  if (!o.registry.empty()) c.registry = o.registry;
  if (!o.levels.empty()) c.levels = o.levels;
  c.aliases.insert(c.aliases.end(), o.aliases.begin(), o.aliases.end());
  c.template_dirs.insert(c.template_dirs.end(), o.template_dirs.begin(), o.template_dirs.end());
  c.headers.insert(c.headers.end(), o.headers.begin(), o.headers.end());
  if (!o.targets.empty()) c.targets = o.targets;
  if (!o.results.empty()) c.results = o.results;
  if (o.period_from.empty() != o.period_to.empty()) {
    diags.error("usage", SourceLoc{"ntreport", {}, 0, 0, 0, false},
                trf("{} is given without {}; a period needs both",
                    o.period_from.empty() ? "--period-to" : "--period-from",
                    o.period_from.empty() ? "--period-from" : "--period-to"));
  } else if (!o.period_from.empty()) {
    c.period = Period{o.period_from, o.period_to};
  }
  if (!o.only.empty()) c.only = o.only;
  for (const auto& l : o.layouts) {
    const auto eq = l.find('=');
    if (eq == std::string::npos) {
      diags.error("usage", SourceLoc{"ntreport", {}, 0, 0, 0, false},
                  trf("--layout {}: expected ID=level or ID=area", l));
      continue;
    }
    const auto layout = parse_layout(l.substr(eq + 1));
    if (layout == Layout::level || layout == Layout::area) {
      c.layouts[l.substr(0, eq)] = *layout;
    } else {
      diags.error("usage", SourceLoc{"ntreport", {}, 0, 0, 0, false},
                  trf("--layout {}={}: the layout must be level or area", l.substr(0, eq),
                      l.substr(eq + 1)));
    }
  }
  if (!o.sort.empty()) c.sort = o.sort;
  c.previous = o.previous;
  c.crosswalks = o.crosswalks;
  if (o.plausibility_factor > 0) c.plausibility_factor = o.plausibility_factor;
  if (o.highlight_lowest >= 0) c.highlight_lowest = static_cast<unsigned>(o.highlight_lowest);
  if (!o.formats.empty()) c.formats.clear();
  for (const auto& f : o.formats) {
    if (const auto format = parse_output_format(f)) {
      c.formats.insert(*format);
    } else {
      diags.error("usage", SourceLoc{"ntreport", {}, 0, 0, 0, false},
                  trf("--format {}: the formats are md, xlsx, json, docx, pdf", f));
    }
  }
  c.strict = o.strict;
  c.force = o.force;
  c.jobs = o.jobs;
  // summary.json names files from the period folder, else from where the outputs go: the
  // same whatever the working folder and however the paths are spelled.
  if (!config.empty()) {
    const auto dir = platform::utf8_path(platform::fs_path(config).parent_path());
    c.root = dir.empty() ? "." : dir;
  }
  check_config(c, config.empty() ? "ntreport" : config, diags);
  if (c.inputs.empty() && o.needs_inputs) {
    diags.error("usage", SourceLoc{"ntreport", {}, 0, 0, 0, false},
                std::string(tr("no inputs: name input files or folders, or run inside a period "
                               "folder with an ntreport.toml that lists them")));
  }
  if (diags.error_count() > errors) return std::nullopt;
  return c;
}

}  // namespace ntr::cli
