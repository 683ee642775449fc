#pragma once
// What every subcommand shares: printing diagnostics, and the options common to the commands
// that read a period's inputs (build, check, status).
#include <CLI/CLI.hpp>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "ntreport/diag/diagnostic.hpp"
#include "ntreport/pipeline.hpp"
#include "ntreport/text/translate.hpp"

namespace ntr::cli {

/// The language of messages from --lang, else the environment (text/translate.hpp); a
/// language given by --lang is kept when a configuration names another.
void choose_language(std::optional<Language> from_option);
/// The `lang` of an ntreport.toml: used unless --lang was given.
void use_config_language(Language lang);

/// Prints diagnostics to stderr: sorted, at most 100 (then "… and N more"), then a line with
/// the totals. With quiet, warnings and notes are left out — but not the warnings that fail a
/// command run with strict.
void print_diagnostics(const Diagnostics& diags, bool quiet, bool strict = false);

/// The exit code for a finished command: the errors' code, or 1 for warnings under --strict.
int exit_code(const Diagnostics& diags, bool strict);

/// Options of the commands that read a period: given on the command line, they override the
/// period's ntreport.toml.
struct PeriodOptions {
  std::vector<std::string> inputs;
  std::string config;
  std::string out_dir;
  std::string registry;
  std::string levels;
  std::vector<std::string> aliases;
  std::vector<std::string> template_dirs;
  std::vector<std::string> headers;
  std::string targets;
  std::string results;
  std::string period_from;
  std::string period_to;
  std::vector<std::string> only;
  std::vector<std::string> layouts;
  std::string sort;
  std::vector<std::string> formats;
  int highlight_lowest = -1;             ///< -1: not given
  std::vector<std::string> previous;     ///< earlier builds to compare with (--previous)
  std::vector<std::string> crosswalks;   ///< the user's crosswalks (--crosswalk)
  std::int64_t plausibility_factor = 0;  ///< 0: not given
  bool strict = false;
  bool quiet = false;
  bool force = false;  ///< replace or remove files in the output folder ntreport did not write
  bool needs_inputs = true;  ///< false for commands that read no inputs (template)
  unsigned jobs = 0;         ///< threads reading inputs; 0: one per core
};

/// Declares the options that name a registry (--config, --registry, --levels, --aliases) on a
/// subcommand that reads no inputs.
void add_registry_options(CLI::App& app, PeriodOptions& o);

/// The registry those options name; nothing (and the problems printed) when it cannot be
/// loaded. `config` receives the configuration.
std::optional<Registry> registry_of(const PeriodOptions& o, std::optional<BuildConfig>& config,
                                    Diagnostics& diags);

/// Declares the period options on a subcommand.
void add_period_options(CLI::App& app, PeriodOptions& o, bool with_outputs);

/// The configuration: ntreport.toml (from --config, or ./ntreport.toml when present), then the
/// command-line options over it. Problems are usage errors in diags.
std::optional<BuildConfig> resolve_config(const PeriodOptions& o, Diagnostics& diags);

/// Each subcommand registers itself; its callback stores its exit code in `result`.
void add_build_command(CLI::App& app, int& result);
void add_check_command(CLI::App& app, int& result);
void add_audit_command(CLI::App& app, int& result);
void add_diff_command(CLI::App& app, int& result);
void add_template_command(CLI::App& app, int& result);
void add_init_command(CLI::App& app, int& result);
void add_status_command(CLI::App& app, int& result);
void add_units_command(CLI::App& app, int& result);
void add_inspect_command(CLI::App& app, int& result);

/// Runs a command body, turning an escaped exception into an internal error (exit 4).
int guarded(const std::function<int()>& body);

}  // namespace ntr::cli
