#include "ntreport/write/output.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <pthread.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <system_error>

namespace ntr {

namespace {

// Temporaries not yet renamed, and folders created for them, in storage a signal handler may
// read: fixed arrays, no allocation, a slot published by its flag only after its path is
// complete. The flag says what the slot holds.
constexpr std::size_t kMaxPending = 64;
constexpr std::size_t kMaxPath = 4096;
constexpr std::sig_atomic_t kPendingFile = 1;
constexpr std::sig_atomic_t kPendingFolder = 2;
char g_pending_path[kMaxPending][kMaxPath];
volatile std::sig_atomic_t g_pending_used[kMaxPending];

void register_pending(const std::string& path, std::sig_atomic_t kind = kPendingFile) {
  if (path.size() >= kMaxPath) return;  // still removed by the OutputSet, not by the handler
  for (std::size_t i = 0; i < kMaxPending; ++i) {
    if (g_pending_used[i] != 0) continue;
    std::memcpy(g_pending_path[i], path.c_str(), path.size() + 1);
    std::atomic_signal_fence(std::memory_order_seq_cst);
    g_pending_used[i] = kind;
    return;
  }
}

void unregister_pending(const std::string& path) {
  for (std::size_t i = 0; i < kMaxPending; ++i) {
    if (g_pending_used[i] != 0 && path == g_pending_path[i]) {
      g_pending_used[i] = 0;
      std::atomic_signal_fence(std::memory_order_seq_cst);
      return;
    }
  }
}

// Blocks SIGINT, SIGTERM and SIGHUP while a temporary is created or renamed, so that the
// handler never runs between a file appearing and its path being registered (or the reverse).
class SignalGuard {
 public:
  SignalGuard() {
    sigset_t block;
    sigemptyset(&block);
    for (const int sig : {SIGINT, SIGTERM, SIGHUP}) sigaddset(&block, sig);
    ::pthread_sigmask(SIG_BLOCK, &block, &saved_);
  }
  ~SignalGuard() { ::pthread_sigmask(SIG_SETMASK, &saved_, nullptr); }
  SignalGuard(const SignalGuard&) = delete;
  SignalGuard& operator=(const SignalGuard&) = delete;

