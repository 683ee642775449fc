// Fuzz target: a CSV input through the whole compiler in memory — header detection, unit
// matching against the shipped registry, counts, subtotal and invariant checks, aggregation,
// the appendices, and their Markdown and JSON renderings.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_support.hpp"
#include "ntreport/pipeline.hpp"
#include "ntreport/read/csv.hpp"
#include "ntreport/read/header.hpp"
#include "ntreport/write/json.hpp"
#include "ntreport/write/markdown.hpp"

namespace {

struct Setup {
  ntr::BuildConfig config;
  ntr::Registry registry;
  std::vector<ntr::AppendixDef> appendices;
};

const Setup& setup() {
  static const Setup s = [] {
    Setup out;
    ntr::Diagnostics diags;
    auto registry = ntr::load_registry(out.config.source, diags);
    NTR_FUZZ_REQUIRE(registry.has_value() && !diags.has_errors());
    out.registry = std::move(*registry);
    out.appendices = ntr::load_appendices(out.config.source, diags);
    NTR_FUZZ_REQUIRE(!diags.has_errors());
    return out;
  }();
  return s;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const Setup& s = setup();
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  ntr::Diagnostics diags;
  ntr::Ingest ingest(s.registry, diags);
  ntr::HeaderDetector detector(ingest, diags);
  ntr::fuzz::CheckingVisitor visitor(&detector);
  ingest.begin_file("fuzz.csv");
  const bool ok = ntr::read_csv_text(text, "fuzz.csv", visitor, diags);
  ingest.end_file();
  visitor.finish();
  const ntr::Figures figures = ingest.finish();
  ntr::fuzz::check_diagnostics(diags, ok);
  if (diags.has_errors()) return 0;  // a build stops here too
  const ntr::BuildReport report =
      ntr::compile(s.config.report, s.config.source, s.registry, s.appendices, figures, {}, diags);
  for (const auto& doc : report.appendices) NTR_FUZZ_REQUIRE(!ntr::render_markdown(doc).empty());
  NTR_FUZZ_REQUIRE(!ntr::render_summary_json(report).empty());
  return 0;
}
