// The table of settings (docs/spec.md §8). A new setting is a row here, a member of one of
// BuildConfig's parts, and a row of the docs' table (a unit test compares them).
#include "ntreport/cli/settings.hpp"

#include <stdexcept>

#include "ntreport/text/translate.hpp"

namespace ntr::cli {

namespace {

constexpr std::int64_t kMaxHighlightLowest = 1000;
constexpr std::int64_t kMaxJobs = 64;
constexpr std::int64_t kMaxPlausibilityFactor = 1000000;

// clang-format off
const Setting kSettings[] = {
    {.name = "inputs", .in_file = true, .flags = "inputs",
     .help = N_("Input files or folders (XLSX, XLS, CSV), read recursively"),
     .scope = Scope::inputs, .store = ListRef{[](BuildConfig& c) -> auto& { return c.source.inputs; }},
     .note = N_("The units' files (XLSX, CSV)"), .path = true},
    {.name = "config", .in_file = false, .flags = "--config",
     .help = N_("The period's ntreport.toml (default: ./ntreport.toml if present)"),
     .scope = Scope::registry, .store = Special::config},
    {.name = "registry", .in_file = true, .flags = "--registry",
     .help = N_("Unit registry CSV (default: the shipped Ninh Thuận registry)"),
     .scope = Scope::registry, .store = TextRef{[](BuildConfig& c) -> auto& { return c.source.registry; }},
     .note = N_("The unit registry (default: the shipped Ninh Thuận registry)"), .path = true},
    {.name = "levels", .in_file = true, .flags = "--levels",
     .help = N_("Level definitions CSV (default: tinh, huyen, xa)"),
     .scope = Scope::registry, .store = TextRef{[](BuildConfig& c) -> auto& { return c.source.levels; }},
     .path = true},
    {.name = "aliases", .in_file = true, .flags = "--aliases",
     .help = N_("Alias CSV files (alias,code); repeatable"),
     .scope = Scope::registry, .store = ListRef{[](BuildConfig& c) -> auto& { return c.source.aliases; }},
     .note = N_("More names for units (CSV alias,code)"), .path = true, .adds = true},
    {.name = "templates", .in_file = true, .flags = "--templates",
     .help = N_("Folders of extra appendix definitions (*.toml)"),
     .scope = Scope::inputs, .store = ListRef{[](BuildConfig& c) -> auto& { return c.source.template_dirs; }},
     .path = true, .adds = true},
    {.name = "headers", .in_file = true, .flags = "--headers",
     .help = N_("CSV key,header: more header texts the inputs may use; repeatable"),
     .scope = Scope::inputs, .store = ListRef{[](BuildConfig& c) -> auto& { return c.source.headers; }},
     .path = true, .adds = true},
    {.name = "targets", .in_file = true, .flags = "--targets",
     .help = N_("Targets CSV for the chi-tieu appendix"),
     .scope = Scope::inputs, .store = TextRef{[](BuildConfig& c) -> auto& { return c.source.targets; }},
     .note = N_("The plan's targets, for the chi-tieu appendix"), .path = true},
    {.name = "results", .in_file = true, .flags = "--results",
     .help = N_("Results CSV for targets not computed from unit figures"),
     .scope = Scope::inputs, .store = TextRef{[](BuildConfig& c) -> auto& { return c.source.results; }},
     .path = true},
    {.name = "period.from", .in_file = true, .flags = "--period-from",
     .help = N_("First day of the period, YYYY-MM-DD"),
     .scope = Scope::inputs, .store = Special::period_from},
    {.name = "period.to", .in_file = true, .flags = "--period-to",
     .help = N_("Last day of the period, YYYY-MM-DD"),
     .scope = Scope::inputs, .store = Special::period_to},
    {.name = "only", .in_file = true, .flags = "--only",
     .help = N_("Appendix ids to build (comma-separated)"),
     .scope = Scope::inputs, .store = ListRef{[](BuildConfig& c) -> auto& { return c.report.only; }},
     .commas = true},
    {.name = "strict", .in_file = false, .flags = "--strict",
     .help = N_("Fail (exit 1) on warnings too"),
     .scope = Scope::inputs, .store = FlagRef{[](BuildConfig& c) -> auto& { return c.strict; }}},
    {.name = "quiet", .in_file = false, .flags = "-q,--quiet",
     .help = N_("Print nothing but errors"),
     .scope = Scope::inputs, .store = Special::quiet},
    {.name = "jobs", .in_file = false, .flags = "-j,--jobs",
     .help = N_("Threads reading input files (default: one per core)"),
     .scope = Scope::inputs, .store = CountRef{[](BuildConfig& c) -> auto& { return c.source.jobs; }},
     .min = 1, .max = kMaxJobs},
    {.name = "output", .in_file = true, .flags = "-o,--output",
     .help = N_("Output folder (default: ./out)"),
     .scope = Scope::outputs, .store = TextRef{[](BuildConfig& c) -> auto& { return c.output.dir; }},
     .note = N_("Where build writes the appendices"), .path = true},
    {.name = "force", .in_file = false, .flags = "--force",
     .help = N_("Replace (or remove) files of the output folder ntreport did not write, or that "
                "changed since"),
     .scope = Scope::outputs, .store = FlagRef{[](BuildConfig& c) -> auto& { return c.output.force; }}},
    {.name = "layout", .in_file = true, .flags = "--layout",
     .help = N_("ID=level|area: the layout of an appendix; repeatable"),
     .scope = Scope::outputs, .store = Special::layout},
    {.name = "sort", .in_file = true, .flags = "--sort",
     .help = N_("Order units within each group by this rate, lowest first"),
     .scope = Scope::outputs, .store = TextRef{[](BuildConfig& c) -> auto& { return c.report.sort; }}},
    {.name = "format", .in_file = false, .flags = "--format",
     .help = N_("Output formats: md,xlsx,json,docx,pdf (default: md,xlsx,json)"),
     .scope = Scope::outputs, .store = Special::format, .commas = true},
    {.name = "previous", .in_file = false, .flags = "--previous",
     .help = N_("An earlier build (its output folder or summary.json) to compare with; "
                "repeatable"),
     .scope = Scope::outputs, .store = ListRef{[](BuildConfig& c) -> auto& { return c.compare.previous; }}},
    {.name = "crosswalk", .in_file = false, .flags = "--crosswalk",
     .help = N_("CSV old_code,new_code,share (whole, part or a fraction): where earlier units "
                "went, beside or instead of the shipped crosswalks; repeatable"),
     .scope = Scope::outputs, .store = ListRef{[](BuildConfig& c) -> auto& { return c.compare.crosswalks; }}},
    {.name = "plausibility_factor", .in_file = false, .flags = "--plausibility-factor",
     .help = N_("With --previous, warn of a count that changed by more than this factor "
                "(default 5)"),
     .scope = Scope::outputs,
     .store = FactorRef{[](BuildConfig& c) -> auto& { return c.compare.plausibility_factor; }},
     .min = 2, .max = kMaxPlausibilityFactor},
    {.name = "highlight_lowest", .in_file = true, .flags = "--highlight-lowest",
     .help = N_("In phu-luc.xlsx, mark the N lowest units of each level for every rate (0: none)"),
     .scope = Scope::outputs,
     .store = CountRef{[](BuildConfig& c) -> auto& { return c.report.highlight_lowest; }},
     .min = 0, .max = kMaxHighlightLowest},
    {.name = "reference", .in_file = true, .flags = {},
     .help = N_("The line under each appendix title"),
     .scope = Scope::file, .store = TextRef{[](BuildConfig& c) -> auto& { return c.report.reference; }}},
    {.name = "title", .in_file = true, .flags = {},
     .help = N_("The province, on the input workbooks"),
     .scope = Scope::file, .store = TextRef{[](BuildConfig& c) -> auto& { return c.forms.title; }}},
    {.name = "return_to", .in_file = true, .flags = {},
     .help = N_("Who the filled workbooks go back to"),
     .scope = Scope::file, .store = TextRef{[](BuildConfig& c) -> auto& { return c.forms.return_to; }}},
    {.name = "forms", .in_file = true, .flags = {},
     .help = N_("Where template writes the input workbooks"),
     .scope = Scope::file, .store = TextRef{[](BuildConfig& c) -> auto& { return c.forms.dir; }},
     .path = true},
    {.name = "lang", .in_file = true, .flags = {},
     .help = N_("The language of ntreport's messages and help: vi (Tiếng Việt) or en (English)"),
     .scope = Scope::file, .store = Special::lang},
};
// clang-format on

}  // namespace

std::span<const Setting> settings() { return kSettings; }

const Setting& setting(std::string_view name) {
  for (const Setting& s : kSettings) {
    if (s.name == name) return s;
  }
  throw std::logic_error("no setting named " + std::string(name));
}

}  // namespace ntr::cli
