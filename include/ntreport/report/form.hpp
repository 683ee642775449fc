#pragma once
// The input workbook a unit fills (`ntreport template`): which rows (the unit, and its
// sub-units when it has any), which figure columns (the fields the selected appendix
// definitions need, under the headers the reader recognises), and the instructions, in the
// words of templates/labels.toml.
// Rendered by write/form_xlsx; nothing here touches a file.
#include <array>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "ntreport/model/fields.hpp"
#include "ntreport/registry/registry.hpp"
#include "ntreport/report/appendix.hpp"
#include "ntreport/report/report.hpp"

namespace ntr {

struct FormColumn {
  Field field;
  std::string group;   ///< upper header over the columns of one group ("Tiếp nhận")
  std::string header;  ///< the field's printed label, which the reader recognises
};

struct FormRow {
  std::string stt;   ///< "1", "1.2"
  std::string code;  ///< the unit code: the reader matches rows by it exactly
  std::string name;
  std::uint32_t depth = 0;  ///< below the form's unit
  bool input = true;        ///< false for a unit whose figures are the sum of its rows below
};

struct FormLine {
  enum class Style : std::uint8_t { title, heading, text, item } style = Style::text;
  std::string text;
};

/// One signature of the block under the figures: who signs, and how.
struct FormSignature {
  std::string title;  ///< "Người lập biểu"
  std::string note;   ///< "(Ký, ghi rõ họ tên)"
};

struct FormDoc {
  std::string unit_code;
  std::string unit_name;
  std::string title;        ///< the province's title line, or empty
  std::string period_line;  ///< "Kỳ báo cáo: từ ngày 01/01/2024 đến ngày 28/08/2024", or empty
  std::vector<FormColumn> columns;
  std::vector<FormRow> rows;
  std::string data_title;  ///< above the figures: "BIỂU NHẬP SỐ LIỆU – Sở Y tế"
  std::vector<FormLine> instructions;  ///< the instructions sheet, one cell per line
  std::string input_title;             ///< the input message of every figure cell
  std::string input_message;
  std::string error_title;  ///< the message when what is typed in a figure cell is not a count
  std::string error_message;
  std::array<std::string, 2> sheets;            ///< the instructions' and the figures' sheet names
  std::array<std::string, 3> identity_headers;  ///< over the STT, code and name columns
  std::vector<FormSignature> signatures;        ///< left and right, under the table (two)
};

struct FormOptions {
  std::optional<Period> period;
  std::string title;      ///< "Ủy ban nhân dân tỉnh Ninh Thuận"
  std::string return_to;  ///< who the filled workbook goes back to, or empty
};

/// The fields a unit types in so that every figure and rate the appendices show can be
/// computed: the fields they show, the fields of their rates, and for a figure derived from
/// others (docs/spec.md §2.4) those others; in field order.
std::vector<Field> form_fields(std::span<const AppendixDef* const> appendices);

/// The form of one unit asking for `form`'s fields (form_fields), in their order.
FormDoc build_form(const Registry& registry, UnitId unit, const std::vector<Field>& form,
                   const FormOptions& options);

/// The fields a unit types in: every field of the family but those derived from others
/// (received = the channels, not digitized = resolved − digitized).
std::vector<Field> input_fields(Family family);

/// Who gets a form: `unit` alone; or the units of `level` without a roll-up parent; or the
/// area unit `area` and the units without a parent that lie in it; with none of them, every
/// unit without a roll-up parent. Sub-units are in their parent's form. Registry order.
std::vector<UnitId> form_units(const Registry& registry, std::optional<UnitId> unit,
                               std::optional<LevelId> level, std::optional<UnitId> area);

}  // namespace ntr
