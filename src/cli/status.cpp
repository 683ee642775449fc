// `ntreport status`: per family of figures, which units have reported, partly or not at all.
#include "ntreport/report/status.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdio>
#include <memory>

#include "ntreport/aggregate/aggregate.hpp"
#include "ntreport/cli/common.hpp"
#include "ntreport/write/status.hpp"

namespace ntr::cli {

namespace {

struct StatusOptions {
  PeriodOptions period;
  std::string format = "table";
  bool all = false;
};

// The families of --only's appendices; without it, those the inputs hold figures for, or all
// when they hold none yet.
std::vector<Family> status_families(const ReportSettings& c, const std::vector<AppendixDef>& defs,
                                    const Totals& totals, Diagnostics& diags) {
  std::vector<bool> wanted(kFamilyCount, false);
  for (const auto& id : c.only) {
    const auto def =
        std::find_if(defs.begin(), defs.end(), [&](const AppendixDef& d) { return d.id == id; });
    if (def == defs.end()) {
      diags.error("usage", command_line_loc(), trf("--only {}: no such appendix", id));
      continue;
    }
    for (Family f : def->families) wanted[static_cast<std::size_t>(f)] = true;
  }
  if (c.only.empty()) {
    for (const auto& f : families()) {
      wanted[static_cast<std::size_t>(f.id)] = totals.total.has_family(f.id);
    }
    if (std::none_of(wanted.begin(), wanted.end(), [](bool w) { return w; }))
      wanted.assign(kFamilyCount, true);
  }
  std::vector<Family> out;
  for (const auto& f : families()) {
    if (wanted[static_cast<std::size_t>(f.id)]) out.push_back(f.id);
  }
  return out;
}

int run_status(const StatusOptions& o) {
  Diagnostics diags;
  if (o.format != "table" && o.format != "json") {
    diags.error("usage", command_line_loc(),
                trf("--format {}: the formats are table, json", o.format));
  }
  const auto config = resolve_config(o.period, diags);
  if (!config || diags.has_errors()) {
    print_diagnostics(diags, o.period.quiet);
    return exit_code(diags, false);
  }
  const auto registry = load_registry(config->source, diags);
  const auto defs = load_appendices(config->source, diags);
  load_headers(config->source, diags);
  if (!registry || diags.has_errors()) {
    print_diagnostics(diags, o.period.quiet);
    return exit_code(diags, false);
  }
  // Problems in the inputs are printed, but the status of what could be read still is.
  const Figures figures = read_inputs(config->source, *registry, diags);
  const Totals totals = aggregate(*registry, figures.own);
  const auto fams = status_families(config->report, defs, totals, diags);
  print_diagnostics(diags, o.period.quiet);
  if (diags.exit_code() == ExitCode::usage) return exit_code(diags, false);
  const StatusReport status =
      build_status(*registry, totals, figures.own, figures.invalid, fams, config->report.period);
  const std::string text =
      o.format == "json" ? render_status_json(status) : render_status_markdown(status, o.all);
  std::fwrite(text.data(), 1, text.size(), stdout);
  return exit_code(diags, config->strict);
}

}  // namespace

void add_status_command(CLI::App& app, int& result) {
  auto o = std::make_shared<StatusOptions>();
  CLI::App* sub = app.add_subcommand(
      "status",
      std::string(
          tr("List, per family of figures, the units that have not reported or only partly")));
  add_period_options(*sub, o->period, false);
  sub->add_option("--format", o->format, std::string(tr("table (Markdown, the default) or json")));
  sub->add_flag("--all", o->all, std::string(tr("List the units that reported too")));
  sub->callback([o, &result] { result = guarded([&] { return run_status(*o); }); });
}

}  // namespace ntr::cli
