// `ntreport audit FILE`: recompute a published appendix from its own unit rows and list every
// printed figure that disagrees (docs/spec.md §8).
#include "ntreport/write/audit.hpp"

#include <fmt/format.h>

#include <cstdio>
#include <memory>

#include "ntreport/cli/common.hpp"

namespace ntr::cli {

namespace {

struct AuditOptions {
  std::string file;
  std::string registry;
  std::string levels;
  std::vector<std::string> aliases;
  std::vector<std::string> headers;
  std::string format = "text";
  bool quiet = false;
};

int run(const AuditOptions& o) {
  Diagnostics diags;
  SourceSettings source;
  source.registry = o.registry;
  source.levels = o.levels;
  source.aliases = o.aliases;
  source.headers = o.headers;
  const auto registry = load_registry(source, diags);
  // A province's own header texts, as build reads them (docs/spec.md §2.4).
  const std::size_t errors = diags.error_count();
  if (registry) load_headers(source, diags);
  if (!registry || diags.error_count() > errors) {
    print_diagnostics(diags, o.quiet);
    return exit_code(diags, false);
  }
  const AuditReport report = audit_input(o.file, *registry, source.limits, diags);
  const ExitCode failed = diags.has_errors() ? diags.exit_code() : ExitCode::ok;
  // A file that could not be read has nothing to report; data problems leave a report.
  if (failed != ExitCode::io && failed != ExitCode::usage) {
    const std::string out = o.format == "json"
                                ? render_audit_json(report, diags.sorted(), o.file)
                                : render_audit_text(report, o.file, diags.error_count());
    std::fputs(out.c_str(), stdout);
  }
  print_diagnostics(diags, o.quiet);
  if (diags.has_errors()) return static_cast<int>(failed);
  return report.findings.empty() ? 0 : static_cast<int>(ExitCode::data);
}

}  // namespace

void add_audit_command(CLI::App& app, int& result) {
  auto opts = std::make_shared<AuditOptions>();
  CLI::App* sub = app.add_subcommand(
      "audit",
      std::string(tr("Recompute a published appendix from its own rows and list what disagrees")));
  sub->add_option("FILE", opts->file, std::string(tr("the printed appendix (XLSX or CSV)")))
      ->required();
  sub->add_option("--registry", opts->registry,
                  std::string(tr("the unit registry (default: the shipped one)")));
  sub->add_option("--levels", opts->levels,
                  std::string(tr("level definitions (default: tinh, huyen, xa)")));
  sub->add_option("--aliases", opts->aliases,
                  std::string(tr("more names for units, CSV alias,code; repeatable")));
  sub->add_option(
      "--headers", opts->headers,
      std::string(tr("CSV key,header: more header texts the inputs may use; repeatable")));
  sub->add_option("--format", opts->format, std::string(tr("text (default) or json")))
      ->check(CLI::IsMember({"text", "json"}));
  sub->add_flag("-q,--quiet", opts->quiet, std::string(tr("print only errors on stderr")));
  sub->callback([opts, &result] { result = guarded([&] { return run(*opts); }); });
}

}  // namespace ntr::cli
