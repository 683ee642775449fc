#include "ntreport/read/file.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace ntr {

namespace {

SourceLoc file_loc(const std::string& display) { return SourceLoc{display, {}, 0, 0, 0, false}; }

std::string kind_of(mode_t mode) {
  if (S_ISREG(mode)) return {};
  if (S_ISDIR(mode)) return "a folder";
  if (S_ISFIFO(mode)) return "a named pipe (FIFO)";
  if (S_ISCHR(mode)) return "a character device";
  if (S_ISBLK(mode)) return "a block device";
  if (S_ISSOCK(mode)) return "a socket";
  return "not a regular file";
}

void refuse(const std::string& display, const std::string& kind, Diagnostics& diags) {
  diags.error("io-error", file_loc(display),
              fmt::format("cannot read it: it is {}, not a regular file", kind),
              "ntreport reads regular files only");
}

}  // namespace

std::string byte_size(std::uint64_t bytes) {
  constexpr std::uint64_t kMiB = 1ULL << 20;
  if (bytes >= kMiB && bytes % kMiB == 0) return fmt::format("{} MiB", bytes / kMiB);
  return fmt::format("{} bytes", bytes);
}

std::string not_regular_kind(const std::string& path, bool* missing) {
  struct stat st {};
  const bool found = ::stat(path.c_str(), &st) == 0;
  if (missing != nullptr) *missing = !found && errno == ENOENT;
  if (!found) return "not a regular file";
  return kind_of(st.st_mode);
}

int open_regular_file(const std::string& path, const std::string& display, Diagnostics& diags) {
  struct stat named {};
  if (::stat(path.c_str(), &named) != 0) {
    diags.error("io-error", file_loc(display),
                fmt::format("cannot open the file: {}", std::strerror(errno)));
    return -1;
  }
  if (!S_ISREG(named.st_mode)) {
    refuse(display, kind_of(named.st_mode), diags);
    return -1;
  }
  // O_NONBLOCK: should the name be swapped for a FIFO after the stat, opening it cannot hang;
  // the descriptor is then checked to be the regular file the stat saw.
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
  if (fd < 0) {
    diags.error("io-error", file_loc(display),
                fmt::format("cannot open the file: {}", std::strerror(errno)));
    return -1;
  }
  struct stat opened {};
  if (::fstat(fd, &opened) != 0 || !S_ISREG(opened.st_mode) || opened.st_ino != named.st_ino ||
      opened.st_dev != named.st_dev) {
    ::close(fd);
    refuse(display, kind_of(opened.st_mode), diags);
    return -1;
  }
  ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
  return fd;
}

bool read_regular_file(const std::string& path, const std::string& display, std::uint64_t limit,
                       std::string& out, Diagnostics& diags) {
  const int fd = open_regular_file(path, display, diags);
  if (fd < 0) return false;
  auto too_large = [&] {
    ::close(fd);
    diags.error("input-too-large", file_loc(display),
                fmt::format("the file holds more than {}, the limit for a file read whole",
                            byte_size(limit)),
                std::string(kSizeHint));
    return false;
  };
  struct stat st {};
  if (::fstat(fd, &st) == 0 && static_cast<std::uint64_t>(st.st_size) > limit) return too_large();
  out.clear();
  // The whole size at once: growing by doubling would hold two copies at the last step.
  out.reserve(static_cast<std::size_t>(st.st_size));
  char buf[1 << 16];
  for (;;) {
    const ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      const int err = errno;
      ::close(fd);
      diags.error("io-error", file_loc(display),
                  fmt::format("cannot read the file: {}", std::strerror(err)));
      return false;
    }
    if (n == 0) break;
    if (out.size() + static_cast<std::size_t>(n) > limit) return too_large();
    out.append(buf, static_cast<std::size_t>(n));
  }
  ::close(fd);
  return true;
}

}  // namespace ntr
