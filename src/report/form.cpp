// Forms for units to fill: rows, columns and the instructions sheet's text.
#include "ntreport/report/form.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <span>

#include "ntreport/model/invariants.hpp"
#include "ntreport/report/build.hpp"
#include "ntreport/report/labels.hpp"

namespace ntr {

namespace {

void add_rows(const Registry& registry, UnitId u, const std::string& stt, std::uint32_t depth,
              std::vector<FormRow>& rows) {
  const Unit& unit = registry.unit(u);
  rows.push_back(
      FormRow{stt, std::string(unit.code), std::string(unit.name), depth, unit.children.empty()});
  for (std::size_t i = 0; i < unit.children.size(); ++i) {
    add_rows(registry, unit.children[i], fmt::format("{}.{}", stt, i + 1), depth + 1, rows);
  }
}

const std::string& group_of(Field f) { return labels().fields[static_cast<std::size_t>(f)].group; }
const std::string& help_of(Field f) { return labels().fields[static_cast<std::size_t>(f)].help; }

// The fields a unit types in for `f`: the field itself, or, for one derived from others, the
// others of its invariant.
std::uint32_t typed_for(Field f) {
  if (!is_derived(f)) return field_bit(f);
  std::uint32_t out = 0;
  for (const Invariant& inv : invariants()) {
    if (inv.kind == Invariant::Kind::sum && inv.derived == f) out |= inv.mask() & ~field_bit(f);
  }
  return out;
}

std::uint32_t typed_for(std::span<const Term> terms) {
  std::uint32_t out = 0;
  for (const Term& t : terms) out |= typed_for(t.field);
  return out;
}

// Whether every field of `mask` is among the form's.
bool has_all(const std::vector<Field>& form, std::uint32_t mask) {
  for (Field f : form) mask &= ~field_bit(f);
  return mask == 0;
}

// The meaning of each figure of the form, family by family, and the lines of the figures
// computed from them.
void meanings(const std::vector<Field>& form, std::vector<FormLine>& lines) {
  using S = FormLine::Style;
  const Labels& l = labels();
  lines.push_back({S::heading, l.form_meaning});
  for (const FamilyDef& fam : families()) {
    if (std::none_of(form.begin(), form.end(),
                     [&](Field f) { return field_def(f).family == fam.id; }))
      continue;
    lines.push_back({S::text, fill(l.form_family, {{"family", fam.label}})});
    for (Field f : form) {
      if (field_def(f).family != fam.id) continue;
      lines.push_back(
          {S::item, fill(l.form_field, {{"header", field_def(f).label}, {"help", help_of(f)}})});
    }
    for (const Invariant& inv : invariants()) {
      if (inv.kind == Invariant::Kind::sum && field_def(inv.derived).family == fam.id &&
          has_all(form, typed_for(inv.derived)))
        lines.push_back({S::item, fill(l.form_derived, {{"help", help_of(inv.derived)}})});
    }
  }
}

std::vector<FormLine> instructions(const FormDoc& doc, const std::vector<Field>& form,
                                   const FormOptions& options) {
  using S = FormLine::Style;
  const Labels& l = labels();
  std::vector<FormLine> lines;
  if (!options.title.empty()) lines.push_back({S::text, options.title});
  lines.push_back({S::title, l.form_title});
  lines.push_back({S::text, fill(l.form_unit, {{"name", doc.unit_name}, {"code", doc.unit_code}})});
  if (!doc.period_line.empty()) lines.push_back({S::text, doc.period_line});
  lines.push_back({S::heading, l.form_how});
  for (const std::string* how : {&l.form_how_1, &l.form_how_2, &l.form_how_3, &l.form_how_4})
    lines.push_back({S::item, *how});
  const bool has_rollup =
      std::any_of(doc.rows.begin(), doc.rows.end(), [](const FormRow& r) { return !r.input; });
  if (has_rollup) lines.push_back({S::item, l.form_how_rollup});
  meanings(form, lines);
  lines.push_back({S::heading, l.form_return_heading});
  lines.push_back({S::text, options.return_to.empty()
                                ? l.form_return
                                : fill(l.form_return_to, {{"to", options.return_to}})});
  return lines;
}

}  // namespace

std::vector<Field> input_fields(Family family) {
  std::vector<Field> out;
  for (const auto& f : fields()) {
    if (f.family == family && !is_derived(f.id)) out.push_back(f.id);
  }
  return out;
}

std::vector<Field> form_fields(std::span<const AppendixDef* const> appendices) {
  std::uint32_t wanted = 0;
  for (const AppendixDef* def : appendices) {
    for (const ColumnDef& c : def->columns) {
      if (const auto f = field_by_key(c.show)) wanted |= typed_for(*f);
      if (const auto r = rate_by_key(c.show)) {
        wanted |= typed_for(rate_def(*r).numerator) | typed_for(rate_def(*r).denominator);
      }
    }
  }
  std::vector<Field> out;
  for (const FieldDef& f : fields()) {
    if ((wanted & field_bit(f.id)) != 0) out.push_back(f.id);
  }
  return out;
}

FormDoc build_form(const Registry& registry, UnitId unit, const std::vector<Field>& form,
                   const FormOptions& options) {
  FormDoc doc;
  const Unit& u = registry.unit(unit);
  doc.unit_code = u.code;
  doc.unit_name = u.name;
  doc.title = options.title;
  doc.period_line = period_line(labels().form_period, options.period);
  for (Field f : form)
    doc.columns.push_back(FormColumn{f, group_of(f), std::string(field_def(f).label)});
  add_rows(registry, unit, "1", 0, doc.rows);
  doc.instructions = instructions(doc, form, options);
  const Labels& l = labels();
  doc.input_title = l.form_input_title;
  doc.input_message = l.form_input_message;
  doc.error_title = l.form_error_title;
  doc.error_message = l.form_error_message;
  doc.signatures = {{l.form_signer, l.form_signer_note}, {l.form_head, l.form_head_note}};
  doc.sheets = {l.form_guide_sheet, l.form_data_sheet};
  doc.data_title = fill(l.form_data_title, {{"unit", doc.unit_name}});
  doc.identity_headers = {l.form_stt, l.form_code, l.form_name};
  return doc;
}

std::vector<UnitId> form_units(const Registry& registry, std::optional<UnitId> unit,
                               std::optional<LevelId> level, std::optional<UnitId> area) {
  if (unit) return {*unit};
  std::vector<UnitId> out;
  for (std::size_t i = 0; i < registry.size(); ++i) {
    const auto id = static_cast<UnitId>(i);
    const Unit& u = registry.unit(id);
    bool wanted = u.parent == kNoUnit;
    if (level) wanted = wanted && u.level == *level;
    if (area) wanted = id == *area || (wanted && u.area == *area);
    if (wanted) out.push_back(id);
  }
  return out;
}

}  // namespace ntr
