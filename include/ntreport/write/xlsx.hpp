#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "ntreport/diag/diagnostic.hpp"
#include "ntreport/report/report.hpp"

namespace ntr {

struct XlsxOptions {
  /// The workbook's `created` property, seconds since the epoch (from the period end or
  /// SOURCE_DATE_EPOCH, never the clock), so the same inputs give the same bytes.
  std::int64_t created = 0;
};

/// Writes `phu-luc.xlsx`: one worksheet per appendix, laid out like the printed appendix.
/// Text from inputs is always written as text. io-error on failure.
bool write_xlsx(const std::string& path, const std::vector<ReportDoc>& docs,
                const XlsxOptions& options, Diagnostics& diags);

}  // namespace ntr
