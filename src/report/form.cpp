// Forms for units to fill: rows, columns and the instructions sheet's text.
#include "ntreport/report/form.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "ntreport/model/invariants.hpp"
#include "ntreport/report/build.hpp"
#include "ntreport/report/labels.hpp"

namespace ntr {

namespace {

struct FieldHelp {
  Field field;
  std::string_view group;    // upper header in the form
  std::string_view meaning;  // for the instructions sheet
};

// What each figure means, as the instructions say it. Derived fields (is_derived) are not
// typed in.
constexpr std::array kHelp = {
    FieldHelp{Field::docs_in, "Văn bản",
              "số văn bản đến đã tiếp nhận trên Hệ thống quản lý văn bản và hồ sơ công việc "
              "trong kỳ."},
    FieldHelp{Field::docs_out, "Văn bản", "số văn bản đi đã phát hành trên hệ thống trong kỳ."},
    FieldHelp{Field::docs_out_signed, "Văn bản",
              "trong số văn bản đi, số văn bản được ký số (không lớn hơn số văn bản đi)."},
    FieldHelp{Field::received_direct, "Tiếp nhận",
              "số hồ sơ tiếp nhận trực tiếp tại Bộ phận Một cửa trong kỳ."},
    FieldHelp{Field::received_online, "Tiếp nhận",
              "số hồ sơ tiếp nhận trực tuyến (qua mạng) trong kỳ."},
    FieldHelp{Field::received_postal, "Tiếp nhận",
              "số hồ sơ tiếp nhận qua dịch vụ bưu chính công ích trong kỳ."},
    FieldHelp{Field::done_early, "Đã xử lý", "số hồ sơ đã giải quyết trước hạn."},
    FieldHelp{Field::done_ontime, "Đã xử lý", "số hồ sơ đã giải quyết đúng hạn."},
    FieldHelp{Field::done_late, "Đã xử lý",
              "số hồ sơ đã giải quyết quá hạn. Số đã xử lý gồm cả hồ sơ của kỳ trước chuyển "
              "sang, nên có thể lớn hơn số tiếp nhận."},
    FieldHelp{Field::resolved, "Số hóa kết quả giải quyết", "số hồ sơ đã giải quyết trong kỳ."},
    FieldHelp{Field::digitized, "Số hóa kết quả giải quyết",
              "trong số hồ sơ đã giải quyết, số hồ sơ đã số hóa kết quả giải quyết (không "
              "lớn hơn số đã giải quyết)."},
    FieldHelp{Field::with_fee, "Thanh toán trực tuyến",
              "số hồ sơ có nghĩa vụ tài chính (phí, lệ phí) trong kỳ."},
    FieldHelp{Field::paid_online, "Thanh toán trực tuyến",
              "trong đó, số hồ sơ đã thanh toán trực tuyến trên Cổng Dịch vụ công quốc gia "
              "(không lớn hơn tổng số hồ sơ có nghĩa vụ tài chính)."},
};

const FieldHelp* help_of(Field f) {
  const auto* it =
      std::find_if(kHelp.begin(), kHelp.end(), [f](const FieldHelp& h) { return h.field == f; });
  return it == kHelp.end() ? nullptr : it;
}

void add_rows(const Registry& registry, UnitId u, const std::string& stt, std::uint32_t depth,
              std::vector<FormRow>& rows) {
  const Unit& unit = registry.unit(u);
  rows.push_back(
      FormRow{stt, std::string(unit.code), std::string(unit.name), depth, unit.children.empty()});
  for (std::size_t i = 0; i < unit.children.size(); ++i) {
    add_rows(registry, unit.children[i], fmt::format("{}.{}", stt, i + 1), depth + 1, rows);
  }
}

std::vector<FormLine> instructions(const FormDoc& doc, const std::vector<Family>& families,
                                   const FormOptions& options) {
  using S = FormLine::Style;
  std::vector<FormLine> lines;
  if (!options.title.empty()) lines.push_back({S::text, options.title});
  lines.push_back({S::title, "HƯỚNG DẪN NHẬP SỐ LIỆU"});
  lines.push_back(
      {S::text, fmt::format("Đơn vị: {} (mã đơn vị: {})", doc.unit_name, doc.unit_code)});
  if (!doc.period_line.empty()) lines.push_back({S::text, doc.period_line});
  lines.push_back({S::heading, "Cách nhập"});
  lines.push_back({S::item,
                   "1. Nhập số liệu vào các ô nền vàng của trang «Số liệu». Các ô "
                   "khác (mã, tên đơn vị, tiêu đề) đã được khóa."});
  lines.push_back({S::item,
                   "2. Mỗi ô là một số nguyên không âm: 0, 1, 2, … Không nhập chữ, "
                   "số âm hay số thập phân."});
  lines.push_back({S::item, "3. Chưa có số liệu thì để trống ô; số liệu bằng 0 thì ghi 0."});
  lines.push_back({S::item, "4. Không đổi tên trang, không thêm, xóa hay di chuyển dòng, cột."});
  const bool has_rollup =
      std::any_of(doc.rows.begin(), doc.rows.end(), [](const FormRow& r) { return !r.input; });
  if (has_rollup) {
    lines.push_back({S::item,
                     "5. Dòng in đậm, không có ô nền vàng, là tổng của các dòng bên "
                     "dưới và được tính tự động khi tổng hợp."});
  }
  lines.push_back({S::heading, "Ý nghĩa các chỉ số"});
  for (Family fam : families) {
    lines.push_back({S::text, fmt::format("Nhóm «{}»:", family_def(fam).label)});
    for (Field f : input_fields(fam)) {
      const FieldHelp* h = help_of(f);
      lines.push_back(
          {S::item, fmt::format("• «{}»: {}", field_def(f).label, h != nullptr ? h->meaning : "")});
    }
    for (const Invariant& inv : invariants()) {
      if (inv.kind == Invariant::Kind::sum && field_def(inv.derived).family == fam)
        lines.push_back({S::item, fmt::format("• {}", inv.form_note)});
    }
  }
  lines.push_back({S::heading, "Gửi lại"});
  lines.push_back(
      {S::text,
       options.return_to.empty()
           ? "Lưu tệp (giữ định dạng .xlsx, giữ tên tệp) và gửi lại cho đơn vị tổng hợp báo cáo."
           : fmt::format("Lưu tệp (giữ định dạng .xlsx, giữ tên tệp) và gửi lại cho: {}.",
                         options.return_to)});  // not a message: the form's wording
  return lines;
}

}  // namespace

std::vector<Field> input_fields(Family family) {
  std::vector<Field> out;
  for (const auto& f : fields()) {
    if (f.family == family && !is_derived(f.id)) out.push_back(f.id);
  }
  return out;
}

FormDoc build_form(const Registry& registry, UnitId unit, const std::vector<Family>& families,
                   const FormOptions& options) {
  FormDoc doc;
  const Unit& u = registry.unit(unit);
  doc.unit_code = u.code;
  doc.unit_name = u.name;
  doc.title = options.title;
  doc.period_line = period_line(labels().form_period, options.period);
  for (Family fam : families) {
    for (Field f : input_fields(fam)) {
      doc.columns.push_back(
          FormColumn{f, std::string(help_of(f)->group), std::string(field_def(f).label)});
    }
  }
  add_rows(registry, unit, "1", 0, doc.rows);
  doc.instructions = instructions(doc, families, options);
  doc.input_title = "Số nguyên ≥ 0";
  doc.input_message =
      "Nhập một số nguyên không âm (0, 1, 2, …). Để trống nếu chưa có số liệu; ghi 0 nếu "
      "bằng 0.";
  doc.signatures = {{"Người lập biểu", "(Ký, ghi rõ họ tên)"},
                    {"Thủ trưởng đơn vị", "(Ký tên, đóng dấu)"}};
  return doc;
}

std::vector<UnitId> form_units(const Registry& registry, std::optional<UnitId> unit,
                               std::optional<LevelId> level, std::optional<UnitId> area) {
  if (unit) return {*unit};
  std::vector<UnitId> out;
  for (std::size_t i = 0; i < registry.size(); ++i) {
    const auto id = static_cast<UnitId>(i);
    const Unit& u = registry.unit(id);
    bool wanted = u.parent == kNoUnit;
    if (level) wanted = wanted && u.level == *level;
    if (area) wanted = id == *area || (wanted && u.area == *area);
    if (wanted) out.push_back(id);
  }
  return out;
}

}  // namespace ntr
