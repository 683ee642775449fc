#include "ntreport/cli/app.hpp"

#include <fmt/format.h>

#include <csignal>
#include <cstdio>
#include <exception>

#include "ntreport/cli/common.hpp"
#include "ntreport/write/output.hpp"

namespace ntr {

namespace {
extern "C" void on_interrupt(int sig) {
  remove_pending_temporaries();
  std::signal(sig, SIG_DFL);
  std::raise(sig);
}

// CLI11's own errors in the diagnostics format, with the catalogue's usage exit code.
int usage_error(const CLI::App& app, const CLI::ParseError& e) {
  std::string help = "ntreport --help";
  for (const CLI::App* sub : app.get_subcommands())
    help = "ntreport " + sub->get_name() + " --help";
  Diagnostics diags;
  diags.error("usage", SourceLoc{"ntreport", {}, 0, 0, 0, false}, e.what(),
              fmt::format("see '{}'", help));
  cli::print_diagnostics(diags, false);
  return static_cast<int>(ExitCode::usage);
}
}  // namespace

int run_cli(int argc, char** argv) {
  std::signal(SIGINT, on_interrupt);
  std::signal(SIGTERM, on_interrupt);
  std::signal(SIGHUP, on_interrupt);
  CLI::App app{
      "ntreport — compiles the appendix tables of a provincial digital-transformation "
      "report from per-unit spreadsheets"};
  app.set_version_flag("--version", std::string("ntreport ") + NTR_VERSION);
  app.require_subcommand(1);
  int result = 0;
  cli::add_build_command(app, result);
  cli::add_check_command(app, result);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) return app.exit(e);  // --help, --version
    return usage_error(app, e);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "ntreport: internal error: %s\n", e.what());
    return static_cast<int>(ExitCode::internal);
  }
  return result;
}

}  // namespace ntr
