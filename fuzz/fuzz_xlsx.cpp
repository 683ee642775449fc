// Fuzz target: the XLSX reader (zip, XML of the workbook, relationships, shared strings and
// worksheets), with header detection behind it. Limits are lowered so that the size checks
// are reached by inputs of a few kilobytes.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_support.hpp"
#include "ntreport/read/header.hpp"
#include "ntreport/read/xlsx.hpp"

namespace {

// Header detection needs a TableVisitor; this one checks that tables are opened and closed
// in pairs.
class Tables final : public ntr::TableVisitor {
 public:
  void begin_table(const ntr::TableHeader& header) override {
    NTR_FUZZ_REQUIRE(!open_);
    NTR_FUZZ_REQUIRE(header.first_row <= header.last_row);
    open_ = true;
  }
  void row(std::uint32_t /*row*/, std::span<const ntr::CellView> /*cells*/) override {
    NTR_FUZZ_REQUIRE(open_);
  }
  void end_table() override {
    NTR_FUZZ_REQUIRE(open_);
    open_ = false;
  }
  void no_table(const ntr::SheetInfo& /*sheet*/) override { NTR_FUZZ_REQUIRE(!open_); }
  void finish() const { NTR_FUZZ_REQUIRE(!open_); }

 private:
  bool open_ = false;
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  ntr::ReadLimits limits;
  limits.max_part_bytes = 4U << 20;
  limits.max_text_bytes = 64U << 10;
  ntr::Diagnostics diags;
  Tables tables;
  ntr::HeaderDetector detector(tables, diags);
  ntr::fuzz::CheckingVisitor visitor(&detector);
  const bool ok = ntr::read_xlsx_buffer(bytes, "fuzz.xlsx", limits, visitor, diags);
  visitor.finish();
  tables.finish();
  ntr::fuzz::check_diagnostics(diags, ok);
  return 0;
}
