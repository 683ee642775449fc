#include "xlsx_rows.hpp"

#include <xlsxwriter/utility.h>
#include <xlsxwriter/xmlwriter.h>
#include <zlib.h>

#include <array>
#include <cctype>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>

#include "ntreport/platform/files.hpp"
#include "ntreport/text/translate.hpp"

namespace ntr::xlsx {

namespace {

constexpr std::size_t kMaxString = 32767;  // characters: libxlsxwriter's LXW_STR_MAX, Excel's
// Bytes of rows buffered before a write, and of a part read or deflated at a time: a few
// hundred writes for a 100,000-row table, and little memory for each thread.
constexpr std::size_t kFlushAt = std::size_t{1} << 18;
constexpr std::size_t kChunk = std::size_t{1} << 16;

struct FreeC {
  void operator()(char* p) const { std::free(p); }  // NOLINT: libxlsxwriter's malloc'd strings
};
using CString = std::unique_ptr<char, FreeC>;

void append_int(std::string& out, long long v) {
  std::array<char, 24> buf{};
  const auto [end, ec] = std::to_chars(buf.data(), buf.data() + buf.size(), v);
  out.append(buf.data(), end);
}

// libxlsxwriter's "%.16G": an integer below 10^15 prints as its digits; anything else goes
// through the same printf.
void append_double(std::string& out, double v) {
  if (std::fabs(v) < 1e15 && v == std::trunc(v) && !(v == 0 && std::signbit(v))) {
    append_int(out, static_cast<long long>(v));
    return;
  }
  std::array<char, 40> buf{};
  const int n = std::snprintf(buf.data(), buf.size(), "%.16G", v);
  if (n > 0) out.append(buf.data(), static_cast<std::size_t>(n));
}

}  // namespace

void CellSpan::add(lxw_row_t r, lxw_col_t c) {
  if (r < first_row) first_row = r;
  if (r > last_row) last_row = r;
  if (c < first_col) first_col = c;
  if (c > last_col) last_col = c;
}

void CellSpan::add(const CellSpan& other) {
  if (other.empty()) return;
  add(other.first_row, other.first_col);
  add(other.last_row, other.last_col);
}

SheetRows::SheetRows(std::string path) : path_(std::move(path)) {
  fd_ = platform::create_new(path_);
  failed_ = fd_ < 0;
  if (failed_) error_ = errno;
  created_ = !failed_;
  if (created_) out_.reserve(kFlushAt + kChunk);
}

SheetRows::~SheetRows() {
  if (fd_ >= 0) platform::close(fd_);
  if (!created_) return;  // only what this made goes
  platform::remove_file(path_.c_str());
  platform::remove_file(deflated_path().c_str());
}

// What libxlsxwriter's _check_dimensions() refuses in constant-memory mode (rows are written
// in order, so none is ever before the current one).
lxw_error SheetRows::check_cell(lxw_row_t r, lxw_col_t c) {
  if (r >= LXW_ROW_MAX || c >= LXW_COL_MAX) return LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE;
  span_.add(r, c);
  return LXW_NO_ERROR;
}

// `<c r="B12"`, as lxw_rowcol_to_cell() names the cell.
void SheetRows::cell_ref(lxw_row_t r, lxw_col_t c) {
  while (columns_.size() <= c) {
    std::array<char, LXW_MAX_CELL_NAME_LENGTH> name{};
    lxw_rowcol_to_cell(name.data(), 0, static_cast<lxw_col_t>(columns_.size()));
    std::string letters(name.data());
    letters.pop_back();  // the row number, "1"
    columns_.push_back(std::move(letters));
  }
  cells_ += "<c r=\"";
  cells_ += columns_[c];
  append_int(cells_, static_cast<long long>(r) + 1);
  cells_ += '"';
}

lxw_error SheetRows::string(lxw_row_t r, lxw_col_t c, const char* text, lxw_format* format) {
  // worksheet_write_string(): an empty string is a blank cell, or nothing without a format.
  if (text == nullptr || *text == '\0')
    return format != nullptr ? blank(r, c, format) : LXW_NO_ERROR;
  if (const lxw_error e = check_cell(r, c); e != LXW_NO_ERROR) return e;
  if (lxw_utf8_strlen(text) > kMaxString) return LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED;
  const CString kept(lxw_has_control_characters(text) ? lxw_escape_control_characters(text)
                                                      : strdup(text));
  if (!kept) return LXW_ERROR_MEMORY_MALLOC_FAILED;
  // _write_inline_string_cell()
  const CString escaped(lxw_escape_data(kept.get()));
  if (!escaped) return LXW_ERROR_MEMORY_MALLOC_FAILED;
  const std::string_view s(escaped.get());
  cell_ref(r, c);
  if (const int style = format != nullptr ? lxw_format_get_xf_index(format) : 0; style != 0) {
    cells_ += " s=\"";
    append_int(cells_, style);
    cells_ += '"';
  }
  const bool preserve = !s.empty() && (std::isspace(static_cast<unsigned char>(s.front())) != 0 ||
                                       std::isspace(static_cast<unsigned char>(s.back())) != 0);
  cells_ +=
      preserve ? " t=\"inlineStr\"><is><t xml:space=\"preserve\">" : " t=\"inlineStr\"><is><t>";
  cells_ += s;
  cells_ += "</t></is></c>";
  return LXW_NO_ERROR;
}

lxw_error SheetRows::number(lxw_row_t r, lxw_col_t c, double value, lxw_format* format) {
  if (const lxw_error e = check_cell(r, c); e != LXW_NO_ERROR) return e;
  // _write_number_cell()
  cell_ref(r, c);
  if (const int style = format != nullptr ? lxw_format_get_xf_index(format) : 0; style != 0) {
    cells_ += " s=\"";
    append_int(cells_, style);
    cells_ += '"';
  }
  cells_ += "><v>";
  append_double(cells_, value);
  cells_ += "</v></c>";
  return LXW_NO_ERROR;
}

lxw_error SheetRows::blank(lxw_row_t r, lxw_col_t c, lxw_format* format) {
  if (format == nullptr) return LXW_NO_ERROR;  // Excel ignores a blank cell without a format
  if (const lxw_error e = check_cell(r, c); e != LXW_NO_ERROR) return e;
  cell_ref(r, c);
  if (const int style = lxw_format_get_xf_index(format); style != 0) {
    cells_ += " s=\"";
    append_int(cells_, style);
    cells_ += '"';
  }
  cells_ += "/>";
  return LXW_NO_ERROR;
}

// lxw_worksheet_write_single_row() and _write_row(): a row without cells or height is not
// written; the height goes in when it is not the default.
void SheetRows::end_row(lxw_row_t r, double height) {
  const bool tall = height != LXW_DEF_ROW_HEIGHT;
  if (cells_.empty() && !tall) return;
  out_ += "<row r=\"";
  append_int(out_, static_cast<long long>(r) + 1);
  out_ += '"';
  if (tall) {
    out_ += " ht=\"";
    append_double(out_, height);
    out_ += "\" customHeight=\"1\"";
  }
  if (cells_.empty()) {
    out_ += "/>";
  } else {
    out_ += '>';
    out_ += cells_;
    out_ += "</row>";
    cells_.clear();
  }
  flush_if_full();
}

void SheetRows::flush_if_full() {
  if (out_.size() < kFlushAt) return;
  if (!failed_ && !platform::write_all(fd_, out_)) {
    failed_ = true;
    error_ = errno;
  }
  out_.clear();
}

void SheetRows::finish() {
  if (!failed_ && !out_.empty() && !platform::write_all(fd_, out_)) {
    failed_ = true;
    error_ = errno;
  }
  out_.clear();
  out_.shrink_to_fit();
  if (fd_ >= 0 && !platform::close(fd_) && !failed_) {
    failed_ = true;
    error_ = errno;
  }
  fd_ = -1;
}

bool cut_worksheet(std::string_view part, const SplicedSheet& sheet, std::string& head,
                   std::string& tail) {
  // The dimension of every cell, libxlsxwriter's and the spliced rows' alike.
  constexpr std::string_view kDimension = "<dimension ref=\"";
  const std::size_t dim = part.find(kDimension);
  const std::size_t dim_end =
      dim == std::string_view::npos ? dim : part.find('"', dim + kDimension.size());
  if (dim_end == std::string_view::npos) return false;
  CellSpan all = sheet.written;
  all.add(sheet.rows->span());
  std::array<char, LXW_MAX_CELL_RANGE_LENGTH> ref{};
  if (all.empty()) {
    lxw_rowcol_to_range(ref.data(), 0, 0, 0, 0);
  } else {
    lxw_rowcol_to_range(ref.data(), all.first_row, all.first_col, all.last_row, all.last_col);
  }
  // The rows go before the first of libxlsxwriter's rows after them, or at the end.
  const lxw_row_t after = sheet.rows->span().empty() ? 0 : sheet.rows->span().last_row + 1;
  std::size_t cut = std::string_view::npos;
  constexpr std::string_view kRow = "<row r=\"";
  for (std::size_t at = part.find(kRow, dim_end); at != std::string_view::npos;
       at = part.find(kRow, at + kRow.size())) {
    unsigned long long number = 0;
    const char* digits = part.data() + at + kRow.size();
    const auto [end, ec] = std::from_chars(digits, part.data() + part.size(), number);
    if (ec != std::errc() || number == 0) return false;
    if (number - 1 >= after) {
      cut = at;
      break;
    }
  }
  std::string_view closing = "</sheetData>";
  bool was_empty = false;
  if (cut == std::string_view::npos) {
    cut = part.find(closing, dim_end);
    if (cut == std::string_view::npos) {  // libxlsxwriter wrote no row at all
      closing = "<sheetData/>";
      cut = part.find(closing, dim_end);
      if (cut == std::string_view::npos) return false;
      was_empty = true;
    }
  }
  head.assign(part.substr(0, dim + kDimension.size()));
  head += ref.data();
  head += part.substr(dim_end, cut - dim_end);
  if (was_empty) {
    head += "<sheetData>";
    tail = "</sheetData>";
    tail += part.substr(cut + closing.size());
  } else {
    tail.assign(part.substr(cut));
  }
  return true;
}

namespace {

// One deflate stream from the pieces given to feed() into the file `fd`.
class Deflater {
 public:
  explicit Deflater(int fd) : fd_(fd) {
    ok_ = deflateInit2(&z_, Z_DEFAULT_COMPRESSION, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY) ==
          Z_OK;
    crc_ = crc32(0, nullptr, 0);
  }
  ~Deflater() { deflateEnd(&z_); }
  Deflater(const Deflater&) = delete;
  Deflater& operator=(const Deflater&) = delete;

