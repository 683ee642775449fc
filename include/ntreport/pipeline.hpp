#pragma once
// The whole compiler, stage by stage: load the registry and the appendix definitions, read
// and validate every input, aggregate, build the report documents, write them.
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "ntreport/audit/audit.hpp"
#include "ntreport/compare/compare.hpp"
#include "ntreport/diag/diagnostic.hpp"
#include "ntreport/ingest/ingest.hpp"
#include "ntreport/read/sheet.hpp"
#include "ntreport/registry/registry.hpp"
#include "ntreport/report/appendix.hpp"
#include "ntreport/report/report.hpp"
#include "ntreport/report/targets.hpp"

namespace ntr {

/// The files a build writes (docs/spec.md §7): Markdown, the workbook, summary.json, Word, PDF.
enum class OutputFormat : std::uint8_t { md, xlsx, json, docx, pdf };
/// "md", "xlsx", "json", "docx", "pdf" → the format; none for another word.
std::optional<OutputFormat> parse_output_format(std::string_view name);

/// Where the figures come from: the registry, the appendix definitions, the inputs.
struct SourceSettings {
  std::vector<std::string> inputs;
  std::string registry;  ///< empty: the shipped Ninh Thuận registry
  std::string levels;    ///< empty: the shipped level definitions
  std::vector<std::string> aliases;
  std::vector<std::string> template_dirs;  ///< more appendix definitions (same id overrides)
  std::vector<std::string> headers;        ///< more header texts (data/headers.csv's format)
  std::string targets;
  std::string results;
  /// What the file paths of summary.json are relative to: the period folder (of
  /// ntreport.toml); empty without one (then: the folder holding the input that named it).
  std::string root;
  ReadLimits limits;
  unsigned jobs = 0;  ///< threads reading inputs; 0: one per core
};

/// What the appendices show.
struct ReportSettings {
  std::optional<Period> period;
  std::vector<std::string> only;          ///< appendix ids; empty: all that have figures
  std::map<std::string, Layout> layouts;  ///< appendix id → level or area
  std::string sort;                       ///< a rate key, or empty
  unsigned highlight_lowest = 0;          ///< mark the N lowest units of each level per rate
  std::string reference;                  ///< optional line under each XLSX title
};

/// The earlier builds the appendices are compared with.
struct CompareSettings {
  std::vector<std::string> previous;     ///< earlier builds' output folders or summary.json files
  std::vector<std::string> crosswalks;   ///< CSV old_code,new_code,share: add to or override
  std::int64_t plausibility_factor = 5;  ///< a count changed by more than this is a warning
};

/// Where the outputs go, and in which formats.
struct OutputSettings {
  std::string dir = "out";
  std::set<OutputFormat> formats{OutputFormat::md, OutputFormat::xlsx, OutputFormat::json};
  bool force = false;  ///< replace or remove files in the output folder ntreport did not write
};

/// The input forms of `ntreport template`.
struct FormSettings {
  std::string title;      ///< the province's title line
  std::string return_to;  ///< who filled forms go back to
  std::string dir = "forms";
};

/// Everything a build needs to know, from the command line and the period's ntreport.toml
/// (docs/spec.md §8: each setting is declared once, in src/cli/settings.cpp); each stage
/// receives the part it uses.
struct BuildConfig {
  SourceSettings source;
  ReportSettings report;
  CompareSettings compare;
  OutputSettings output;
  FormSettings forms;
  bool strict = false;  ///< warnings fail the run too
};

/// The shipped levels (tinh, huyen, xa), as data/registry/levels.csv compiled into the binary
/// defines them.
std::vector<LevelDef> default_levels();

/// The registry named by the configuration (or the shipped one), with its aliases.
std::optional<Registry> load_registry(const SourceSettings& source, Diagnostics& diags);

/// The shipped appendix definitions plus those of source.template_dirs, sorted by order.
std::vector<AppendixDef> load_appendices(const SourceSettings& source, Diagnostics& diags);

/// Reads the province's header files (source.headers) and has the header detector know their
/// texts besides the shipped ones (use_headers). Before any input is read.
void load_headers(const SourceSettings& source, Diagnostics& diags);

/// The targets of the plan and the results given by hand (empty without --targets).
struct TargetsInput {
  std::vector<Target> targets;
  TargetResults results;
};
TargetsInput load_targets(const SourceSettings& source, const Registry& registry,
                          Diagnostics& diags);

/// Called after each input file is read: files done, files in all.
using FileProgress = std::function<void(std::size_t done, std::size_t total)>;

/// Reads and validates every input.
Figures read_inputs(const SourceSettings& source, const Registry& registry, Diagnostics& diags,
                    const FileProgress& progress = {});

/// The appendices the configuration asks for (or, with no --only, every appendix whose
/// figures the inputs hold, and the targets appendix when targets are given). A targets
/// appendix asked for without targets is a usage error, and left out.
std::vector<const AppendixDef*> select_appendices(const ReportSettings& settings, bool has_targets,
                                                  const std::vector<AppendixDef>& appendices,
                                                  const Figures& figures, Diagnostics& diags);

/// The earlier builds of settings.previous and the crosswalks (the shipped ones, then
/// settings.crosswalks); nothing when settings.previous is empty or something cannot be read.
std::optional<Comparison> load_comparison(const CompareSettings& settings, Diagnostics& diags);

/// Where compile() hands each appendix as soon as it is made, with its comparison table (or
/// null): the writers that stream. Unless `keep_rows`, compile() then drops the appendix's
/// unit rows (and its comparison table), keeping what the narrative needs.
struct AppendixSink {
  std::function<void(const ReportDoc& doc, const ReportDoc* comparison)> write;
  bool keep_rows = true;
};

/// What a build adds to compile(): the earlier period's figures to compare with, and the
/// writers to hand each appendix to as soon as it is made.
struct CompileExtras {
  const Comparison* comparison = nullptr;
  const AppendixSink* sink = nullptr;
};

/// Aggregates and lays out the appendices the configuration asks for (or, with no --only,
/// every appendix whose figures the inputs hold, and the targets appendix when targets are
/// given); with a comparison, adds the earlier period's figures to them. The figures are
/// given by value: a caller done with them moves them in, and their sums take their place.
BuildReport compile(const ReportSettings& settings, const SourceSettings& source,
                    const Registry& registry, const std::vector<AppendixDef>& appendices,
                    Figures figures, const TargetsInput& targets, Diagnostics& diags,
                    const CompileExtras& extras = {});

/// How summary.json names a file: relative to `root` when there is one, else to the folder
/// holding the input (file or folder) it was found under, else to its own folder; lexically,
/// in forward slashes: the same text whatever folder ntreport runs in and however the paths
/// were spelled.
std::string path_from_root(const std::string& path, const std::string& root,
                           const std::vector<std::string>& inputs);

/// The outputs of one build, written as compile() hands each appendix to sink(), then put in
/// place all together by finish(), or not at all: destroyed unfinished, it leaves the output
/// folder as it was. Markdown, the workbook and summary.json are written as the appendices
/// come; the Word document and the PDFs at the end, of the whole report.
class BuildOutputs {
 public:
  /// `jobs`: the threads the build may use (--jobs). With more than one, the workbook is
  /// written on a thread of its own, beside the other files, and its worksheets deflated on up
  /// to `jobs` threads (the same bytes).
  BuildOutputs(const OutputSettings& settings, const std::optional<Period>& period,
               Diagnostics& diags, unsigned jobs = 1);
  ~BuildOutputs();
  BuildOutputs(const BuildOutputs&) = delete;
  BuildOutputs& operator=(const BuildOutputs&) = delete;

