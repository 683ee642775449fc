#pragma once
// The structure of a workbook: which part is the workbook, its sheets in order, and the parts
// holding their cells and the shared strings, found through the package relationships.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "xlsx_part.hpp"

namespace ntr::xlsx {

/// A worksheet to read.
struct SheetEntry {
  std::string name;
  std::string part;
  std::uint32_t index = 0;  ///< position among all sheets of the workbook, chartsheets included
  bool hidden = false;      ///< state="hidden" or "veryHidden"
};

/// What the reader needs to know before reading cells.
struct WorkbookLayout {
  std::vector<SheetEntry> sheets;   ///< worksheets only, in workbook order
  std::string shared_strings;       ///< the shared-strings part, empty when there is none
  std::string workbook;             ///< the workbook part the package relationships name
  std::vector<SheetEntry> skipped;  ///< sheets listed without a part (r:id=""): no part named
  /// What reading the structure parts took of the workbook's budget: bytes and elements.
  std::uint64_t inflated = 0;
  std::uint64_t elements = 0;
};

/// Reads the package and workbook relationships and the workbook part; false (after
/// reporting) when the workbook cannot be understood.
bool read_layout(PartSource& source, WorkbookLayout& layout);

/// The relationships part of `part`: "xl/_rels/workbook.xml.rels" for "xl/workbook.xml".
std::string rels_part_for(std::string_view part);

/// The part a relationship target names, seen from the folder `base` ("" or ending in '/');
/// false when the target leaves the package.
bool resolve_target(std::string_view base, std::string_view target, std::string& part);

}  // namespace ntr::xlsx
