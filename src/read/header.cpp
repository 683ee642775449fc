#include "ntreport/read/header.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <string>
#include <unordered_map>

#include "ntreport/text/normalize.hpp"

namespace ntr {

namespace {

using HeaderIndex = std::unordered_map<std::string, HeaderMeaning>;

HeaderIndex build_index() {
  HeaderIndex idx;
  auto put = [&idx](std::string_view text, HeaderMeaning m) { idx.emplace(match_key(text), m); };
  for (const auto& f : fields()) {
    for (auto h : f.headers) put(h, HeaderMeaning{ColumnRole::field, f.id, Rate::signed_ratio});
  }
  for (const auto& r : rates()) {
    for (auto h : r.headers) put(h, HeaderMeaning{ColumnRole::rate, Field::docs_in, r.id});
  }
  for (auto h : name_headers()) put(h, HeaderMeaning{ColumnRole::name, {}, {}});
  for (auto h : code_headers()) put(h, HeaderMeaning{ColumnRole::code, {}, {}});
  for (auto h : stt_headers()) put(h, HeaderMeaning{ColumnRole::stt, {}, {}});
  return idx;
}

const HeaderIndex& header_index() {
  static const HeaderIndex idx = build_index();
  return idx;
}

bool is_header_like(const OwnedRow& row) {
  return std::any_of(row.cells.begin(), row.cells.end(), [](const OwnedCell& c) {
    return c.type == CellType::text && lookup_header(c.text).has_value();
  });
}

// A row of column numbers under the header, "1 2 3 …" or "(1) (2) (3)=(4)+(5)".
bool is_numbering_row(const OwnedRow& row) {
  if (row.cells.size() < 3) return false;
  return std::all_of(row.cells.begin(), row.cells.end(), [](const OwnedCell& c) {
    const std::string_view t = trim(c.text);
    if (t.empty() || t.find_first_of("0123456789") == std::string_view::npos) return false;
    return t.find_first_not_of("0123456789()+-=*/ xX.") == std::string_view::npos;
  });
}

std::string_view text_at(const OwnedRow& row, std::uint32_t col) {
  for (const auto& c : row.cells) {
    if (c.col == col && c.type == CellType::text) return trim(c.text);
  }
  return {};
}

std::vector<CellView> views_of(const OwnedRow& row) {
  std::vector<CellView> v;
  v.reserve(row.cells.size());
  for (const auto& c : row.cells) v.push_back(CellView{c.col, c.type, c.text});
  return v;
}

// What a column carries, for messages: the figure "Qua mạng", unit names, …
std::string meaning_name(const HeaderMeaning& m) {
  switch (m.role) {
    case ColumnRole::field:
      return fmt::format("the figure \"{}\"", field_def(m.field).label);
    case ColumnRole::rate:
      return fmt::format("the rate \"{}\"", rate_def(m.rate).label);
    case ColumnRole::name:
      return "unit names";
    case ColumnRole::code:
      return "unit codes";
    case ColumnRole::stt:
      return "row numbers";
  }
  return {};
}

}  // namespace

std::optional<HeaderMeaning> lookup_header(std::string_view text) {
  const auto& idx = header_index();
  const auto it = idx.find(match_key(text));
  if (it == idx.end()) return std::nullopt;
  return it->second;
}

const HeaderColumn* TableHeader::find(ColumnRole role) const {
  for (const auto& c : columns) {
    if (c.meaning.role == role) return &c;
  }
  return nullptr;
}

const HeaderColumn* TableHeader::find(Field field) const {
  for (const auto& c : columns) {
    if (c.meaning.role == ColumnRole::field && c.meaning.field == field) return &c;
  }
  return nullptr;
}

void HeaderDetector::begin_sheet(const SheetInfo& sheet) {
  sheet_ = sheet;
  state_ = State::scanning;
  buffer_.clear();
  header_last_row_ = 0;
  numbering_checked_ = false;
}

void HeaderDetector::row(std::uint32_t row, std::span<const CellView> cells) {
  if (state_ == State::skipping) return;
  if (state_ == State::body) {
    if (!numbering_checked_) {
      numbering_checked_ = true;
      OwnedRow r{row, {}};
      for (const auto& c : cells) r.cells.push_back(OwnedCell{c.col, c.type, std::string(c.text)});
      if (is_numbering_row(r)) return;
    }
    out_.row(row, cells);
    return;
  }
  OwnedRow r{row, {}};
  r.cells.reserve(cells.size());
  for (const auto& c : cells) r.cells.push_back(OwnedCell{c.col, c.type, std::string(c.text)});
  buffer_.push_back(std::move(r));
  try_detect(false);
}

void HeaderDetector::end_sheet(std::span<const MergedRange> /*merges*/) {
  if (state_ == State::scanning) try_detect(true);
  if (state_ == State::scanning) {
    state_ = State::skipping;
    out_.no_table(sheet_);
  } else if (state_ == State::body) {
    out_.end_table();
  }
  buffer_.clear();
}

void HeaderDetector::try_detect(bool at_end) {
  for (std::size_t i = 0; i < buffer_.size(); ++i) {
    if (!is_header_like(buffer_[i])) continue;
    // The row below decides between a one- and a two-row header.
    if (i + 1 >= buffer_.size() && !at_end) return;
    std::size_t last = i;
    if (i + 1 < buffer_.size() && buffer_[i + 1].row == buffer_[i].row + 1 &&
        is_header_like(buffer_[i + 1])) {
      last = i + 1;
    }
    if (accept_header(i, last)) return;
    if (state_ == State::skipping) return;
    i = last;
  }
  if (buffer_.size() >= kScanRows || at_end) {
    if (!at_end) {
      state_ = State::skipping;
      out_.no_table(sheet_);
    }
  }
}

bool HeaderDetector::accept_header(std::size_t first, std::size_t last) {
  const OwnedRow& lower = buffer_[last];
  const OwnedRow* upper = first != last ? &buffer_[first] : nullptr;
  std::vector<std::uint32_t> cols;
  for (const auto& c : lower.cells) cols.push_back(c.col);
  if (upper != nullptr) {
    for (const auto& c : upper->cells) cols.push_back(c.col);
  }
  std::sort(cols.begin(), cols.end());
  cols.erase(std::unique(cols.begin(), cols.end()), cols.end());

  TableHeader h{sheet_, buffer_[first].row, lower.row, {}};
  std::string group;  // an upper cell over several lower cells, carried to the right
  bool has_field = false;
  for (std::uint32_t col : cols) {
    const std::string_view lo = text_at(lower, col);
    const std::string_view up = upper != nullptr ? text_at(*upper, col) : std::string_view{};
    std::optional<HeaderMeaning> m;
    std::string text;
    if (!lo.empty()) {
      if (!up.empty()) group = up;
      m = lookup_header(lo);
      text = group.empty() || group == lo ? std::string(lo) : group + " – " + std::string(lo);
    } else {
      group.clear();  // a cell merged down over both rows ends any group
      if (!up.empty()) {
        m = lookup_header(up);
        text = up;
      }
    }
    if (!m) continue;
    const std::uint32_t at_row = lo.empty() ? buffer_[first].row : lower.row;
    for (const auto& prev : h.columns) {
      const bool same = prev.meaning.role == m->role &&
                        (m->role == ColumnRole::name || m->role == ColumnRole::code ||
                         (m->role == ColumnRole::field && prev.meaning.field == m->field));
      if (same) {
        diags_.error("duplicate-column", sheet_.loc(at_row, col),
                     fmt::format("\"{}\" is a second column for {}; the first is \"{}\" in "
                                 "column {}",
                                 text, meaning_name(*m), prev.text, column_letters(prev.col)),
                     "keep one of the two columns; the table is skipped until then");
        state_ = State::skipping;
        return false;
      }
    }
    has_field = has_field || m->role == ColumnRole::field;
    h.columns.push_back(HeaderColumn{col, *m, std::move(text)});
  }
  if (!has_field) return false;
  if (h.find(ColumnRole::name) == nullptr && h.find(ColumnRole::code) == nullptr) {
    diags_.error("no-unit-column", sheet_.loc(lower.row, 0),
                 "the header has figure columns but no unit column; expected a column "
                 "\"Đơn vị\", \"Tên đơn vị\" or \"Mã đơn vị\"");
    state_ = State::skipping;
    return false;
  }
  state_ = State::body;
  header_last_row_ = lower.row;
  out_.begin_table(h);
  flush_after(last);
  return true;
}

void HeaderDetector::flush_after(std::size_t last) {
  std::vector<OwnedRow> rest(
      std::make_move_iterator(buffer_.begin() + static_cast<std::ptrdiff_t>(last) + 1),
      std::make_move_iterator(buffer_.end()));
  buffer_.clear();
  for (const auto& r : rest) {
    if (!numbering_checked_) {
      numbering_checked_ = true;
      if (is_numbering_row(r)) continue;
    }
    const auto views = views_of(r);
    out_.row(r.row, views);
  }
}

}  // namespace ntr
