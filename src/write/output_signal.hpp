#pragma once
// What an interrupt (SIGINT, SIGTERM, SIGHUP; Ctrl-C or a closed console on Windows) must undo
// while an output set is staging: one staging folder (whatever number of files it holds), the
// lock file, and the folders the set created. Kept in fixed storage an interrupt handler may
// read, published only when complete.
#include <string>

#include "ntreport/platform/process.hpp"

namespace ntr::out {

/// Tracks the set being staged: its staging folder, its lock file, its output folder and the
/// outermost folder it created ("" when it created none).
void track_staging(const std::string& staging, const std::string& lock, const std::string& dir,
                   const std::string& outermost_created);
/// Nothing to undo any more (the set committed, or cleaned up itself).
void untrack_staging();

/// While one lives an interrupt waits, so that the handler never runs in the middle of a change
/// it could not undo (a rename phase, a tracked path changing). Held for short steps only,
/// never while a large file is written: an interrupt must not wait for that.
using SignalGuard = platform::InterruptGuard;

}  // namespace ntr::out
