// `ntreport template`: one input workbook per unit, ready to fill and send back.
#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <memory>

#include "ntreport/cli/common.hpp"
#include "ntreport/read/input.hpp"
#include "ntreport/report/form.hpp"
#include "ntreport/text/printable.hpp"
#include "ntreport/write/form_xlsx.hpp"
#include "ntreport/write/output.hpp"

namespace ntr::cli {

namespace {

struct TemplateOptions {
  PeriodOptions period;
  std::string unit;
  std::string level;
  std::string area;
};

// The appendices of unit figures --only names (all of them without it), in build order.
std::vector<const AppendixDef*> selected_appendices(const ReportSettings& c,
                                                    const std::vector<AppendixDef>& defs,
                                                    Diagnostics& diags) {
  std::vector<const AppendixDef*> out;
  for (const auto& d : defs) {
    if (!d.families.empty() && c.only.empty()) out.push_back(&d);
  }
  for (const auto& id : c.only) {
    const auto def =
        std::find_if(defs.begin(), defs.end(), [&](const AppendixDef& d) { return d.id == id; });
    if (def == defs.end() || def->families.empty()) {
      std::vector<std::string> ids;
      for (const auto& d : defs) {
        if (!d.families.empty()) ids.push_back(d.id);
      }
      diags.error(
          "usage", command_line_loc(),
          trf("--only {}: not an appendix of unit figures; they are {}", id, fmt::join(ids, ", ")));
      continue;
    }
    out.push_back(&*def);
  }
  return out;
}

std::vector<UnitId> selected_units(const TemplateOptions& o, const Registry& registry,
                                   Diagnostics& diags) {
  std::optional<UnitId> unit;
  std::optional<LevelId> level;
  std::optional<UnitId> area;
  auto code = [&](const std::string& text, const char* option) -> std::optional<UnitId> {
    const UnitId u = registry.find_code(text);
    if (u != kNoUnit) return u;
    std::vector<std::string> names;
    for (UnitId s : registry.suggest(text)) names.emplace_back(registry.unit(s).code);
    diags.error("usage", command_line_loc(), trf("{} {}: no unit has this code", option, text),
                names.empty() ? std::string{} : trf("did you mean {}?", fmt::join(names, ", ")));
    return std::nullopt;
  };
  if (!o.unit.empty() && !(unit = code(o.unit, "--unit"))) return {};
  if (!o.level.empty()) {
    level = registry.find_level(o.level);
    if (!level) {
      std::vector<std::string> ids;
      for (const auto& l : registry.levels()) ids.push_back(l.id);
      diags.error("usage", command_line_loc(),
                  trf("--level {}: the levels are {}", o.level, fmt::join(ids, ", ")));
      return {};
    }
  }
  if (!o.area.empty()) {
    if (!(area = code(o.area, "--area"))) return {};
    const auto& areas = registry.areas();
    if (std::find(areas.begin(), areas.end(), *area) == areas.end()) {
      diags.error("usage", command_line_loc(),
                  trf("--area {}: no unit lies in this unit's area", o.area));
      return {};
    }
  }
  return form_units(registry, unit, level, area);
}

int run_template(TemplateOptions o) {
  Diagnostics diags;
  auto finish = [&] {
    print_diagnostics(diags, o.period.quiet);
    return exit_code(diags, false);
  };
  o.period.needs_inputs = false;
  const auto config = resolve_config(o.period, diags);
  if (!config) return finish();
  const auto registry = load_registry(config->source, diags);
  const auto defs = load_appendices(config->source, diags);
  if (!registry || diags.has_errors()) return finish();
  const std::vector<Field> fields = form_fields(selected_appendices(config->report, defs, diags));
  const std::vector<UnitId> units = selected_units(o, *registry, diags);
  if (diags.has_errors()) return finish();
  const std::string& dir = config->forms.dir;
  // Blank forms among the inputs would be read as units that sent nothing.
  if (!check_output_folder(dir, config->source.inputs, diags)) return finish();
  const FormOptions options{config->report.period, config->forms.title, config->forms.return_to};
  const std::int64_t created = output_timestamp(config->report.period);
  // Forms written by an earlier run and still as written are replaced; a form filled in since,
  // or any other file, only with --force.
  OutputSet out(dir, OutputOptions{Ownership::merge, config->output.force});
  for (UnitId u : units) {
    const FormDoc form = build_form(*registry, u, fields, options);
    out.add_file(
        form.unit_code + ".xlsx",
        [&](const std::string& tmp) { return write_form_xlsx(tmp, form, created, diags); }, diags);
  }
  if (!diags.has_errors()) out.commit(diags);
  const int code = finish();
  if (code == 0 && !o.period.quiet) {
    const std::string count = count_text(static_cast<std::int64_t>(units.size()));
    std::printf("%s\n",
                (units.size() == 1
                     ? trf("ntreport: {} input workbook written to {}", count, printable(dir))
                     : trf("ntreport: {} input workbooks written to {}", count, printable(dir)))
                    .c_str());
  }
  return code;
}

}  // namespace

void add_template_command(CLI::App& app, int& result) {
  auto o = std::make_shared<TemplateOptions>();
  CLI::App* sub = app.add_subcommand(
      "template",
      std::string(tr(
          "Write an input workbook per unit, to fill and send back (default: every unit without a "
          "parent; sub-units are rows of their parent's workbook)")));
  auto* unit =
      sub->add_option("--unit", o->unit, std::string(tr("The workbook of this unit (its code)")));
  auto* level = sub->add_option(
      "--level", o->level, std::string(tr("A workbook per unit of this level (tinh, huyen, xa)")));
  auto* area = sub->add_option(
      "--area", o->area, std::string(tr("A workbook for this district and each unit lying in it")));
  unit->excludes(level)->excludes(area);
  level->excludes(area);
  PeriodOptions& p = o->period;
  add_setting_option(*sub, p, "forms",
                     N_("Output folder (default: forms, or `forms` of the "
                        "ntreport.toml)"),
                     "-o,--output");
  add_setting_option(*sub, p, "config");
  add_setting_option(*sub, p, "registry", N_("Unit registry CSV (default: the shipped registry)"));
  add_setting_option(*sub, p, "levels", N_("Level definitions CSV"));
  add_setting_option(*sub, p, "templates",
                     N_("More appendix definitions: the forms ask for their figures"));
  add_setting_option(*sub, p, "only",
                     N_("The appendices whose figures to collect (comma-separated)"));
  add_setting_option(*sub, p, "period.from");
  add_setting_option(*sub, p, "period.to");
  add_setting_option(*sub, p, "quiet");
  add_setting_option(*sub, p, "force",
                     N_("Replace workbooks of the folder ntreport did not write, or that were "
                        "filled in since"));
  sub->callback([o, &result] { result = guarded([&] { return run_template(*o); }); });
}

}  // namespace ntr::cli
