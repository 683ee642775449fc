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
  std::optional<BuildConfig> config;
  const auto registry = registry_of(o.period, config, diags);
  if (!registry) return exit_code(diags, false);
  const std::vector<UnitId> units = find_units(*registry, o.text);
  const std::string text = render_units_markdown(*registry, units);
  std::fwrite(text.data(), 1, text.size(), stdout);
  print_diagnostics(diags, false);
  return exit_code(diags, false);
}

}  // namespace

void add_units_command(CLI::App& app, int& result) {
  auto o = std::make_shared<UnitsOptions>();
  CLI::App* sub =
      app.add_subcommand("units", std::string(tr("List the registry's units (code, name, level, "
                                                 "parent) whose code, name or alias contains "
                                                 "TEXT; the closest names when none does")));
  sub->add_option("TEXT", o->text,
                  std::string(tr("A piece of a name, code or alias (default: every unit)")));
  add_registry_options(*sub, o->period);
  sub->callback([o, &result] { result = guarded([&] { return run_units(*o); }); });
}

}  // namespace ntr::cli
