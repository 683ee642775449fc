#include "ntreport/cli/app.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdio>
#include <exception>
#include <memory>
#include <optional>
#include <regex>
#include <sstream>
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

// CLI11 writes its parse errors in English. In another language the common ones are
// recognised by their words and said again through the catalogue, whose msgids are CLI11's
// own English; the others stay as CLI11 wrote them. English is never rewritten.
std::string parse_error_message(const std::string& what) {
  if (language() == Language::en) return what;
  std::smatch m;
  auto is = [&](const char* pattern) { return std::regex_match(what, m, std::regex(pattern)); };
  if (is("The following argument was not expected: (.*)"))
    return trf("The following argument was not expected: {}", m.str(1));
  if (is("The following arguments were not expected: (.*)"))
    return trf("The following arguments were not expected: {}", m.str(1));
  if (is(R"((\S+) is required)")) return trf("{} is required", m.str(1));
  if (is(R"((\S+): Value (.*) not in range (\S+) to (\S+))"))
    return trf("{}: Value {} not in range {} to {}", m.str(1), m.str(2), m.str(3), m.str(4));
  if (is(R"((\S+): (.*) not in (\{.*\}))"))
    return trf("{}: {} not in {}", m.str(1), m.str(2), m.str(3));
  if (is(R"(Could not convert: (\S+) = (.*))"))
    return trf("Could not convert: {} = {}", m.str(1), m.str(2));
  if (is(R"(The value (.*) is not an allowed value for (\S+))"))
    return trf("The value {} is not an allowed value for {}", m.str(1), m.str(2));
  if (is(R"((\S+): (\d+) required (\S+) missing)"))
    return trf("{}: {} required {} missing", m.str(1), m.str(2), m.str(3));
  if (is(R"((\S+): At least (\d+) required but received (\d+))"))
    return trf("{}: At least {} required but received {}", m.str(1), m.str(2), m.str(3));
  if (is(R"((\S+): At Most (\d+) required but received (\d+))"))
    return trf("{}: At Most {} required but received {}", m.str(1), m.str(2), m.str(3));
  if (is(R"(Expected exactly (\d+) arguments to (\S+), got (\d+))"))
    return trf("Expected exactly {} arguments to {}, got {}", m.str(1), m.str(2), m.str(3));
  if (is(R"((\S+) excludes (\S+))")) return trf("{} excludes {}", m.str(1), m.str(2));
  if (is(R"((\S+) requires (\S+))")) return trf("{} requires {}", m.str(1), m.str(2));
  return what;
}

// CLI11's own errors in the diagnostics format, with the catalogue's usage exit code.
int usage_error(const CLI::App& app, const CLI::ParseError& e, int argc, char** argv) {
  const CLI::App* command = &app;
  for (const CLI::App* sub : app.get_subcommands()) command = sub;
  std::string message = e.what();
  std::string hint = command == &app ? std::string(tr("see 'ntreport --help'"))
                                     : trf("see 'ntreport {} --help'", command->get_name());
  std::vector<std::string> names;
  for (const CLI::App* sub : app.get_subcommands({})) names.push_back(sub->get_name());
  const std::string commands = fmt::format("{}", fmt::join(names, ", "));
  if (command == &app && argc > 1 && argv[1][0] != '-') {
    message = trf("\"{}\" is not a command; the commands are {}", argv[1], commands);
    if (const std::string c = closest_command(app, argv[1]); !c.empty()) {
      hint = trf("did you mean {}?", c);
    }
  } else if (command == &app && e.get_name() == "RequiredError") {
    message = trf("no command given; the commands are {}", commands);
  } else {
    if (const auto* extras = dynamic_cast<const CLI::ExtrasError*>(&e); extras != nullptr) {
      // CLI11 says: The following argument was not expected: --perod-from
      const std::size_t colon = message.rfind(": ");
      const std::string option = colon == std::string::npos
                                     ? std::string()
                                     : closest_option(*command, message.substr(colon + 2));
      if (!option.empty()) hint = trf("did you mean {}?", option);
    }
    message = parse_error_message(message);
  }
  Diagnostics diags;
  diags.error("usage", command_line_loc(), std::move(message), std::move(hint));
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
  diags.error("usage", command_line_loc(),
              trf("--lang {}: not a language; the languages are vi (Tiếng Việt) and en (English)",
                  value->empty() ? "\"\"" : *value));
  cli::print_diagnostics(diags, false);
  return false;
}

// CLI11 pads the column of option names by bytes; a translated label such as "BẮT BUỘC" holds
// letters of several bytes. Padded by characters, the descriptions stay in one column.
class HelpFormatter final : public CLI::Formatter {
 public:
  std::string make_option(const CLI::Option* opt, bool is_positional) const override {
    const std::string name = make_option_name(opt, is_positional) + make_option_opts(opt);
    const auto continuation =
        static_cast<std::size_t>(std::count_if(name.begin(), name.end(), [](char c) {
          return (static_cast<unsigned char>(c) & 0xC0U) == 0x80U;
        }));
    std::stringstream out;
    CLI::detail::format_help(out, name, make_option_desc(opt), column_width_ + continuation);
    return out.str();
  }
};

// CLI11's own words in the help, in the language of messages: its labels (CLI::Formatter's
// keys), the group of the options and the help flag. Before any option is added:
// the commands inherit them.
void translate_help(CLI::App& app) {
  const auto formatter = std::make_shared<HelpFormatter>();
  app.formatter(formatter);
  for (const auto& [key, text] : {std::pair{"Usage", tr("Usage")},
                                  {"OPTIONS", tr("OPTIONS")},
                                  {"SUBCOMMAND", tr("SUBCOMMAND")},
                                  {"SUBCOMMANDS", tr("SUBCOMMANDS")},
                                  {"Positionals", tr("Positionals")},
                                  {"REQUIRED", tr("REQUIRED")},
                                  {"Env", tr("Env")},
                                  {"Needs", tr("Needs")},
                                  {"Excludes", tr("Excludes")}}) {
    formatter->label(key, std::string(text));
  }
  app.option_defaults()->group(std::string(tr("Options")));
  app.set_help_flag("-h,--help", std::string(tr("Print this help message and exit")));
}

// The commands' group in the help of ntreport; a command's help flag, which CLI11 makes before
// the command takes its parent's group of options.
void translate_commands(CLI::App& app) {
  for (CLI::App* sub : app.get_subcommands({})) {
    sub->group(std::string(tr("Subcommands")));
    if (CLI::Option* help = sub->get_help_ptr(); help != nullptr)
      help->group(std::string(tr("Options")));
  }
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
  translate_help(app);
  std::string lang_shown;  // --lang is read above; declared here for the help
  app.add_option("--lang", lang_shown,
                 std::string(tr("Language of messages and help: vi or en (default: lang in "
                                "ntreport.toml, then the locale, then English)")));
  app.set_version_flag("--version", std::string("ntreport ") + NTR_VERSION,
                       std::string(tr("Display program version information and exit")));
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
  translate_commands(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) return app.exit(e);  // --help, --version
    return usage_error(app, e, argc, argv);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "%s\n", trf("ntreport: internal error: {}", e.what()).c_str());
    return static_cast<int>(ExitCode::internal);
  }
  return result;
}

}  // namespace ntr
