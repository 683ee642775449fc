// The period configuration: ntreport.toml, then the command line over it.
#include <fmt/format.h>
#include <toml++/toml.h>

#include <filesystem>

#include "ntreport/cli/common.hpp"
#include "ntreport/read/input.hpp"
#include "ntreport/registry/fields.hpp"

namespace ntr::cli {

namespace {

SourceLoc config_loc(const std::string& file, std::uint32_t line = 0) {
  return SourceLoc{file, {}, 0, line, 0, false};
}

// Paths in ntreport.toml are relative to the folder that holds it.
std::string relative_to(const std::string& base_dir, const std::string& p) {
  if (p.empty() || base_dir.empty() || std::filesystem::path(p).is_absolute()) return p;
  return (std::filesystem::path(base_dir) / p).lexically_normal().generic_string();
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

bool apply_file(const std::string& path, BuildConfig& c, Diagnostics& diags) {
  const auto text = read_text_file(path, diags);
  if (!text) return false;
  toml::table t;
  try {
    t = toml::parse(*text, path);
  } catch (const toml::parse_error& e) {
    diags.error("config-error", config_loc(path, static_cast<std::uint32_t>(e.source().begin.line)),
                std::string(e.description()));
    return false;
  }
  static constexpr std::string_view kKeys[] = {
      "title",   "reference", "registry", "levels", "aliases", "templates", "targets",
      "results", "inputs",    "output",   "only",   "sort",    "period",    "layout"};
  for (const auto& [k, v] : t) {
    if (std::find(std::begin(kKeys), std::end(kKeys), k.str()) == std::end(kKeys)) {
      diags.error("config-error",
                  config_loc(path, static_cast<std::uint32_t>(v.source().begin.line)),
                  fmt::format("unknown key \"{}\"", k.str()));
    }
  }
  const std::string dir = std::filesystem::path(path).parent_path().generic_string();
  const toml::table& v = t;
  c.report_reference = v["reference"].value_or(std::string{});
  c.registry = relative_to(dir, v["registry"].value_or(std::string{}));
  c.levels = relative_to(dir, v["levels"].value_or(std::string{}));
  c.targets = relative_to(dir, v["targets"].value_or(std::string{}));
  c.results = relative_to(dir, v["results"].value_or(std::string{}));
  c.out_dir = relative_to(dir, v["output"].value_or(std::string{"out"}));
  for (const auto& a : string_list(v["aliases"])) c.aliases.push_back(relative_to(dir, a));
  for (const auto& a : string_list(v["templates"])) c.template_dirs.push_back(relative_to(dir, a));
  for (const auto& a : string_list(v["inputs"])) c.inputs.push_back(relative_to(dir, a));
  c.only = string_list(v["only"]);
  c.sort = v["sort"].value_or(std::string{});
  if (const auto* p = v["period"].as_table()) {
    c.period = Period{(*p)["from"].value_or(std::string{}), (*p)["to"].value_or(std::string{})};
  }
  if (const auto* l = v["layout"].as_table()) {
    for (const auto& [k, val] : *l) c.layouts[std::string(k.str())] = val.value_or(std::string{});
  }
  return true;
}

void check_config(BuildConfig& c, const std::string& where, Diagnostics& diags) {
  const SourceLoc loc = config_loc(where);
  if (c.period) {
    for (const auto& d : {c.period->from, c.period->to}) {
      if (!valid_date(d)) {
        diags.error("usage", loc,
                    fmt::format("the period needs dates as YYYY-MM-DD, got \"{}\"", d));
      }
    }
    if (valid_date(c.period->from) && valid_date(c.period->to) && c.period->to < c.period->from) {
      diags.error(
          "usage", loc,
          fmt::format("the period ends ({}) before it starts ({})", c.period->to, c.period->from));
    }
  }
  for (const auto& [id, layout] : c.layouts) {
    if (layout != "level" && layout != "area") {
      diags.error("usage", loc,
                  fmt::format("--layout {}={}: the layout must be level or area", id, layout));
    }
  }
  if (!c.sort.empty() && !rate_by_key(c.sort)) {
    std::vector<std::string_view> keys;
    for (const auto& r : rates()) keys.push_back(r.key);
    diags.error(
        "usage", loc,
        fmt::format("--sort {}: not a rate; the rates are {}", c.sort, fmt::join(keys, ", ")));
  }
  for (const auto& f : c.formats) {
    if (f != "md" && f != "xlsx" && f != "json") {
      diags.error("usage", loc, fmt::format("--format {}: the formats are md, xlsx, json", f));
    }
  }
}

}  // namespace

void add_period_options(CLI::App& app, PeriodOptions& o, bool with_outputs) {
  app.add_option("inputs", o.inputs, "Input files or folders (XLSX, CSV), read recursively");
  app.add_option("--config", o.config,
                 "The period's ntreport.toml (default: ./ntreport.toml if present)");
  app.add_option("--registry", o.registry,
                 "Unit registry CSV (default: the shipped Ninh Thuận registry)");
  app.add_option("--levels", o.levels, "Level definitions CSV (default: tinh, huyen, xa)");
  app.add_option("--aliases", o.aliases, "Alias CSV files (alias,code); repeatable");
  app.add_option("--templates", o.template_dirs, "Folders of extra appendix definitions (*.toml)");
  app.add_option("--targets", o.targets, "Targets CSV for the chi-tieu appendix");
  app.add_option("--results", o.results, "Results CSV for targets not computed from unit figures");
  app.add_option("--period-from", o.period_from, "First day of the period, YYYY-MM-DD");
  app.add_option("--period-to", o.period_to, "Last day of the period, YYYY-MM-DD");
  app.add_option("--only", o.only, "Appendix ids to build (comma-separated)")->delimiter(',');
  app.add_flag("--strict", o.strict, "Fail (exit 1) on warnings too");
  app.add_flag("-q,--quiet", o.quiet, "Print nothing but errors");
  app.add_option("-j,--jobs", o.jobs, "Threads reading input files (default: one per core)")
      ->check(CLI::Range(1U, 64U));
  if (!with_outputs) return;
  app.add_option("-o,--output", o.out_dir, "Output folder (default: ./out)");
  app.add_option("--layout", o.layouts, "ID=level|area: the layout of an appendix; repeatable");
  app.add_option("--sort", o.sort, "Order units within each group by this rate, lowest first");
  app.add_option("--format", o.formats, "Output formats: md,xlsx,json (default: all)")
      ->delimiter(',');
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
  if (!o.targets.empty()) c.targets = o.targets;
  if (!o.results.empty()) c.results = o.results;
  if (!o.period_from.empty() || !o.period_to.empty()) {
    if (o.period_from.empty() || o.period_to.empty()) {
      diags.error("usage", SourceLoc{"ntreport", {}, 0, 0, 0, false},
                  "--period-from and --period-to go together");
    }
    c.period = Period{o.period_from, o.period_to};
  }
  if (!o.only.empty()) c.only = o.only;
  for (const auto& l : o.layouts) {
    const auto eq = l.find('=');
    if (eq == std::string::npos) {
      diags.error("usage", SourceLoc{"ntreport", {}, 0, 0, 0, false},
                  fmt::format("--layout {}: expected ID=level or ID=area", l));
      continue;
    }
    c.layouts[l.substr(0, eq)] = l.substr(eq + 1);
  }
  if (!o.sort.empty()) c.sort = o.sort;
  if (!o.formats.empty()) c.formats = {o.formats.begin(), o.formats.end()};
  c.strict = o.strict;
  c.jobs = o.jobs;
  check_config(c, config.empty() ? "ntreport" : config, diags);
  if (c.inputs.empty()) {
    diags.error("usage", SourceLoc{"ntreport", {}, 0, 0, 0, false},
                "no inputs: name input files or folders, or run inside a period folder with an "
                "ntreport.toml that lists them");
  }
  if (diags.error_count() > errors) return std::nullopt;
  return c;
}

}  // namespace ntr::cli
