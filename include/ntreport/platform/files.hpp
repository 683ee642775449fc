#pragma once
// The few file operations whose system calls differ between POSIX and Windows, for read/ and
// write/. Names are UTF-8 (opened through the wide API on Windows); failures set errno, as
// the C library does, so that messages name the same causes on both.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

namespace ntr::platform {

/// std::fopen of a UTF-8 name, always in binary mode.
std::FILE* open_file(const std::string& path, const char* mode);

/// A descriptor reading the file; -1 with errno set.
int open_read(const std::string& path);
/// A descriptor writing a file created now, which must not exist (EEXIST); -1 with errno set.
/// On Windows it can be deleted while open, as on POSIX.
int create_new(const std::string& path);
/// Reads up to n bytes; 0 at the end, -1 with errno set.
std::int64_t read_some(int fd, void* buf, std::size_t n);
/// Writes every byte; false with errno set.
bool write_all(int fd, std::string_view data);
/// Flushes the file's bytes to the disk; false with errno set.
bool sync(int fd);
/// Closes a descriptor; false with errno set.
bool close(int fd);

/// What an open descriptor is.
struct FileKind {
  bool folder = false;
  bool regular = false;
  std::uint64_t size = 0;
};
/// The kind and size of an open file; false with errno set.
bool kind_of(int fd, FileKind& out);

/// What a name is. Windows knows files, folders and links only.
enum class Kind : std::uint8_t {
  missing,  ///< nothing there, or nothing that can be seen (errno set)
  regular,
  folder,
  link,  ///< a symbolic link (or junction), only when links are not followed
  fifo,
  char_device,
  block_device,
  socket,
  other,
};
/// What `path` names, following symbolic links when `follow`.
Kind kind_at(const std::string& path, bool follow = true);
/// Opens a regular file for reading, never hanging on a FIFO or device that took its name in
/// between; -1 with `kind` saying what the name is instead (missing: errno set). With
/// `follow` false a symbolic link is refused as such.
int open_regular(const std::string& path, Kind& kind, bool follow = true);
/// Reads up to n bytes at `offset` (where the descriptor then reads next is unspecified); -1
/// with errno set.
std::int64_t read_at(int fd, void* buf, std::size_t n, std::uint64_t offset);
/// A stdio stream reading a descriptor, which it then owns; nullptr with errno set.
std::FILE* stream_of(int fd);

/// Creates one folder; false with errno set (EEXIST when something is there).
bool make_folder(const std::string& path);
/// The names in a folder (no "." and ".."), UTF-8; empty when it cannot be read.
std::vector<std::string> folder_names(const std::string& path);

/// Renames `from` to `to`, replacing a file already there; false with errno set.
bool replace(const std::string& from, const std::string& to);
/// True when another program keeps `path` open so that it cannot be replaced or removed (on
/// Windows, a workbook open in Excel); never on POSIX, where a rename always can.
bool held_open(const std::string& path);
/// Flushes a closed file's bytes to the disk; false with errno set.
bool sync_file(const std::string& path);
/// Flushes a folder's entries to the disk, where the system allows it; best effort.
void sync_folder(const std::string& path);

/// Removes a folder and everything in it (a staging folder); true when it is gone.
bool remove_tree(const std::string& path);

/// An exclusive lock on a file (created when missing), held by this process until released or
/// until the process ends however it ends — no stale lock survives a crash. Two builds into
/// one folder take it first, as git takes index.lock.
class FileLock {
 public:
  /// Takes the lock; false, with errno EWOULDBLOCK when another process holds it.
  bool try_lock(const std::string& path);
  /// Releases the lock and removes its file.
  void release();
  /// Removes a lock file of this process from an interrupt handler (allocates nothing); on
  /// Windows the file goes with the process's handle.
  static void remove_after_interrupt(const char* path) noexcept;
  ~FileLock() { release(); }

 private:
  std::string path_;
  int fd_ = -1;
};

/// Removes a file; true when it is gone (or was never there). Safe in an interrupt handler:
/// allocates nothing.
bool remove_file(const char* path) noexcept;
/// Removes an empty folder; true when it is gone. Safe in an interrupt handler.
bool remove_folder(const char* path) noexcept;
/// Removes the files of a folder that holds files only, then the folder. Safe in an interrupt
/// handler: reads the folder with system calls into fixed storage.
void remove_flat_folder(const char* path) noexcept;

}  // namespace ntr::platform
