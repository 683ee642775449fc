#include "xlsx_zip.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <system_error>

#include "ntreport/platform/files.hpp"
#include "ntreport/text/translate.hpp"

namespace ntr::xlsx {

namespace {

std::string system_message(int err) { return std::generic_category().message(err); }

// libzip's own wording changes between versions; tests and users get ours.
std::string describe_open_error(zip_error_t& err) {
  switch (zip_error_code_zip(&err)) {
    case ZIP_ER_NOZIP:
      return std::string(tr("not a zip archive"));
    case ZIP_ER_INCONS:
      return std::string(tr("the zip archive is inconsistent (truncated or corrupt)"));
    case ZIP_ER_NOENT:
      return system_message(ENOENT);
    default:
      break;
  }
  if (zip_error_system_type(&err) == ZIP_ET_SYS && zip_error_code_system(&err) != 0) {
    return system_message(zip_error_code_system(&err));
  }
  return zip_error_strerror(&err);
}

OpenFailure classify(int zip_err) {
  switch (zip_err) {
    case ZIP_ER_NOENT:
    case ZIP_ER_OPEN:
    case ZIP_ER_READ:
    case ZIP_ER_SEEK:
    case ZIP_ER_MEMORY:
      return OpenFailure::io;
    default:
      return OpenFailure::not_zip;
  }
}

std::string part_error(zip_file_t* file) { return zip_error_strerror(zip_file_get_error(file)); }

std::uint32_t le32(const char* p) {
  std::uint32_t v = 0;
  for (int i = 3; i >= 0; --i) v = (v << 8) | static_cast<unsigned char>(p[i]);
  return v;
}

std::uint64_t le64(const char* p) {
  return le32(p) | (static_cast<std::uint64_t>(le32(p + 4)) << 32);
}

std::uint16_t le16(const char* p) {
  return static_cast<std::uint16_t>(static_cast<unsigned char>(p[0]) |
                                    (static_cast<unsigned char>(p[1]) << 8));
}

}  // namespace

std::uint64_t zip_declared_entries(
    std::uint64_t file_size,
    const std::function<bool(std::uint64_t offset, std::size_t size, char* dst)>& read_at) {
  // The end record (22 bytes) is followed by a comment of at most 65,535 bytes.
  constexpr std::size_t kEnd = 22;
  constexpr std::size_t kLocator = 20;
  constexpr std::size_t kZip64End = 56;
  const std::size_t tail =
      static_cast<std::size_t>(std::min<std::uint64_t>(file_size, kEnd + 65535 + kLocator));
  if (tail < kEnd) return 0;
  std::string buf(tail, '\0');
  if (!read_at(file_size - tail, tail, buf.data())) return 0;
  std::size_t at = std::string::npos;
  for (std::size_t i = tail - kEnd + 1; i-- > 0;) {
    if (le32(buf.data() + i) == 0x06054B50U) {
      at = i;
      break;
    }
  }
  if (at == std::string::npos) return 0;
  const std::uint16_t entries = le16(buf.data() + at + 10);
  if (entries != 0xFFFF || at < kLocator) return entries;
  const char* locator = buf.data() + at - kLocator;
  if (le32(locator) != 0x07064B50U) return entries;
  char record[kZip64End];
  const std::uint64_t offset = le64(locator + 8);
  if (offset > file_size || !read_at(offset, kZip64End, record) || le32(record) != 0x06064B50U) {
    return entries;
  }
  return le64(record + 32);
}

ZipArchive ZipArchive::from_source(zip_source_t* src, zip_error_t& err) {
  ZipArchive out;
  zip_t* z = src == nullptr ? nullptr : zip_open_from_source(src, ZIP_RDONLY, &err);
  if (z == nullptr) {
    if (src != nullptr) zip_source_free(src);
    out.failure_ = classify(zip_error_code_zip(&err));
    out.error_ = describe_open_error(err);
  } else {
    out.zip_.reset(z);
  }
  zip_error_fini(&err);
  return out;
}

ZipArchive ZipArchive::too_many(std::uint64_t entries) {
  ZipArchive out;
  out.failure_ = OpenFailure::too_many_entries;
  out.declared_entries_ = entries;
  return out;
}

ZipArchive ZipArchive::open_whole(int fd, std::uint64_t size, std::uint64_t max_entries) {
  ZipArchive out;
  auto fail = [&out](int err) {
    out.failure_ = OpenFailure::io;
    out.error_ = system_message(err);
    return std::move(out);
  };
  std::unique_ptr<char[]> bytes(new char[size == 0 ? 1 : size]);
  std::uint64_t got = 0;
  while (got < size) {
    const std::int64_t n = platform::read_at(fd, bytes.get() + got, size - got, got);
    if (n < 0) return fail(errno);
    if (n == 0) break;  // the file shrank while being read: what was read is the file
    got += static_cast<std::uint64_t>(n);
  }
  out = open_buffer(std::string_view(bytes.get(), got), max_entries);
  if (out.is_open()) out.bytes_ = std::move(bytes);
  return out;
}

ZipArchive ZipArchive::open_fd(int fd, std::uint64_t max_entries) {
  // Thousands of small workbooks: fstat, read and close each once, where libzip reading
  // from the file would seek and stat dozens of times per workbook.
  platform::FileKind st;
  if (!platform::kind_of(fd, st)) {
    const int err = errno;
    platform::close(fd);
    ZipArchive out;
    out.failure_ = OpenFailure::io;
    out.error_ = system_message(err);
    return out;
  }
  const std::uint64_t size = st.size;
  if (size <= kReadWhole) {
    ZipArchive out = open_whole(fd, size, max_entries);
    platform::close(fd);
    return out;
  }
  const std::uint64_t entries =
      zip_declared_entries(size, [fd](std::uint64_t offset, std::size_t n, char* dst) {
        return platform::read_at(fd, dst, n, offset) == static_cast<std::int64_t>(n);
      });
  if (entries > max_entries) {
    platform::close(fd);
    return too_many(entries);
  }
  std::FILE* file = platform::stream_of(fd);
  if (file == nullptr) {
    const int err = errno;
    platform::close(fd);
    ZipArchive out;
    out.failure_ = OpenFailure::io;
    out.error_ = system_message(err);
    return out;
  }
  zip_error_t err;
  zip_error_init(&err);
  zip_source_t* src = zip_source_filep_create(file, 0, -1, &err);
  if (src == nullptr) std::fclose(file);  // else the source owns it
  return from_source(src, err);
}

ZipArchive ZipArchive::open_buffer(std::string_view bytes, std::uint64_t max_entries) {
  const std::uint64_t entries =
      zip_declared_entries(bytes.size(), [bytes](std::uint64_t offset, std::size_t n, char* dst) {
        if (offset > bytes.size() || n > bytes.size() - offset) return false;
        std::memcpy(dst, bytes.data() + offset, n);
        return true;
      });
  if (entries > max_entries) return too_many(entries);
  zip_error_t err;
  zip_error_init(&err);
  return from_source(zip_source_buffer_create(bytes.data(), bytes.size(), 0, &err), err);
}

std::uint64_t ZipArchive::entry_count() const {
  const zip_int64_t n = zip_get_num_entries(zip_.get(), 0);
  return n < 0 ? 0 : static_cast<std::uint64_t>(n);
}

std::int64_t ZipArchive::locate(const std::string& name) const {
  const zip_int64_t exact = zip_name_locate(zip_.get(), name.c_str(), 0);
  if (exact >= 0) return exact;
  const zip_int64_t nocase = zip_name_locate(zip_.get(), name.c_str(), ZIP_FL_NOCASE);
  if (nocase >= 0 || name.find('/') == std::string::npos) return nocase;
  // Some writers store "xl\workbook.xml"; Excel reads them as "xl/workbook.xml".
  std::string windows = name;
  std::replace(windows.begin(), windows.end(), '/', '\\');
  return zip_name_locate(zip_.get(), windows.c_str(), ZIP_FL_NOCASE);
}

std::uint64_t ZipArchive::declared_size(const std::string& name) const {
  const std::int64_t index = locate(name);
  zip_stat_t st;
  zip_stat_init(&st);
  if (index < 0 || zip_stat_index(zip_.get(), static_cast<zip_uint64_t>(index), 0, &st) != 0 ||
      (st.valid & ZIP_STAT_SIZE) == 0) {
    return 0;
  }
  return st.size;
}

ZipPart::ZipPart(const ZipArchive& zip, std::int64_t index, std::uint64_t limit) : limit_(limit) {
  if (index < 0) {
    status_ = PartStatus::missing;
    return;
  }
  const auto idx = static_cast<zip_uint64_t>(index);
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_stat_index(zip.handle(), idx, 0, &st) != 0) {
    status_ = PartStatus::corrupt;
    error_ = zip_strerror(zip.handle());
    return;
  }
  if ((st.valid & ZIP_STAT_SIZE) != 0) {
    declared_ = st.size;
    if (st.size > limit) {
      status_ = PartStatus::too_large;
      return;
    }
  }
  file_.reset(zip_fopen_index(zip.handle(), idx, 0));
  if (!file_) {
    status_ = PartStatus::corrupt;
    error_ = zip_strerror(zip.handle());
  }
}

std::int64_t ZipPart::read(void* dst, std::uint64_t size) {
  if (status_ != PartStatus::ok) return -1;
  // Ask for at most one byte past the limit: enough to know the part is too large, so a
  // deflate bomb is never inflated further than that.
  const std::uint64_t left = limit_ - total_;
  const zip_int64_t n = zip_fread(file_.get(), dst, left >= size ? size : left + 1);
  if (n < 0) {
    status_ = PartStatus::corrupt;
    error_ = part_error(file_.get());
    return -1;
  }
  total_ += static_cast<std::uint64_t>(n);
  if (total_ > limit_) {
    status_ = PartStatus::too_large;
    return -1;
  }
  return n;
}

}  // namespace ntr::xlsx
