#include "ntreport/read/header.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <functional>
#include <string>
#include <unordered_map>

#include "header_known.hpp"
#include "ntreport/text/normalize.hpp"
#include "ntreport/text/translate.hpp"

namespace ntr {

namespace {

using HeaderIndex = std::unordered_map<std::string, HeaderMeaning>;

// The headers known now and their index by match key; the first of two texts with one key
// wins (parse_header_list refuses a second meaning).
struct KnownSet {
  std::vector<KnownHeader> all;
  HeaderIndex index;
  std::uint64_t generation = 0;

  void index_all() {
    index.clear();
    for (const KnownHeader& h : all) index.emplace(match_key(h.text), h.meaning);
  }
};

KnownSet& known_set() {
  static KnownSet set = [] {
    KnownSet s;
    s.all = shipped_headers();
    s.index_all();
    return s;
  }();
  return set;
}

const HeaderIndex& header_index() { return known_set().index; }

// A row of column numbers under the header, "1 2 3 …" or "(1) (2) (3)=(4)+(5)".
bool is_numbering_row(std::span<const CellView> cells) {
  if (cells.size() < 3) return false;
  return std::all_of(cells.begin(), cells.end(), [](const CellView& c) {
    const std::string_view t = trim(c.text);
    if (t.empty() || t.find_first_of("0123456789") == std::string_view::npos) return false;
    return t.find_first_not_of("0123456789()+-=*/ xX.") == std::string_view::npos;
  });
}

// Header texts repeat in every file of a collection: each is normalized once. Title and unit
// names pass through too, so the cache is emptied when it grows large.
constexpr std::size_t kCachedTexts = 4096;

struct TextHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

}  // namespace

const std::vector<KnownHeader>& known_headers() { return known_set().all; }

std::uint64_t known_headers_generation() { return known_set().generation; }

void use_headers(std::vector<KnownHeader> extra) {
  KnownSet& set = known_set();
  set.all = shipped_headers();
  set.all.insert(set.all.end(), std::make_move_iterator(extra.begin()),
                 std::make_move_iterator(extra.end()));
  set.index_all();
  ++set.generation;
}

std::string meaning_name(const HeaderMeaning& m) {
  switch (m.role) {
    case ColumnRole::field:
      return trf("the figure \"{}\"", field_def(m.field).label);
    case ColumnRole::rate:
      return trf("the rate \"{}\"", rate_def(m.rate).label);
    case ColumnRole::name:
      return std::string(tr("unit names"));
    case ColumnRole::code:
      return std::string(tr("unit codes"));
    case ColumnRole::stt:
      return std::string(tr("row numbers"));
    case ColumnRole::note:
      return std::string(tr("notes"));
  }
  return {};
}

namespace {
// At most `max` bytes of s, cut before a UTF-8 continuation byte.
std::string clipped(std::string_view s, std::size_t max) {
  if (s.size() <= max) return std::string(s);
  std::size_t n = max;
  while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
  return std::string(s.substr(0, n));
}
}  // namespace

// The rows seen while scanning for a header, kept in three flat buffers rather than a vector
// of strings per cell, and the meaning of every text already looked up.
struct HeaderDetector::Scan {
  struct Cell {
    std::uint32_t col = 0;
    CellType type = CellType::empty;
    std::size_t offset = 0, size = 0;
  };
  struct Row {
    std::uint32_t row = 0;
    std::size_t first = 0, end = 0;  ///< its cells in `cells`
    bool header_like = false;        ///< a text cell is a known header
  };
  std::vector<Row> rows;
  std::vector<Cell> cells;
  std::string text;
  std::vector<CellView> views;  ///< scratch for passing a kept row on
  std::size_t next = 0;         ///< the first row try_detect has not ruled out
  std::unordered_map<std::string, std::optional<HeaderMeaning>, TextHash, std::equal_to<>> known;

  void clear() {
    rows.clear();
    cells.clear();
    text.clear();
    next = 0;
  }

