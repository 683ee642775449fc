#pragma once
// What every fuzz target checks besides "no crash": the reader contract of sheet.hpp (rows in
// ascending order, cells sorted and non-empty, sheets begun before rows and ended once) and
// the diagnostics contract (every code in the catalogue, a failed read says why).
#include <cstdio>
#include <cstdlib>
#include <span>
#include <string_view>

#include "ntreport/diag/codes.hpp"
#include "ntreport/diag/diagnostic.hpp"
#include "ntreport/read/sheet.hpp"

#define NTR_FUZZ_REQUIRE(cond)                                                            \
  do {                                                                                    \
    if (!(cond)) {                                                                        \
      std::fprintf(stderr, "%s:%d: requirement failed: %s\n", __FILE__, __LINE__, #cond); \
      std::abort();                                                                       \
    }                                                                                     \
  } while (false)

namespace ntr::fuzz {

/// Checks the order of the calls and of the rows and cells a reader hands over.
class CheckingVisitor final : public SheetVisitor {
 public:
  explicit CheckingVisitor(SheetVisitor* next = nullptr) : next_(next) {}

  void begin_sheet(const SheetInfo& sheet) override {
    NTR_FUZZ_REQUIRE(!in_sheet_);
    in_sheet_ = true;
    last_row_ = 0;
    ++sheets_;
    if (next_ != nullptr) next_->begin_sheet(sheet);
  }
  void row(std::uint32_t row, std::span<const CellView> cells) override {
    NTR_FUZZ_REQUIRE(in_sheet_);
    NTR_FUZZ_REQUIRE(row > last_row_);
    NTR_FUZZ_REQUIRE(!cells.empty());
    last_row_ = row;
    std::uint32_t last_col = 0;
    for (const auto& c : cells) {
      NTR_FUZZ_REQUIRE(c.col > last_col);
      NTR_FUZZ_REQUIRE(c.type != CellType::empty);
      NTR_FUZZ_REQUIRE(!c.text.empty());
      last_col = c.col;
    }
    if (next_ != nullptr) next_->row(row, cells);
  }
  void end_sheet(std::span<const MergedRange> merges) override {
    NTR_FUZZ_REQUIRE(in_sheet_);
    in_sheet_ = false;
    for (const auto& m : merges) {
      NTR_FUZZ_REQUIRE(m.first_row <= m.last_row && m.first_col <= m.last_col);
      NTR_FUZZ_REQUIRE(m.first_row >= 1 && m.first_col >= 1);
    }
    if (next_ != nullptr) next_->end_sheet(merges);
  }
  /// Call after the reader returned.
  void finish() const { NTR_FUZZ_REQUIRE(!in_sheet_); }
  [[nodiscard]] int sheets() const { return sheets_; }

 private:
  SheetVisitor* next_;
  bool in_sheet_ = false;
  std::uint32_t last_row_ = 0;
  int sheets_ = 0;
};

/// Every diagnostic has a catalogued code and formats; a failed read reported an error.
inline void check_diagnostics(const Diagnostics& diags, bool read_ok) {
  if (!read_ok) NTR_FUZZ_REQUIRE(diags.has_errors());
  for (const auto& d : diags.sorted()) {
    NTR_FUZZ_REQUIRE(code_info(d.code.name()).code == d.code.name());
    NTR_FUZZ_REQUIRE(!format_diagnostic(d).empty());
  }
}

}  // namespace ntr::fuzz
