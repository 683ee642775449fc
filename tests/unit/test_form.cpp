#include <catch2/catch.hpp>

#include "ntreport/pipeline.hpp"
#include "ntreport/report/form.hpp"

using namespace ntr;

namespace {

const Registry& shipped() {
  static const Registry r = [] {
    Diagnostics diags;
    auto reg = load_registry(SourceSettings{}, diags);
    REQUIRE(reg.has_value());
    return std::move(*reg);
  }();
  return r;
}

std::vector<std::string> codes(const std::vector<UnitId>& ids) {
  std::vector<std::string> out;
  for (UnitId u : ids) out.emplace_back(shipped().unit(u).code);
  return out;
}

}  // namespace

TEST_CASE("input_fields: every field of a family but the derived totals") {
  CHECK(input_fields(Family::ho_so) ==
        std::vector<Field>{Field::received_direct, Field::received_online, Field::received_postal,
                           Field::done_early, Field::done_ontime, Field::done_late});
  CHECK(input_fields(Family::so_hoa) == std::vector<Field>{Field::resolved, Field::digitized});
  CHECK(input_fields(Family::van_ban) ==
        std::vector<Field>{Field::docs_in, Field::docs_out, Field::docs_out_signed});
  CHECK(input_fields(Family::thanh_toan) ==
        std::vector<Field>{Field::with_fee, Field::paid_online});
}

TEST_CASE("form_units: a unit, a level, an area, or every unit without a parent") {
  const Registry& r = shipped();
  const UnitId bac_ai = r.find_code("bac-ai");
  CHECK(codes(form_units(r, r.find_code("so-tnmt.vpdkdd"), {}, {})) ==
        std::vector<std::string>{"so-tnmt.vpdkdd"});
  CHECK(codes(form_units(r, {}, {}, bac_ai)) ==
        std::vector<std::string>{"bac-ai", "bac-ai.phuoc-binh", "bac-ai.phuoc-chinh",
                                 "bac-ai.phuoc-hoa", "bac-ai.phuoc-tan", "bac-ai.phuoc-thanh",
                                 "bac-ai.phuoc-thang", "bac-ai.phuoc-tien", "bac-ai.phuoc-trung",
                                 "bac-ai.phuoc-dai"});  // registry order; not the land branch
  CHECK(form_units(r, {}, r.find_level("huyen"), {}).size() == 7);
  CHECK(form_units(r, {}, r.find_level("tinh"), {}).size() == 19);
  CHECK(form_units(r, {}, {}, {}).size() == 91);
}

TEST_CASE("build_form: sub-unit rows, figure columns, the period and who to send it to") {
  const Registry& r = shipped();
  FormOptions options;
  options.period = Period{"2024-01-01", "2024-08-28"};
  options.return_to = "Sở Thông tin và Truyền thông";
  const FormDoc form =
      build_form(r, r.find_code("so-tnmt"),
                 {Field::resolved, Field::digitized, Field::with_fee, Field::paid_online}, options);
  CHECK(form.unit_code == "so-tnmt");
  CHECK(form.period_line == "Kỳ báo cáo: từ ngày 01/01/2024 đến ngày 28/08/2024");
  REQUIRE(form.columns.size() == 4);
  CHECK(form.columns[0].group == "Số hóa kết quả giải quyết");
  CHECK(form.columns[0].header == "Đã giải quyết");
  CHECK(form.columns[3].header == "Số HS đã TTTT");
  REQUIRE(form.rows.size() == 10);
  CHECK(form.rows[0].stt == "1");
  CHECK_FALSE(form.rows[0].input);  // the sum of its sub-units
  CHECK(form.rows[1].code == "so-tnmt.van-phong");
  CHECK(form.rows[1].input);
  CHECK(form.rows[2].stt == "1.2");
  CHECK_FALSE(form.rows[2].input);
  CHECK(form.rows[3].stt == "1.2.1");
  CHECK(form.rows[3].depth == 2);
  CHECK(form.instructions.back().text ==
        "Lưu tệp (giữ định dạng .xlsx, giữ tên tệp) và gửi lại cho: Sở Thông tin và Truyền "
        "thông.");
}

namespace {

AppendixDef showing(std::vector<std::string> shows) {
  AppendixDef def;
  for (auto& s : shows)
    def.columns.push_back(ColumnDef{"", "", std::move(s), ColumnKind::text, ""});
  return def;
}

std::vector<Field> form_of(const std::vector<AppendixDef>& defs) {
  std::vector<const AppendixDef*> ptrs;
  for (const auto& d : defs) ptrs.push_back(&d);
  return form_fields(ptrs);
}

}  // namespace

TEST_CASE("form_fields: what the appendices show, their rates' fields, a derived one's others") {
  // A rate asks for its fields; a derived total for the fields it is computed from.
  CHECK(form_of({showing({"stt", "name", "received_online", "online_ratio"})}) ==
        std::vector<Field>{Field::received_direct, Field::received_online, Field::received_postal});
  CHECK(form_of({showing({"not_digitized"})}) ==
        std::vector<Field>{Field::resolved, Field::digitized});
  CHECK(form_of({showing({"signed_ratio"}), showing({"done_late", "with_fee"})}) ==
        std::vector<Field>{Field::docs_out, Field::docs_out_signed, Field::done_late,
                           Field::with_fee});
  CHECK(form_of({showing({"stt", "name", "label", "target"})}).empty());
  // Each shipped appendix asks for every figure of its family a unit types in.
  Diagnostics diags;
  for (const AppendixDef& def : load_appendices(SourceSettings{}, diags)) {
    if (def.families.size() != 1) continue;
    CAPTURE(def.id);
    CHECK(form_of({def}) == input_fields(def.families[0]));
  }
  CHECK_FALSE(diags.has_errors());
}
