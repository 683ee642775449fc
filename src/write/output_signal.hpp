#pragma once
// What a SIGINT, SIGTERM or SIGHUP handler must undo while an output set is staging: one
// staging folder (whatever number of files it holds), the lock file, and the folders the set
// created. Kept in fixed storage a signal handler may read, published only when complete.
#include <csignal>
#include <string>

namespace ntr::out {

/// Tracks the set being staged: its staging folder, its lock file, its output folder and the
/// outermost folder it created ("" when it created none).
void track_staging(const std::string& staging, const std::string& lock, const std::string& dir,
                   const std::string& outermost_created);
/// Nothing to undo any more (the set committed, or cleaned up itself).
void untrack_staging();

/// Blocks SIGINT, SIGTERM and SIGHUP on this thread while it lives, so that the handler never
/// runs in the middle of a change it could not undo (a rename phase, a tracked path changing).
class SignalGuard {
 public:
  SignalGuard();
  ~SignalGuard();
  SignalGuard(const SignalGuard&) = delete;
  SignalGuard& operator=(const SignalGuard&) = delete;

 private:
  sigset_t saved_{};
};

}  // namespace ntr::out
