#include "ntreport/read/xlsx.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <vector>

#include "ntreport/platform/files.hpp"
#include "ntreport/read/file.hpp"
#include "ntreport/text/translate.hpp"
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

std::string file_head(int fd) {
  char buf[8];
  const std::int64_t n = platform::read_at(fd, buf, sizeof buf, 0);
  return n <= 0 ? std::string() : std::string(buf, static_cast<std::size_t>(n));
}

bool report_empty(const std::string& display, Diagnostics& diags) {
  diags.error("empty-file", SourceLoc{display, {}, 0, 0, 0, false},
              std::string(tr("the file is empty (0 bytes); expected an XLSX workbook")));
  return false;
}

bool report_open_failure(const ZipArchive& zip, const std::string& display, std::string_view head,
                         const ReadLimits& limits, Diagnostics& diags) {
  const SourceLoc loc{display, {}, 0, 0, 0, false};
  if (zip.failure() == OpenFailure::too_many_entries) {
    diags.error("input-too-large", loc,
                trf("the zip archive lists {} entries, more than the limit of {}",
                    zip.declared_entries(), limits.max_zip_entries),
                std::string(tr(kSizeHint)));
  } else if (zip.failure() == OpenFailure::io) {
    diags.error("io-error", loc, trf("cannot open the file: {}", zip.error()));
  } else if (head.empty()) {
    report_empty(display, diags);
  } else if (head.substr(0, kOleMagic.size()) == kOleMagic) {
    diags.error("not-a-workbook", loc, trf("not an XLSX workbook: {}", zip.error()),
                std::string(tr("it is a legacy .xls file or a password-protected workbook; save "
                               "it as .xlsx without a password")));
  } else if (head.substr(0, kZipMagic.size()) == kZipMagic) {
    diags.error("not-a-workbook", loc,
                std::string(tr("not an XLSX workbook: the zip archive is truncated or corrupt (it "
                               "begins like a workbook, but its table of contents at the end "
                               "cannot be read)")),
                std::string(tr("the file was probably cut short while being copied or "
                               "downloaded; get it again")));
  } else {
    diags.error("not-a-workbook", loc, trf("not an XLSX workbook: {}", zip.error()));
  }
  return false;
}

// Two sheet entries naming one part would show its rows twice, where other programs show
// them once or refuse the file: the workbook is ambiguous, and refused before any is read.
bool check_sheet_parts(xlsx::PartSource& source, const xlsx::WorkbookLayout& layout) {
  std::vector<const xlsx::SheetEntry*> by_part;
  for (const auto& s : layout.sheets) by_part.push_back(&s);
  std::stable_sort(by_part.begin(), by_part.end(),
                   [](const auto* a, const auto* b) { return a->part < b->part; });
  for (std::size_t i = 1; i < by_part.size(); ++i) {
    if (by_part[i]->part != by_part[i - 1]->part) continue;
    source.error("ambiguous-workbook", source.file_loc(),
                 trf("sheets '{}' and '{}' are both the part \"{}\"; a sheet is one part of its "
                     "own",
                     by_part[i - 1]->name, by_part[i]->name, by_part[i]->part),
                 std::string(tr("other programs read such a file differently: save it again "
                                "from Excel or LibreOffice")));
    return false;
  }
  return true;
}

// The workbook's budget, before anything is inflated: the sizes the parts to read declare.
// What they really inflate to is counted again while reading.
bool check_budget(xlsx::PartSource& source, const xlsx::WorkbookLayout& layout) {
  std::vector<std::string> parts;
  if (!layout.shared_strings.empty()) parts.push_back(layout.shared_strings);
  for (const auto& s : layout.sheets) parts.push_back(s.part);
  return source.check_declared(parts);
}

// Reads the workbook's structure, then its shared strings, then each worksheet in order; the
// first problem ends the reading.
bool read_archive(const ZipArchive& zip, const std::string& display, const ReadLimits& limits,
                  SheetVisitor& visitor, Diagnostics& diags) {
  xlsx::XmlLease xml;
  xlsx::PartSource source(zip, xml.get(), display, limits, diags);
  if (zip.entry_count() == 0) {
    source.error("not-a-workbook", source.file_loc(),
                 std::string(tr("not an XLSX workbook: the zip archive is empty")));
    return false;
  }
  thread_local xlsx::LayoutMemo memo;
  xlsx::WorkbookLayout layout;
  if (memo.recall(zip, limits, layout)) {
    source.charge(layout.inflated, layout.elements);  // the budget is the same either way
  } else {
    if (!xlsx::read_layout(source, layout)) return false;
    layout.inflated = source.inflated();
    layout.elements = source.elements();
    memo.remember(zip, limits, layout);
  }
  for (const auto& sheet : layout.skipped) {
    diags.note("skipped-sheet", SourceLoc{display, sheet.name, sheet.index, 0, 0, true},
               std::string(tr("the workbook lists this sheet without a part (r:id=\"\"), as Excel "
                              "lists macro sheets: there is nothing to read in it")));
  }
  if (!check_sheet_parts(source, layout) || !check_budget(source, layout)) return false;
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
  const int fd = open_regular_file(path, display, diags);
  if (fd < 0) return false;
  const std::string head = file_head(fd);
  const ZipArchive zip = ZipArchive::open_fd(fd, limits.max_zip_entries);
  if (!zip.is_open()) return report_open_failure(zip, display, head, limits, diags);
  // A small file is opened from memory, where libzip takes 0 bytes for an empty archive.
  if (zip.entry_count() == 0 && head.empty()) return report_empty(display, diags);
  return read_archive(zip, display, limits, visitor, diags);
}

bool read_xlsx_buffer(std::string_view bytes, const std::string& display, const ReadLimits& limits,
                      SheetVisitor& visitor, Diagnostics& diags) {
  if (bytes.empty()) return report_empty(display, diags);
  const ZipArchive zip = ZipArchive::open_buffer(bytes, limits.max_zip_entries);
  if (!zip.is_open()) return report_open_failure(zip, display, bytes.substr(0, 8), limits, diags);
  return read_archive(zip, display, limits, visitor, diags);
}

}  // namespace ntr
