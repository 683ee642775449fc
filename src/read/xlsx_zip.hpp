#pragma once
// Read-only access to the parts of a zip archive through libzip, with the inflated size of each
// part counted so that a hostile part cannot grow past a limit.
#include <zip.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

namespace ntr::xlsx {

/// Why an archive could not be opened.
enum class OpenFailure : std::uint8_t { none, io, not_zip, too_many_entries };

/// An open archive; empty when opening failed.
class ZipArchive {
 public:
  /// Opens the archive of an open regular file, taking the descriptor; on failure `failure()`
  /// and `error()` say why. A small file is read whole with one system call and opened in
  /// memory; a large one is read as needed. An archive whose directory lists more than
  /// `max_entries` entries is refused before libzip reads that directory.
  static ZipArchive open_fd(int fd, std::uint64_t max_entries);
  /// Files up to this size are read whole.
  static constexpr std::uint64_t kReadWhole = 1U << 20;
  /// Opens an archive held in memory; `bytes` must outlive the archive.
  static ZipArchive open_buffer(std::string_view bytes, std::uint64_t max_entries);

  [[nodiscard]] bool is_open() const { return zip_ != nullptr; }
  [[nodiscard]] OpenFailure failure() const { return failure_; }
  [[nodiscard]] const std::string& error() const { return error_; }
  [[nodiscard]] std::uint64_t entry_count() const;
  /// The entries the directory declares, when `failure()` is too_many_entries.
  [[nodiscard]] std::uint64_t declared_entries() const { return declared_entries_; }
  /// The index of a part by name (exact, then ignoring case as OPC does); -1 when absent.
  [[nodiscard]] std::int64_t locate(const std::string& name) const;
  [[nodiscard]] zip_t* handle() const { return zip_.get(); }
  /// The inflated size the directory declares for a part; 0 when absent or unknown.
  [[nodiscard]] std::uint64_t declared_size(const std::string& name) const;

 private:
  struct Closer {
    void operator()(zip_t* z) const { zip_discard(z); }
  };
  // Takes ownership of `src` and finishes `err`.
  static ZipArchive from_source(zip_source_t* src, zip_error_t& err);
  static ZipArchive open_whole(int fd, std::uint64_t size, std::uint64_t max_entries);
  static ZipArchive too_many(std::uint64_t entries);
  std::unique_ptr<char[]> bytes_;  // the file read whole; declared first, so freed last
  std::unique_ptr<zip_t, Closer> zip_;
  OpenFailure failure_ = OpenFailure::none;
  std::string error_;
  std::uint64_t declared_entries_ = 0;
};

/// The entry count the end-of-central-directory record of an archive declares (its zip64
/// record's when it has one), read through `read_at(offset, size, dst)`; 0 when the record
/// cannot be found (libzip then says what is wrong).
std::uint64_t zip_declared_entries(
    std::uint64_t file_size,
    const std::function<bool(std::uint64_t offset, std::size_t size, char* dst)>& read_at);

/// What reading a part came to.
enum class PartStatus : std::uint8_t { ok, missing, too_large, corrupt };

/// One part being inflated. Reads never return more than `limit` bytes in total: past it the
/// part is refused as too large, whatever size its header declares.
class ZipPart {
 public:
  /// Opens the part at `index`; checks the declared size against `limit` first.
  ZipPart(const ZipArchive& zip, std::int64_t index, std::uint64_t limit);

  [[nodiscard]] PartStatus status() const { return status_; }
  [[nodiscard]] std::uint64_t declared_size() const { return declared_; }
  /// The bytes inflated so far.
  [[nodiscard]] std::uint64_t inflated() const { return total_; }
  [[nodiscard]] const std::string& error() const { return error_; }
  /// Fills up to `size` bytes of `dst`; returns the count (0 at the end) or -1 on failure,
  /// after which `status()` says why.
  std::int64_t read(void* dst, std::uint64_t size);

 private:
  struct Closer {
    void operator()(zip_file_t* f) const { zip_fclose(f); }
  };
  std::unique_ptr<zip_file_t, Closer> file_;
  PartStatus status_ = PartStatus::ok;
  std::uint64_t limit_ = 0;
  std::uint64_t declared_ = 0;
  std::uint64_t total_ = 0;
  std::string error_;
};

}  // namespace ntr::xlsx
