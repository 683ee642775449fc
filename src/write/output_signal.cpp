#include "output_signal.hpp"

#include <fcntl.h>
#include <pthread.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <atomic>
#include <cstring>

#include "ntreport/write/output.hpp"

namespace ntr::out {

namespace {

constexpr std::size_t kMaxPath = 4096;
char g_staging[kMaxPath];
char g_lock[kMaxPath];
char g_dir[kMaxPath];
char g_outermost[kMaxPath];
volatile std::sig_atomic_t g_active = 0;

bool copy_path(char (&dst)[kMaxPath], const std::string& src) {
  if (src.size() >= kMaxPath) return false;
  std::memcpy(dst, src.c_str(), src.size() + 1);
  return true;
}

// Removes every entry of a flat folder, then the folder, with system calls only: readdir may
// allocate, so the entries are read with getdents64. Entries removed while reading may make the
// reading skip others: passes repeat until one finds nothing left.
void remove_flat_folder(const char* path) noexcept {
  const int fd = ::open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
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

}  // namespace

void track_staging(const std::string& staging, const std::string& lock, const std::string& dir,
                   const std::string& outermost_created) {
  const SignalGuard guard;
  g_active = 0;
  std::atomic_signal_fence(std::memory_order_seq_cst);
  if (!copy_path(g_staging, staging) || !copy_path(g_lock, lock) || !copy_path(g_dir, dir) ||
      !copy_path(g_outermost, outermost_created)) {
    return;  // a path this long is left to the set's own clean-up
  }
  std::atomic_signal_fence(std::memory_order_seq_cst);
  g_active = 1;
}

void untrack_staging() {
  g_active = 0;
  std::atomic_signal_fence(std::memory_order_seq_cst);
}

SignalGuard::SignalGuard() {
  sigset_t block;
  sigemptyset(&block);
  for (const int sig : {SIGINT, SIGTERM, SIGHUP}) sigaddset(&block, sig);
  ::pthread_sigmask(SIG_BLOCK, &block, &saved_);
}

SignalGuard::~SignalGuard() { ::pthread_sigmask(SIG_SETMASK, &saved_, nullptr); }

}  // namespace ntr::out

namespace ntr {

void remove_pending_temporaries() noexcept {
  using namespace out;
  if (g_active == 0) return;
  g_active = 0;
  remove_flat_folder(g_staging);
  ::unlink(g_lock);
  if (g_outermost[0] == '\0') return;
  // The folders the set created, from the output folder up to the outermost of them; rmdir
  // removes only empty ones.
  static char path[kMaxPath];
  std::memcpy(path, g_dir, kMaxPath);
  for (;;) {
    ::rmdir(path);
    if (std::strcmp(path, g_outermost) == 0) break;
    char* slash = std::strrchr(path, '/');
    if (slash == nullptr || slash == path) break;
    *slash = '\0';
  }
}

}  // namespace ntr
