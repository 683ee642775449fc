// registry + inputs → validate → aggregate → report documents → Markdown, XLSX, JSON.
#include "ntreport/pipeline.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <thread>

#include "ntreport/aggregate/aggregate.hpp"
#include "ntreport/diff/summary_shape.hpp"
#include "ntreport/narrative/narrative.hpp"
#include "ntreport/platform/paths.hpp"
#include "ntreport/read/csv.hpp"
#include "ntreport/read/embedded.hpp"
#include "ntreport/read/header.hpp"
#include "ntreport/read/input.hpp"
#include "ntreport/read/json.hpp"
#include "ntreport/read/tables.hpp"
#include "ntreport/report/build.hpp"
#include "ntreport/report/labels.hpp"
#include "ntreport/text/translate.hpp"
#include "ntreport/write/docx.hpp"
#include "ntreport/write/json.hpp"
#include "ntreport/write/markdown.hpp"
#include "ntreport/write/narrative_md.hpp"
#include "ntreport/write/output.hpp"
#include "ntreport/write/pdf.hpp"
#include "ntreport/write/xlsx.hpp"

namespace ntr {

namespace {
constexpr std::string_view kDefaultRegistry = "data/registry/ninh-thuan-2023-2024.csv";
constexpr std::string_view kDefaultLevels = "data/registry/levels.csv";

std::optional<OwnedSheet> sheet_from(const std::string& path, std::string_view embedded,
                                     Diagnostics& diags) {
  if (!path.empty()) return read_csv_sheet(path, diags);
  const auto text = embedded_file(embedded);
  if (!text) return std::nullopt;
  return read_csv_sheet_text(*text, std::string(embedded), diags);
}
// Streams a registry CSV file (or the embedded default) to `reader`; false when it could not
// be read without error.
bool read_registry_sheet(const std::string& path, std::string_view embedded, RegistryReader& reader,
                         Diagnostics& diags) {
  const std::size_t errors = diags.error_count();
  std::optional<std::string> file;
  std::optional<std::string_view> text;
  if (!path.empty()) {
    file = read_text_file(path, diags);
    if (file) text = *file;
  } else {
    text = embedded_file(embedded);
  }
  if (!text) return false;
  // At most a unit per line: the registry's tables are allocated once. Capped, so that a file
  // of blank lines reserves nothing absurd; beyond the cap the tables grow as rows come.
  constexpr std::size_t kMaxReserved = 1U << 18;
  const auto lines = static_cast<std::size_t>(std::count(text->begin(), text->end(), '\n')) + 1;
  reader.reserve(std::min(lines, kMaxReserved));
  read_csv_text(*text, path.empty() ? std::string(embedded) : path, reader, diags);
  return diags.error_count() == errors;
}
}  // namespace

std::vector<LevelDef> default_levels() {
  Diagnostics diags;  // the shipped file has none: test_registry.cpp reads it
  const std::optional<OwnedSheet> sheet = sheet_from({}, kDefaultLevels, diags);
  return sheet ? Registry::levels_from_sheet(*sheet, diags) : std::vector<LevelDef>{};
}

std::optional<Registry> load_registry(const SourceSettings& source, Diagnostics& diags) {
  const std::size_t errors = diags.error_count();
  // A levels file that cannot be read is an error already; the registry is then read against
  // the shipped levels, so that it adds no findings of its own about unknown levels.
  const std::optional<OwnedSheet> level_sheet = sheet_from(source.levels, kDefaultLevels, diags);
  std::vector<LevelDef> levels =
      level_sheet ? Registry::levels_from_sheet(*level_sheet, diags) : default_levels();
  // Streamed: a registry of a whole country is never held as a sheet. The registry's own
  // findings are kept aside until the file has been read without error, as a file that cannot
  // be read builds nothing.
  Diagnostics found;
  RegistryReader reader(std::move(levels), found);
  if (!read_registry_sheet(source.registry, kDefaultRegistry, reader, diags)) return std::nullopt;
  diags.merge(std::move(found));
  Registry registry = reader.take();
  for (const auto& a : source.aliases) {
    if (auto sheet = read_csv_sheet(a, diags)) registry.add_aliases(*sheet, diags);
  }
  if (diags.error_count() > errors) return std::nullopt;
  return registry;
}

std::vector<AppendixDef> load_appendices(const SourceSettings& source, Diagnostics& diags) {
  std::vector<AppendixDef> defs;
  auto add = [&defs](AppendixDef d) {
    auto same =
        std::find_if(defs.begin(), defs.end(), [&](const AppendixDef& x) { return x.id == d.id; });
    if (same != defs.end()) {
      *same = std::move(d);
    } else {
      defs.push_back(std::move(d));
    }
  };
  for (const auto& f : embedded_files()) {
    // labels.toml and templates/narrative/ hold wording, not appendices
    if (f.name.rfind("templates/", 0) != 0 || f.name == kLabelsFile ||
        f.name.rfind("templates/narrative/", 0) == 0)
      continue;
    if (auto d = parse_appendix(f.data, std::string(f.name), diags)) add(std::move(*d));
  }
  for (const auto& dir : source.template_dirs) {
    for (const auto& path : list_folder(dir, ".toml", diags)) {
      const auto text = read_text_file(path, diags);
      if (!text) continue;
      if (auto d = parse_appendix(*text, path, diags)) add(std::move(*d));
    }
  }
  std::stable_sort(defs.begin(), defs.end(),
                   [](const AppendixDef& a, const AppendixDef& b) { return a.order < b.order; });
  return defs;
}

void load_headers(const SourceSettings& source, Diagnostics& diags) {
  std::vector<KnownHeader> extra;
  for (const auto& path : source.headers) {
    const auto sheet = read_csv_sheet(path, diags);
    if (!sheet) continue;
    std::vector<KnownHeader> before = known_headers();
    before.insert(before.end(), extra.begin(), extra.end());
    auto more = parse_header_list(*sheet, before, diags);
    extra.insert(extra.end(), std::make_move_iterator(more.begin()),
                 std::make_move_iterator(more.end()));
  }
  use_headers(std::move(extra));
}

TargetsInput load_targets(const SourceSettings& source, const Registry& registry,
                          Diagnostics& diags) {
  TargetsInput in;
  if (!source.targets.empty()) {
    if (auto sheet = read_csv_sheet(source.targets, diags))
      in.targets = parse_targets(*sheet, registry, diags);
  }
  if (!source.results.empty()) {
    if (auto sheet = read_csv_sheet(source.results, diags))
      in.results = parse_results(*sheet, diags);
  }
  return in;
}

namespace {

// Passes tables on to ingest and reports each finished file to the progress line.
class ProgressVisitor final : public InputTableVisitor {
 public:
  ProgressVisitor(InputTableVisitor& out, const FileProgress& progress, std::size_t total)
      : out_(out), progress_(progress), total_(total) {}
  void begin_file(const std::string& path) override { out_.begin_file(path); }
  void end_file() override {
    out_.end_file();
    if (progress_) progress_(++done_, total_);
  }
  void begin_table(const TableHeader& header) override { out_.begin_table(header); }
  void row(std::uint32_t row, std::span<const CellView> cells) override { out_.row(row, cells); }
  void end_table() override { out_.end_table(); }
  void no_table(const SheetInfo& sheet) override { out_.no_table(sheet); }

