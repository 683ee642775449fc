#include "ntreport/read/file.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <cstring>

#include "ntreport/platform/files.hpp"
#include "ntreport/text/translate.hpp"

namespace ntr {

namespace {

SourceLoc file_loc(const std::string& display) { return SourceLoc{display, {}, 0, 0, 0, false}; }

std::string kind_name(platform::Kind kind) {
  switch (kind) {
    case platform::Kind::regular:
      return {};
    case platform::Kind::folder:
      return std::string(tr("a folder"));
    case platform::Kind::fifo:
      return std::string(tr("a named pipe (FIFO)"));
    case platform::Kind::char_device:
      return std::string(tr("a character device"));
    case platform::Kind::block_device:
      return std::string(tr("a block device"));
    case platform::Kind::socket:
      return std::string(tr("a socket"));
    default:
      return std::string(tr("not a regular file"));
  }
}

void refuse(const std::string& display, const std::string& kind, Diagnostics& diags) {
  diags.error("io-error", file_loc(display),
              trf("cannot read it: it is {}, not a regular file", kind),
              std::string(tr("ntreport reads regular files only")));
}

}  // namespace

std::string byte_size(std::uint64_t bytes) {
  constexpr std::uint64_t kMiB = 1ULL << 20;
  if (bytes >= kMiB && bytes % kMiB == 0) return fmt::format("{} MiB", bytes / kMiB);
  return trf("{} bytes", bytes);
}

std::string not_regular_kind(const std::string& path, bool* missing) {
  const platform::Kind kind = platform::kind_at(path);
  if (missing != nullptr) *missing = kind == platform::Kind::missing && errno == ENOENT;
  return kind_name(kind);
}

int open_regular_file(const std::string& path, const std::string& display, Diagnostics& diags) {
  platform::Kind kind = platform::Kind::missing;
  const int fd = platform::open_regular(path, kind);
  if (fd >= 0) return fd;
  if (kind == platform::Kind::missing) {
    diags.error("io-error", file_loc(display),
                trf("cannot open the file: {}", system_error_text(errno)));
  } else {
    refuse(display, kind_name(kind), diags);
  }
  return -1;
}

bool read_regular_file(const std::string& path, const std::string& display, std::uint64_t limit,
                       std::string& out, Diagnostics& diags) {
  const int fd = open_regular_file(path, display, diags);
  if (fd < 0) return false;
  auto too_large = [&] {
    platform::close(fd);
    diags.error(
        "input-too-large", file_loc(display),
        trf("the file holds more than {}, the limit for a file read whole", byte_size(limit)),
        std::string(tr(kSizeHint)));
    return false;
  };
  platform::FileKind st;
  if (platform::kind_of(fd, st) && st.size > limit) return too_large();
  out.clear();
  // The whole size at once: growing by doubling would hold two copies at the last step.
  out.reserve(static_cast<std::size_t>(st.size));
  char buf[1 << 16];
  for (;;) {
    const std::int64_t n = platform::read_some(fd, buf, sizeof buf);
    if (n < 0) {
      const int err = errno;
      platform::close(fd);
      diags.error("io-error", file_loc(display),
                  trf("cannot read the file: {}", system_error_text(err)));
      return false;
    }
    if (n == 0) break;
    if (out.size() + static_cast<std::size_t>(n) > limit) return too_large();
    out.append(buf, static_cast<std::size_t>(n));
  }
  platform::close(fd);
  return true;
}

}  // namespace ntr
