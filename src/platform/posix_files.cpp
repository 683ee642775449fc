#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <system_error>

#include "ntreport/platform/files.hpp"

namespace ntr::platform {

std::FILE* open_file(const std::string& path, const char* mode) {
  return std::fopen(path.c_str(), mode);
}

int open_read(const std::string& path) { return ::open(path.c_str(), O_RDONLY | O_CLOEXEC); }

int create_new(const std::string& path) {
  return ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
}

std::int64_t read_some(int fd, void* buf, std::size_t n) {
  for (;;) {
    const ssize_t got = ::read(fd, buf, n);
    if (got >= 0 || errno != EINTR) return got;
  }
}

bool write_all(int fd, std::string_view data) {
  std::size_t done = 0;
  while (done < data.size()) {
    const ssize_t n = ::write(fd, data.data() + done, data.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    done += static_cast<std::size_t>(n);
  }
  return true;
}

bool sync(int fd) { return ::fsync(fd) == 0; }

bool close(int fd) { return ::close(fd) == 0; }

bool kind_of(int fd, FileKind& out) {
  struct stat st {};
  if (::fstat(fd, &st) != 0) return false;
  out.folder = S_ISDIR(st.st_mode);
  out.regular = S_ISREG(st.st_mode);
  out.size = static_cast<std::uint64_t>(st.st_size);
  return true;
}

namespace {

Kind kind_of_mode(mode_t mode) {
  if (S_ISREG(mode)) return Kind::regular;
  if (S_ISDIR(mode)) return Kind::folder;
  if (S_ISLNK(mode)) return Kind::link;
  if (S_ISFIFO(mode)) return Kind::fifo;
  if (S_ISCHR(mode)) return Kind::char_device;
  if (S_ISBLK(mode)) return Kind::block_device;
  if (S_ISSOCK(mode)) return Kind::socket;
  return Kind::other;
}

}  // namespace

Kind kind_at(const std::string& path, bool follow) {
  struct stat st {};
  const int rc = follow ? ::stat(path.c_str(), &st) : ::lstat(path.c_str(), &st);
  return rc == 0 ? kind_of_mode(st.st_mode) : Kind::missing;
}

int open_regular(const std::string& path, Kind& kind, bool follow) {
  struct stat named {};
  if ((follow ? ::stat(path.c_str(), &named) : ::lstat(path.c_str(), &named)) != 0) {
    kind = Kind::missing;
    return -1;
  }
  kind = kind_of_mode(named.st_mode);
  if (kind != Kind::regular) return -1;
  // O_NONBLOCK: should the name be swapped for a FIFO after the stat, opening it cannot hang;
  // the descriptor is then checked to be the regular file the stat saw.
  const int flags = O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK | (follow ? 0 : O_NOFOLLOW);
  const int fd = ::open(path.c_str(), flags);
  if (fd < 0) {
    kind = errno == ELOOP ? Kind::link : Kind::missing;
    return -1;
  }
  struct stat opened {};
  if (::fstat(fd, &opened) != 0 || !S_ISREG(opened.st_mode) || opened.st_ino != named.st_ino ||
      opened.st_dev != named.st_dev) {
    kind = kind_of_mode(opened.st_mode);
    if (kind == Kind::regular) kind = Kind::other;  // another file than the one named
    ::close(fd);
    return -1;
  }
  ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
  return fd;
}

std::int64_t read_at(int fd, void* buf, std::size_t n, std::uint64_t offset) {
  for (;;) {
    const ssize_t got = ::pread(fd, buf, n, static_cast<off_t>(offset));
    if (got >= 0 || errno != EINTR) return got;
  }
}

std::FILE* stream_of(int fd) { return ::fdopen(fd, "rb"); }

bool make_folder(const std::string& path) { return ::mkdir(path.c_str(), 0777) == 0; }

std::vector<std::string> folder_names(const std::string& path) {
  std::vector<std::string> out;
  std::error_code ec;
  for (std::filesystem::directory_iterator it(path, ec), end; !ec && it != end; it.increment(ec))
    out.push_back(it->path().filename().string());
  return out;
}

bool replace(const std::string& from, const std::string& to) {
  return ::rename(from.c_str(), to.c_str()) == 0;
}

bool held_open(const std::string& /*path*/) { return false; }

bool sync_file(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  const bool ok = ::fsync(fd) == 0;
  ::close(fd);
  return ok;
}

void sync_folder(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

bool remove_tree(const std::string& path) {
  std::error_code ec;
  std::filesystem::remove_all(path, ec);
  return !ec;
}

bool FileLock::try_lock(const std::string& path) {
  release();
  // The holder before us may remove the file after we opened it: the lock is ours only if the
  // name still leads to the file locked. O_NOFOLLOW: a link in its place is no lock file.
  for (int attempt = 0; attempt < 16; ++attempt) {
    const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0666);
    if (fd < 0) return false;
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
      const int err = errno;
      ::close(fd);
      errno = err;
      return false;
    }
    struct stat held {
    }, named{};
    if (::fstat(fd, &held) == 0 && ::lstat(path.c_str(), &named) == 0 &&
        held.st_dev == named.st_dev && held.st_ino == named.st_ino) {
      path_ = path;
      fd_ = fd;
      return true;
    }
    ::close(fd);
  }
  errno = EAGAIN;
  return false;
}

void FileLock::remove_after_interrupt(const char* path) noexcept { ::unlink(path); }

void FileLock::release() {
  if (fd_ < 0) return;
  ::unlink(path_.c_str());  // before unlocking: a waiter then finds the name gone, retries
  ::close(fd_);
  fd_ = -1;
}

bool remove_file(const char* path) noexcept { return ::unlink(path) == 0 || errno == ENOENT; }

bool remove_folder(const char* path) noexcept { return ::rmdir(path) == 0 || errno == ENOENT; }

void remove_flat_folder(const char* path) noexcept {
  const int fd = ::open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  // readdir may allocate: the entries are read with getdents64. Entries removed while reading
  // may make the reading skip others: passes repeat until one finds nothing left.
  alignas(8) static char buf[8192];
  for (int pass = 0; pass < 8; ++pass) {
    bool removed = false;
    ::lseek(fd, 0, SEEK_SET);
    for (;;) {
      const long n = ::syscall(SYS_getdents64, fd, buf, sizeof buf);
      if (n <= 0) break;
      for (long at = 0; at < n;) {
        unsigned short reclen = 0;
        std::memcpy(&reclen, buf + at + 16, sizeof reclen);  // d_ino, d_off, then d_reclen
        const char* name = buf + at + 19;                    // after d_type
        at += reclen;
        if (std::strcmp(name, ".") == 0 || std::strcmp(name, "..") == 0) continue;
        removed = ::unlinkat(fd, name, 0) == 0 || removed;
      }
    }
    if (!removed) break;
  }
  ::close(fd);
  ::rmdir(path);
}

}  // namespace ntr::platform
