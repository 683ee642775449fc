#include "ntreport/write/output.hpp"

#include <fmt/format.h>

#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <system_error>

#include "ntreport/platform/files.hpp"
#include "ntreport/platform/paths.hpp"
#include "ntreport/platform/process.hpp"

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

// Holds interrupts while a temporary is created or renamed, so that the handler never runs
// between a file appearing and its path being registered (or the reverse).
using SignalGuard = platform::InterruptGuard;

// A test hook: with NTREPORT_TEST_HOLD_BEFORE_COMMIT=FILE, a build creates FILE once every
// output is staged and waits there for a signal, so that a test can interrupt it at the one
// moment temporaries exist, without racing the clock.
void hold_for_test() {
  const char* marker = std::getenv("NTREPORT_TEST_HOLD_BEFORE_COMMIT");
  if (marker == nullptr || *marker == '\0') return;
  if (std::FILE* f = platform::open_file(marker, "wb"); f != nullptr) std::fclose(f);
  platform::wait_for_interrupt();
}

void io_error(Diagnostics& diags, const std::string& path, const std::string& what, int err) {
  SourceLoc loc;
  loc.file = path;
  diags.error("io-error", std::move(loc), fmt::format("{}: {}", what, std::strerror(err)));
}

std::string join(const std::string& dir, const std::string& name) {
  if (dir.empty()) return name;
  return dir.back() == '/' ? dir + name : dir + "/" + name;
}

// Creates an exclusive temporary file in the output folder; -1 after an io-error.
int create_temp(const std::string& dir, const std::string& name, std::string& temp,
                Diagnostics& diags) {
  const long pid = platform::process_id();
  // A stale temporary of an earlier process with the same id must not block the build.
  for (int attempt = 0; attempt < 100; ++attempt) {
    temp = join(dir, attempt == 0 ? fmt::format(".{}.{}.tmp", name, pid)
                                  : fmt::format(".{}.{}.{}.tmp", name, pid, attempt));
    const SignalGuard guard;
    const int fd = platform::create_new(temp);
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
  fs::path p = platform::fs_path(dir).lexically_normal();
  if (!p.has_filename()) p = p.parent_path();  // "out/" is "out"
  std::error_code ec;
  for (; !p.empty() && !fs::exists(p, ec); p = p.parent_path()) {
    out.push_back(platform::utf8_path(p));
    if (p == p.parent_path()) break;
  }
  return out;
}

void discard(const std::string& temp) {
  const SignalGuard guard;
  platform::remove_file(temp.c_str());
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
    platform::remove_folder(it->c_str());
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
    std::filesystem::create_directories(platform::fs_path(dir_), ec);
    for (auto it = missing.rbegin(); it != missing.rend(); ++it) {
      std::error_code exists_ec;
      if (!std::filesystem::is_directory(platform::fs_path(*it), exists_ec)) continue;
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
  const bool written = platform::write_all(fd, content) && platform::sync(fd);
  const int err = errno;
  const bool closed = platform::close(fd);
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
  platform::close(fd);
  if (!write(temp)) {  // the writer has said why
    discard(temp);
    failed_ = true;
    return false;
  }
  if (!platform::sync_file(temp)) {
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
  // A folder in the way, or a file another program holds open (Windows), would fail its
  // rename after others succeeded: refuse before any.
  for (const auto& s : staged_) {
    std::error_code ec;
    if (std::filesystem::is_directory(platform::fs_path(s.final_path), ec)) {
      io_error(diags, s.final_path, "cannot replace the output", EISDIR);
      return false;
    }
    if (platform::held_open(s.final_path)) {
      SourceLoc loc;
      loc.file = s.final_path;
      diags.error("io-error", std::move(loc),
                  "cannot replace the output: another program has the file open",
                  "close it (a workbook open in Excel) and build again; no output was replaced");
      return false;
    }
  }
  hold_for_test();
  for (const auto& s : staged_) {
    const SignalGuard guard;
    if (!platform::replace(s.temp, s.final_path)) {
      io_error(diags, s.final_path, fmt::format("cannot rename \"{}\" into place", s.temp), errno);
      return false;
    }
    unregister_pending(s.temp);
  }
  committed_ = true;
  for (const auto& d : created_dirs_) unregister_pending(d);
  platform::sync_folder(dir_.empty() ? "." : dir_);  // durability only: best effort
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
    // One still open (Windows) stays registered, for the interrupt's second pass.
    if (g_pending_used[i] != kPendingFile) continue;
    if (platform::remove_file(g_pending_path[i])) g_pending_used[i] = 0;
  }
  // Folders were registered outermost first, before any file: remove the deepest first.
  for (std::size_t i = kMaxPending; i-- > 0;) {
    if (g_pending_used[i] != kPendingFolder) continue;
    if (platform::remove_folder(g_pending_path[i])) g_pending_used[i] = 0;
  }
}

}  // namespace ntr
