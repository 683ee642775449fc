// `ntreport init DIR --from D --to D`: a period folder, ready for build, check, template and
// status without arguments.
#include <fmt/format.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <memory>

#include "ntreport/cli/common.hpp"
#include "ntreport/platform/paths.hpp"
#include "ntreport/registry/reform.hpp"
#include "ntreport/report/labels.hpp"
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
  std::string province;  ///< a 2025 province: its registry is written into the folder
  bool force = false;
};

// The province of the shipped registry (data/registry/), in a title.
constexpr std::string_view kShippedProvince = "tỉnh Ninh Thuận";

std::string title_of(std::string_view province) {
  return fill(labels().init_title, {{"province", std::string(province)}});
}

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

// Comment lines: each line of `text` after "# ". The comments of ntreport.toml are in the
// language of messages — the file is the user's to read and edit, not an output.
std::string comment(std::string_view text) {
  std::string out;
  for (std::size_t start = 0; start <= text.size();) {
    const std::size_t end = std::min(text.find('\n', start), text.size());
    out += "# ";
    out += text.substr(start, end - start);
    out += '\n';
    start = end + 1;
  }
  return out;
}

// What a setting is (cli/settings.hpp), as a comment.
std::string note_of(std::string_view key) {
  const Setting& s = setting(key);
  return comment(tr(s.note != nullptr ? s.note : s.help));
}

// A comment saying what a setting is, then "key = value" (commented out, with an example,
// when no value is given).
std::string setting_line(std::string_view key, const std::string& value, std::string_view example) {
  if (value.empty()) return note_of(key) + fmt::format("# {} = {}\n", key, toml_string(example));
  return note_of(key) + fmt::format("{} = {}\n", key, toml_string(value));
}

std::string config_text(const InitOptions& o, const Province2025* province) {
  std::string title =
      !o.title.empty() ? o.title : (o.registry.empty() ? title_of(kShippedProvince) : "");
  if (province != nullptr && o.title.empty()) title = title_of(province_in_title(*province));
  std::string t =
      comment(trf("The period {} to {}. Paths are relative to this folder; options given on the\n"
                  "command line override these settings. Run ntreport here without arguments: "
                  "build,\ncheck, template (input workbooks for the units), status (who has not "
                  "reported).",
                  o.from, o.to)) +
      "\n";
  t += note_of("lang");
  t += "lang = \"vi\"\n";
  t += setting_line("title", title, title_of(labels().init_province));
  t += setting_line("reference", o.reference, labels().init_reference);
  if (province != nullptr) {
    t += comment(
        trf("The units of {}: its departments and communes; add its other bodies", province->name));
    t += "registry = \"registry.csv\"\n";
    t += comment(tr("Two levels: Cấp tỉnh, Cấp xã"));
    t += "levels = \"levels.csv\"\n";
  } else {
    t += setting_line("registry", o.registry.empty() ? "" : from_folder(o.dir, o.registry),
                      "registry.csv");
  }
  t += note_of("aliases");
  t += "aliases = [\"aliases.csv\"]\n";
  t += setting_line("targets", o.targets.empty() ? "" : from_folder(o.dir, o.targets),
                    "targets.csv");
  t += note_of("inputs");
  t += "inputs = [\"inputs\"]\n";
  t += note_of("output");
  t += "output = \"out\"\n";
  t += note_of("forms");
  t += "forms = \"forms\"\n";
  t += setting_line("return_to", o.return_to, "Sở Thông tin và Truyền thông, email …");
  t += fmt::format("\n[period]\nfrom = {}\nto = {}\n", toml_string(o.from), toml_string(o.to));
  return t;
}

// "the provinces: 01 Thành phố Hà Nội, 04 Tỉnh Cao Bằng, …"
std::string all_provinces() {
  std::string out(tr("the provinces:"));
  for (const Province2025& p : provinces_2025()) out += fmt::format(" {} {},", p.code, p.name);
  out.back() = '.';
  return out;
}

// What the registry holds: "14 departments and 65 communes (48 xã, 16 phường, 1 đặc khu)".
std::string registry_summary(const Province2025& p) {
  std::size_t xa = 0, phuong = 0, dac_khu = 0;
  const auto communes = province_communes(p.code);
  for (const Commune2025* c : communes) {
    if (c->kind == "xa") ++xa;
    if (c->kind == "phuong") ++phuong;
    if (c->kind == "dac-khu") ++dac_khu;
  }
  return trf("{} departments and {} communes of {} ({} xã, {} phường, {} đặc khu)",
             departments_2025().size(), communes.size(), p.name, xa, phuong, dac_khu);
}

