#pragma once
// Outputs are written into a staging folder inside the output folder and put in place all
// together, or not at all, once every one of them was written. A manifest in the folder lists
// what ntreport wrote there: its own files it replaces or removes, anyone else's it refuses to
// touch unless told to (--force). docs/errors.md ("Nothing lost") has the whole design.
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "ntreport/diag/diagnostic.hpp"

namespace ntr {

/// What an output set owns in its folder.
enum class Ownership : std::uint8_t {
  none,     ///< nothing (init): any file already there is the user's
  replace,  ///< one build (build): files the last build wrote and this one does not are removed
  merge,    ///< an accumulation (template): files the last run wrote and this one does not stay
};

struct OutputOptions {
  Ownership ownership = Ownership::replace;
  bool force = false;  ///< replace or remove files ntreport did not write, or changed since
};

class OutputSet {
 public:
  explicit OutputSet(std::string dir, OutputOptions options = {});
  ~OutputSet();  ///< undoes everything a set that did not commit did: staging, lock, folders
  OutputSet(const OutputSet&) = delete;
  OutputSet& operator=(const OutputSet&) = delete;

  /// Stages a text file.
  bool add_text(const std::string& name, const std::string& content, Diagnostics& diags);
  /// Stages a file produced by `write(temp_path)`.
  bool add_file(const std::string& name,
                const std::function<bool(const std::string& temp_path)>& write, Diagnostics& diags);
  /// Begins a file that is written piece by piece (a workbook of appendices made one after
  /// another): the path to write it at, or empty (reported) when it cannot be staged. It is
  /// staged when end_file() is called, in that order among the others.
  std::string begin_file(const std::string& name, Diagnostics& diags);
  /// Ends a file begun with begin_file(): `written` is false when its writer failed (and said
  /// why), and then nothing is committed.
  bool end_file(const std::string& name, bool written, Diagnostics& diags);
  /// Puts every staged file in place (and removes what the last build wrote and this one does
  /// not), all together: on any problem nothing in the folder changes and it returns false.
  /// Refuses (would-overwrite) files ntreport did not write, or that changed since, unless
  /// forced; renames nothing when an earlier add_text/add_file failed.
  bool commit(Diagnostics& diags);
  /// Final paths of the staged files, in the order added.
  [[nodiscard]] std::vector<std::string> paths() const;
  /// Paths of the files the commit removed, as the last build wrote them and this one did not.
  [[nodiscard]] const std::vector<std::string>& removed() const { return removed_; }

 private:
  struct Staged {
    std::string name;
    std::uint64_t size = 0;
    std::uint64_t hash = 0;
  };
  struct Plan;
  enum class DirState : std::uint8_t { unknown, ready, failed };
  /// Creates the folder, locks it, recovers an interrupted commit, makes the staging folder;
  /// false (reported once) when it cannot.
  bool prepare(Diagnostics& diags);
  /// The path a staged file is written to; empty (reported) for a name that is no plain name.
  std::string stage_path(const std::string& name, Diagnostics& diags);
  bool make_plan(Plan& plan, Diagnostics& diags);
  void abandon();

  std::string dir_;
  OutputOptions options_;
  DirState dir_state_ = DirState::unknown;
  std::vector<std::string> created_dirs_;  ///< folders this set created, deepest first
  struct Lock;
  std::unique_ptr<Lock> lock_;
  std::vector<Staged> staged_;
  std::vector<std::string> begun_;  ///< files begun and not ended
  std::vector<std::string> removed_;
  bool committed_ = false;
  bool failed_ = false;  ///< a file could not be staged: commit() refuses
};

/// Brings an output folder left by a command killed in its rename phase back to one build
/// (output-recovered), as the next output set there would: so that a build that fails on its
/// inputs still leaves one build. Does nothing (and locks nothing) in a folder without such
/// leftovers; false after an io-error.
bool recover_output_folder(const std::string& dir, Diagnostics& diags);

/// Creates a folder (and its missing parents) unless it exists; false after an io-error.
bool make_folder(const std::string& dir, Diagnostics& diags);

/// Undoes what the output set being staged has done: its staging folder, its lock file and the
/// folders it created. For the SIGINT, SIGTERM and SIGHUP handler: async-signal-safe.
/// (Test hook: with the environment variable NTREPORT_TEST_HOLD_BEFORE_COMMIT=FILE, commit()
/// creates FILE and waits for a signal before changing anything in the folder.)
void remove_pending_temporaries() noexcept;

}  // namespace ntr
