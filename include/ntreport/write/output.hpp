#pragma once
// Outputs are written to temporary files in the output folder and renamed into place only
// when every one of them was written: a failed build leaves earlier outputs untouched.
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "ntreport/diag/diagnostic.hpp"

namespace ntr {

class OutputSet {
 public:
  explicit OutputSet(std::string dir);
  ~OutputSet();  ///< removes temporaries that were not committed
  OutputSet(const OutputSet&) = delete;
  OutputSet& operator=(const OutputSet&) = delete;

  /// Stages a text file.
  bool add_text(const std::string& name, const std::string& content, Diagnostics& diags);
  /// Stages a file produced by `write(temp_path)`.
  bool add_file(const std::string& name,
                const std::function<bool(const std::string& temp_path)>& write, Diagnostics& diags);
  /// Renames every staged file into place. Returns false (io-error) when any rename failed,
  /// and renames nothing when an earlier add_text/add_file failed.
  bool commit(Diagnostics& diags);
  /// Final paths of the staged files, in the order added.
  [[nodiscard]] std::vector<std::string> paths() const;

 private:
  struct Staged {
    std::string temp;
    std::string final_path;
  };
  enum class DirState : std::uint8_t { unknown, ready, failed };
  /// Creates the output folder on first use; false (reported once) when it cannot.
  bool prepare_dir(Diagnostics& diags);

  std::string dir_;
  DirState dir_state_ = DirState::unknown;
  std::vector<std::string> created_dirs_;  ///< folders this set created, outermost first
  std::vector<Staged> staged_;
  bool committed_ = false;
  bool failed_ = false;  ///< a file could not be staged: commit() refuses
};

/// Temporary files not yet renamed, for the SIGINT handler to remove.
/// (Test hook: with the environment variable NTREPORT_TEST_HOLD_BEFORE_COMMIT=FILE, commit()
/// creates FILE and waits for a signal before renaming anything.)
void remove_pending_temporaries() noexcept;

}  // namespace ntr
