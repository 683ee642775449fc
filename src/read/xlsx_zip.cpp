#include "xlsx_zip.hpp"

#include <cerrno>
#include <filesystem>
#include <system_error>

#include "ntreport/platform/files.hpp"

namespace ntr::xlsx {

namespace {

std::string system_message(int err) { return std::generic_category().message(err); }

// libzip's own wording changes between versions; tests and users get ours.
std::string describe_open_error(zip_error_t& err) {
  switch (zip_error_code_zip(&err)) {
    case ZIP_ER_NOZIP:
      return "not a zip archive";
    case ZIP_ER_INCONS:
      return "the zip archive is inconsistent (truncated or corrupt)";
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

}  // namespace

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

ZipArchive ZipArchive::open_whole(int fd, std::uint64_t size) {
  ZipArchive out;
  auto fail = [&out](int err) {
    out.failure_ = OpenFailure::io;
    out.error_ = system_message(err);
    return std::move(out);
  };
  std::unique_ptr<char[]> bytes(new char[size == 0 ? 1 : size]);
  std::uint64_t got = 0;
  while (got < size) {
    const std::int64_t n = platform::read_some(fd, bytes.get() + got, size - got);
    if (n < 0) return fail(errno);
    if (n == 0) break;  // the file shrank while being read: what was read is the file
    got += static_cast<std::uint64_t>(n);
  }
  zip_error_t err;
  zip_error_init(&err);
  out = from_source(zip_source_buffer_create(bytes.get(), got, 0, &err), err);
  if (out.is_open()) out.bytes_ = std::move(bytes);
  return out;
}

ZipArchive ZipArchive::open_file(const std::string& path) {
  // Thousands of small workbooks: open, fstat, read and close each once, where libzip reading
  // from the file would seek and stat dozens of times per workbook.
  const int fd = platform::open_read(path);
  if (fd < 0) {
    ZipArchive out;
    out.failure_ = OpenFailure::io;
    out.error_ = system_message(errno);
    return out;
  }
  platform::FileKind st;
  const bool stat_ok = platform::kind_of(fd, st);
  if (stat_ok && st.folder) {
    platform::close(fd);
    ZipArchive out;
    out.failure_ = OpenFailure::io;
    out.error_ = system_message(EISDIR);  // the user needs to hear it is a folder
    return out;
  }
  if (stat_ok && st.regular && st.size <= kReadWhole) {
    ZipArchive out = open_whole(fd, st.size);
    platform::close(fd);
    return out;
  }
  platform::close(fd);
  zip_error_t err;
  zip_error_init(&err);
  return from_source(zip_source_file_create(path.c_str(), 0, -1, &err), err);
}

ZipArchive ZipArchive::open_buffer(std::string_view bytes) {
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
  return zip_name_locate(zip_.get(), name.c_str(), ZIP_FL_NOCASE);
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
