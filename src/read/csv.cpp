#include "ntreport/read/csv.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <vector>

#include "ntreport/read/file.hpp"
#include "ntreport/text/normalize.hpp"
#include "ntreport/text/translate.hpp"

namespace ntr {

namespace {

constexpr std::size_t kNpos = std::string_view::npos;
constexpr std::string_view kBom = "\xEF\xBB\xBF";
// Enough records to see past a title row or two, few enough to stay instant on any file.
constexpr std::size_t kSniffRecords = 20;

// Per record, how often `delim` occurs outside quotes, over the first non-blank records.
std::vector<std::uint32_t> delimiter_counts(std::string_view text, char delim) {
  std::vector<std::uint32_t> counts;
  std::uint32_t count = 0;
  bool blank = true, field_start = true, quoted = false;
  for (std::size_t i = 0; i < text.size() && counts.size() < kSniffRecords; ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        ++i;
      } else if (c == '"') {
        quoted = false;
      }
    } else if (c == '\r' || c == '\n') {
      if (!blank) counts.push_back(count);
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      count = 0;
      blank = field_start = true;
    } else {
      blank = false;
      if (c == delim) {
        ++count;
        field_start = true;
      } else {
        quoted = c == '"' && field_start;
        field_start = false;
      }
    }
  }
  if (!blank && counts.size() < kSniffRecords) counts.push_back(count);
  return counts;
}

// How well a delimiter explains the sample: every record agreeing beats most records agreeing,
// which beats fewer; then more fields per record.
struct SniffScore {
  bool consistent = false;
  std::size_t agreeing = 0;
  std::uint32_t per_record = 0;

  [[nodiscard]] bool beats(const SniffScore& o) const {
    if (consistent != o.consistent) return consistent;
    if (agreeing != o.agreeing) return agreeing > o.agreeing;
    return per_record > o.per_record;
  }
};

SniffScore score(const std::vector<std::uint32_t>& counts) {
  SniffScore best;
  for (const std::uint32_t c : counts) {
    if (c == 0) continue;
    const auto same = static_cast<std::size_t>(std::count(counts.begin(), counts.end(), c));
    if (same > best.agreeing || (same == best.agreeing && c > best.per_record)) {
      best.agreeing = same;
      best.per_record = c;
    }
  }
  best.consistent = best.agreeing > 0 && best.agreeing == counts.size();
  return best;
}

// The head of s for a message: up to its first line break, at most ~30 bytes, cut on a code
// point boundary.
std::string snippet(std::string_view s) {
  constexpr std::size_t kMax = 30;
  const std::size_t eol = s.find_first_of("\r\n");
  bool cut = eol != kNpos;
  s = s.substr(0, eol);
  if (s.size() > kMax) {
    std::size_t end = kMax;
    while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) --end;
    s = s.substr(0, end);
    cut = true;
  }
  return cut ? fmt::format("{}…", s) : std::string(s);
}

// A field of the record being read: either a view into the file text or, for a quoted field
// with doubled quotes, a range of the unescaping buffer.
struct FieldRef {
  std::uint32_t col = 0;
  bool in_text = true;
  std::size_t offset = 0, size = 0;
};

class CsvParser {
 public:
  CsvParser(std::string_view text, char delim, const SheetInfo& info, const ReadLimits& limits,
            SheetVisitor& visitor, Diagnostics& diags)
      : text_(text),
        delim_(delim),
        bad_(invalid_utf8_offset(text)),
        info_(info),
        limits_(limits),
        visitor_(visitor),
        diags_(diags) {}

  void run() {
    while (pos_ < text_.size()) {
      if (row_ == limits_.max_rows) {
        return too_large(
            row_ + 1, 0,
            trf("the file has more than {} rows, the limit for one input", limits_.max_rows));
      }
      ++row_;
      col_ = 0;
      record_ok_ = true;
      buf_.clear();
      fields_.clear();
      if (!read_record()) return;
      if (record_ok_ && !deliver()) return;
    }
  }

 private:
  [[nodiscard]] bool at_field_end() const {
    if (pos_ >= text_.size()) return true;
    const char c = text_[pos_];
    return c == delim_ || c == '\n' || c == '\r';
  }

  // Reads one record up to and including its line break. False when reading must stop.
  bool read_record() {
    for (;;) {
      if (col_ == limits_.max_row_cells) {
        too_large(row_, col_ + 1,
                  trf("row {} has more than {} cells (columns A to {}), the limit for one row",
                      row_, limits_.max_row_cells, column_letters(limits_.max_row_cells)));
        return false;
      }
      ++col_;
      const bool quoted = pos_ < text_.size() && text_[pos_] == '"';
      const std::size_t content = quoted ? pos_ + 1 : pos_;
      if (!quoted) {
        read_unquoted();
      } else if (!read_quoted()) {
        return false;
      }
      if (bad_ < pos_) {
        report_bad_encoding(content);
        return false;
      }
      if (pos_ >= text_.size()) return true;
      const char c = text_[pos_++];
      if (c == delim_) continue;
      if (c == '\r' && pos_ < text_.size() && text_[pos_] == '\n') ++pos_;
      return true;
    }
  }

  void read_unquoted() {
    const std::size_t start = pos_;
    while (!at_field_end()) ++pos_;
    if (pos_ > start) fields_.push_back(FieldRef{col_, true, start, pos_ - start});
  }