  std::optional<HeaderMeaning> lookup(std::string_view t) {
    if (const auto it = known.find(t); it != known.end()) return it->second;
    if (known.size() >= kCachedTexts) known.clear();
    return known.emplace(std::string(t), lookup_header(t)).first->second;
  }

  void add(std::uint32_t row, std::span<const CellView> cs) {
    Row r{row, cells.size(), cells.size() + cs.size(), false};
    for (const auto& c : cs) {
      cells.push_back(Cell{c.col, c.type, text.size(), c.text.size()});
      text.append(c.text);
      r.header_like = r.header_like || (c.type == CellType::text && lookup(c.text).has_value());
    }
    rows.push_back(r);
  }

  [[nodiscard]] std::string_view text_of(const Cell& c) const {
    return std::string_view(text).substr(c.offset, c.size);
  }

  void header_columns(std::size_t first, std::size_t last, std::vector<HeaderTexts>& out) const;

  std::span<const CellView> views_of(std::size_t i) {
    views.clear();
    for (std::size_t k = rows[i].first; k < rows[i].end; ++k) {
      views.push_back(CellView{cells[k].col, cells[k].type, text_of(cells[k])});
    }
    return views;
  }
};

HeaderDetector::HeaderDetector(TableVisitor& out, Diagnostics& diags)
    : out_(out), diags_(diags), scan_(std::make_unique<Scan>()) {}

HeaderDetector::~HeaderDetector() = default;

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
  scan_->clear();
  header_last_row_ = 0;
  numbering_checked_ = false;
}

void HeaderDetector::row(std::uint32_t row, std::span<const CellView> cells) {
  if (state_ == State::skipping) return;
  if (state_ == State::body) {
    if (!numbering_checked_) {
      numbering_checked_ = true;
      if (is_numbering_row(cells)) return;
    }
    out_.row(row, cells);
    return;
  }
  scan_->add(row, cells);
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
  scan_->clear();
}

// Rows before scan_->next were ruled out as a header's first row already; looking at them
// again would decide the same, as they and the row below them are unchanged.
void HeaderDetector::try_detect(bool at_end) {
  auto& rows = scan_->rows;
  for (std::size_t& i = scan_->next; i < rows.size(); ++i) {
    if (!rows[i].header_like) continue;
    // The row below decides between a one- and a two-row header.
    if (i + 1 >= rows.size() && !at_end) return;
    std::size_t last = i;
    if (i + 1 < rows.size() && rows[i + 1].row == rows[i].row + 1 && rows[i + 1].header_like) {
      last = i + 1;
    }
    if (accept_header(i, last)) return;
    if (state_ == State::skipping) return;
    i = last;
  }
  if (rows.size() >= kScanRows && !at_end) {
    state_ = State::skipping;
    out_.no_table(sheet_);
  }
}

// Each column with text in either header row, in column order: merged from the two rows'
// cells, which readers give sorted by column, so that a row of n cells costs O(n).
void HeaderDetector::Scan::header_columns(std::size_t first, std::size_t last,
                                          std::vector<HeaderTexts>& out) const {
  out.clear();
  auto text_of_cell = [this](std::size_t k) {
    return cells[k].type == CellType::text ? trim(text_of(cells[k])) : std::string_view{};
  };
  std::size_t u = rows[first].first;
  std::size_t l = rows[last].first;
  const std::size_t u_end = first == last ? u : rows[first].end;
  const std::size_t l_end = rows[last].end;
  while (u < u_end || l < l_end) {
    const std::uint32_t uc = u < u_end ? cells[u].col : UINT32_MAX;
    const std::uint32_t lc = l < l_end ? cells[l].col : UINT32_MAX;
    HeaderTexts t{std::min(uc, lc), {}, {}};
    if (uc == t.col) t.up = text_of_cell(u++);
    if (lc == t.col) t.lo = text_of_cell(l++);
    if (!out.empty() && out.back().col == t.col) continue;  // a repeated column: the first
    out.push_back(t);
  }
}

