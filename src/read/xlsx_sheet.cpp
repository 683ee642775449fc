#include "xlsx_sheet.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "ntreport/diag/diagnostic.hpp"
#include "ntreport/text/translate.hpp"
#include "xlsx_text.hpp"

namespace ntr::xlsx {

namespace {

// Where the parse is in the worksheet's element tree; everything else is skipped.
enum class Ctx : std::uint8_t {
  doc,
  worksheet,
  sheet_data,
  row,
  cell,
  value,
  inline_str,
  inline_run,
  inline_text,
  merges,
};

// The `t` attribute of a cell.
enum class Kind : std::uint8_t { number, shared, str, inline_str, boolean, error, date };

bool parse_kind(const char* t, Kind& kind) {
  if (t == nullptr) {
    kind = Kind::number;
    return true;
  }
  const std::string_view s(t);
  if (s == "s") {
    kind = Kind::shared;
  } else if (s == "n") {
    kind = Kind::number;
  } else if (s == "str") {
    kind = Kind::str;
  } else if (s == "inlineStr") {
    kind = Kind::inline_str;
  } else if (s == "b") {
    kind = Kind::boolean;
  } else if (s == "e") {
    kind = Kind::error;
  } else if (s == "d") {
    kind = Kind::date;
  } else {
    return false;
  }
  return true;
}

CellType type_of(Kind kind) {
  switch (kind) {
    case Kind::number:
      return CellType::number;
    case Kind::boolean:
      return CellType::boolean;
    case Kind::error:
      return CellType::error;
    case Kind::date:
      return CellType::date;
    default:
      return CellType::text;
  }
}

}  // namespace

// The expat handler of one worksheet part.
class SheetHandler final : public XmlHandler {
 public:
  SheetHandler(SheetReader& reader, const SheetEntry& entry, SheetInfo& info)
      : r_(reader), entry_(entry), info_(info) {}

  [[nodiscard]] bool began() const { return began_; }

  void on_start(std::string_view name, const char** attrs) override {
    if (skip_ > 0) {
      ++skip_;
      return;
    }
    switch (ctx_) {
      case Ctx::doc:
        return begin_sheet();
      case Ctx::worksheet:
        if (name == "sheetData") return enter(Ctx::sheet_data);
        if (name == "mergeCells") return enter(Ctx::merges);
        break;
      case Ctx::sheet_data:
        if (name == "row") return start_row(attrs);
        break;
      case Ctx::row:
        if (name == "c") return start_cell(attrs);
        break;
      case Ctx::cell:
        // An inline string's value is its <is>, any other cell's its <v>: Excel ignores the
        // other one. The same element twice is ambiguous.
        if (name == "v" && kind_ != Kind::inline_str) {
          return value_seen_++ == 0 ? enter_text(Ctx::value) : two_values();
        }
        if (name == "is" && kind_ == Kind::inline_str) {
          return value_seen_++ == 0 ? enter(Ctx::inline_str) : two_values();
        }
        break;  // <f>: the cached <v> is what counts
      case Ctx::inline_str:
        if (name == "t") return enter_text(Ctx::inline_text);
        if (name == "r") return enter(Ctx::inline_run);
        break;  // phonetic runs
      case Ctx::inline_run:
        if (name == "t") return enter_text(Ctx::inline_text);
        break;
      case Ctx::merges:
        if (name == "mergeCell") add_merge(attrs);
        break;
      default:
        break;
    }
    skip_ = 1;
  }

  void on_end(std::string_view /*name*/) override {
    if (skip_ > 0) {
      --skip_;
      return;
    }
    switch (ctx_) {
      case Ctx::value:
        return leave_text(Ctx::cell);
      case Ctx::inline_text:
        return leave_text(in_run_ ? Ctx::inline_run : Ctx::inline_str);
      case Ctx::inline_run:
        in_run_ = false;
        ctx_ = Ctx::inline_str;
        return;
      case Ctx::inline_str:
        ctx_ = Ctx::cell;
        return;
      case Ctx::cell:
        ctx_ = Ctx::row;
        return end_cell();
      case Ctx::row:
        ctx_ = Ctx::sheet_data;
        return end_row();
      case Ctx::sheet_data:
      case Ctx::merges:
        ctx_ = Ctx::worksheet;
        return;
      default:
        ctx_ = Ctx::doc;
        return;
    }
  }

  void on_text(std::string_view text) override {
    r_.row_text_.append(text);
    if (r_.row_text_.size() + shared_bytes_ > r_.source_.limits().max_text_bytes) too_much_text();
  }

 private:
  void enter(Ctx ctx) {
    if (ctx == Ctx::inline_run) in_run_ = true;
    ctx_ = ctx;
  }
  void enter_text(Ctx ctx) {
    ctx_ = ctx;
    want_text(true);
  }
  void leave_text(Ctx ctx) {
    want_text(false);
    ctx_ = ctx;
  }

