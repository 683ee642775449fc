#pragma once
// Reading every input into tables, on several threads when there are many files. Whatever the
// number of threads, the receiver sees exactly what reading the files one after the other on
// its own thread shows it: the same calls in the same order, and the same diagnostics added
// to the sink at the same points. Outputs and messages therefore never depend on timing.
#include <string>
#include <vector>

#include "ntreport/diag/diagnostic.hpp"
#include "ntreport/read/header.hpp"
#include "ntreport/read/sheet.hpp"

namespace ntr {

/// Receives the tables of every input, file by file, in the order of the files.
class InputTableVisitor : public TableVisitor {
 public:
  /// Called before the tables of each file, with its path as given.
  virtual void begin_file(const std::string& path) = 0;
  /// Called after the last table of the file.
  virtual void end_file() = 0;
};

/// The threads reading inputs when `jobs` is 0: one per core, at most 8.
unsigned default_read_jobs();

/// Reads `paths` in order through header detection into `out`. With `jobs` > 1 and more than
/// one file, up to `jobs` threads read files ahead into memory (a bounded amount) while this
/// thread hands their tables to `out`; `out` and `diags` are only ever used on this thread.
void read_tables(const std::vector<std::string>& paths, const ReadLimits& limits, unsigned jobs,
                 InputTableVisitor& out, Diagnostics& diags);

}  // namespace ntr
