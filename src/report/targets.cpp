#include "ntreport/report/targets.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>

#include "ntreport/report/labels.hpp"
#include "ntreport/text/normalize.hpp"
#include "ntreport/text/numbers.hpp"
#include "ntreport/text/translate.hpp"

namespace ntr {

namespace {

__extension__ using i128 = __int128;

// Column index (1-based) of the first header starting with `prefix`, or 0.
std::uint32_t column(const OwnedRow& header, std::string_view prefix) {
  for (const auto& c : header.cells) {
    if (trim(c.text).rfind(prefix, 0) == 0) return c.col;
  }
  return 0;
}

std::string cell(const OwnedRow& row, std::uint32_t col) {
  return col == 0 ? std::string{} : std::string(trim(row.at(col)));
}

// "75%" → 7500, "96,02%" → 9602; nullopt for anything that is not a plain percentage.
std::optional<std::int64_t> percent_of(std::string_view t) {
  t = trim(t);
  if (t.size() < 2 || t.back() != '%') return std::nullopt;
  t.remove_suffix(1);
  const auto comma = t.find(',');
  const std::string_view whole = t.substr(0, comma);
  const std::string_view frac =
      comma == std::string_view::npos ? std::string_view{} : t.substr(comma + 1);
  if (whole.empty() || frac.size() > 2) return std::nullopt;
  std::int64_t w = 0;
  std::int64_t f = 0;
  if (std::from_chars(whole.data(), whole.data() + whole.size(), w).ptr !=
      whole.data() + whole.size()) {
    return std::nullopt;
  }
  if (!frac.empty() &&
      std::from_chars(frac.data(), frac.data() + frac.size(), f).ptr != frac.data() + frac.size()) {
    return std::nullopt;
  }
  return w * 100 + (frac.size() == 1 ? f * 10 : f);
}

Cell text_cell(std::string t) {
  Cell c;
  if (t.empty()) return c;
  c.kind = Cell::Kind::text;
  c.set_text(t);
  return c;
}

}  // namespace

std::string target_note(std::int64_t num, std::int64_t den, const std::string& target) {
  const auto t = percent_of(target);
  if (!t || den <= 0) return {};
  // (num / den × 10000 − t) in hundredths of a percent, from the exact fraction
  const i128 d = static_cast<i128>(num) * 10000 - static_cast<i128>(*t) * den;
  const i128 mag = d < 0 ? -d : d;
  const auto h = static_cast<std::int64_t>((mag * 2 + den) / (static_cast<i128>(den) * 2));
  if (d == 0 || h == 0) return labels().target_met;
  return fill(d > 0 ? labels().target_above : labels().target_below,
              {{"diff", format_hundredths(h)}});
}

std::vector<RateTarget> rate_targets(const std::vector<Target>& targets) {
  std::vector<RateTarget> out;
  for (const Target& t : targets) {
    if (!t.rate) continue;
    if (const auto h = percent_of(t.target))
      out.push_back(RateTarget{*t.rate, t.level, *h, t.target});
  }
  return out;
}

std::vector<Target> parse_targets(const OwnedSheet& sheet, const Registry& registry,
                                  Diagnostics& diags) {
  std::vector<Target> out;
  if (sheet.rows.empty()) return out;
  const OwnedRow& h = sheet.rows.front();
  const std::uint32_t c_section = column(h, "section"), c_stt = column(h, "stt"),
                      c_label = column(h, "label"), c_level = column(h, "level"),
                      c_from = column(h, "computed_from"), c_base = column(h, "baseline"),
                      c_target = column(h, "target"), c_note = column(h, "note");
  if (c_section == 0 || c_label == 0 || c_target == 0) {
    diags.error("config-error", sheet.info.loc(h.row, 1),
                std::string(tr("a targets file needs the columns section, stt, label, level, "
                               "computed_from, baseline_<year>, target_<year>, note")));
    return out;
  }
  for (std::size_t i = 1; i < sheet.rows.size(); ++i) {
    const OwnedRow& r = sheet.rows[i];
    Target t{cell(r, c_section), cell(r, c_stt),  cell(r, c_label),
             std::nullopt,       std::nullopt,    cell(r, c_base),
             cell(r, c_target),  cell(r, c_note), sheet.info.loc(r.row, c_from)};
    if (const std::string level = cell(r, c_level); !level.empty()) {
      t.level = registry.find_level(level);
      if (!t.level) {
        diags.error("config-error", sheet.info.loc(r.row, c_level),
                    trf("level \"{}\" is not a level of the registry", level));
      }
    }
    if (const std::string from = cell(r, c_from); !from.empty()) {
      const auto dot = from.find('.');
      const auto fam = family_by_key(from.substr(0, dot));
      const auto rate = dot == std::string::npos ? std::nullopt : rate_by_key(from.substr(dot + 1));
      if (!fam || !rate || rate_def(*rate).family != *fam) {
        diags.error(
            "config-error", sheet.info.loc(r.row, c_from),
            trf("computed_from \"{}\" is not <family>.<rate>, e.g. \"ho-so.online_ratio\"", from));
      }
      t.rate = rate;
    }
    out.push_back(std::move(t));
  }
  return out;
}

TargetResults parse_results(const OwnedSheet& sheet, Diagnostics& diags) {
  TargetResults out;
  if (sheet.rows.empty()) return out;
  const OwnedRow& h = sheet.rows.front();
  const std::uint32_t c_section = column(h, "section"), c_stt = column(h, "stt"),
                      c_result = column(h, "result"), c_note = column(h, "note");
  if (c_section == 0 || c_result == 0) {
    diags.error("config-error", sheet.info.loc(h.row, 1),
                std::string(tr("a results file needs the columns section, stt, result and "
                               "optionally note")));
    return out;
  }
  for (std::size_t i = 1; i < sheet.rows.size(); ++i) {
    const OwnedRow& r = sheet.rows[i];
    out[{cell(r, c_section), cell(r, c_stt)}] = TargetResult{cell(r, c_result), cell(r, c_note)};
  }
  return out;
}

ReportDoc build_targets(const AppendixDef& def, const std::vector<Target>& targets,
                        const TargetResults& results, const Totals& totals,
                        const ReportOptions& options) {
  ReportDoc doc;
  doc.id = def.id;
  doc.title = def.title;
  doc.period_line = period_line(def.period, options.period);
  doc.sheet_name = def.sheet;
  doc.layout = Layout::targets;
  for (const auto& c : def.columns)
    doc.columns.push_back(Column{c.group, c.header, c.kind, c.show, c.number_format});
  for (const Target& t : targets) {
    Row row;
    const bool heading = t.stt.empty();
    row.kind = heading ? RowKind::heading : RowKind::item;
    row.bold = heading;
    // A section "A.I" prints as "I" under "A".
    row.stt = heading
                  ? t.section.substr(
                        t.section.rfind('.') == std::string::npos ? 0 : t.section.rfind('.') + 1)
                  : t.stt;
    row.label = t.label;
    Cell result;
    std::string note;
    if (t.rate) {
      const Values& v = t.level ? totals.level[*t.level] : totals.total;
      result = rate_cell(v, *t.rate, options.undefined_rate);
      if (result.defined_rate()) note = target_note(result.num, result.den, t.target);
    } else if (auto it = results.find({t.section, t.stt}); it != results.end()) {
      result = text_cell(it->second.result);
      note = it->second.note;
    }
    if (!t.note.empty()) note = note.empty() ? t.note : note + "; " + t.note;
    for (const auto& c : def.columns) {
      if (c.show == "stt")
        row.cells.push_back(text_cell(row.stt));
      else if (c.show == "label")
        row.cells.push_back(text_cell(t.label));
      else if (c.show == "baseline")
        row.cells.push_back(text_cell(t.baseline));
      else if (c.show == "target")
        row.cells.push_back(text_cell(t.target));
      else if (c.show == "result")
        row.cells.push_back(result);
      else if (c.show == "note")
        row.cells.push_back(text_cell(note));
      else
        row.cells.emplace_back();
    }
    doc.rows.push_back(std::move(row));
  }
  return doc;
}

}  // namespace ntr
