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
}  // namespace

int run_cli(int argc, char** argv) {
  std::signal(SIGINT, on_interrupt);
  std::signal(SIGTERM, on_interrupt);
  CLI::App app{
      "ntreport — compiles the appendix tables of a provincial digital-transformation "
      "report from per-unit spreadsheets"};
  app.set_version_flag("--version", std::string("ntreport ") + NTR_VERSION);
  app.require_subcommand(1);
  int result = 0;
  cli::add_build_command(app, result);
  cli::add_check_command(app, result);
  cli::add_audit_command(app, result);
  cli::add_diff_command(app, result);
  cli::add_template_command(app, result);
  cli::add_init_command(app, result);
  cli::add_status_command(app, result);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : static_cast<int>(ExitCode::usage);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "ntreport: internal error: %s\n", e.what());
    return static_cast<int>(ExitCode::internal);
  }
  return result;
}

}  // namespace ntr