  bool feed(std::string_view in, bool last) {
    if (!ok_) return false;
    crc_ = crc32_z(crc_, reinterpret_cast<const Bytef*>(in.data()), in.size());
    size_ += in.size();
    z_.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));  // NOLINT: zlib's API
    z_.avail_in = static_cast<uInt>(in.size());
    const int flush = last ? Z_FINISH : Z_NO_FLUSH;
    for (;;) {
      z_.next_out = reinterpret_cast<Bytef*>(buf_.data());
      z_.avail_out = static_cast<uInt>(buf_.size());
      const int rc = deflate(&z_, flush);
      const std::size_t made = buf_.size() - z_.avail_out;
      if (made > 0 && !platform::write_all(fd_, std::string_view(buf_.data(), made))) {
        write_error_ = errno;
        return ok_ = false;
      }
      written_ += made;
      if (rc == Z_STREAM_END) return true;
      if (rc != Z_OK && rc != Z_BUF_ERROR) return ok_ = false;
      if (!last && z_.avail_in == 0 && z_.avail_out != 0) return true;
    }
  }

  std::uint32_t crc() const { return static_cast<std::uint32_t>(crc_); }
  std::uint64_t size() const { return size_; }
  std::uint64_t written() const { return written_; }
  int write_error() const { return write_error_; }

