#include "output_signal.hpp"

#include <atomic>
#include <csignal>
#include <cstring>

#include "ntreport/platform/files.hpp"
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

}  // namespace ntr::out

namespace ntr {

void remove_pending_temporaries() noexcept {
  using namespace out;
  // Left tracked: on Windows a file still being written cannot go yet, and the clean-up runs
  // again at the build's next guarded step (platform/windows_process.cpp). Every step of it
  // removes what is there and minds nothing being gone.
  if (g_active == 0) return;
  platform::remove_flat_folder(g_staging);
  platform::FileLock::remove_after_interrupt(g_lock);
  if (g_outermost[0] == '\0') return;
  // The folders the set created, from the output folder up to the outermost of them; rmdir
  // removes only empty ones.
  static char path[kMaxPath];
  std::memcpy(path, g_dir, kMaxPath);
  for (;;) {
    platform::remove_folder(path);
    if (std::strcmp(path, g_outermost) == 0) break;
    char* slash = std::strrchr(path, '/');
    if (slash == nullptr || slash == path) break;
    *slash = '\0';
  }
}

}  // namespace ntr
