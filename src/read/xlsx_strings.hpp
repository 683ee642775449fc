#pragma once
// The shared-string table of a workbook, kept compactly: every string in one arena, found
// through an offset table.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "xlsx_part.hpp"

namespace ntr::xlsx {

/// The workbook's shared strings.
class SharedStrings {
 public:
  [[nodiscard]] std::size_t size() const { return ends_.size(); }
  /// The string at `index`; call only with index < size().
  [[nodiscard]] std::string_view at(std::size_t index) const {
    const std::uint32_t begin = index == 0 ? 0 : ends_[index - 1];
    return std::string_view(arena_).substr(begin, ends_[index] - begin);
  }

  /// Reads the part `name`; false (after reporting) on any problem.
  bool load(PartSource& source, const std::string& name);

 private:
  friend class SharedStringsHandler;
  std::string arena_;
  std::vector<std::uint32_t> ends_;  // end offset of each string in arena_
};

}  // namespace ntr::xlsx
