// The table of settings (cli/settings.hpp): docs/spec.md lists each setting as the table
// declares it, and the rules of laying the command line over ntreport.toml hold for every
// kind of setting.
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <catch2/catch.hpp>
#include <fstream>
#include <set>
#include <sstream>

#include "../support/scratch_dir.hpp"
#include "ntreport/cli/common.hpp"
#include "ntreport/cli/settings.hpp"

using namespace ntr;
using ntr::test::ScratchDir;
using ntr::test::write_file;

namespace {

// The backticked words of a table cell: "`-o`, `--output`" → {"-o", "--output"}.
std::vector<std::string> ticked(const std::string& cell) {
  std::vector<std::string> out;
  for (std::size_t a = cell.find('`'); a != std::string::npos; a = cell.find('`', a + 1)) {
    const std::size_t b = cell.find('`', a + 1);
    out.push_back(cell.substr(a + 1, b - a - 1));
    a = b;
  }
  return out;
}

// "key | option names" of each row of the settings table of docs/spec.md.
std::set<std::string> documented() {
  std::ifstream in(std::string(NTR_SOURCE_DIR) + "/docs/spec.md");
  std::string line;
  bool inside = false;
  std::set<std::string> rows;
  while (std::getline(in, line)) {
    if (line.rfind("| key in ntreport.toml |", 0) == 0) {
      inside = true;
      std::getline(in, line);  // |---|
      continue;
    }
    if (!inside) continue;
    if (line.empty() || line[0] != '|') break;
    std::vector<std::string> cells;
    std::stringstream ss(line.substr(1));
    for (std::string c; std::getline(ss, c, '|');) cells.push_back(c);
    REQUIRE(cells.size() >= 2);
    const auto key = ticked(cells[0]);
    std::string row = key.empty() ? "" : key[0];
    row += " |";
    for (const auto& o : ticked(cells[1])) {
      row += ' ';
      row += o;
    }
    rows.insert(row);
  }
  return rows;
}

std::string row_of(const cli::Setting& s) {
  std::string row(s.in_file ? s.name : "");
  row += " |";
  std::stringstream ss{std::string(s.flags)};
  for (std::string f; std::getline(ss, f, ',');) {
    row += ' ';
    row += f[0] == '-' ? f : std::string("INPUT…");
  }
  return row;
}

struct Resolved {
  std::optional<BuildConfig> config;
  Diagnostics diags;
};

// The config of an ntreport.toml holding `toml` and the command line `args` of build.
Resolved resolve(const ScratchDir& dir, const std::string& toml, std::vector<std::string> args) {
  write_file(dir.path() / "ntreport.toml", toml);
  cli::PeriodOptions o;
  CLI::App app;
  cli::add_period_options(app, o, true);
  args.insert(args.begin(), {"--config", dir.str("ntreport.toml")});
  std::reverse(args.begin(), args.end());  // CLI11 takes them last first
  app.parse(args);
  Resolved r;
  r.config = cli::resolve_config(o, r.diags);
  return r;
}

// An ntreport.toml listing its inputs and holding `line`.
Resolved with_line(const ScratchDir& dir, const std::string& line, std::vector<std::string> args) {
  return resolve(dir, "inputs = [\"inputs\"]\n" + line + "\n", std::move(args));
}

// "FILE line N: code: message" of every diagnostic: its place in ntreport.toml is a line.
std::vector<std::string> messages(const Diagnostics& diags) {
  std::vector<std::string> out;
  for (const auto& d : diags.all()) {
    out.push_back(
        fmt::format("{} line {}: {}: {}", d.loc.file, d.loc.row, d.code.name(), d.message));
  }
  return out;
}

}  // namespace

TEST_CASE("docs/spec.md lists every setting as the table declares it, and no other") {
  std::set<std::string> declared;
  for (const auto& s : cli::settings()) declared.insert(row_of(s));
  CHECK(documented() == declared);
}

TEST_CASE("setting names are unique, and an unknown one is a bug of the caller") {
  std::set<std::string_view> names;
  for (const auto& s : cli::settings()) CHECK(names.insert(s.name).second);
  CHECK_THROWS_AS(cli::setting("no-such-setting"), std::logic_error);
}

TEST_CASE("ntreport.toml's paths are relative to its folder; the command line's are not") {
  ScratchDir dir;
  const std::string base = dir.path().generic_string();
  auto r = resolve(dir, "inputs = [\"in\"]\nregistry = \"r.csv\"\ntitle = \"T\"\n", {});
  REQUIRE(r.config);
  CHECK(r.config->source.inputs == std::vector<std::string>{base + "/in"});
  CHECK(r.config->source.registry == base + "/r.csv");
  CHECK(r.config->output.dir == base + "/out");  // the default, in the period folder
  CHECK(r.config->forms.dir == base + "/forms");
  CHECK(r.config->forms.title == "T");  // a text, not a path
  r = resolve(dir, "inputs = [\"in\"]\nregistry = \"r.csv\"\n", {"--registry", "x.csv", "-o", "o"});
  REQUIRE(r.config);
  CHECK(r.config->source.registry == "x.csv");
  CHECK(r.config->output.dir == "o");
}

