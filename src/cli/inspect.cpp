// `ntreport inspect FILE`: what ntreport sees in one input file.
#include "ntreport/ingest/inspect.hpp"

#include <cstdio>
#include <memory>

#include "ntreport/cli/common.hpp"
#include "ntreport/read/input.hpp"
#include "ntreport/write/inspect.hpp"

namespace ntr::cli {

namespace {

struct InspectOptions {
  std::string file;
  PeriodOptions period;
};

int run_inspect(const InspectOptions& o) {
  Diagnostics diags;
  std::optional<BuildConfig> config;
  const auto registry = registry_of(o.period, config, diags);
  if (!registry) return exit_code(diags, false);
  load_headers(config->source, diags);
  if (diags.has_errors()) {
    print_diagnostics(diags, false);
    return exit_code(diags, false);
  }
  Inspector inspector(*registry);
  HeaderDetector detector(inspector, diags);
  read_input(o.file, config->source.limits, detector, diags);
  const std::string text = render_inspect_markdown(o.file, inspector.sheets());
  std::fwrite(text.data(), 1, text.size(), stdout);
  print_diagnostics(diags, false);
  return exit_code(diags, false);
}

}  // namespace

void add_inspect_command(CLI::App& app, int& result) {
  auto o = std::make_shared<InspectOptions>();
  CLI::App* sub = app.add_subcommand(
      "inspect",
      std::string(tr(
          "Show what ntreport sees in one input: its sheets, the header row, what each column and "
          "each row is")));
  sub->add_option("FILE", o->file, std::string(tr("An input file (XLSX, XLS, CSV)")))->required();
  add_registry_options(*sub, o->period);
  add_setting_option(*sub, o->period, "headers");
  sub->callback([o, &result] { result = guarded([&] { return run_inspect(*o); }); });
}

}  // namespace ntr::cli
