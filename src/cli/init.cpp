// `ntreport init DIR --from D --to D`: a period folder, ready for build, check, template and
// status without arguments.
#include <fmt/format.h>

#include <cstdio>
#include <filesystem>
#include <memory>

#include "ntreport/cli/common.hpp"
#include "ntreport/platform/paths.hpp"
#include "ntreport/text/printable.hpp"
#include "ntreport/write/output.hpp"

namespace ntr::cli {

namespace {

struct InitOptions {
  std::string dir;
  std::string from;
  std::string to;
  std::string title;
  std::string reference;
  std::string registry;
  std::string targets;
  std::string return_to;
  bool force = false;
};

constexpr std::string_view kShippedTitle = "Ủy ban nhân dân tỉnh Ninh Thuận";

SourceLoc usage_loc() { return SourceLoc{"ntreport", {}, 0, 0, 0, false}; }

// A TOML basic string.
std::string toml_string(std::string_view s) {
  std::string out = "\"";
  for (const char c : s) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) {
      out += fmt::format("\\u{:04X}", static_cast<unsigned>(static_cast<unsigned char>(c)));
    } else {
      out += c;
    }
  }
  return out + "\"";
}

// A path given on the command line, as seen from the period folder.
std::string from_folder(const std::string& dir, const std::string& path) {
  namespace fs = std::filesystem;
  const fs::path p = platform::fs_path(path);
  if (p.is_absolute()) return path;
  return platform::utf8_path(
      fs::absolute(p).lexically_normal().lexically_relative(fs::absolute(platform::fs_path(dir))));
}

// A comment saying what a setting is, then "key = value" (commented out, with an example,
// when no value is given).
std::string setting(std::string_view key, const std::string& value, std::string_view example,
                    std::string_view note) {
  if (value.empty()) return fmt::format("# {}\n# {} = {}\n", note, key, toml_string(example));
  return fmt::format("# {}\n{} = {}\n", note, key, toml_string(value));
}

std::string config_text(const InitOptions& o) {
  const std::string title =
      !o.title.empty() ? o.title : (o.registry.empty() ? std::string(kShippedTitle) : "");
  std::string t = fmt::format(
      "# The period {} to {}. Paths are relative to this folder; options given on the\n"
      "# command line override these settings. Run ntreport here without arguments: build,\n"
      "# check, template (input workbooks for the units), status (who has not reported).\n\n",
      o.from, o.to);
  t += setting("title", title, "Ủy ban nhân dân tỉnh …", "The province, on the input workbooks");
  t += setting("reference", o.reference, "(Kèm theo Công văn số …/UBND-VXNV ngày … của UBND tỉnh)",
               "The line under each appendix title");
  t += setting("registry", o.registry.empty() ? "" : from_folder(o.dir, o.registry), "registry.csv",
               "The unit registry (default: the shipped Ninh Thuận registry)");
  t += "# More names for units (CSV alias,code)\naliases = [\"aliases.csv\"]\n";
  t += setting("targets", o.targets.empty() ? "" : from_folder(o.dir, o.targets), "targets.csv",
               "The plan's targets, for the chi-tieu appendix");
  t += "# The units' files (XLSX, CSV)\ninputs = [\"inputs\"]\n";
  t += "# Where build writes the appendices\noutput = \"out\"\n";
  t += "# Where template writes the input workbooks\nforms = \"forms\"\n";
  t += setting("return_to", o.return_to, "Sở Thông tin và Truyền thông, email …",
               "Who the filled workbooks go back to");
  t += fmt::format("\n[period]\nfrom = {}\nto = {}\n", toml_string(o.from), toml_string(o.to));
  return t;
}

int run_init(const InitOptions& o) {
  Diagnostics diags;
  for (const auto& d : {o.from, o.to}) {
    if (!valid_date(d))
      diags.error("usage", usage_loc(),
                  fmt::format("the period needs dates as YYYY-MM-DD, got \"{}\"", d));
  }
  if (!diags.has_errors() && o.to < o.from)
    diags.error("usage", usage_loc(),
                fmt::format("the period ends ({}) before it starts ({})", o.to, o.from));
  if (!diags.has_errors()) {
    // Both files are the user's from the start (aliases.csv is filled in by hand): an existing
    // one is replaced only when asked.
    OutputSet folder(o.dir, OutputOptions{Ownership::none, o.force});
    folder.add_text("ntreport.toml", config_text(o), diags);
    folder.add_text("aliases.csv", "alias,code\n", diags);
    if (!diags.has_errors() && folder.commit(diags))
      make_folder(platform::utf8_path(platform::fs_path(o.dir) / "inputs"), diags);
  }
  print_diagnostics(diags, false);
  if (diags.has_errors()) return exit_code(diags, false);
  std::printf(
      "ntreport: period folder %s ready: put the units' files in %s/inputs, then run "
      "ntreport build there\n",
      printable(o.dir).c_str(), printable(o.dir).c_str());
  return 0;
}

}  // namespace

void add_init_command(CLI::App& app, int& result) {
  auto o = std::make_shared<InitOptions>();
  CLI::App* sub = app.add_subcommand(
      "init", "Create a period folder: DIR/ntreport.toml, DIR/aliases.csv and DIR/inputs/");
  sub->add_option("dir", o->dir, "The period folder (created when missing)")->required();
  sub->add_option("--from", o->from, "First day of the period, YYYY-MM-DD")->required();
  sub->add_option("--to", o->to, "Last day of the period, YYYY-MM-DD")->required();
  sub->add_option("--title", o->title,
                  "The province's title line (default: the shipped "
                  "registry's province)");
  sub->add_option("--reference", o->reference, "The line under each appendix title");
  sub->add_option("--registry", o->registry, "Unit registry CSV (default: the shipped one)");
  sub->add_option("--targets", o->targets, "The plan's targets CSV");
  sub->add_option("--return-to", o->return_to, "Who the filled input workbooks go back to");
  sub->add_flag("--force", o->force, "Replace an existing ntreport.toml and aliases.csv");
  sub->callback([o, &result] { result = guarded([&] { return run_init(*o); }); });
}

}  // namespace ntr::cli
