// --highlight-lowest on the command line and highlight_lowest in ntreport.toml: the file sets
// it, the command line overrides it, and a value out of range is refused with its place.
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <catch2/catch.hpp>

#include "../support/scratch_dir.hpp"
#include "ntreport/cli/common.hpp"

using namespace ntr;
using ntr::test::ScratchDir;
using ntr::test::write_file;

namespace {

// The config resolved from an ntreport.toml holding `line` and the command line `args`.
std::optional<BuildConfig> resolve(const ScratchDir& dir, const std::string& line,
                                   std::vector<std::string> args, Diagnostics& diags) {
  write_file(dir.path() / "ntreport.toml", "inputs = [\"inputs\"]\n" + line + "\n");
  cli::PeriodOptions o;
  CLI::App app;
  cli::add_period_options(app, o, true);
  args.insert(args.begin(), {"--config", dir.str("ntreport.toml")});
  std::reverse(args.begin(), args.end());  // CLI11 takes them last first
  app.parse(args);
  return cli::resolve_config(o, diags);
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

TEST_CASE("highlight_lowest in ntreport.toml, overridden by --highlight-lowest") {
  ScratchDir dir;
  Diagnostics diags;
  auto c = resolve(dir, "", {}, diags);
  REQUIRE(c);
  CHECK(c->report.highlight_lowest == 0);  // off unless asked for

  c = resolve(dir, "highlight_lowest = 3", {}, diags);
  REQUIRE(c);
  CHECK(c->report.highlight_lowest == 3);
  c = resolve(dir, "highlight_lowest = 3", {"--highlight-lowest", "5"}, diags);
  REQUIRE(c);
  CHECK(c->report.highlight_lowest == 5);
  c = resolve(dir, "highlight_lowest = 3", {"--highlight-lowest", "0"}, diags);
  REQUIRE(c);
  CHECK(c->report.highlight_lowest == 0);
  c = resolve(dir, "", {"--highlight-lowest", "2"}, diags);
  REQUIRE(c);
  CHECK(c->report.highlight_lowest == 2);
  CHECK(diags.all().empty());
}

TEST_CASE("highlight_lowest in ntreport.toml: a whole number from 0 to 1000, or an error") {
  ScratchDir dir;
  const std::string file = dir.str("ntreport.toml");
  {
    Diagnostics diags;
    CHECK_FALSE(resolve(dir, "highlight_lowest = -1", {}, diags));
    CHECK(messages(diags) ==
          std::vector<std::string>{file + " line 2: config-error: highlight_lowest must be a "
                                          "whole number from 0 to 1000, got -1"});
  }
  {
    Diagnostics diags;
    CHECK_FALSE(resolve(dir, "highlight_lowest = 1001", {}, diags));
    CHECK(messages(diags) ==
          std::vector<std::string>{file + " line 2: config-error: highlight_lowest must be a "
                                          "whole number from 0 to 1000, got 1001"});
  }
  {
    Diagnostics diags;
    CHECK_FALSE(resolve(dir, "highlight_lowest = \"3\"", {}, diags));
    CHECK(messages(diags) ==
          std::vector<std::string>{file + " line 2: config-error: highlight_lowest must be a "
                                          "whole number"});
  }
  {
    Diagnostics diags;
    CHECK_FALSE(resolve(dir, "highlight_lowest = 2.5", {}, diags));
    CHECK(messages(diags) ==
          std::vector<std::string>{file + " line 2: config-error: highlight_lowest must be a "
                                          "whole number"});
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