bool HeaderDetector::accept_header(std::size_t first, std::size_t last) {
  const Scan& scan = *scan_;
  scan.header_columns(first, last, texts_);
  const std::uint32_t first_row = scan.rows[first].row;
  const std::uint32_t lower_row = scan.rows[last].row;
  TableHeader h{sheet_, first_row, lower_row, {}, {}, 0};
  // The column already found for each unit role and each field: a second one is a duplicate.
  std::array<std::size_t, kFieldCount + 2> seen;
  seen.fill(SIZE_MAX);
  std::string group;  // an upper cell over several lower cells, carried to the right
  bool has_field = false;
  for (const HeaderTexts& t : texts_) {
    const std::string_view lo = t.lo;
    const std::string_view up = t.up;
    std::optional<HeaderMeaning> m;
    std::string text;
    if (!lo.empty()) {
      if (!up.empty()) group = up;
      m = scan_->lookup(lo);
      text = group.empty() || group == lo ? std::string(lo) : group + " – " + std::string(lo);
    } else {
      group.clear();  // a cell merged down over both rows ends any group
      if (!up.empty()) {
        m = scan_->lookup(up);
        text = up;
      }
    }
    const std::uint32_t at_row = lo.empty() ? first_row : lower_row;
    if (!m) {
      const std::string_view own = lo.empty() ? up : lo;
      if (!own.empty() && h.unknown_count++ < TableHeader::kMaxUnknownColumns)
        h.unknown.push_back(
            UnknownColumn{at_row, t.col, clipped(own, TableHeader::kMaxUnknownText)});
      continue;
    }
    const std::size_t slot = m->role == ColumnRole::field  ? static_cast<std::size_t>(m->field)
                             : m->role == ColumnRole::name ? kFieldCount
                             : m->role == ColumnRole::code ? kFieldCount + 1
                                                           : SIZE_MAX;
    if (slot != SIZE_MAX && seen[slot] != SIZE_MAX) {
      const HeaderColumn& prev = h.columns[seen[slot]];
      diags_.error("duplicate-column", sheet_.loc(at_row, t.col),
                   trf("\"{}\" is a second column for {}; the first is \"{}\" in column {}", text,
                       meaning_name(*m), prev.text, column_letters(prev.col)),
                   std::string(tr("keep one of the two columns; the table is skipped until then")));
      state_ = State::skipping;
      return false;
    }
    if (slot != SIZE_MAX) seen[slot] = h.columns.size();
    has_field = has_field || m->role == ColumnRole::field;
    h.columns.push_back(HeaderColumn{t.col, *m, std::move(text)});
  }
  if (!has_field) return false;
  if (h.find(ColumnRole::name) == nullptr && h.find(ColumnRole::code) == nullptr) {
    diags_.error("no-unit-column", sheet_.loc(lower_row, 0),
                 std::string(tr("the header has figure columns but no unit column; expected a "
                                "column \"Đơn vị\", \"Tên đơn vị\" or \"Mã đơn vị\"")));
    state_ = State::skipping;
    return false;
  }
  if (sheet_.hidden) {  // read like any other, but the sender may not know it is there
    diags_.warning("hidden-sheet", sheet_.loc(), bilingual([] {
                     return std::string(
                         tr("the sheet is hidden; its table is read like those of "
                            "visible sheets"));
                   }),
                   std::string(tr("unhide it to see what it holds, or delete it if its figures "
                                  "should not count")));
  }
  state_ = State::body;
  header_last_row_ = lower_row;
  out_.begin_table(h);
  flush_after(last);
  return true;
}

void HeaderDetector::flush_after(std::size_t last) {
  for (std::size_t i = last + 1; i < scan_->rows.size(); ++i) {
    const std::span<const CellView> cells = scan_->views_of(i);
    if (!numbering_checked_) {
      numbering_checked_ = true;
      if (is_numbering_row(cells)) continue;
    }
    out_.row(scan_->rows[i].row, cells);
  }
  scan_->clear();
}

}  // namespace ntr
