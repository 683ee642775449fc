#include "ntreport/ingest/inspect.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "ntreport/ingest/row_kind.hpp"
#include "ntreport/ingest/table.hpp"
#include "ntreport/text/normalize.hpp"
#include "ntreport/text/translate.hpp"

namespace ntr {

void Inspector::begin_table(const TableHeader& header) {
  InspectSheet s;
  s.info = header.sheet;
  s.has_table = true;
  s.header_first = header.first_row;
  s.header_last = header.last_row;
  const ColumnMap columns = map_columns(header);
  name_col_ = columns.name_col;
  code_col_ = columns.code_col;
  for (const auto& c : header.columns) {
    s.columns.push_back(InspectColumn{c.col, c.text, meaning_name(c.meaning)});
  }
  for (const auto& u : header.unknown) {
    s.columns.push_back(InspectColumn{u.col, u.text, std::string(tr("not recognised: not read"))});
  }
  std::sort(s.columns.begin(), s.columns.end(),
            [](const InspectColumn& a, const InspectColumn& b) { return a.col < b.col; });
  sheets_.push_back(std::move(s));
}

void Inspector::no_table(const SheetInfo& sheet) {
  InspectSheet s;
  s.info = sheet;
  sheets_.push_back(std::move(s));
}

void Inspector::row(std::uint32_t row, std::span<const CellView> cells) {
  InspectSheet& s = sheets_.back();
  if (s.rows.size() >= InspectSheet::kMaxRows) {
    ++s.more_rows;
    return;
  }
  std::string_view name, code;
  for (const auto& c : cells) {
    if (c.col == name_col_) name = trim(c.text);
    if (c.col == code_col_) code = trim(c.text);
  }
  if (name.empty() && code.empty()) return;  // a note under the table, or a blank line
  const RowIdentity id = identify_row(registry_, code, name, true);
  std::string what;
  switch (id.kind) {
    case RowIdentity::Kind::unit: {
      const Unit& u = registry_.unit(id.unit);
      what = trf("unit {} ({})", u.code, u.name);
      break;
    }
    case RowIdentity::Kind::level:
      what = trf("level row {}: checked, not added", registry_.levels()[id.level].label);
      break;
    case RowIdentity::Kind::group:
      what = trf("area row {} – {}: checked, not added", registry_.levels()[id.level].label,
                 registry_.unit(id.unit).name);
      break;
    case RowIdentity::Kind::total:
      what = tr("total row: checked, not added");
      break;
    case RowIdentity::Kind::unknown:
      what = id.hint.empty() ? trf("no unit: {}", id.message)
                             : trf("no unit: {} ({})", id.message, id.hint);
      break;
  }
  s.rows.push_back(InspectRow{row, std::string(code.empty() ? name : code), std::move(what)});
}

}  // namespace ntr
