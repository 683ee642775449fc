#pragma once

namespace ntr {

/// Parses the command line, runs the subcommand, prints diagnostics, returns the exit code.
int run_cli(int argc, char** argv);

}  // namespace ntr
