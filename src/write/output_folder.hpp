#pragma once
// An output folder as one command at a time changes it: a lock, the rename phase of a commit
// (which puts everything back when any rename fails), and the recovery of a commit that was
// killed half way. docs/errors.md ("Nothing lost") describes the guarantees.
#include <string>
#include <string_view>
#include <vector>

#include "ntreport/diag/diagnostic.hpp"
#include "ntreport/platform/files.hpp"

namespace ntr::out {

/// `dir/name`, or `name` when dir is empty.
std::string join(const std::string& dir, std::string_view name);

/// A lock on an output folder: the platform's FileLock on DIR/.ntreport-lock (flock(2) on
/// POSIX, a file opened unshared on Windows). The system releases it when its holder ends,
/// however it ends, so a killed command never leaves the folder locked.
class FolderLock {
 public:
  FolderLock() = default;
  ~FolderLock() { release(); }
  FolderLock(const FolderLock&) = delete;
  FolderLock& operator=(const FolderLock&) = delete;

  /// Takes the lock without waiting; false (io-error) when another command holds it.
  bool acquire(const std::string& dir, Diagnostics& diags);
  /// Removes the lock file and releases the lock.
  void release();
  [[nodiscard]] const std::string& path() const { return path_; }

 private:
  platform::FileLock lock_;
  std::string path_;
};

/// What recover() did.
enum class Recovery { nothing, rolled_back, completed };

/// Brings back to one build a folder whose last commit was killed (SIGKILL, a power cut):
/// killed before its commit point, the files it had moved are put back; after it, the commit
/// is finished. A staging folder left by a killed command is removed. Call with the lock held.
bool recover(const std::string& dir, Recovery& what, Diagnostics& diags);

/// The rename phase of a commit, with every file staged in DIR/.ntreport-staging and the
/// names to place listed in its journal: moves `displace` (names in DIR) into
/// DIR/.ntreport-previous, then `place` into DIR, then removes the journal (the commit point).
/// When a rename fails, everything moved is put back and an io-error names the file.
bool swap_in(const std::string& dir, const std::vector<std::string>& displace,
             const std::vector<std::string>& place, Diagnostics& diags);

/// After a commit: removes the files it displaced and the empty staging folder.
void discard_previous(const std::string& dir);

/// Removes a folder of plain files (a staging or previous folder), then the folder.
void remove_flat(const std::string& path);

/// Writes the journal of the names a commit will place, in the staging folder.
bool write_journal(const std::string& dir, const std::vector<std::string>& place,
                   Diagnostics& diags);

}  // namespace ntr::out
