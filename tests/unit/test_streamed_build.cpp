// A build writes each appendix as soon as it is made and keeps of it only what the narrative
// needs (docs/spec.md §10, "Memory"): the same bytes as writing the whole report at the end.
#include <catch2/catch.hpp>
#include <filesystem>
#include <map>
#include <optional>

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

// The 2024 sample, read, with its build going to `out` in a scratch folder.
struct Sample {
  explicit Sample(const std::string& out) : config(sample_config(dir, out)) {
    registry = load_registry(config.source, diags);
    REQUIRE(registry);
    defs = load_appendices(config.source, diags);
    figures = read_inputs(config.source, *registry, diags);
  }
  BuildReport compile_into(const AppendixSink* sink) {
    return compile(config.report, config.source, *registry, defs, figures, {}, diags,
                   CompileExtras{nullptr, sink});
  }

  test::ScratchDir dir;
  Diagnostics diags;
  BuildConfig config;
  std::optional<Registry> registry;
  std::vector<AppendixDef> defs;
  Figures figures;
};

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
  Sample sample("out");
  std::vector<std::pair<std::string, std::size_t>> handed;  // id, unit rows
  AppendixSink sink;
  sink.keep_rows = false;
  sink.write = [&](const ReportDoc& doc, const ReportDoc* comparison) {
    handed.emplace_back(doc.id, rows_seen(doc));
    CHECK(unit_rows(doc) == 0);  // made on demand, each time a writer asks, never held
    CHECK(rows_seen(doc) == 100);
    CHECK(comparison == nullptr);
  };
  const BuildReport report = sample.compile_into(&sink);
  REQUIRE_FALSE(sample.diags.has_errors());
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

// Builds the sample into `out` through BuildOutputs, streamed; the paths written.
std::vector<std::string> streamed_build(Sample& sample, const std::string& out, bool parallel) {
  BuildOutputs outputs(sample.config.output, sample.config.report.period, sample.diags,
                       parallel ? 2 : 1);
  REQUIRE_FALSE(outputs.sink().keep_rows);  // no Word document asked for
  const BuildReport kept = sample.compile_into(&outputs.sink());
  CHECK(std::filesystem::is_directory(sample.dir.str(out)));                // staged as they came
  CHECK_FALSE(std::filesystem::exists(sample.dir.str(out + "/ho-so.md")));  // not in place
  return outputs.finish(kept);
}

TEST_CASE("a streamed build writes the same bytes as the whole report written at the end") {
  Sample whole("whole");
  const BuildReport report = whole.compile_into(nullptr);
  REQUIRE(write_outputs(whole.config.output, report, whole.diags).size() == 6);
  REQUIRE_FALSE(whole.diags.has_errors());
  const auto expected = files_of(whole.dir.str("whole"));
  CHECK(expected.size() == 7);  // and the folder's manifest
  // One thread, or the workbook on a thread of its own.
  for (const bool parallel : {false, true}) {
    INFO(parallel);
    Sample streamed("streamed");
    CHECK(streamed_build(streamed, "streamed", parallel).size() == 6);
    REQUIRE_FALSE(streamed.diags.has_errors());
    const auto got = files_of(streamed.dir.str("streamed"));
    for (const auto& [name, bytes] : expected) {
      INFO(name);
      REQUIRE(got.count(name) == 1);
      CHECK(got.at(name) == bytes);
    }
  }
}

TEST_CASE("a streamed build that is not finished leaves the output folder as it was") {
  Sample sample("out");
  {
    BuildOutputs outputs(sample.config.output, sample.config.report.period, sample.diags);
    (void)sample.compile_into(&outputs.sink());
  }  // a build stopped by --strict, or by an error, never calls finish()
  CHECK_FALSE(std::filesystem::exists(sample.dir.str("out")));
}
