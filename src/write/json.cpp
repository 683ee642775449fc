#include "ntreport/write/json.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string_view>
#include <unordered_set>

#include "json_out.hpp"
#include "ntreport/platform/files.hpp"
#include "ntreport/write/cells.hpp"

namespace ntr {

namespace {

// One member per keyed object; a key given twice keeps its first value, so that the output
// stays valid JSON whatever rows the document holds.
class Members {
 public:
  explicit Members(json::Out& out) : out_(out) {}
  // `name` must outlive the Members: keys are the document's own strings.
  bool key(std::string_view name) {
    if (!used_.insert(name).second) return false;
    out_.key(name);
    return true;
  }
  // A member of a fixed name, written once: the names are the writer's own.
  void member(std::string_view name, std::string_view s) {
    if (key(name)) out_.string(s);
  }
  void member(std::string_view name, std::int64_t v) {
    if (key(name)) out_.integer(v);
  }

 private:
  json::Out& out_;
  std::unordered_set<std::string_view> used_;
};

void cell_value(json::Out& out, const Cell& cell) {
  switch (cell.kind) {
    case Cell::Kind::count:
      out.integer(cell.num);
      break;
    case Cell::Kind::rate:
      if (cell.defined_rate()) {
        out.number(cell.exact());
      } else {
        out.null();
      }
      break;
    case Cell::Kind::text:
      out.string(cell.text());
      break;
    case Cell::Kind::empty:
      out.null();
      break;
  }
}

// The figures and rates of a row: the count and rate columns whose cells are not empty.
void row_values(json::Out& out, Members& members, const ReportDoc& doc, const Row& row) {
  for (std::size_t i = 0; i < doc.columns.size(); ++i) {
    const Column& column = doc.columns[i];
    const Cell& cell = cell_at(row, i);
    if (!is_numeric(column.kind) || cell.kind == Cell::Kind::empty) continue;
    if (members.key(column.key)) cell_value(out, cell);
  }
}

std::string_view status_name(RowStatus s) {
  switch (s) {
    case RowStatus::reported:
      return "reported";
    case RowStatus::partial:
      return "partial";
    case RowStatus::not_reported:
      return "not_reported";
  }
  return "reported";
}

// A subtotal row: the units it numbers and how many of them are in every sum.
void coverage(Members& members, const Row& row) {
  members.member("units", row.units);
  members.member("units_reported", row.units_reported);
}

// What the "Ghi chú" column says of the row, when it says something.
void note(Members& members, const Row& row) {
  if (row.note.empty()) return;
  members.member("coverage_note", row.note);
}

// With --previous: the row's figures of the earlier period, or null and why.
void previous(json::Out& out, Members& members, const ReportDoc& doc, const Row& row) {
  if (!doc.compared) return;
  members.key("previous");
  if (!row.previous) {
    out.null();
    members.member("not_comparable", row.not_comparable);
    return;
  }
  Row earlier;
  earlier.cells = *row.previous;
  out.begin_object();
  Members figures(out);
  row_values(out, figures, doc, earlier);
  out.end_object();
}

void keyed_rows(json::Out& out, const ReportDoc& doc, RowKind kind) {
  out.begin_object();
  auto row_object = [&](const Row& row) {
    out.begin_object();
    Members members(out);
    if (kind == RowKind::unit) {
      members.member("name", row.label);
      members.member("level", row.level_id);
      members.member("status", status_name(row.status));
    } else {
      members.member("label", row.label);
      coverage(members, row);
    }
    row_values(out, members, doc, row);
    note(members, row);
    previous(out, members, doc, row);
    out.end_object();
  };
  if (kind == RowKind::unit && doc.all_rows) {
    // Made on demand, each unit's row once (ReportDoc::all_rows): nothing to hold its key for.
    for_each_row(doc, [&](const Row& row) {
      if (row.kind != kind) return;
      out.key(row.unit_code);
      row_object(row);
    });
  } else {
    Members rows(out);
    for (const Row& row : doc.rows) {
      if (row.kind == kind && rows.key(kind == RowKind::level ? row.level_id : row.unit_code))
        row_object(row);
    }
  }
  out.end_object();
}

void group_rows(json::Out& out, const ReportDoc& doc) {
  out.begin_array();
  for (const Row& row : doc.rows) {
    if (row.kind != RowKind::group) continue;
    out.begin_object();
    Members members(out);
    members.member("level", row.level_id);
    members.member("area", row.area_code);
    members.member("label", row.label);
    coverage(members, row);
    row_values(out, members, doc, row);
    note(members, row);
    previous(out, members, doc, row);
    out.end_object();
  }
  out.end_array();
}

void total_row(json::Out& out, const ReportDoc& doc) {
  for (const Row& row : doc.rows) {
    if (row.kind != RowKind::total) continue;
    out.begin_object();
    Members members(out);
    members.member("label", row.label);
    coverage(members, row);
    row_values(out, members, doc, row);
    note(members, row);
    previous(out, members, doc, row);
    out.end_object();
    return;
  }
  out.null();
}

// Target rows carry text as well as numbers: every column but stt and label, by its key.
void item_rows(json::Out& out, const ReportDoc& doc) {
  out.begin_array();
  for (const Row& row : doc.rows) {
    if (row.kind != RowKind::item) continue;
    out.begin_object();
    Members members(out);
    members.member("stt", row.stt);
    members.member("label", row.label);
    for (std::size_t i = 0; i < doc.columns.size(); ++i) {
      const Column& column = doc.columns[i];
      const Cell& cell = cell_at(row, i);
      if (column.kind == ColumnKind::stt || column.kind == ColumnKind::label) continue;
      if (cell.kind == Cell::Kind::empty) continue;
      if (members.key(column.key)) cell_value(out, cell);
    }
    out.end_object();
  }
  out.end_array();
}

void appendix(json::Out& out, const ReportDoc& doc) {
  out.begin_object();
  out.member("title", doc.title);
  out.member("layout", layout_name(doc.layout));
  out.key("levels");
  keyed_rows(out, doc, RowKind::level);
  out.key("groups");
  group_rows(out, doc);
  out.key("total");
  total_row(out, doc);
  out.key("units");
  keyed_rows(out, doc, RowKind::unit);
  out.key("items");
  item_rows(out, doc);
  out.key("not_reported");
  out.begin_array();
  for (const auto& code : doc.not_reported) out.string(code);
  out.end_array();
  if (doc.compared) {
    out.key("previous_unmapped");
    out.begin_array();
    for (const auto& unit : doc.previous_unmapped) out.string(unit);
    out.end_array();
  }
  out.end_object();
}

void warning(json::Out& out, const Diagnostic& d) {
  out.begin_object();
  out.member("file", d.loc.file);
  out.key("sheet");
  if (d.loc.has_sheet) {
    out.string(d.loc.sheet);
  } else {
    out.null();
  }
  out.key("cell");
  if (d.loc.row > 0) {
    out.string(cell_name(d.loc.row, d.loc.col));
  } else {
    out.null();
  }
  out.member("code", d.code.name());
  out.member("message", d.english.empty() ? d.message : d.english);  // the same in any language
  out.end_object();
}

void head(json::Out& out, const std::optional<Period>& period) {
  out.begin_object();
  out.key("period");
  if (period) {
    out.begin_object();
    out.member("from", period->from);
    out.member("to", period->to);
    out.end_object();
  } else {
    out.null();
  }
  out.key("appendices");
  out.begin_object();
}

// An appendix id given twice keeps its first appendix: JSON keys are unique.
void add_appendix(json::Out& out, std::unordered_set<std::string>& ids, const ReportDoc& doc) {
  if (!ids.insert(doc.id).second) return;
  out.key(doc.id);
  appendix(out, doc);
}

void tail(json::Out& out, const std::vector<NarrativeSection>& narrative,
          const std::vector<Diagnostic>& warnings) {
  out.end_object();
  out.key("narrative");
  narrative_json(out, narrative);
  out.key("warnings");
  out.begin_array();
  for (const auto& d : warnings) warning(out, d);
  out.end_array();
  out.end_object();
}

}  // namespace

std::string render_summary_json(const BuildReport& report) {
  json::Out out;
  std::unordered_set<std::string> ids;
  head(out, report.period);
  for (const auto& doc : report.appendices) add_appendix(out, ids, doc);
  tail(out, report.narrative, report.warnings);
  return out.finish();
}

struct SummaryJson::State {
  std::string path;
  std::FILE* file = nullptr;
  json::Out out;
  std::unordered_set<std::string> ids;
  int error = 0;  ///< errno of a failed open
};

SummaryJson::SummaryJson(const std::string& path, const std::optional<Period>& period)
    : s_(std::make_unique<State>()) {
  s_->path = path;
  s_->file = platform::open_file(path, "wb");
  if (s_->file == nullptr) {
    s_->error = errno;
    return;
  }
  s_->out = json::Out(s_->file);
  head(s_->out, period);
}

SummaryJson::~SummaryJson() {
  if (s_ && s_->file != nullptr) (void)std::fclose(s_->file);  // never closed
}

void SummaryJson::add(const ReportDoc& doc) {
  if (s_->file != nullptr) add_appendix(s_->out, s_->ids, doc);
}

bool SummaryJson::close(const std::vector<NarrativeSection>& narrative,
                        const std::vector<Diagnostic>& warnings, Diagnostics& diags) {
  bool ok = s_->file != nullptr;
  if (ok) {
    tail(s_->out, narrative, warnings);
    (void)s_->out.finish();  // streamed: nothing is left
    ok = !s_->out.failed();
    if (!ok) s_->error = errno;
    errno = 0;
    ok = std::fclose(s_->file) == 0 && ok;
    if (!ok && s_->error == 0) s_->error = errno;
    s_->file = nullptr;
  }
  if (!ok) {
    diags.error("io-error", SourceLoc{s_->path, {}, 0, 0, 0, false},
                trf("cannot write the summary: {}", system_error_text(s_->error)));
  }
  return ok;
}

bool write_summary_json(const std::string& path, const BuildReport& report, Diagnostics& diags) {
  SummaryJson summary(path, report.period);
  for (const auto& doc : report.appendices) summary.add(doc);
  return summary.close(report.narrative, report.warnings, diags);
}

}  // namespace ntr
