#pragma once
#include <cstdint>
#include <string>

#include "ntreport/diag/diagnostic.hpp"
#include "ntreport/report/form.hpp"

namespace ntr {

/// Writes a unit's input workbook: the instructions sheet ("Hướng dẫn"), then the data sheet
/// ("Số liệu") with the unit's identity locked, input cells unlocked and shaded, data
/// validation allowing whole numbers ≥ 0 with an input message, and both sheets protected
/// without a password. `created` as for phu-luc.xlsx. io-error on failure.
bool write_form_xlsx(const std::string& path, const FormDoc& form, std::int64_t created,
                     Diagnostics& diags);

}  // namespace ntr
