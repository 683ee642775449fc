// Fuzz target: the summary.json reader of `ntreport diff` (JSON parser, shape check, diff and
// its Markdown). A document that passes the shape check compares equal to itself, and its
// comparison with a small fixed build never fails.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_support.hpp"
#include "ntreport/diff/diff.hpp"
#include "ntreport/diff/summary_shape.hpp"
#include "ntreport/read/json.hpp"
#include "ntreport/write/diff_markdown.hpp"

namespace {
constexpr std::string_view kFixed =
    R"({"appendices": {"ho-so": {"levels": {"tinh": {"label": "Cấp tỉnh", "received": 5,)"
    R"( "online_ratio": 0.4}}, "total": {"label": "Tổng cộng", "received": 5},)"
    R"( "units": {"so-y-te": {"name": "Sở Y tế", "level": "tinh", "received": 5}}}}})";
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  std::string error;
  const auto doc = ntr::parse_json(text, error);
  NTR_FUZZ_REQUIRE(doc.has_value() == error.empty());
  if (!doc) return 0;
  ntr::Diagnostics diags;
  const bool ok = ntr::check_summary_shape(*doc, "fuzz.json", diags);
  ntr::fuzz::check_diagnostics(diags, ok);
  if (!ok) return 0;
  const auto fixed = ntr::parse_json(kFixed, error);
  NTR_FUZZ_REQUIRE(fixed.has_value());
  const ntr::SummaryDiff same = ntr::diff_summaries(*doc, "a", *doc, "b", diags);
  NTR_FUZZ_REQUIRE(same.changes.empty());
  const ntr::SummaryDiff d = ntr::diff_summaries(*fixed, "old", *doc, "new", diags);
  NTR_FUZZ_REQUIRE(!ntr::render_diff_markdown(d).empty() || d.identical());
  ntr::fuzz::check_diagnostics(diags, true);
  return 0;
}