 private:
  InputTableVisitor& out_;
  const FileProgress& progress_;
  std::size_t total_;
  std::size_t done_ = 0;
};

}  // namespace

Figures read_inputs(const SourceSettings& source, const Registry& registry, Diagnostics& diags,
                    const FileProgress& progress) {
  Ingest ingest(registry, diags);
  const std::vector<std::string> paths = list_inputs(source.inputs, diags);
  ProgressVisitor counted(ingest, progress, paths.size());
  read_tables(paths, source.limits, source.jobs, counted, diags);
  return ingest.finish();
}

AuditReport audit_input(const std::string& path, const Registry& registry, const ReadLimits& limits,
                        Diagnostics& diags) {
  Auditor auditor(registry, diags);
  HeaderDetector detector(auditor, diags);
  read_input(path, limits, detector, diags);
  return auditor.finish();
}

std::vector<const AppendixDef*> select_appendices(const ReportSettings& settings, bool has_targets,
                                                  const std::vector<AppendixDef>& appendices,
                                                  const Figures& figures, Diagnostics& diags) {
  Values any;  // which figures any unit has
  for (const Values& v : figures.own) any.present |= v.present;
  std::vector<const AppendixDef*> out;
  for (const auto& def : appendices) {
    const bool asked =
        std::find(settings.only.begin(), settings.only.end(), def.id) != settings.only.end();
    const bool is_targets = def.layout == Layout::targets;
    const bool has_figures = is_targets ? has_targets
                                        : std::any_of(def.families.begin(), def.families.end(),
                                                      [&](Family f) { return any.has_family(f); });
    if (settings.only.empty() ? !has_figures : !asked) continue;
    if (is_targets && !has_targets) {
      diags.error("usage", command_line_loc(),
                  trf("the appendix {} needs a targets file (--targets)", def.id));
      continue;
    }
    out.push_back(&def);
  }
  return out;
}

namespace {
ReportDoc build_appendix(const AppendixDef& def, const ReportSettings& settings,
                         const Registry& registry, const Totals& totals,
                         const TargetsInput& targets, bool stream, Diagnostics& diags) {
  ReportOptions options;
  options.period = settings.period;
  options.stream_units = stream;
  if (def.layout == Layout::targets)
    return build_targets(def, targets.targets, targets.results, totals, options);
  if (auto it = settings.layouts.find(def.id); it != settings.layouts.end()) {
    options.layout = it->second;
  } else if (def.layout == Layout::area && registry.areas().empty()) {
    // A registry without districts (two levels, since 2025): by area would be by level with
    // other headings, so it is by level, and said.
    options.layout = Layout::level;
    diags.note("layout-fallback", command_line_loc(),
               trf("the appendix {} is laid out by district by default, but the registry has "
                   "no districts (no unit has an area): it is laid out by level",
                   def.id),
               trf("give --layout {}=level to say so, or --layout {}=area to keep the by-area "
                   "headings",
                   def.id, def.id));
  }
  if (!settings.sort.empty()) options.sort = rate_by_key(settings.sort);
  options.targets = rate_targets(targets.targets);
  options.highlight_lowest = settings.highlight_lowest;
  return build_report(def, registry, totals, options);
}
}  // namespace

BuildReport compile(const ReportSettings& settings, const SourceSettings& source,
                    const Registry& registry, const std::vector<AppendixDef>& appendices,
                    Figures figures, const TargetsInput& targets, Diagnostics& diags,
                    const CompileExtras& extras) {
  const Comparison* comparison = extras.comparison;
  const AppendixSink* sink = extras.sink;
  BuildReport report;
  report.period = settings.period;
  const auto selected =
      select_appendices(settings, !source.targets.empty(), appendices, figures, diags);
  // The units' own figures serve the comparison after the sums, and nothing else.
  const Totals totals = comparison != nullptr ? aggregate(registry, figures.own)
                                              : aggregate(registry, std::move(figures.own));
  check_sums(registry, totals, diags);
  // Read before any appendix is made: a template in error stops the build before it writes.
  const auto narratives = load_narratives(source.template_dirs, diags);
  // Unit rows made on demand, while the totals live, for writers that take each appendix as
  // it comes; held, for the comparison, the Word document and the callers that keep them.
  const bool stream = sink != nullptr && !sink->keep_rows && comparison == nullptr;
  for (const AppendixDef* def : selected) {
    ReportDoc doc = build_appendix(*def, settings, registry, totals, targets, stream, diags);
    // Markdown and XLSX print the same heading lines: the appendix's number in this build (the
    // published letters number them "Phụ lục 1", "Phụ lục 2", … in their order) and the
    // reference.
    doc.number_line =
        fill(labels().appendix_number, {{"n", std::to_string(report.appendices.size() + 1)}});
    doc.reference = settings.reference;
    std::optional<ReportDoc> table;
    if (comparison != nullptr)
      table = add_comparison(doc, report.period, registry, totals, figures.own, *comparison, diags);
    // Each appendix is written as soon as it is made, and then only what the narrative and the
    // chart sheet need of it is kept: memory holds one appendix's rows at a time.
    if (sink != nullptr && !diags.has_errors()) sink->write(doc, table ? &*table : nullptr);
    if (sink != nullptr && !sink->keep_rows) {
      drop_unit_rows(doc);  // and the rows made on demand: the totals go when compile() returns
      table.reset();
    }
    if (table) report.comparisons.push_back(std::move(*table));
    report.appendices.push_back(std::move(doc));
  }
  NarrativeOptions narrative;
  narrative.targets = rate_targets(targets.targets);
  const PreviousFigures previous = previous_figures(report.appendices, registry);
  if (comparison != nullptr) narrative.previous = &previous;
  report.narrative = build_narratives(narratives, report.appendices, registry, totals, narrative);
  for (auto& d : diags.sorted()) {
    if (d.severity != Severity::warning) continue;
    if (d.loc.file != "ntreport")
      d.loc.file = path_from_root(d.loc.file, source.root, source.inputs);
    report.warnings.push_back(std::move(d));
  }
  return report;
}

std::optional<Comparison> load_comparison(const CompareSettings& settings, Diagnostics& diags) {
  if (settings.previous.empty()) return std::nullopt;
  const std::size_t errors = diags.error_count();
  Comparison c;
  c.crosswalk = Crosswalk::shipped();
  c.factor = settings.plausibility_factor;
  for (const auto& path : settings.crosswalks) {
    if (auto sheet = read_csv_sheet(path, diags)) c.crosswalk.add_user_sheet(*sheet, diags);
  }
  for (const auto& path : settings.previous) {
    std::string shown;
    const auto summary = read_summary_json(path, shown, diags);
    if (summary && check_summary_shape(*summary, shown, diags))
      c.builds.push_back(previous_from_summary(*summary, shown));
  }
  if (diags.error_count() > errors) return std::nullopt;
  return c;
}

std::string path_from_root(const std::string& path, const std::string& root,
                           const std::vector<std::string>& inputs) {
  namespace fs = std::filesystem;
  std::error_code ec;
  auto absolute = [&ec](const std::string& s) {
    fs::path a = fs::absolute(platform::fs_path(s.empty() ? "." : s), ec).lexically_normal();
    return a.has_filename() ? a : a.parent_path();
  };
  const fs::path p = absolute(path);
  fs::path base = p.parent_path();
  if (!root.empty()) {
    base = absolute(root);
  } else {
    for (const auto& in : inputs) {
      const fs::path a = absolute(in);
      const auto within = p.lexically_relative(a);
      if (a == p || (!within.empty() && *within.begin() != "..")) {
        base = a.parent_path();
        break;
      }
    }
  }
  if (ec) return path;
  const fs::path rel = p.lexically_relative(base);
  return rel.empty() ? path : platform::utf8_path(rel);
}

namespace {
// The appendices, each followed by its comparison table (a sheet of its own).
std::vector<ReportDoc> with_comparisons(const BuildReport& report) {
  std::vector<ReportDoc> docs;
  for (const auto& doc : report.appendices) {
    docs.push_back(doc);
    for (const auto& table : report.comparisons) {
      if (table.id == doc.id) docs.push_back(table);
    }
  }
  return docs;
}

constexpr std::string_view kPdfHint =
    N_("install LibreOffice — on Debian, apt-get install libreoffice-writer-nogui "
       "libreoffice-calc-nogui — or set NTREPORT_SOFFICE to its soffice program, or leave pdf out "
       "of --format");

// bao-cao.pdf and phu-luc.pdf: the Word document and the workbook, each written beside the
// staged PDF and converted by LibreOffice; pdf-unavailable when there is no LibreOffice.
void add_pdfs(OutputSet& out, const BuildReport& report, Diagnostics& diags) {
  const std::string soffice = find_soffice();
  if (soffice.empty()) {
    diags.error("pdf-unavailable", command_line_loc(),
                std::string(tr("--format pdf needs LibreOffice, which is not installed (no "
                               "soffice on the PATH)")),
                std::string(tr(kPdfHint)));
    return;
  }
  const std::int64_t created = output_timestamp(report.period);
  out.add_file(
      "bao-cao.pdf",
      [&](const std::string& tmp) {
        return write_docx(tmp + ".docx", report, DocxOptions{created}, diags) &&
               convert_to_pdf(soffice, tmp + ".docx", tmp, diags);
      },
      diags);
  XlsxOptions options;
  options.created = created;
  out.add_file(
      "phu-luc.pdf",
      [&](const std::string& tmp) {
        return write_xlsx(tmp + ".xlsx", with_comparisons(report), options, diags) &&
               convert_to_pdf(soffice, tmp + ".xlsx", tmp, diags);
      },
      diags);
}
}  // namespace

std::optional<OutputFormat> parse_output_format(std::string_view name) {
  static constexpr std::array<std::pair<std::string_view, OutputFormat>, 5> kNames = {{
      {"md", OutputFormat::md},
      {"xlsx", OutputFormat::xlsx},
      {"json", OutputFormat::json},
      {"docx", OutputFormat::docx},
      {"pdf", OutputFormat::pdf},
  }};
  for (const auto& [n, format] : kNames) {
    if (n == name) return format;
  }
  return std::nullopt;
}

namespace {
// Runs `work` on a thread of its own when `beside` (joined when the thread returned goes), else
// here and now.
template <class Work>
std::jthread run_beside(bool beside, Work work) {
  if (beside) return std::jthread(std::move(work));
  work();
  return {};
}
}  // namespace

struct BuildOutputs::State {
  State(const OutputSettings& given, const std::optional<Period>& build_period, Diagnostics& d,
        unsigned build_jobs)
      : settings(given),
        diags(d),
        jobs(build_jobs),
        period(build_period),
        created(output_timestamp(build_period)),
        out(given.dir, OutputOptions{Ownership::replace, given.force}) {}

