#include "ntreport/ingest/ingest.hpp"

#include <fmt/format.h>

#include "ntreport/ingest/count.hpp"
#include "ntreport/ingest/row_kind.hpp"
#include "ntreport/ingest/table.hpp"
#include "ntreport/text/normalize.hpp"
#include "ntreport/text/translate.hpp"
#include "state.hpp"

namespace ntr {

Ingest::Ingest(const Registry& registry, Diagnostics& diags)
    : s_(std::make_unique<State>(registry, diags)) {}

Ingest::~Ingest() = default;

void Ingest::begin_file(const std::string& display) {
  s_->file = display;
  s_->file_errors = s_->diags.error_count();
  s_->file_tables = 0;
  s_->file_sheets.clear();
}

void Ingest::end_file() {
  if (s_->file_tables > 0) {
    s_->files_with_tables.push_back(s_->file);
    return;
  }
  const bool reader_said_why = s_->diags.error_count() > s_->file_errors;
  if (s_->file_sheets.empty()) {
    if (!reader_said_why) {
      s_->diags.error("no-header", SourceLoc{s_->file, {}, 0, 0, 0, false},
                      std::string(tr("the workbook has no worksheet; expected a sheet holding a "
                                     "table")));
    }
    return;
  }
  const SheetInfo& first = s_->file_sheets.front();
  if (s_->file_sheets.size() == 1) {
    s_->diags.error(
        "no-header", first.loc(),
        std::string(tr("no table header found; expected a row with a unit column (\"Đơn vị\", "
                       "\"Tên đơn vị\" or \"Mã đơn vị\") and figure columns such as \"Tổng số "
                       "(trong kỳ)\", \"Đã giải quyết\", \"VB đến\" or \"Tổng HS có nghĩa vụ tài "
                       "chính\"")));
    return;
  }
  std::vector<std::string> names;
  for (const auto& sheet : s_->file_sheets) names.push_back(fmt::format("'{}'", sheet.name));
  s_->diags.error("no-header", SourceLoc{s_->file, {}, 0, 0, 0, false},
                  trf("no table header found in any sheet ({}); expected a row with a unit "
                      "column (\"Đơn vị\", \"Tên đơn vị\" or \"Mã đơn vị\") and figure columns "
                      "such as \"Tổng số (trong kỳ)\", \"Đã giải quyết\", \"VB đến\" or \"Tổng HS "
                      "có nghĩa vụ tài chính\"",
                      fmt::join(names, ", ")));
}

void Ingest::no_table(const SheetInfo& sheet) { s_->file_sheets.push_back(sheet); }

void Ingest::begin_table(const TableHeader& header) {
  s_->file_sheets.push_back(header.sheet);
  ++s_->file_tables;
  s_->columns = map_columns(header);
  TableInfo t;
  t.sheet = header.sheet;
  t.header_row = header.last_row;
  t.col_of_field = s_->columns.field_col;
  for (std::size_t fi = 0; fi < kFieldCount; ++fi) {
    if (t.col_of_field[fi] != 0) t.header_of_field[fi] = s_->intern(s_->columns.field_header[fi]);
  }
  s_->warn_unknown_columns(header);
  s_->tables.push_back(std::move(t));
  s_->open_table();
}

void Ingest::row(std::uint32_t row, std::span<const CellView> cells) {
  const auto table = static_cast<std::uint32_t>(s_->tables.size() - 1);
  const TableInfo& t = s_->tables.back();
  const ColumnMap& columns = s_->columns;
  std::string_view name;
  std::string_view code;
  std::uint32_t name_col = 0;
  RowRec rec;
  rec.row = row;
  bool bad = false;
  for (const auto& c : cells) {
    if (c.col == columns.name_col) {
      name = c.text;
      name_col = c.col;
      continue;
    }
    if (c.col == columns.code_col) {
      code = c.text;
      continue;
    }
    const auto field = columns.field_at(c.col);
    if (!field) continue;
    const CountCell v = read_count_cell(c);
    if (v.kind == CountCell::Kind::count) {
      rec.values.set(*field, v.value);
    } else if (v.kind == CountCell::Kind::bad) {
      bad = true;
      rec.bad |= field_bit(*field);
      report_not_a_count(s_->diags, t.sheet.loc(row, c.col), s_->header(table, *field), c);
    }
  }
  if (trim(name).empty() && trim(code).empty() && rec.values.empty() && !bad) return;
  RowIdentity id = identify_row(s_->registry, code, name, false);
  if (id.kind == RowIdentity::Kind::unknown) {
    if (rec.values.empty() && !bad) return;  // a note or caption row under the table
    if (s_->hints_left > 0) {
      --s_->hints_left;
      id = identify_row(s_->registry, code, name, true);
    }
    const std::uint32_t col = !trim(code).empty() ? columns.code_col : name_col;
    s_->diags.error(id.problem_code, t.sheet.loc(row, col), id.message, id.hint);
    return;
  }
  rec.kind = id.kind;
  rec.unit = id.unit;
  rec.level = id.level;
  if (rec.kind != RowIdentity::Kind::unit) rec.label = std::string(trim(name));
  if (rec.kind == RowIdentity::Kind::unit && rec.values.empty() && rec.bad == 0) return;
  s_->add_row(std::move(rec));
}

void Ingest::end_table() { s_->close_table(); }

// Nothing silently ignored: a column whose header names nothing ntreport knows is not read,
// and said so, with the known header nearest to it.
void Ingest::State::warn_unknown_columns(const TableHeader& header) {
  for (const auto& u : header.unknown) {
    std::string hint(tr("rename the header to one ntreport reads, or leave the column out"));
    if (column_hints_left > 0) {
      --column_hints_left;
      if (const auto near = nearest_header(u.text)) {
        hint = trf("did you mean \"{}\", {}? {}", near->first, near->second, hint);
      }
    }
    diags.warning("unknown-column", header.sheet.loc(u.row, u.col), bilingual([&] {
                    return trf(
                        "column {} \"{}\" is not a column ntreport reads: its cells are "
                        "not counted",
                        column_letters(u.col), u.text);
                  }),
                  std::move(hint));
  }
  if (header.unknown_count > header.unknown.size()) {
    diags.warning("unknown-column", header.sheet.loc(header.last_row, 0), bilingual([&] {
                    return trf("{} more header cells name no column ntreport reads",
                               count_text(static_cast<std::int64_t>(header.unknown_count -
                                                                    header.unknown.size())));
                  }));
  }
}

Figures Ingest::finish() { return s_->finish(); }

}  // namespace ntr
