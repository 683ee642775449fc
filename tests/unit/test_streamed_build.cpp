// A build writes each appendix as soon as it is made and keeps of it only what the narrative
// needs (docs/spec.md §10, "Memory"): the same bytes as writing the whole report at the end.
#include <catch2/catch.hpp>
#include <filesystem>
#include <map>

#include "../support/scratch_dir.hpp"
#include "ntreport/pipeline.hpp"

using namespace ntr;
using ntr::test::read_file;

namespace {

BuildConfig sample_config(const test::ScratchDir& dir, const std::string& out) {
  BuildConfig c;
  c.source.inputs = {std::string(NTR_SOURCE_DIR) + "/data/samples/2024/inputs"};
  c.source.aliases = {std::string(NTR_SOURCE_DIR) + "/data/samples/2024/aliases.csv"};
  c.report.period = Period{"2024-01-01", "2024-08-28"};
  c.output.dir = dir.str(out);
  c.output.formats = {OutputFormat::md, OutputFormat::xlsx, OutputFormat::json};
  return c;
}

std::map<std::string, std::string> files_of(const std::string& dir) {
  std::map<std::string, std::string> out;
  for (const auto& e : std::filesystem::directory_iterator(dir))
    out[e.path().filename().string()] = read_file(e.path());
  return out;
}

// The unit rows the doc holds.
std::size_t unit_rows(const ReportDoc& doc) {
  std::size_t n = 0;
  for (const Row& r : doc.rows) n += r.kind == RowKind::unit ? 1 : 0;
  return n;
}

// The unit rows a writer sees, held or made on demand.
std::size_t rows_seen(const ReportDoc& doc) {
  std::size_t n = 0;
  for_each_row(doc, [&](const Row& r) { n += r.kind == RowKind::unit ? 1 : 0; });
  return n;
}

}  // namespace

TEST_CASE("a streamed build hands each appendix over whole, then keeps its level rows only") {
  // whole: a writer sees every row, in order, as often as it asks
  test::ScratchDir dir;
  const BuildConfig c = sample_config(dir, "out");
  Diagnostics diags;
  const auto registry = load_registry(c.source, diags);
  REQUIRE(registry);
  const auto defs = load_appendices(c.source, diags);
  const Figures figures = read_inputs(c.source, *registry, diags);
  std::vector<std::pair<std::string, std::size_t>> handed;  // id, unit rows
  AppendixSink sink;
  sink.keep_rows = false;
  sink.write = [&](const ReportDoc& doc, const ReportDoc* comparison) {
    handed.emplace_back(doc.id, rows_seen(doc));
    CHECK(unit_rows(doc) == 0);  // made on demand, each time a writer asks, never held
    CHECK(rows_seen(doc) == 100);
    CHECK(comparison == nullptr);
  };
  const BuildReport report = compile(c.report, c.source, *registry, defs, figures, {}, diags,
                                     CompileExtras{nullptr, &sink});
  REQUIRE_FALSE(diags.has_errors());
  // The sample's three appendices, each of 100 units (one of them not reported: the build's
  // "1 of 100 units not reported" line).
  CHECK(handed == std::vector<std::pair<std::string, std::size_t>>{
                      {"ho-so", 100}, {"so-hoa", 100}, {"thanh-toan", 100}});
  REQUIRE(report.appendices.size() == 3);
  for (const ReportDoc& doc : report.appendices) {
    CHECK(unit_rows(doc) == 0);
    CHECK(doc.target_rules.empty());
    CHECK(std::count_if(doc.rows.begin(), doc.rows.end(),
                        [](const Row& r) { return r.kind == RowKind::total; }) == 1);
    const UnitRowCount count = count_unit_rows(doc);
    CHECK(count.units == 100);
    CHECK(count.not_reported == 1);
    CHECK(count.partial == 0);
    CHECK(doc.not_reported.size() == 1);
  }
  CHECK_FALSE(report.narrative.empty());
}

TEST_CASE("a streamed build writes the same bytes as the whole report written at the end") {
  test::ScratchDir dir;
  Diagnostics diags;
  const BuildConfig whole = sample_config(dir, "whole");
  const auto registry = load_registry(whole.source, diags);
  REQUIRE(registry);
  const auto defs = load_appendices(whole.source, diags);
  const Figures figures = read_inputs(whole.source, *registry, diags);
  const BuildReport report =
      compile(whole.report, whole.source, *registry, defs, figures, {}, diags);
  REQUIRE(write_outputs(whole.output, report, diags).size() == 6);

  const BuildConfig streamed = sample_config(dir, "streamed");
  std::vector<std::string> written;
  {
    BuildOutputs outputs(streamed.output, streamed.report.period, diags);
    REQUIRE_FALSE(outputs.sink().keep_rows);  // no Word document asked for
    const BuildReport kept = compile(streamed.report, streamed.source, *registry, defs, figures, {},
                                     diags, CompileExtras{nullptr, &outputs.sink()});
    CHECK(std::filesystem::is_directory(dir.str("streamed")));  // staged as the appendices came
    CHECK_FALSE(std::filesystem::exists(dir.str("streamed/ho-so.md")));  // put in place at the end
    written = outputs.finish(kept);
  }
  REQUIRE_FALSE(diags.has_errors());
  CHECK(written.size() == 6);
  const auto a = files_of(dir.str("whole"));
  const auto b = files_of(dir.str("streamed"));
  CHECK(a.size() == 7);  // and the folder's manifest
  for (const auto& [name, bytes] : a) {
    INFO(name);
    REQUIRE(b.count(name) == 1);
    CHECK(b.at(name) == bytes);
  }
}

TEST_CASE("a streamed build that is not finished leaves the output folder as it was") {
  test::ScratchDir dir;
  Diagnostics diags;
  const BuildConfig c = sample_config(dir, "out");
  const auto registry = load_registry(c.source, diags);
  REQUIRE(registry);
  const auto defs = load_appendices(c.source, diags);
  const Figures figures = read_inputs(c.source, *registry, diags);
  {
    BuildOutputs outputs(c.output, c.report.period, diags);
    (void)compile(c.report, c.source, *registry, defs, figures, {}, diags,
                  CompileExtras{nullptr, &outputs.sink()});
  }  // a build stopped by --strict, or by an error, never calls finish()
  CHECK_FALSE(std::filesystem::exists(dir.str("out")));
}
