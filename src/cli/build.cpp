// `ntreport build` and `ntreport check`: the same validation; build also writes.
#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <memory>

#include "ntreport/aggregate/aggregate.hpp"
#include "ntreport/cli/common.hpp"
#include "ntreport/cli/progress.hpp"
#include "ntreport/read/input.hpp"
#include "ntreport/read/tables.hpp"
#include "ntreport/text/printable.hpp"
#include "ntreport/write/output.hpp"

namespace ntr::cli {

namespace {

// Unknown --only ids are usage errors.
void check_only(const ReportSettings& c, const std::vector<AppendixDef>& defs, Diagnostics& diags) {
  std::vector<std::string> ids;
  for (const auto& d : defs) ids.push_back(d.id);
  auto check = [&](const std::string& id, const char* option) {
    if (std::find(ids.begin(), ids.end(), id) == ids.end()) {
      diags.error(
          "usage", command_line_loc(),
          trf("{} {}: no such appendix; the appendices are {}", option, id, fmt::join(ids, ", ")));
    }
  };
  for (const auto& id : c.only) check(id, "--only");
  for (const auto& [id, layout] : c.layouts) check(id, "--layout");
}

void no_figures(const OutputSettings& c, bool build, Diagnostics& diags) {
  diags.warning("no-figures", command_line_loc(),
                build ? trf("the inputs hold no figures: nothing was written, and {} is as it was",
                            c.dir.empty() ? "." : c.dir)
                      : std::string(tr("the inputs hold no figures: a build would write nothing")),
                std::string(tr("fill in the input workbooks, or name the files that hold the "
                               "figures")));
}

// Per appendix, the units whose rows say "Chưa báo cáo" or "Thiếu số liệu": a build with most
// units missing must not look finished.
void print_missing(const BuildReport& report) {
  for (const auto& doc : report.appendices) {
    const UnitRowCount c = count_unit_rows(doc);
    if (c.not_reported + c.partial == 0) continue;
    auto n = [](std::size_t v) { return count_text(static_cast<std::int64_t>(v)); };
    std::printf("%s\n", trf("ntreport: {}: {} of {} units not reported, {} reported in part "
                            "(column \"Ghi chú\")",
                            doc.id, n(c.not_reported), n(c.units), n(c.partial))
                            .c_str());
  }
}

// What a build that wrote its outputs says on stdout.
void print_written(const BuildReport& report, const std::string& dir,
                   const std::vector<std::string>& written,
                   const std::vector<std::string>& removed) {
  print_missing(report);
  std::vector<std::string> ids;
  for (const auto& d : report.appendices) ids.push_back(d.id);
  const std::size_t n = report.appendices.size();
  const std::string list = fmt::format("{}", fmt::join(ids, ", "));
  const std::string folder = printable(dir);
  const std::string count = count_text(static_cast<std::int64_t>(n));
  std::printf("%s\n",
              (n == 1 ? trf("ntreport: {} appendix ({}) written to {}:", count, list, folder)
                      : trf("ntreport: {} appendices ({}) written to {}:", count, list, folder))
                  .c_str());
  for (const auto& p : written) std::printf("  %s\n", printable(p).c_str());
  for (const auto& p : removed) {
    std::printf("%s\n", trf("ntreport: removed {}, which the previous build wrote and this "
                            "one does not",
                            printable(p))
                            .c_str());
  }
}

int run(const PeriodOptions& o, bool write) {
  Diagnostics diags;
  Progress progress(o.quiet);
  auto finish = [&] {
    progress.clear();
    print_diagnostics(diags, o.quiet, o.given.strict);
    if (o.given.strict && !diags.has_errors() && diags.warning_count() > 0) {
      const std::string_view line =
          write ? tr("ntreport: --strict: warnings fail the build; nothing was written")
                : tr("ntreport: --strict: warnings fail the check");
      std::fprintf(stderr, "%.*s\n", static_cast<int>(line.size()), line.data());
    }
    return exit_code(diags, o.given.strict);
  };
  const auto config = resolve_config(o, diags);
  if (!config) return finish();
  const auto registry = load_registry(config->source, diags);
  const auto defs = load_appendices(config->source, diags);
  load_headers(config->source, diags);
  check_only(config->report, defs, diags);
  if (write && check_output_folder(config->output.dir, config->source.inputs, diags)) {
    recover_output_folder(config->output.dir, diags);  // however this build ends, one build there
  }
  if (!registry || diags.has_errors()) return finish();
  const TargetsInput targets = load_targets(config->source, *registry, diags);
  Figures figures =
      read_inputs(config->source, *registry, diags,
                  [&](std::size_t done, std::size_t total) { progress.files(done, total); });
  progress.units(static_cast<std::size_t>(std::count_if(
      figures.own.begin(), figures.own.end(), [](const Values& v) { return !v.empty(); })));
  if (!write) {  // validation needs no documents: the sums and the choice of appendices
    const bool none =
        select_appendices(config->report, !config->source.targets.empty(), defs, figures, diags)
            .empty();
    check_sums(*registry, aggregate(*registry, std::move(figures.own)), diags);
    if (none && !diags.has_errors()) no_figures(config->output, false, diags);
    return finish();
  }
  auto comparison = load_comparison(config->compare, diags);
  // Where each figure was read serves the comparison's messages only: without one, the tables
  // and origins it keeps (tens of MB at national scale) are let go before the appendices.
  if (comparison) comparison->where = std::move(figures.where);
  figures.where = nullptr;
  if (diags.has_errors()) return finish();
  // The outputs are staged as each appendix is made; put in place at the end, or not at all.
  const unsigned jobs = config->source.jobs != 0 ? config->source.jobs : default_read_jobs();
  BuildOutputs outputs(config->output, config->report.period, diags, jobs);
  const BuildReport report =
      compile(config->report, config->source, *registry, defs, std::move(figures), targets, diags,
              CompileExtras{comparison ? &*comparison : nullptr, &outputs.sink()});
  progress.appendices(report.appendices.size());
  // Blank forms would blank the outputs of the last build: a build with nothing to write
  // writes nothing.
  if (report.appendices.empty() && !diags.has_errors()) no_figures(config->output, true, diags);
  if (diags.has_errors() || report.appendices.empty() ||
      (o.given.strict && diags.warning_count() > 0))
    return finish();
  std::vector<std::string> removed;
  const auto written = outputs.finish(report, &removed);
  const int code = finish();
  if (code == 0 && !o.quiet) print_written(report, config->output.dir, written, removed);
  return code;
}

}  // namespace

void add_build_command(CLI::App& app, int& result) {
  auto opts = std::make_shared<PeriodOptions>();
  CLI::App* sub =
      app.add_subcommand("build", std::string(tr("Validate the inputs and write the appendices")));
  add_period_options(*sub, *opts, true);
  sub->callback([opts, &result] { result = guarded([&] { return run(*opts, true); }); });
}

void add_check_command(CLI::App& app, int& result) {
  auto opts = std::make_shared<PeriodOptions>();
  CLI::App* sub =
      app.add_subcommand("check", std::string(tr("Validate the inputs, print every problem, "
                                                 "write nothing")));
  add_period_options(*sub, *opts, false);
  sub->callback([opts, &result] { result = guarded([&] { return run(*opts, false); }); });
}

}  // namespace ntr::cli