 private:
  sigset_t saved_{};
};

// A test hook: with NTREPORT_TEST_HOLD_BEFORE_COMMIT=FILE, a build creates FILE once every
// output is staged and waits there for a signal, so that a test can interrupt it at the one
// moment temporaries exist, without racing the clock.
void hold_for_test() {
  const char* marker = std::getenv("NTREPORT_TEST_HOLD_BEFORE_COMMIT");
  if (marker == nullptr || *marker == '\0') return;
  const int fd = ::open(marker, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
  if (fd >= 0) ::close(fd);
  for (;;) ::pause();
}

void io_error(Diagnostics& diags, const std::string& path, const std::string& what, int err) {
  SourceLoc loc;
  loc.file = path;
  diags.error("io-error", std::move(loc), fmt::format("{}: {}", what, std::strerror(err)));
}

bool write_all(int fd, const std::string& content) {
  std::size_t done = 0;
  while (done < content.size()) {
    const ssize_t n = ::write(fd, content.data() + done, content.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    done += static_cast<std::size_t>(n);
  }
  return true;
}

bool sync_path(const std::string& path, int flags) {
  const int fd = ::open(path.c_str(), flags | O_CLOEXEC);
  if (fd < 0) return false;
  const bool ok = ::fsync(fd) == 0;
  ::close(fd);
  return ok;
}

std::string join(const std::string& dir, const std::string& name) {
  if (dir.empty()) return name;
  return dir.back() == '/' ? dir + name : dir + "/" + name;
}

// Creates an exclusive temporary file in the output folder; -1 after an io-error.
int create_temp(const std::string& dir, const std::string& name, std::string& temp,
                Diagnostics& diags) {
  const long pid = static_cast<long>(::getpid());
  // A stale temporary of an earlier process with the same id must not block the build.
  for (int attempt = 0; attempt < 100; ++attempt) {
    temp = join(dir, attempt == 0 ? fmt::format(".{}.{}.tmp", name, pid)
                                  : fmt::format(".{}.{}.{}.tmp", name, pid, attempt));
    const SignalGuard guard;
    const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd >= 0) {
      register_pending(temp);
      return fd;
    }
    if (errno != EEXIST) break;
  }
  io_error(diags, temp, "cannot create a temporary file", errno);
  return -1;
}

// The folders of `dir` that do not exist yet, deepest first.
std::vector<std::string> missing_folders(const std::string& dir) {
  namespace fs = std::filesystem;
  std::vector<std::string> out;
  fs::path p = fs::path(dir).lexically_normal();
  if (!p.has_filename()) p = p.parent_path();  // "out/" is "out"
  std::error_code ec;
  for (; !p.empty() && !fs::exists(p, ec); p = p.parent_path()) {
    out.push_back(p.string());
    if (p == p.parent_path()) break;
  }
  return out;
}

void discard(const std::string& temp) {
  const SignalGuard guard;
  ::unlink(temp.c_str());
  unregister_pending(temp);
}

}  // namespace

OutputSet::OutputSet(std::string dir) : dir_(std::move(dir)) {}

OutputSet::~OutputSet() {
  if (committed_) return;
  for (const auto& s : staged_) discard(s.temp);
  // Folders this set created go too (rmdir removes only empty ones), deepest first.
  for (auto it = created_dirs_.rbegin(); it != created_dirs_.rend(); ++it) {
    const SignalGuard guard;
    ::rmdir(it->c_str());
    unregister_pending(*it);
  }
}

bool OutputSet::prepare_dir(Diagnostics& diags) {
  if (dir_state_ != DirState::unknown) return dir_state_ == DirState::ready;
  dir_state_ = DirState::failed;  // reported once, however many files follow
  if (dir_.empty()) {
    dir_state_ = DirState::ready;
    return true;
  }
  const std::vector<std::string> missing = missing_folders(dir_);
  std::error_code ec;
  {
    const SignalGuard guard;
    std::filesystem::create_directories(dir_, ec);
    for (auto it = missing.rbegin(); it != missing.rend(); ++it) {
      std::error_code exists_ec;
      if (!std::filesystem::is_directory(*it, exists_ec)) continue;
      created_dirs_.push_back(*it);
      register_pending(*it, kPendingFolder);
    }
  }
  if (ec) {
    io_error(diags, dir_, "cannot create the output folder", ec.value());
    failed_ = true;
    return false;
  }
  dir_state_ = DirState::ready;
  return true;
}

bool OutputSet::add_text(const std::string& name, const std::string& content, Diagnostics& diags) {
  if (!prepare_dir(diags)) return false;
  std::string temp;
  const int fd = create_temp(dir_, name, temp, diags);
  if (fd < 0) {
    failed_ = true;
    return false;
  }
  const bool written = write_all(fd, content) && ::fsync(fd) == 0;
  const int err = errno;
  const bool closed = ::close(fd) == 0;
  if (!written || !closed) {
    io_error(diags, temp, "cannot write the temporary file", written ? errno : err);
    discard(temp);
    failed_ = true;
    return false;
  }
  staged_.push_back(Staged{temp, join(dir_, name)});
  return true;
}

bool OutputSet::add_file(const std::string& name,
                         const std::function<bool(const std::string& temp_path)>& write,
                         Diagnostics& diags) {
  if (!prepare_dir(diags)) return false;
  std::string temp;
  const int fd = create_temp(dir_, name, temp, diags);
  if (fd < 0) {
    failed_ = true;
    return false;
  }
  ::close(fd);
  if (!write(temp)) {  // the writer has said why
    discard(temp);
    failed_ = true;
    return false;
  }
  if (!sync_path(temp, O_RDONLY)) {
    io_error(diags, temp, "cannot write the temporary file", errno);
    discard(temp);
    failed_ = true;
    return false;
  }
  staged_.push_back(Staged{temp, join(dir_, name)});
  return true;
}

bool OutputSet::commit(Diagnostics& diags) {
  if (committed_) return true;
  if (failed_) return false;
  // A folder in the way would fail its rename after others succeeded: refuse before any.
  for (const auto& s : staged_) {
    struct stat st {};
    if (::stat(s.final_path.c_str(), &st) == 0 && S_ISDIR(st.st_mode)) {
      io_error(diags, s.final_path, "cannot replace the output", EISDIR);
      return false;
    }
  }
  hold_for_test();
  for (const auto& s : staged_) {
    const SignalGuard guard;
    if (::rename(s.temp.c_str(), s.final_path.c_str()) != 0) {
      io_error(diags, s.final_path, fmt::format("cannot rename \"{}\" into place", s.temp), errno);
      return false;
    }
    unregister_pending(s.temp);
  }
  committed_ = true;
  for (const auto& d : created_dirs_) unregister_pending(d);
  sync_path(dir_.empty() ? "." : dir_, O_RDONLY | O_DIRECTORY);  // durability only: best effort
  return true;
}

std::vector<std::string> OutputSet::paths() const {
  std::vector<std::string> out;
  out.reserve(staged_.size());
  for (const auto& s : staged_) out.push_back(s.final_path);
  return out;
}

void remove_pending_temporaries() noexcept {
  for (std::size_t i = 0; i < kMaxPending; ++i) {
    if (g_pending_used[i] != kPendingFile) continue;
    ::unlink(g_pending_path[i]);
    g_pending_used[i] = 0;
  }
  // Folders were registered outermost first, before any file: remove the deepest first.
  for (std::size_t i = kMaxPending; i-- > 0;) {
    if (g_pending_used[i] != kPendingFolder) continue;
    ::rmdir(g_pending_path[i]);
    g_pending_used[i] = 0;
  }
}

}  // namespace ntr
