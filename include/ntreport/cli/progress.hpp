#pragma once
// The progress line of a build (files read, units, appendices): drawn on stderr only when
// stderr is a terminal and --quiet is not given, so that scheduled jobs and pipes never see it.
#include <cstddef>
#include <string>

namespace ntr::cli {

class Progress {
 public:
  /// Enabled when stderr is a terminal and not quiet.
  explicit Progress(bool quiet);
  ~Progress();
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

  void files(std::size_t done, std::size_t total);
  void units(std::size_t reported);
  void appendices(std::size_t built);
  /// Erases the line, before anything else is printed.
  void clear();

  /// The line as drawn, without the control characters: "[#####.....] 2/4 files …".
  [[nodiscard]] std::string line() const;

 private:
  void draw();
  bool enabled_;
  bool drawn_ = false;
  std::size_t files_done_ = 0;
  std::size_t files_total_ = 0;
  std::size_t units_ = 0;
  std::size_t appendices_ = 0;
};

}  // namespace ntr::cli