// The province --province names, or a usage error listing the closest names.
const Province2025* chosen_province(const InitOptions& o, Diagnostics& diags) {
  if (!o.registry.empty()) {
    diags.error("usage", command_line_loc(),
                std::string(tr("--province writes the folder's registry: give --province or "
                               "--registry, not both")));
    return nullptr;
  }
  if (const Province2025* p = find_province(o.province)) return p;
  std::string names;
  const auto close = closest_provinces(o.province);
  for (const Province2025* p : close)
    names += fmt::format("{}\"{}\" ({})", names.empty() ? "" : ", ", p->name, p->code);
  diags.error(
      "usage", command_line_loc(),
      trf("--province \"{}\" is not one of the 34 provinces of 2025 (a name, or its code such "
          "as 56)",
          printable(o.province)),
      close.empty() ? all_provinces() : trf("did you mean {}?", names));
  return nullptr;
}

int run_init(const InitOptions& o) {
  Diagnostics diags;
  for (const auto& d : {o.from, o.to}) {
    if (!valid_date(d))
      diags.error("usage", command_line_loc(),
                  trf("the period needs dates as YYYY-MM-DD, got \"{}\"", d));
  }
  if (!diags.has_errors() && o.to < o.from)
    diags.error("usage", command_line_loc(),
                trf("the period ends ({}) before it starts ({})", o.to, o.from));
  const Province2025* province = o.province.empty() ? nullptr : chosen_province(o, diags);
  if (!diags.has_errors()) {
    // Every file is the user's from the start (aliases.csv and the registry are edited by
    // hand): an existing one is replaced only when asked.
    OutputSet folder(o.dir, OutputOptions{Ownership::none, o.force});
    folder.add_text("ntreport.toml", config_text(o, province), diags);
    folder.add_text("aliases.csv", "alias,code\n", diags);
    if (province != nullptr) {
      folder.add_text("registry.csv", province_registry_csv(*province), diags);
      folder.add_text("levels.csv", two_level_levels_csv(), diags);
    }
    if (!diags.has_errors() && folder.commit(diags))
      make_folder(platform::utf8_path(platform::fs_path(o.dir) / "inputs"), diags);
  }
  print_diagnostics(diags, false);
  if (diags.has_errors()) return exit_code(diags, false);
  if (province != nullptr) {
    std::printf("%s\n", trf("ntreport: {}/registry.csv: {}; add the province's other bodies to it",
                            printable(o.dir), registry_summary(*province))
                            .c_str());
  }
  std::printf("%s\n", trf("ntreport: period folder {} ready: put the units' files in {}/inputs, "
                          "then run ntreport build there",
                          printable(o.dir), printable(o.dir))
                          .c_str());
  return 0;
}

}  // namespace

void add_init_command(CLI::App& app, int& result) {
  auto o = std::make_shared<InitOptions>();
  CLI::App* sub = app.add_subcommand(
      "init", std::string(tr(
                  "Create a period folder: DIR/ntreport.toml, DIR/aliases.csv and DIR/inputs/")));
  sub->add_option("dir", o->dir, std::string(tr("The period folder (created when missing)")))
      ->required();
  sub->add_option("--from", o->from, std::string(tr("First day of the period, YYYY-MM-DD")))
      ->required();
  sub->add_option("--to", o->to, std::string(tr("Last day of the period, YYYY-MM-DD")))->required();
  sub->add_option("--title", o->title,
                  std::string(tr("The province's title line (default: the shipped "
                                 "registry's province)")));
  sub->add_option("--reference", o->reference,
                  std::string(tr("The line under each appendix title")));
  sub->add_option("--registry", o->registry,
                  std::string(tr("Unit registry CSV (default: the shipped one)")));
  sub->add_option(
      "--province", o->province,
      std::string(tr("A province of 2025 (name or code, e.g. \"Khánh Hòa\" or 56): writes its "
                     "departments and communes into DIR/registry.csv, with two levels")));
  sub->add_option("--targets", o->targets, std::string(tr("The plan's targets CSV")));
  sub->add_option("--return-to", o->return_to,
                  std::string(tr("Who the filled input workbooks go back to")));
  sub->add_flag("--force", o->force,
                std::string(tr("Replace an existing ntreport.toml and aliases.csv")));
  sub->callback([o, &result] { result = guarded([&] { return run_init(*o); }); });
}

}  // namespace ntr::cli