  // Problems of structure (row numbers, references, merges) are placed on the whole sheet,
  // problems of a value on its cell.
  void fail_sheet(std::string_view what) {
    r_.source_.xml_error(entry_.part, *this, info_.loc(), what);
    stop();
  }
  void fail_cell(std::uint32_t col, std::string_view what) {
    r_.source_.xml_error(entry_.part, *this, info_.loc(row_, col), what);
    stop();
  }
  // Text is bounded by row, not only by part: a part within its limit could still make the
  // header scan hold many huge rows, or repeat one huge shared string in every cell.
  void too_much_text() {
    r_.source_.error("text-too-large", info_.loc(row_, col_),
                     trf("row {} holds more than {} of text, the limit for one row", row_,
                         byte_size(r_.source_.limits().max_text_bytes)),
                     std::string(tr(kSizeHint)));
    stop();
  }

  void two_values() {
    r_.source_.error("ambiguous-workbook", info_.loc(row_, col_),
                     trf("cell {} holds two values; other programs read one or the other",
                         cell_name(row_, col_)),
                     std::string(tr("save the workbook again from Excel or LibreOffice")));
    stop();
  }

  void begin_sheet() {
    ctx_ = Ctx::worksheet;
    began_ = true;
    r_.merges_.clear();
    r_.visitor_.begin_sheet(info_);
  }

  void start_row(const char** attrs) {
    std::uint32_t num = last_row_ + 1;
    if (const char* r = find_attr(attrs, "r"); r != nullptr) {
      if (!parse_row_number(r, num)) {
        return fail_sheet(trf("row number \"{}\" is not valid (expected 1 to {})", r, kMaxRow));
      }
      if (num <= last_row_) {
        return fail_sheet(
            trf("row {} comes after row {} (rows must be in ascending order)", num, last_row_));
      }
    } else if (num > kMaxRow) {
      return fail_sheet(trf("a row without a number follows row {}", kMaxRow));
    }
    row_ = last_row_ = num;
    if (!r_.source_.count_row(info_.loc(row_, 0))) return stop();
    shared_bytes_ = 0;
    next_col_ = 1;
    last_col_ = 0;
    sorted_ = true;
    r_.pending_.clear();
    r_.row_text_.clear();
    ctx_ = Ctx::row;
  }

  void start_cell(const char** attrs) {
    col_ = next_col_;
    if (const char* ref = find_attr(attrs, "r"); ref != nullptr) {
      std::uint32_t ref_row = 0;
      if (!parse_cell_ref(ref, ref_row, col_)) {
        return fail_sheet(trf("cell reference \"{}\" is not valid (expected A1 to {})", ref,
                              cell_name(kMaxRow, kMaxCol)));
      }
    } else if (col_ > kMaxCol) {
      return fail_sheet(
          trf("a cell without a reference follows column {}", column_letters(kMaxCol)));
    }
    const char* t = find_attr(attrs, "t");
    if (!parse_kind(t, kind_)) {
      return fail_cell(col_,
                       trf("cell type \"{}\" is not valid (expected s, str, inlineStr, n, b, e "
                           "or d)",
                           t));
    }
    next_col_ = col_ + 1;
    value_seen_ = 0;
    cell_start_ = r_.row_text_.size();
    ctx_ = Ctx::cell;
  }

  void end_cell() {
    std::string& text = r_.row_text_;
    const char* data = text.data() + cell_start_;
    std::size_t size = text.size() - cell_start_;
    SheetReader::PendingCell cell{col_, type_of(kind_), cell_start_, size, nullptr};
    if (kind_ == Kind::shared && size > 0) {
      if (!shared_string(std::string_view(data, size), cell)) return;
      text.resize(cell_start_);
      shared_bytes_ += cell.size;
      if (text.size() + shared_bytes_ > r_.source_.limits().max_text_bytes) return too_much_text();
    } else if (kind_ == Kind::str || kind_ == Kind::inline_str) {
      cell.size = unescape_xstring(text.data() + cell_start_, size);
      text.resize(cell_start_ + cell.size);
    } else if (kind_ == Kind::boolean && size > 0 &&
               !(size == 1 && (*data == '0' || *data == '1'))) {
      return fail_cell(
          col_, trf("boolean cell holds \"{}\" (expected 0 or 1)", std::string_view(data, size)));
    }
    if (cell.size == 0) return;  // no value: an empty cell, left out
    // More cells than columns means repeated references; stop before they pile up.
    if (r_.pending_.size() == kMaxCol) {
      return fail_cell(col_, trf("row {} has more than {} cells (columns A to {})", row_, kMaxCol,
                                 column_letters(kMaxCol)));
    }
    if (!r_.source_.count_cell(info_.loc(row_, col_))) return stop();
    if (col_ <= last_col_) sorted_ = false;
    last_col_ = std::max(last_col_, col_);
    r_.pending_.push_back(cell);
  }