 private:
  int fd_;
  z_stream z_{};
  bool ok_ = false;
  uLong crc_ = 0;
  std::uint64_t size_ = 0, written_ = 0;
  int write_error_ = 0;
  std::string buf_ = std::string(kChunk, '\0');
};

}  // namespace

bool deflate_part(std::string_view head, const SheetRows& rows, std::string_view tail,
                  DeflatedPart& out, std::string& message) {
  out = DeflatedPart{rows.deflated_path()};
  platform::Kind kind = platform::Kind::missing;
  const int in = platform::open_regular(rows.path(), kind);
  if (in < 0) {
    message = system_error_text(errno);
    return false;
  }
  const int fd = platform::create_new(out.path);
  if (fd < 0) {
    message = system_error_text(errno);
    platform::close(in);
    return false;
  }
  bool ok = false;
  {
    Deflater z(fd);
    std::string chunk(kChunk, '\0');
    ok = z.feed(head, false);
    while (ok) {
      const std::int64_t n = platform::read_some(in, chunk.data(), chunk.size());
      if (n < 0) {
        message = system_error_text(errno);
        ok = false;
      }
      if (n <= 0) break;
      ok = z.feed(std::string_view(chunk.data(), static_cast<std::size_t>(n)), false);
    }
    if (ok) ok = z.feed(tail, true);
    if (!ok && message.empty()) {
      message = z.write_error() != 0 ? system_error_text(z.write_error())
                                     : std::string(tr("cannot compress the worksheet"));
    }
    out.crc = z.crc();
    out.size = z.size();
    out.deflated_size = z.written();
  }
  platform::close(in);
  if (!platform::close(fd) && ok) {
    message = system_error_text(errno);
    ok = false;
  }
  return ok;
}

}  // namespace ntr::xlsx
