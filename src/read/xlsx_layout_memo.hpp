#pragma once
// The layout of the last workbook read, kept with the still-compressed bytes of the parts it
// was read from. A ministry receives thousands of workbooks made by a few programs from a few
// templates: their package relationships, workbook part and workbook relationships are byte
// for byte the same, so their layout is read once instead of once per workbook.
#include <cstdint>
#include <string>

#include "ntreport/read/sheet.hpp"
#include "xlsx_workbook.hpp"
#include "xlsx_zip.hpp"

namespace ntr::xlsx {

class LayoutMemo {
 public:
  /// True, with `layout` set, when the structure parts of `zip` are byte for byte those the
  /// remembered layout was read from, under the same limits.
  bool recall(const ZipArchive& zip, const ReadLimits& limits, WorkbookLayout& layout) const;
  /// Remembers `layout`, just read without any problem from `zip` under `limits`.
  void remember(const ZipArchive& zip, const ReadLimits& limits, const WorkbookLayout& layout);

  /// Structure parts larger than this (compressed) are not remembered.
  static constexpr std::uint64_t kMaxPart = 64 * 1024;

 private:
  /// One part as stored in the archive: absent, or its compression, checksum, declared size
  /// and compressed bytes. Equal stored parts inflate to equal bytes.
  struct Stored {
    bool present = false;
    std::int32_t method = 0;
    std::uint32_t crc = 0;
    std::uint64_t size = 0;
    std::string bytes;
    bool operator==(const Stored&) const = default;
  };
  static bool stored(const ZipArchive& zip, const std::string& name, Stored& out);

  bool valid_ = false;
  ReadLimits limits_;
  Stored package_rels_, workbook_, workbook_rels_;
  WorkbookLayout layout_;
};

}  // namespace ntr::xlsx