  [[nodiscard]] const AppendixSink& sink() const;
  /// Writes what needs the whole build (the narrative, the Word document, the PDFs), ends the
  /// files begun and puts everything in place; returns the paths written (none on an error),
  /// and sets `removed` as write_outputs does.
  std::vector<std::string> finish(const BuildReport& report,
                                  std::vector<std::string>* removed = nullptr);

 private:
  void appendix(const ReportDoc& doc, const ReportDoc* comparison);
  struct State;
  std::unique_ptr<State> s_;
};

/// Writes the outputs, all together or not at all, into a folder that then holds this build
/// only; returns the paths written, and sets `removed` to the files of the previous build this
/// one no longer writes, which it removed.
std::vector<std::string> write_outputs(const OutputSettings& settings, const BuildReport& report,
                                       Diagnostics& diags,
                                       std::vector<std::string>* removed = nullptr);

/// Reads one printed appendix (every table of it) and recomputes it from its own rows.
AuditReport audit_input(const std::string& path, const Registry& registry, const ReadLimits& limits,
                        Diagnostics& diags);

/// The XLSX `created` time: SOURCE_DATE_EPOCH when set, else the period end, else 1980-01-01.
std::int64_t output_timestamp(const std::optional<Period>& period);

/// Checks a YYYY-MM-DD date (a real calendar date).
bool valid_date(const std::string& iso);

}  // namespace ntr