  bool shared_string(std::string_view index_text, SheetReader::PendingCell& cell) {
    std::uint32_t index = 0;
    const std::size_t count = r_.strings_.size();
    if (!parse_index(index_text, index) || index >= count) {
      const std::string expected = count == 0
                                       ? std::string(tr("the workbook has no shared strings"))
                                       : trf("expected 0 to {}", count - 1);
      fail_cell(col_, trf("shared string index \"{}\" is not valid ({})", index_text, expected));
      return false;
    }
    const std::string_view s = r_.strings_.at(index);
    cell.shared = s.data();
    cell.size = s.size();
    return true;
  }

  void end_row() {
    auto& pending = r_.pending_;
    if (pending.empty()) return;
    if (!sorted_ && !sort_row()) return;
    auto& views = r_.views_;
    views.clear();
    for (const auto& c : pending) {
      const char* base = c.shared != nullptr ? c.shared : r_.row_text_.data() + c.offset;
      views.push_back(CellView{c.col, c.type, std::string_view(base, c.size)});
    }
    r_.visitor_.row(row_, views);
  }

  // Cells out of column order are put in order; two cells in one place are an error.
  bool sort_row() {
    auto& pending = r_.pending_;
    std::stable_sort(pending.begin(), pending.end(),
                     [](const auto& a, const auto& b) { return a.col < b.col; });
    const auto dup =
        std::adjacent_find(pending.begin(), pending.end(),
                           [](const auto& a, const auto& b) { return a.col == b.col; });
    if (dup == pending.end()) return true;
    // Two values for one cell: other programs keep one or the other.
    r_.source_.error("ambiguous-workbook", info_.loc(row_, dup->col),
                     trf("cell {} is given twice in its row; other programs read one or the other",
                         cell_name(row_, dup->col)),
                     std::string(tr("save the workbook again from Excel or LibreOffice")));
    stop();
    return false;
  }

  // One end of a merged range: a cell, or a whole column ("A" of "A:A") or row ("1" of "1:1").
  static bool parse_range_end(std::string_view s, bool first, std::uint32_t& row,
                              std::uint32_t& col) {
    if (parse_cell_ref(s, row, col)) return true;
    std::uint32_t ignored = 0;
    if (parse_cell_ref(fmt::format("{}1", s), ignored, col)) {
      row = first ? 1 : kMaxRow;
      return true;
    }
    if (parse_row_number(s, row)) {
      col = first ? 1 : kMaxCol;
      return true;
    }
    return false;
  }

  void add_merge(const char** attrs) {
    const char* ref = find_attr(attrs, "ref");
    const std::string_view s = ref == nullptr ? std::string_view() : std::string_view(ref);
    const std::size_t colon = s.find(':');
    const std::string_view first = s.substr(0, colon);
    const std::string_view last = colon == std::string_view::npos ? first : s.substr(colon + 1);
    MergedRange m;
    if (!parse_range_end(first, true, m.first_row, m.first_col) ||
        !parse_range_end(last, false, m.last_row, m.last_col)) {
      return fail_sheet(
          trf("merged range \"{}\" is not valid (expected a range such as A1:B2)", s));
    }
    if (m.first_row > m.last_row) std::swap(m.first_row, m.last_row);
    if (m.first_col > m.last_col) std::swap(m.first_col, m.last_col);
    r_.merges_.push_back(m);
  }

  SheetReader& r_;
  const SheetEntry& entry_;
  SheetInfo& info_;
  Ctx ctx_ = Ctx::doc;
  int skip_ = 0;
  bool began_ = false;
  bool in_run_ = false;
  bool sorted_ = true;
  Kind kind_ = Kind::number;
  std::uint32_t row_ = 0;
  std::uint32_t last_row_ = 0;
  std::uint32_t col_ = 0;
  std::uint32_t next_col_ = 1;
  std::uint32_t last_col_ = 0;
  std::size_t cell_start_ = 0;
  int value_seen_ = 0;            // <v> (or <is>) elements of the cell so far
  std::size_t shared_bytes_ = 0;  // text of the row's shared-string cells
};

SheetResult SheetReader::read(const SheetEntry& entry) {
  SheetInfo info{source_.display(), entry.name, entry.index, true, entry.hidden};
  SheetHandler handler(*this, entry, info);
  SheetResult result;
  result.ok = source_.parse(entry.part, info.loc(), handler);
  result.began = handler.began();
  // A sheet that began always ends, even when a problem cut it short, so that visitors can
  // pair the two calls; the diagnostics say the sheet is incomplete.
  if (result.began) visitor_.end_sheet(merges_);
  return result;
}

}  // namespace ntr::xlsx
