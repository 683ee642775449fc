#include "ntreport/model/fields.hpp"

#include <algorithm>

namespace ntr {

namespace {

constexpr std::array kFamilies = {
    FamilyDef{Family::van_ban, "van-ban", "văn bản"},
    FamilyDef{Family::ho_so, "ho-so", "hồ sơ thủ tục hành chính"},
    FamilyDef{Family::so_hoa, "so-hoa", "số hóa kết quả"},
    FamilyDef{Family::thanh_toan, "thanh-toan", "thanh toán trực tuyến"},
};

constexpr std::array kGroups = {
    GroupDef{Group::docs_in, Family::van_ban, "VB đến"},
    GroupDef{Group::docs_out, Family::van_ban, "VB đi"},
    GroupDef{Group::received, Family::ho_so, "Tiếp nhận"},
    GroupDef{Group::done, Family::ho_so, "Đã xử lý"},
    GroupDef{Group::so_hoa, Family::so_hoa, "Số hóa"},
    GroupDef{Group::thanh_toan, Family::thanh_toan, "Thanh toán trực tuyến"},
};

// The printed headers (docs/spec.md §2.4, §5). The texts an input may use besides are data:
// data/headers.csv.
constexpr std::array kFields = {
    FieldDef{Field::docs_in, "docs_in", Family::van_ban, Group::docs_in, "VB đến"},
    FieldDef{Field::docs_out, "docs_out", Family::van_ban, Group::docs_out, "VB đi"},
    FieldDef{Field::docs_out_signed, "docs_out_signed", Family::van_ban, Group::docs_out,
             "VB đi ký số"},
    FieldDef{Field::received, "received", Family::ho_so, Group::received, "Tổng số (trong kỳ)"},
    FieldDef{Field::received_direct, "received_direct", Family::ho_so, Group::received,
             "Trực tiếp"},
    FieldDef{Field::received_online, "received_online", Family::ho_so, Group::received, "Qua mạng"},
    FieldDef{Field::received_postal, "received_postal", Family::ho_so, Group::received, "Qua BCCI"},
    FieldDef{Field::done_early, "done_early", Family::ho_so, Group::done, "Trước hạn"},
    FieldDef{Field::done_ontime, "done_ontime", Family::ho_so, Group::done, "Đúng hạn"},
    FieldDef{Field::done_late, "done_late", Family::ho_so, Group::done, "Quá hạn"},
    FieldDef{Field::resolved, "resolved", Family::so_hoa, Group::so_hoa, "Đã giải quyết"},
    FieldDef{Field::digitized, "digitized", Family::so_hoa, Group::so_hoa, "Đã số hóa"},
    FieldDef{Field::not_digitized, "not_digitized", Family::so_hoa, Group::so_hoa, "Chưa số hóa"},
    FieldDef{Field::with_fee, "with_fee", Family::thanh_toan, Group::thanh_toan,
             "Tổng HS có nghĩa vụ tài chính"},
    FieldDef{Field::paid_online, "paid_online", Family::thanh_toan, Group::thanh_toan,
             "Số HS đã TTTT"},
};

constexpr std::array<Term, 1> tSigned = {Term{1, Field::docs_out_signed}};
constexpr std::array<Term, 1> tDocsOut = {Term{1, Field::docs_out}};
constexpr std::array<Term, 2> tOntime = {Term{1, Field::done_early}, Term{1, Field::done_ontime}};
constexpr std::array<Term, 3> tDone = {Term{1, Field::done_early}, Term{1, Field::done_ontime},
                                       Term{1, Field::done_late}};
constexpr std::array<Term, 1> tOnline = {Term{1, Field::received_online}};
constexpr std::array<Term, 1> tReceived = {Term{1, Field::received}};
constexpr std::array<Term, 1> tDigitized = {Term{1, Field::digitized}};
constexpr std::array<Term, 1> tResolved = {Term{1, Field::resolved}};
constexpr std::array<Term, 1> tPaid = {Term{1, Field::paid_online}};
constexpr std::array<Term, 1> tWithFee = {Term{1, Field::with_fee}};
constexpr std::array<Term, 2> tUnpaid = {Term{1, Field::with_fee}, Term{-1, Field::paid_online}};

constexpr std::array kRates = {
    RateDef{Rate::signed_ratio, "signed_ratio", Family::van_ban, "Tỷ lệ văn bản ký số", tSigned,
            tDocsOut},
    RateDef{Rate::ontime_ratio, "ontime_ratio", Family::ho_so, "Tỷ lệ trước hạn, đúng hạn", tOntime,
            tDone},
    RateDef{Rate::online_ratio, "online_ratio", Family::ho_so, "Tỷ lệ HS qua mạng", tOnline,
            tReceived},
    RateDef{Rate::digitized_ratio, "digitized_ratio", Family::so_hoa, "Tỷ lệ số hóa kết quả",
            tDigitized, tResolved},
    RateDef{Rate::paid_online_ratio, "paid_online_ratio", Family::thanh_toan, "Tỷ lệ TTTT (%)",
            tPaid, tWithFee},
    RateDef{Rate::paid_direct_ratio, "paid_direct_ratio", Family::thanh_toan,
            "Tỷ lệ TT trực tiếp (%)", tUnpaid, tWithFee},
};

template <typename Arr, typename Key>
auto find_key(const Arr& arr, std::string_view key) -> std::optional<Key> {
  for (const auto& d : arr) {
    if (d.key == key) return d.id;
  }
  return std::nullopt;
}
}  // namespace

std::span<const FamilyDef> families() { return kFamilies; }
std::span<const GroupDef> groups() { return kGroups; }
const GroupDef& group_def(Group g) { return kGroups[static_cast<std::size_t>(g)]; }
Group rate_group(Rate r) { return field_def(rate_def(r).denominator[0].field).group; }
std::span<const FieldDef> fields() { return kFields; }
std::span<const RateDef> rates() { return kRates; }

const FamilyDef& family_def(Family f) { return kFamilies[static_cast<std::size_t>(f)]; }
const FieldDef& field_def(Field f) { return kFields[static_cast<std::size_t>(f)]; }
const RateDef& rate_def(Rate r) { return kRates[static_cast<std::size_t>(r)]; }

std::optional<Family> family_by_key(std::string_view key) {
  return find_key<decltype(kFamilies), Family>(kFamilies, key);
}
std::optional<Field> field_by_key(std::string_view key) {
  return find_key<decltype(kFields), Field>(kFields, key);
}
std::optional<Rate> rate_by_key(std::string_view key) {
  return find_key<decltype(kRates), Rate>(kRates, key);
}

namespace {
constexpr std::array<std::uint32_t, kFamilyCount> kFamilyMasks = [] {
  std::array<std::uint32_t, kFamilyCount> m{};
  for (const auto& d : kFields) m[static_cast<std::size_t>(d.family)] |= field_bit(d.id);
  return m;
}();
constexpr std::array<std::uint32_t, kGroupCount> kGroupMasks = [] {
  std::array<std::uint32_t, kGroupCount> m{};
  for (const auto& d : kFields) m[static_cast<std::size_t>(d.group)] |= field_bit(d.id);
  return m;
}();

}  // namespace

std::uint32_t family_mask(Family f) { return kFamilyMasks[static_cast<std::size_t>(f)]; }
std::uint32_t group_mask(Group g) { return kGroupMasks[static_cast<std::size_t>(g)]; }

}  // namespace ntr
