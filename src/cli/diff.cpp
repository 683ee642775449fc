// `ntreport diff OLD NEW`: two builds (or two periods' builds) compared through their
// summary.json. Exit 0 when identical, 1 when different, 2 on any problem.
#include "ntreport/diff/diff.hpp"

#include <cstdio>
#include <memory>

#include "ntreport/cli/common.hpp"
#include "ntreport/diff/summary_shape.hpp"
#include "ntreport/read/json.hpp"
#include "ntreport/write/diff_markdown.hpp"

namespace ntr::cli {

namespace {

struct DiffOptions {
  std::string old_build;
  std::string new_build;
};

int run_diff(const DiffOptions& o) {
  Diagnostics diags;
  std::string old_name;
  std::string new_name;
  const auto old_summary = read_summary_json(o.old_build, old_name, diags);
  const auto new_summary = read_summary_json(o.new_build, new_name, diags);
  const bool old_ok = old_summary && check_summary_shape(*old_summary, old_name, diags);
  const bool new_ok = new_summary && check_summary_shape(*new_summary, new_name, diags);
  SummaryDiff diff;
  if (old_ok && new_ok)
    diff = diff_summaries(*old_summary, old_name, *new_summary, new_name, diags);
  if (diags.has_errors()) {
    print_diagnostics(diags, false);
    return static_cast<int>(ExitCode::usage);  // every problem of a diff is exit 2
  }
  const std::string text = render_diff_markdown(diff);
  std::fwrite(text.data(), 1, text.size(), stdout);
  return diff.identical() ? 0 : 1;
}

}  // namespace

void add_diff_command(CLI::App& app, int& result) {
  auto opts = std::make_shared<DiffOptions>();
  CLI::App* sub = app.add_subcommand(
      "diff",
      std::string(tr(
          "Compare two builds unit by unit through their summary.json; print the changed figures "
          "as a Markdown table. Exit 0 identical, 1 different, 2 problem")));
  sub->add_option("old", opts->old_build,
                  std::string(tr("The earlier build folder (or its summary.json)")))
      ->required();
  sub->add_option("new", opts->new_build,
                  std::string(tr("The later build folder (or its summary.json)")))
      ->required();
  sub->callback([opts, &result] {
    result = guarded([&] { return run_diff(*opts); });
    // An internal error is still a problem of the diff: exit 2, as documented.
    if (result == static_cast<int>(ExitCode::internal)) result = static_cast<int>(ExitCode::usage);
  });
}

}  // namespace ntr::cli
