// Compiled by tests/scripts/check_diag_code.cmake twice: as it is, it must compile; with
// NTR_TYPO defined, the mistyped code must not.
#include "ntreport/diag/diagnostic.hpp"

void report(ntr::Diagnostics& diags) {
#ifdef NTR_TYPO
  diags.error("not-a-cuont", ntr::SourceLoc{}, "a typo");
#else
  diags.error("not-a-count", ntr::SourceLoc{}, "as the catalogue spells it");
#endif
}
