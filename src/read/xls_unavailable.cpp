// The .xls reader of a build without FreeXL: the Windows build, whose dependencies are built
// from Debian's source packages and which has no iconv for FreeXL to convert code pages with.
#ifndef NTR_WITH_FREEXL
#include <fmt/format.h>

#include "ntreport/read/xls.hpp"
#include "ntreport/text/translate.hpp"

namespace ntr {

bool read_xls(const std::string& /*path*/, const std::string& display, const ReadLimits& /*limits*/,
              SheetVisitor& /*visitor*/, Diagnostics& diags) {
  diags.error("unsupported-format", SourceLoc{display, {}, 0, 0, 0, false},
              std::string(tr("this build of ntreport (Windows) does not read Excel 97–2003 .xls "
                             "workbooks; expected .xlsx, .xlsm or .csv")),
              std::string(tr("open it in Excel and save it as .xlsx (Excel 2007-365)")));
  return false;
}

}  // namespace ntr
#endif