  // Reads a quoted field; false when the file ends inside it.
  bool read_quoted() {
    const std::size_t open = pos_++;
    std::size_t segment = pos_;
    const std::size_t buf_start = buf_.size();
    bool unescaped = false;
    for (;;) {
      const std::size_t q = text_.find('"', pos_);
      if (q == kNpos) {
        report_unclosed(open);
        return false;
      }
      pos_ = q + 1;
      if (pos_ < text_.size() && text_[pos_] == '"') {  // a doubled quote stands for one
        buf_.append(text_.substr(segment, pos_ - segment));
        segment = ++pos_;
        unescaped = true;
        continue;
      }
      if (unescaped) {
        buf_.append(text_.substr(segment, q - segment));
        fields_.push_back(FieldRef{col_, false, buf_start, buf_.size() - buf_start});
      } else if (q > segment) {
        fields_.push_back(FieldRef{col_, true, segment, q - segment});
      }
      break;
    }
    if (!at_field_end()) skip_text_after_quote(open);
    return true;
  }

  // `"ab"c`: the record is reported and not delivered; reading goes on at the next field, so
  // every such problem of the file is reported at once.
  void skip_text_after_quote(std::size_t open) {
    const std::size_t start = pos_;
    while (!at_field_end()) ++pos_;
    const std::string_view quoted = text_.substr(open, start - open);
    diags_.error("csv-syntax", info_.loc(row_, col_),
                 trf("text \"{}\" follows the closing quote of {}; expected a delimiter or a "
                     "line break after it (a quote inside a quoted field is written twice: \"\")",
                     snippet(text_.substr(start, pos_ - start)), snippet(quoted)));
    record_ok_ = false;
  }

  void report_unclosed(std::size_t open) {
    diags_.error("csv-syntax", info_.loc(row_, col_),
                 trf("the quote opening \"{}\" is never closed; expected a closing quote before "
                     "the end of the file",
                     snippet(text_.substr(open + 1))));
  }

  void report_bad_encoding(std::size_t content) {
    const auto byte = static_cast<unsigned char>(text_[bad_]);
    const std::string where =
        bad_ > content ? trf("after \"{}\"", snippet(text_.substr(content, bad_ - content)))
                       : std::string(tr("at the start of the cell"));
    diags_.error("bad-encoding", info_.loc(row_, col_),
                 trf("byte 0x{:02X} {} is not UTF-8; expected UTF-8 text (save the file as "
                     "\"CSV UTF-8\")",
                     byte, where));
  }

  // Hands the record on; false when it breaks a limit, which ends the reading.
  bool deliver() {
    if (fields_.empty()) return true;  // a blank line or a line of empty fields
    cells_.clear();
    std::uint64_t bytes = 0;
    for (const FieldRef& f : fields_) {
      const std::string_view src = f.in_text ? text_ : std::string_view(buf_);
      cells_.push_back(CellView{f.col, CellType::text, src.substr(f.offset, f.size)});
      bytes += f.size;
    }
    // Bounded like a worksheet row: the header scan keeps the rows it looks at.
    if (bytes > limits_.max_text_bytes) {
      diags_.error("text-too-large", info_.loc(row_, 0),
                   trf("row {} holds more than {} of text, the limit for one row", row_,
                       byte_size(limits_.max_text_bytes)),
                   std::string(tr(kSizeHint)));
      return false;
    }
    cells_seen_ += cells_.size();
    if (cells_seen_ > limits_.max_cells) {
      too_large(row_, 0,
                trf("the file has more than {} cells holding a value, the limit for one input",
                    limits_.max_cells));
      return false;
    }
    visitor_.row(row_, cells_);
    return true;
  }

  void too_large(std::uint32_t row, std::uint32_t col, std::string message) {
    diags_.error("input-too-large", info_.loc(row, col), std::move(message),
                 std::string(tr(kSizeHint)));
  }

  std::string_view text_;
  char delim_;
  std::size_t bad_;  // offset of the first byte that is not UTF-8, npos when none
  const SheetInfo& info_;
  const ReadLimits& limits_;
  SheetVisitor& visitor_;
  Diagnostics& diags_;
  std::size_t pos_ = 0;
  std::uint32_t row_ = 0, col_ = 0;
  std::uint64_t cells_seen_ = 0;
  bool record_ok_ = true;
  // Reused from record to record, so steady-state reading allocates nothing.
  std::string buf_;
  std::vector<FieldRef> fields_;
  std::vector<CellView> cells_;
};

}  // namespace

char sniff_delimiter(std::string_view text) {
  char best = ',';
  SniffScore best_score;
  for (const char d : {',', ';', '\t'}) {
    const SniffScore s = score(delimiter_counts(text, d));
    if (s.beats(best_score)) {
      best = d;
      best_score = s;
    }
  }
  return best;
}

bool read_csv_text(std::string_view text, const std::string& display, SheetVisitor& visitor,
                   Diagnostics& diags, const ReadLimits& limits) {
  const SheetInfo info{display, "", 0, false};
  if (text.starts_with(kBom)) text.remove_prefix(kBom.size());
  if (trim(text).empty()) {
    diags.error("empty-file", info.loc(),
                text.empty()
                    ? std::string(tr("the file holds no data; expected CSV rows"))
                    : std::string(tr("the file holds only blank space; expected CSV rows")));
    return false;
  }
  visitor.begin_sheet(info);
  CsvParser(text, sniff_delimiter(text), info, limits, visitor, diags).run();
  visitor.end_sheet({});
  return true;
}

bool read_csv(const std::string& path, const std::string& display, SheetVisitor& visitor,
              Diagnostics& diags, const ReadLimits& limits) {
  std::string text;
  if (!read_regular_file(path, display, limits.max_file_bytes, text, diags)) return false;
  return read_csv_text(text, display, visitor, diags, limits);
}

}  // namespace ntr
