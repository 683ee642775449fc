#include "ntreport/read/xlsx.hpp"

#include <fmt/format.h>

#include <cstdio>
#include <cstring>
#include <memory>

#include "ntreport/platform/files.hpp"
#include "xlsx_layout_memo.hpp"
#include "xlsx_part.hpp"
#include "xlsx_sheet.hpp"
#include "xlsx_strings.hpp"
#include "xlsx_workbook.hpp"
#include "xlsx_zip.hpp"

namespace ntr {

namespace {

using xlsx::OpenFailure;
using xlsx::ZipArchive;

// Legacy .xls files and password-protected workbooks are OLE compound documents; saying so
// spares the user a hunt, since such files often carry an .xlsx name.
constexpr std::string_view kOleMagic("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
// A zip archive starts with a local file header; one that has it but no readable central
// directory at its end was cut short.
constexpr std::string_view kZipMagic("PK\x03\x04", 4);

std::string file_head(const std::string& path) {
  const std::unique_ptr<std::FILE, int (*)(std::FILE*)> f(platform::open_file(path, "rb"),
                                                          &std::fclose);
  if (!f) return {};
  char buf[8];
  const std::size_t n = std::fread(buf, 1, sizeof buf, f.get());
  return std::string(buf, n);
}

bool report_empty(const std::string& display, Diagnostics& diags) {
  diags.error("empty-file", SourceLoc{display, {}, 0, 0, 0, false},
              "the file is empty (0 bytes); expected an XLSX workbook");
  return false;
}

bool report_open_failure(const ZipArchive& zip, const std::string& display, std::string_view head,
                         Diagnostics& diags) {
  const SourceLoc loc{display, {}, 0, 0, 0, false};
  if (zip.failure() == OpenFailure::io) {
    diags.error("io-error", loc, fmt::format("cannot open the file: {}", zip.error()));
  } else if (head.empty()) {
    report_empty(display, diags);
  } else if (head.substr(0, kOleMagic.size()) == kOleMagic) {
    diags.error("not-a-workbook", loc, fmt::format("not an XLSX workbook: {}", zip.error()),
                "it is a legacy .xls file or a password-protected workbook; save it as .xlsx "
                "without a password");
  } else if (head.substr(0, kZipMagic.size()) == kZipMagic) {
    diags.error("not-a-workbook", loc,
                "not an XLSX workbook: the zip archive is truncated or corrupt (it begins like "
                "a workbook, but its table of contents at the end cannot be read)",
                "the file was probably cut short while being copied or downloaded; get it again");
  } else {
    diags.error("not-a-workbook", loc, fmt::format("not an XLSX workbook: {}", zip.error()));
  }
  return false;
}

// Reads the workbook's structure, then its shared strings, then each worksheet in order; the
// first problem ends the reading.
bool read_archive(const ZipArchive& zip, const std::string& display, const ReadLimits& limits,
                  SheetVisitor& visitor, Diagnostics& diags) {
  xlsx::XmlLease xml;
  xlsx::PartSource source(zip, xml.get(), display, limits, diags);
  if (zip.entry_count() == 0) {
    source.error("not-a-workbook", source.file_loc(),
                 "not an XLSX workbook: the zip archive is empty");
    return false;
  }
  thread_local xlsx::LayoutMemo memo;
  xlsx::WorkbookLayout layout;
  if (!memo.recall(zip, limits.max_part_bytes, layout)) {
    if (!xlsx::read_layout(source, layout)) return false;
    memo.remember(zip, limits.max_part_bytes, layout);
  }
  xlsx::SharedStrings strings;
  if (!layout.shared_strings.empty() && !strings.load(source, layout.shared_strings)) {
    return false;
  }
  xlsx::SheetReader reader(source, strings, visitor);
  bool began = false;
  for (const auto& sheet : layout.sheets) {
    const xlsx::SheetResult result = reader.read(sheet);
    began = began || result.began;
    // "Could not be read at all" means the visitor saw nothing of it.
    if (!result.ok) return began;
  }
  return true;
}

}  // namespace

bool read_xlsx(const std::string& path, const std::string& display, const ReadLimits& limits,
               SheetVisitor& visitor, Diagnostics& diags) {
  const ZipArchive zip = ZipArchive::open_file(path);
  if (!zip.is_open()) return report_open_failure(zip, display, file_head(path), diags);
  // A small file is opened from memory, where libzip takes 0 bytes for an empty archive.
  if (zip.entry_count() == 0 && file_head(path).empty()) return report_empty(display, diags);
  return read_archive(zip, display, limits, visitor, diags);
}

bool read_xlsx_buffer(std::string_view bytes, const std::string& display, const ReadLimits& limits,
                      SheetVisitor& visitor, Diagnostics& diags) {
  if (bytes.empty()) return report_empty(display, diags);
  const ZipArchive zip = ZipArchive::open_buffer(bytes);
  if (!zip.is_open()) return report_open_failure(zip, display, bytes.substr(0, 8), diags);
  return read_archive(zip, display, limits, visitor, diags);
}

}  // namespace ntr
