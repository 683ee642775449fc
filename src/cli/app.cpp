#include "ntreport/cli/app.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdio>
#include <exception>
#include <optional>
#include <vector>

#include "ntreport/cli/common.hpp"
#include "ntreport/platform/process.hpp"
#include "ntreport/text/normalize.hpp"
#include "ntreport/write/output.hpp"

namespace ntr {

namespace {

// The option of `app` closest to an unexpected "--word", within two edits.
std::string closest_option(const CLI::App& app, std::string_view word) {
  if (word.rfind("--", 0) != 0) return {};
  word.remove_prefix(2);
  word = word.substr(0, word.find('='));
  std::string best;
  std::size_t best_distance = 3;
  for (const CLI::Option* opt : app.get_options()) {
    for (const std::string& name : opt->get_lnames()) {
      const std::size_t d = edit_distance(word, name);
      if (d < best_distance) {
        best_distance = d;
        best = "--" + name;
      }
    }
  }
  return best;
}

// The command closest to an unknown first word, within two edits.
std::string closest_command(const CLI::App& app, std::string_view word) {
  std::string best;
  std::size_t best_distance = 3;
  for (const CLI::App* sub : app.get_subcommands({})) {
    const std::size_t d = edit_distance(word, sub->get_name());
    if (d < best_distance) {
      best_distance = d;
      best = sub->get_name();
    }
  }
  return best;
}

// CLI11's own errors in the diagnostics format, with the catalogue's usage exit code.
int usage_error(const CLI::App& app, const CLI::ParseError& e, int argc, char** argv) {
  const CLI::App* command = &app;
  for (const CLI::App* sub : app.get_subcommands()) command = sub;
  std::string message = e.what();
  std::string hint = command == &app ? "see 'ntreport --help'"
                                     : fmt::format("see 'ntreport {} --help'", command->get_name());
  std::vector<std::string> names;
  for (const CLI::App* sub : app.get_subcommands({})) names.push_back(sub->get_name());
  const std::string commands = fmt::format("the commands are {}", fmt::join(names, ", "));
  if (command == &app && e.get_name() == "RequiredError") {
    message = "no command given; " + commands;
  }
  if (command == &app && argc > 1 && argv[1][0] != '-') {
    message = fmt::format("\"{}\" is not a command; {}", argv[1], commands);
    if (const std::string c = closest_command(app, argv[1]); !c.empty()) {
      hint = fmt::format("did you mean {}?", c);
    }
  } else if (const auto* extras = dynamic_cast<const CLI::ExtrasError*>(&e); extras != nullptr) {
    // "The following argument was not expected: --perod-from"
    const std::size_t colon = message.rfind(": ");
    const std::string option = colon == std::string::npos
                                   ? std::string()
                                   : closest_option(*command, message.substr(colon + 2));
    if (!option.empty()) hint = fmt::format("did you mean {}?", option);
  }
  Diagnostics diags;
  diags.error("usage", SourceLoc{"ntreport", {}, 0, 0, 0, false}, std::move(message),
              std::move(hint));
  cli::print_diagnostics(diags, false);
  return static_cast<int>(ExitCode::usage);
}
// Takes "--lang X" / "--lang=X" out of the arguments, wherever it stands, so that the help
// and every message are in that language from the start. Its value, "" when not given.
std::optional<std::string> take_lang(std::vector<char*>& args) {
  std::optional<std::string> value;
  for (std::size_t i = 1; i < args.size();) {
    const std::string_view a = args[i];
    if (a == "--") break;
    if (a == "--lang") {
      value = i + 1 < args.size() ? std::string(args[i + 1]) : std::string();
      args.erase(args.begin() + static_cast<std::ptrdiff_t>(i),
                 args.begin() + static_cast<std::ptrdiff_t>(std::min(i + 2, args.size())));
    } else if (a.rfind("--lang=", 0) == 0) {
      value = std::string(a.substr(7));
      args.erase(args.begin() + static_cast<std::ptrdiff_t>(i));
    } else {
      ++i;
    }
  }
  return value;
}

// --lang, else the environment; a --lang other than vi or en is a usage error.
bool set_up_language(std::vector<char*>& args) {
  const auto value = take_lang(args);
  const auto lang =
      value && (*value == "vi" || *value == "en") ? parse_language(*value) : std::nullopt;
  cli::choose_language(lang);
  if (!value || lang) return true;
  Diagnostics diags;
  diags.error("usage", SourceLoc{"ntreport", {}, 0, 0, 0, false},
              trf("--lang {}: not a language; the languages are vi (Tiếng Việt) and en (English)",
                  value->empty() ? "\"\"" : *value));
  cli::print_diagnostics(diags, false);
  return false;
}
}  // namespace

int run_cli(int argc, char** argv) {
  platform::on_interrupt(remove_pending_temporaries);
  std::vector<char*> args(argv, argv + argc);
  if (!set_up_language(args)) return static_cast<int>(ExitCode::usage);
  argc = static_cast<int>(args.size());
  argv = args.data();
  CLI::App app{
      std::string(tr("ntreport — compiles the appendix tables of a provincial "
                     "digital-transformation report from per-unit spreadsheets"))};
  std::string lang_shown;  // --lang is read above; declared here for the help
  app.add_option("--lang", lang_shown,
                 std::string(tr("Language of messages and help: vi or en (default: lang in "
                                "ntreport.toml, then the locale, then English)")));
  app.set_version_flag("--version", std::string("ntreport ") + NTR_VERSION);
  app.require_subcommand(1);
  // CLI11 reads "/word" as an option on Windows; ntreport's options are the same everywhere,
  // and "/tmp/out" is a path. Set before the commands, which inherit it.
  app.allow_windows_style_options(false);
  int result = 0;
  cli::add_build_command(app, result);
  cli::add_check_command(app, result);
  cli::add_audit_command(app, result);
  cli::add_diff_command(app, result);
  cli::add_template_command(app, result);
  cli::add_init_command(app, result);
  cli::add_status_command(app, result);
  cli::add_units_command(app, result);
  cli::add_inspect_command(app, result);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) return app.exit(e);  // --help, --version
    return usage_error(app, e, argc, argv);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "ntreport: internal error: %s\n", e.what());
    return static_cast<int>(ExitCode::internal);
  }
  return result;
}

}  // namespace ntr