TEST_CASE("a list given on the command line replaces the file's, or adds to it") {
  ScratchDir dir;
  const std::string base = dir.path().generic_string();
  auto r = resolve(dir, "inputs = [\"in\"]\naliases = [\"a.csv\"]\nonly = [\"ho-so\"]\n",
                   {"other", "--aliases", "b.csv", "--only", "so-hoa,van-ban"});
  REQUIRE(r.config);
  CHECK(r.config->source.inputs == std::vector<std::string>{"other"});
  CHECK(r.config->source.aliases == std::vector<std::string>{base + "/a.csv", "b.csv"});
  CHECK(r.config->report.only == std::vector<std::string>{"so-hoa", "van-ban"});
}

TEST_CASE("an option not given keeps the file's value; flags and numbers given replace it") {
  ScratchDir dir;
  auto r = resolve(dir,
                   "inputs = [\"in\"]\nsort = \"online_ratio\"\n[period]\nfrom = 2024-01-01\nto = "
                   "\"2024-06-30\"\n",
                   {"--strict", "-j", "3", "--plausibility-factor", "9"});
  REQUIRE(r.config);
  CHECK(r.config->report.sort == "online_ratio");
  REQUIRE(r.config->report.period);
  CHECK(r.config->report.period->from == "2024-01-01");  // a TOML date, as text
  CHECK(r.config->report.period->to == "2024-06-30");
  CHECK(r.config->strict);
  CHECK_FALSE(r.config->output.force);
  CHECK(r.config->source.jobs == 3);
  CHECK(r.config->compare.plausibility_factor == 9);
  r = resolve(dir, "inputs = [\"in\"]\n", {});
  REQUIRE(r.config);
  CHECK(r.config->compare.plausibility_factor == 5);
  CHECK(r.config->source.jobs == 0);
}

TEST_CASE("a key of a table and a key written after a table's header are named in full") {
  ScratchDir dir;
  auto r = resolve(
      dir, "inputs = [\"in\"]\n[period]\nfrom = \"2024-01-01\"\nto = \"2024-06-30\"\nform = 1\n",
      {});
  CHECK_FALSE(r.config);
  REQUIRE(r.diags.all().size() == 1);
  CHECK(r.diags.all()[0].message == "unknown key \"period.form\"");
  CHECK(r.diags.all()[0].hint == "did you mean \"period.from\"?");
}

TEST_CASE("highlight_lowest in ntreport.toml, overridden by --highlight-lowest") {
  ScratchDir dir;
  const std::vector<std::pair<std::string, std::vector<std::string>>> cases = {
      {"", {}},
      {"highlight_lowest = 3", {}},
      {"highlight_lowest = 3", {"--highlight-lowest", "5"}},
      {"highlight_lowest = 3", {"--highlight-lowest", "0"}},
      {"", {"--highlight-lowest", "2"}}};
  const std::vector<unsigned> expected = {0, 3, 5, 0, 2};  // off unless asked for
  for (std::size_t i = 0; i < cases.size(); ++i) {
    const auto r = with_line(dir, cases[i].first, cases[i].second);
    REQUIRE(r.config);
    CHECK(r.config->report.highlight_lowest == expected[i]);
    CHECK(r.diags.all().empty());
  }
}

TEST_CASE("highlight_lowest in ntreport.toml: a whole number from 0 to 1000, or an error") {
  ScratchDir dir;
  const std::string at = dir.str("ntreport.toml") + " line 2: config-error: ";
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"-1", "highlight_lowest must be a whole number from 0 to 1000, got -1"},
      {"1001", "highlight_lowest must be a whole number from 0 to 1000, got 1001"},
      {"\"3\"", "highlight_lowest must be a whole number"},
      {"2.5", "highlight_lowest must be a whole number"}};
  for (const auto& [value, message] : cases) {
    const auto r = with_line(dir, "highlight_lowest = " + value, {});
    CHECK_FALSE(r.config);
    CHECK(messages(r.diags) == std::vector<std::string>{at + message});
  }
}

TEST_CASE("--highlight-lowest refuses what is not a whole number from 0 to 1000") {
  for (const char* bad : {"-1", "1001", "three", "2.5"}) {
    cli::PeriodOptions o;
    CLI::App app;
    cli::add_period_options(app, o, true);
    CHECK_THROWS_AS(app.parse(std::vector<std::string>{bad, "--highlight-lowest"}),
                    CLI::ValidationError);
  }
}
