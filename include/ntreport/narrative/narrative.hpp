#pragma once
// The report's paragraphs ("thuyết minh"): sentences that restate an appendix's figures,
// written from templates/narrative/<appendix>.toml (data: a province rewrites the wording
// without touching code). Each sentence keeps the figures it states, and every share it
// prints is computed from those figures, so that a paragraph is consistent with itself and
// with its appendix. Writers print a NarrativeSection; they never compute.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ntreport/aggregate/aggregate.hpp"
#include "ntreport/diag/diagnostic.hpp"
#include "ntreport/registry/registry.hpp"
#include "ntreport/report/build.hpp"
#include "ntreport/report/narrative_section.hpp"
#include "ntreport/report/report.hpp"

namespace ntr {

/// What one sentence template is written for.
enum class NarrativeScope : std::uint8_t {
  levels,        ///< one sentence listing every level (`item` per level, joined into {list})
  level,         ///< one sentence per level
  total,         ///< one sentence over all levels
  lowest,        ///< per level: the units with the lowest values of `rate`
  not_reported,  ///< per level: the units without figures
};

struct NarrativeSentenceDef {
  NarrativeScope scope = NarrativeScope::level;
  std::string text;
  std::string item;                 ///< levels: each level's part; lowest/not_reported: each unit's
  std::string empty;                ///< lowest/not_reported: the sentence when no unit is listed
  std::optional<Rate> rate;         ///< lowest: the rate
  std::uint32_t count = 3;          ///< lowest: how many units (ties included)
  std::vector<std::string> levels;  ///< the level ids it is written for; empty: every level
  SourceLoc loc;
};

struct NarrativeDef {
  std::string appendix;  ///< the id of the appendix it restates
  std::string heading;   ///< "Hệ thống quản lý văn bản và điều hành"
  std::map<std::string, std::string, std::less<>> words;  ///< clauses: target_met, change_up, …
  std::vector<NarrativeSentenceDef> sentences;
  std::string source;
};

/// Figures of the earlier period, for "tăng … so với cùng kỳ": per level (indexed like the
/// registry's levels) and in all. Absent figures print no comparison.
struct PreviousFigures {
  std::vector<Values> level;
  Values total;
};

/// The earlier figures the documents' level and total rows carry (Row::previous, set by
/// `build --previous`), by field: a row that is not comparable gives none, so its sentences
/// print no comparison.
PreviousFigures previous_figures(const std::vector<ReportDoc>& docs, const Registry& registry);

struct NarrativeOptions {
  std::vector<RateTarget> targets;
  const PreviousFigures* previous = nullptr;
};

/// Parses one narrative template. Problems (TOML syntax, unknown keys, a placeholder that
/// names no figure of its scope) are template-error diagnostics naming the file and line.
std::optional<NarrativeDef> parse_narrative(std::string_view text, const std::string& source,
                                            Diagnostics& diags);

/// The sentences of `def` over the figures of appendix `doc`. A sentence any of whose figures
/// is not reported (or a rate whose denominator is 0) is left out.
NarrativeSection build_narrative(const NarrativeDef& def, const ReportDoc& doc,
                                 const Registry& registry, const Totals& totals,
                                 const NarrativeOptions& options);

/// The shipped narrative templates, each replaced by one for the same appendix found in a
/// `narrative/` folder of one of `template_dirs` (later folders win).
std::vector<NarrativeDef> load_narratives(const std::vector<std::string>& template_dirs,
                                          Diagnostics& diags);

/// The sections of the appendices that have a narrative template, in the appendices' order.
std::vector<NarrativeSection> build_narratives(const std::vector<NarrativeDef>& defs,
                                               const std::vector<ReportDoc>& docs,
                                               const Registry& registry, const Totals& totals,
                                               const NarrativeOptions& options);

}  // namespace ntr