  const OutputSettings& settings;
  Diagnostics& diags;
  unsigned jobs = 1;  ///< the threads the build may use: more than one, the workbook has its own
  std::optional<Period> period;
  std::int64_t created = 0;
  OutputSet out;
  std::unique_ptr<XlsxBook> xlsx;
  std::unique_ptr<SummaryJson> json;
  AppendixSink sink;
};

BuildOutputs::BuildOutputs(const OutputSettings& settings, const std::optional<Period>& period,
                           Diagnostics& diags, unsigned jobs)
    : s_(std::make_unique<State>(settings, period, diags, jobs)) {
  s_->sink.write = [this](const ReportDoc& doc, const ReportDoc* comparison) {
    appendix(doc, comparison);
  };
  // The Word document (and the PDFs made of it and of the workbook) is written last, whole.
  s_->sink.keep_rows = settings.formats.count(OutputFormat::docx) != 0 ||
                       settings.formats.count(OutputFormat::pdf) != 0;
}

BuildOutputs::~BuildOutputs() = default;

const AppendixSink& BuildOutputs::sink() const { return s_->sink; }

void BuildOutputs::appendix(const ReportDoc& doc, const ReportDoc* comparison) {
  State& s = *s_;
  const auto& formats = s.settings.formats;
  if (formats.count(OutputFormat::xlsx) && !s.xlsx) {
    const std::string path = s.out.begin_file("phu-luc.xlsx", s.diags);
    if (!path.empty()) {
      XlsxOptions options;
      options.created = s.created;
      options.threads = s.jobs;
      s.xlsx = std::make_unique<XlsxBook>(path, options);
    }
  }
  if (formats.count(OutputFormat::json) && !s.json) {
    const std::string path = s.out.begin_file("summary.json", s.diags);
    if (!path.empty()) s.json = std::make_unique<SummaryJson>(path, s.period);
  }
  // The worksheet takes the longest (its XML deflated): with more than one thread, it is
  // written beside the Markdown and summary.json. Each writer makes the rows it reads; what
  // they share is only read (and the held texts, behind their lock), and only this thread
  // reports or stages anything.
  std::jthread book;
  if (s.xlsx) {
    book = run_beside(s.jobs > 1, [&s, &doc, comparison] {
      s.xlsx->add(doc);
      if (comparison != nullptr) s.xlsx->add(*comparison);
    });
  }
  if (formats.count(OutputFormat::md)) {
    std::vector<const ReportDoc*> docs{&doc};  // and its comparison table, below it
    if (comparison != nullptr) docs.push_back(comparison);
    s.out.add_file(
        doc.id + ".md", [&](const std::string& tmp) { return write_markdown(tmp, docs, s.diags); },
        s.diags);
  }
  if (s.json) s.json->add(doc);
}  // the worksheet is written when `book` is joined

std::vector<std::string> BuildOutputs::finish(const BuildReport& report,
                                              std::vector<std::string>* removed) {
  State& s = *s_;
  Diagnostics& diags = s.diags;
  const std::size_t errors = diags.error_count();
  const auto& formats = s.settings.formats;
  if (formats.count(OutputFormat::md) && !report.narrative.empty())
    s.out.add_text("thuyet-minh.md", render_narrative_markdown(report.narrative), diags);
  // With more than one thread the workbook is finished (its worksheets deflated) beside the
  // end of summary.json; the files are staged in the same order either way.
  bool book_written = false;
  Diagnostics book_diags;
  std::jthread book;
  if (s.xlsx) {
    book = run_beside(
        s.jobs > 1, [&s, &book_written, &book_diags] { book_written = s.xlsx->close(book_diags); });
  }
  const bool json_written = s.json && s.json->close(report.narrative, report.warnings, diags);
  if (book.joinable()) book.join();
  diags.merge(std::move(book_diags));
  if (s.xlsx) s.out.end_file("phu-luc.xlsx", book_written, diags);
  if (formats.count(OutputFormat::docx)) {
    s.out.add_file(
        "bao-cao.docx",
        [&](const std::string& tmp) {
          return write_docx(tmp, report, DocxOptions{s.created}, diags);
        },
        diags);
  }
  if (formats.count(OutputFormat::pdf)) add_pdfs(s.out, report, diags);
  if (s.json) s.out.end_file("summary.json", json_written, diags);
  if (diags.error_count() > errors || !s.out.commit(diags)) return {};
  if (removed != nullptr) *removed = s.out.removed();
  return s.out.paths();
}

std::vector<std::string> write_outputs(const OutputSettings& settings, const BuildReport& report,
                                       Diagnostics& diags, std::vector<std::string>* removed) {
  BuildOutputs outputs(settings, report.period, diags);
  for (const auto& doc : report.appendices) {
    const auto table = std::find_if(report.comparisons.begin(), report.comparisons.end(),
                                    [&](const ReportDoc& t) { return t.id == doc.id; });
    outputs.sink().write(doc, table == report.comparisons.end() ? nullptr : &*table);
  }
  return outputs.finish(report, removed);
}

namespace {
std::optional<std::chrono::year_month_day> parse_date(const std::string& iso) {
  if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-') return std::nullopt;
  for (std::size_t i = 0; i < iso.size(); ++i) {
    if (i != 4 && i != 7 && (iso[i] < '0' || iso[i] > '9')) return std::nullopt;
  }
  const std::chrono::year_month_day ymd{
      std::chrono::year{std::stoi(iso.substr(0, 4))},
      std::chrono::month{static_cast<unsigned>(std::stoi(iso.substr(5, 2)))},
      std::chrono::day{static_cast<unsigned>(std::stoi(iso.substr(8, 2)))}};
  if (!ymd.ok()) return std::nullopt;
  return ymd;
}
}  // namespace

bool valid_date(const std::string& iso) { return parse_date(iso).has_value(); }

std::int64_t output_timestamp(const std::optional<Period>& period) {
  if (const char* sde = std::getenv("SOURCE_DATE_EPOCH"); sde != nullptr && *sde != '\0') {
    char* end = nullptr;
    const long long v = std::strtoll(sde, &end, 10);
    if (end != nullptr && *end == '\0' && v > 0) return v;
  }
  const auto end = period ? parse_date(period->to) : std::nullopt;
  if (!end) return 315532800;  // 1980-01-01, like the dates of the zip entries
  return std::int64_t{std::chrono::sys_days{*end}.time_since_epoch().count()} * 86400;
}

}  // namespace ntr
