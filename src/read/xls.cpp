// Built only with FreeXL (xls_unavailable.cpp otherwise).
#ifdef NTR_WITH_FREEXL
#include "ntreport/read/xls.hpp"

#include <fmt/format.h>
#include <freexl.h>

#include <filesystem>
#include <memory>
#include <vector>

#include "ntreport/platform/paths.hpp"
#include "ntreport/read/file.hpp"
#include "ntreport/text/translate.hpp"

namespace ntr {

namespace {

// FreeXL's error codes, as a person reading the message needs them.
std::string reason(int code) {
  switch (code) {
    case FREEXL_FILE_NOT_FOUND:
      return std::string(tr("the file cannot be opened"));
    case FREEXL_INSUFFICIENT_MEMORY:
      return std::string(tr("not enough memory to read it"));
    case FREEXL_INVALID_CFBF_HEADER:
    case FREEXL_CFBF_INVALID_SIGNATURE:
    case FREEXL_CFBF_READ_ERROR:
    case FREEXL_CFBF_SEEK_ERROR:
      return std::string(tr("it is not an Excel 97–2003 workbook (no OLE2 compound file header)"));
    case FREEXL_BIFF_WORKBOOK_NOT_FOUND:
      return std::string(tr("it holds no Excel workbook stream"));
    case FREEXL_UNSUPPORTED_CHARSET:
    case FREEXL_INVALID_CHARACTER:
      return std::string(tr("its text is in a character set that cannot be converted"));
    default:
      return trf("the workbook is damaged (FreeXL error {})", code);
  }
}

struct Handle {
  const void* h = nullptr;
  ~Handle() {
    if (h != nullptr) freexl_close(h);
  }
};

// One cell as the other readers give it: text, or a number written as its shortest decimal.
CellView cell_of(std::uint32_t col, const FreeXL_CellValue& v, std::string& scratch) {
  switch (v.type) {
    case FREEXL_CELL_INT:
      scratch = fmt::format("{}", v.value.int_value);
      return CellView{col, CellType::number, scratch};
    case FREEXL_CELL_DOUBLE:
      scratch = fmt::format("{}", v.value.double_value);
      return CellView{col, CellType::number, scratch};
    case FREEXL_CELL_TEXT:
    case FREEXL_CELL_SST_TEXT:
    case FREEXL_CELL_DATE:
    case FREEXL_CELL_DATETIME:
    case FREEXL_CELL_TIME:
      return CellView{col, CellType::text, v.value.text_value != nullptr ? v.value.text_value : ""};
    default:
      return CellView{col, CellType::empty, {}};
  }
}

// The rows of the active sheet, each passed on with its non-empty cells.
bool read_sheet(const void* h, const SheetInfo& info, const ReadLimits& limits,
                std::uint64_t& cells_read, SheetVisitor& visitor, Diagnostics& diags) {
  unsigned int rows = 0;
  unsigned short cols = 0;
  if (freexl_worksheet_dimensions(h, &rows, &cols) != FREEXL_OK) return false;
  std::vector<std::string> scratch(cols);
  std::vector<CellView> cells;
  for (unsigned int r = 0; r < rows; ++r) {
    cells.clear();
    std::uint64_t bytes = 0;
    for (unsigned short c = 0; c < cols; ++c) {
      FreeXL_CellValue v{};
      if (freexl_get_cell_value(h, r, c, &v) != FREEXL_OK) continue;
      const CellView cell = cell_of(static_cast<std::uint32_t>(c) + 1U, v, scratch[c]);
      if (cell.type == CellType::empty || cell.text.empty()) continue;
      bytes += cell.text.size();
      cells.push_back(cell);
    }
    if (bytes > limits.max_text_bytes) {
      diags.error("text-too-large", info.loc(r + 1, 0),
                  trf("row {} holds more than {} MiB of text, the limit for one row", r + 1,
                      limits.max_text_bytes >> 20));
      return false;
    }
    // The budget of an input counts every sheet's cells, as for .xlsx (docs/errors.md).
    cells_read += cells.size();
    if (cells_read > limits.max_cells) {
      diags.error("input-too-large", info.loc(r + 1, 0),
                  trf("the workbook has more than {} cells holding a value in all, the limit for "
                      "one input",
                      limits.max_cells),
                  std::string(tr(kSizeHint)));
      return false;
    }
    if (!cells.empty()) visitor.row(r + 1, cells);
  }
  return true;
}

}  // namespace

bool read_xls(const std::string& path, const std::string& display, const ReadLimits& limits,
              SheetVisitor& visitor, Diagnostics& diags) {
  const SourceLoc file_loc{display, {}, 0, 0, 0, false};
  std::error_code ec;
  const auto size = std::filesystem::file_size(platform::fs_path(path), ec);
  if (!ec && size > kMaxXlsBytes) {
    diags.error("not-a-workbook", file_loc,
                trf("the .xls file is larger than {} MiB, the limit for the Excel 97–2003 format "
                    "(read whole into memory)",
                    kMaxXlsBytes >> 20),
                std::string(tr("save it as .xlsx")));
    return false;
  }
  Handle book;
  if (const int rc = freexl_open(path.c_str(), &book.h); rc != FREEXL_OK) {
    diags.error("not-a-workbook", file_loc, trf("not a readable .xls workbook: {}", reason(rc)),
                std::string(tr("open it in Excel or LibreOffice and save it as .xlsx")));
    return false;
  }
  unsigned int password = 0;
  if (freexl_get_info(book.h, FREEXL_BIFF_PASSWORD, &password) == FREEXL_OK &&
      password == FREEXL_BIFF_OBFUSCATED) {
    diags.error("not-a-workbook", file_loc,
                std::string(tr("the .xls workbook is protected by a password")),
                std::string(tr("save it without the password")));
    return false;
  }
  unsigned int sheets = 0;
  freexl_get_info(book.h, FREEXL_BIFF_SHEET_COUNT, &sheets);
  std::uint64_t cells_read = 0;
  for (unsigned short i = 0; i < sheets; ++i) {
    const char* name = nullptr;
    if (freexl_get_worksheet_name(book.h, i, &name) != FREEXL_OK ||
        freexl_select_active_worksheet(book.h, i) != FREEXL_OK) {
      continue;
    }
    const SheetInfo info{display, name != nullptr ? name : "", i, true, false};
    visitor.begin_sheet(info);
    const bool ok = read_sheet(book.h, info, limits, cells_read, visitor, diags);
    visitor.end_sheet({});
    if (!ok) return false;
  }
  return true;
}

}  // namespace ntr
#endif
