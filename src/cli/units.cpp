// `ntreport units [TEXT]`: the registry's units whose code, name or alias contains TEXT — the
// code an alias line needs.
#include "ntreport/write/units.hpp"

#include <cstdio>
#include <memory>

#include "ntreport/cli/common.hpp"
#include "ntreport/registry/search.hpp"

namespace ntr::cli {

namespace {

struct UnitsOptions {
  std::string text;
  PeriodOptions period;
};

int run_units(const UnitsOptions& o) {
  Diagnostics diags;
  PeriodOptions p = o.period;
  p.needs_inputs = false;
  const auto config = resolve_config(p, diags);
  const auto registry = config ? load_registry(*config, diags) : std::nullopt;
  if (!registry) {
    print_diagnostics(diags, false);
    return exit_code(diags, false);
  }
  const std::vector<UnitId> units = find_units(*registry, o.text);
  const std::string text = render_units_markdown(*registry, units);
  std::fwrite(text.data(), 1, text.size(), stdout);
  print_diagnostics(diags, false);
  return exit_code(diags, false);
}

}  // namespace

void add_units_command(CLI::App& app, int& result) {
  auto o = std::make_shared<UnitsOptions>();
  CLI::App* sub = app.add_subcommand(
      "units",
      "List the registry's units (code, name, level, parent) whose code, name or alias contains "
      "TEXT; the closest names when none does");
  sub->add_option("TEXT", o->text, "A piece of a name, code or alias (default: every unit)");
  sub->add_option("--config", o->period.config,
                  "The period's ntreport.toml (default: ./ntreport.toml if present)");
  sub->add_option("--registry", o->period.registry,
                  "Unit registry CSV (default: the shipped Ninh Thuận registry)");
  sub->add_option("--levels", o->period.levels, "Level definitions CSV");
  sub->add_option("--aliases", o->period.aliases, "Alias CSV files (alias,code); repeatable");
  sub->callback([o, &result] { result = guarded([&] { return run_units(*o); }); });
}

}  // namespace ntr::cli
