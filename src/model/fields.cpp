#include "ntreport/model/fields.hpp"

#include <algorithm>

namespace ntr {

namespace {
using sv = std::string_view;

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

// Header texts as printed in the appendices and as seen in unit files (docs/spec.md §2.4, §5). The
// field key itself is accepted too, for files written by other programs.
constexpr std::array<sv, 4> hDocsIn = {"VB đến", "Văn bản đến", "Số văn bản đến", "docs_in"};
constexpr std::array<sv, 4> hDocsOut = {"VB đi", "Văn bản đi", "Số văn bản đi", "docs_out"};
constexpr std::array<sv, 5> hDocsSigned = {"VB đi ký số", "Văn bản đi được ký số",
                                           "Văn bản đi ký số", "Số văn bản đi được ký số",
                                           "docs_out_signed"};
constexpr std::array<sv, 5> hReceived = {"Tổng số (trong kỳ)", "Tổng số tiếp nhận",
                                         "Tổng số trong kỳ", "Tổng tiếp nhận", "received"};
constexpr std::array<sv, 3> hDirect = {"Trực tiếp", "Tiếp nhận trực tiếp", "received_direct"};
constexpr std::array<sv, 4> hOnline = {"Qua mạng", "Trực tuyến", "Tiếp nhận qua mạng",
                                       "received_online"};
constexpr std::array<sv, 5> hPostal = {"Qua BCCI", "Bưu chính công ích", "Qua bưu chính công ích",
                                       "Qua BCCI (bưu chính công ích)", "received_postal"};
constexpr std::array<sv, 3> hEarly = {"Trước hạn", "Sớm hạn", "done_early"};
constexpr std::array<sv, 2> hOntime = {"Đúng hạn", "done_ontime"};
constexpr std::array<sv, 3> hLate = {"Quá hạn", "Trễ hạn", "done_late"};
constexpr std::array<sv, 3> hResolved = {"Đã giải quyết", "Số hồ sơ đã giải quyết", "resolved"};
constexpr std::array<sv, 3> hDigitized = {"Đã số hóa", "Đã số hóa kết quả", "digitized"};
constexpr std::array<sv, 3> hNotDigitized = {"Chưa số hóa", "Chưa số hóa kết quả", "not_digitized"};
constexpr std::array<sv, 3> hWithFee = {"Tổng HS có nghĩa vụ tài chính",
                                        "Tổng hồ sơ có nghĩa vụ tài chính", "with_fee"};
constexpr std::array<sv, 5> hPaid = {"Số HS đã TTTT", "Số HS đã TTTT (cổng DVC QG)",
                                     "Số HS đã TTTT cổng DVC QG",
                                     "Số hồ sơ đã thanh toán trực tuyến", "paid_online"};

constexpr std::array kFields = {
    FieldDef{Field::docs_in, "docs_in", Family::van_ban, Group::docs_in, "VB đến", hDocsIn},
    FieldDef{Field::docs_out, "docs_out", Family::van_ban, Group::docs_out, "VB đi", hDocsOut},
    FieldDef{Field::docs_out_signed, "docs_out_signed", Family::van_ban, Group::docs_out,
             "VB đi ký số", hDocsSigned},
    FieldDef{Field::received, "received", Family::ho_so, Group::received, "Tổng số (trong kỳ)",
             hReceived},
    FieldDef{Field::received_direct, "received_direct", Family::ho_so, Group::received, "Trực tiếp",
             hDirect},
    FieldDef{Field::received_online, "received_online", Family::ho_so, Group::received, "Qua mạng",
             hOnline},
    FieldDef{Field::received_postal, "received_postal", Family::ho_so, Group::received, "Qua BCCI",
             hPostal},
    FieldDef{Field::done_early, "done_early", Family::ho_so, Group::done, "Trước hạn", hEarly},
    FieldDef{Field::done_ontime, "done_ontime", Family::ho_so, Group::done, "Đúng hạn", hOntime},
    FieldDef{Field::done_late, "done_late", Family::ho_so, Group::done, "Quá hạn", hLate},
    FieldDef{Field::resolved, "resolved", Family::so_hoa, Group::so_hoa, "Đã giải quyết",
             hResolved},
    FieldDef{Field::digitized, "digitized", Family::so_hoa, Group::so_hoa, "Đã số hóa", hDigitized},
    FieldDef{Field::not_digitized, "not_digitized", Family::so_hoa, Group::so_hoa, "Chưa số hóa",
             hNotDigitized},
    FieldDef{Field::with_fee, "with_fee", Family::thanh_toan, Group::thanh_toan,
             "Tổng HS có nghĩa vụ tài chính", hWithFee},
    FieldDef{Field::paid_online, "paid_online", Family::thanh_toan, Group::thanh_toan,
             "Số HS đã TTTT", hPaid},
};

constexpr std::array<sv, 4> rSigned = {"Tỷ lệ văn bản ký số", "Tỷ lệ VB ký số",
                                       "Tỷ lệ văn bản đi được ký số", "signed_ratio"};
constexpr std::array<sv, 4> rOntime = {"Tỷ lệ trước hạn, đúng hạn", "Tỷ lệ đúng hạn",
                                       "Tỷ lệ giải quyết trước hạn, đúng hạn", "ontime_ratio"};
constexpr std::array<sv, 4> rOnline = {"Tỷ lệ HS qua mạng", "Tỷ lệ qua mạng",
                                       "Tỷ lệ hồ sơ qua mạng", "online_ratio"};
constexpr std::array<sv, 4> rDigitized = {"Tỷ lệ số hóa kết quả", "Tỷ lệ số hóa",
                                          "Tỷ lệ số hóa kết quả giải quyết", "digitized_ratio"};
constexpr std::array<sv, 5> rPaidOnline = {"Tỷ lệ TTTT (%)", "Tỷ lệ TTTT",
                                           "Tỷ lệ TTTT cổng DVC QG (%)",
                                           "Tỷ lệ thanh toán trực tuyến", "paid_online_ratio"};
constexpr std::array<sv, 4> rPaidDirect = {"Tỷ lệ TT trực tiếp (%)", "Tỷ lệ TT trực tiếp",
                                           "Tỷ lệ thanh toán trực tiếp", "paid_direct_ratio"};

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
    RateDef{Rate::signed_ratio, "signed_ratio", Family::van_ban, "Tỷ lệ văn bản ký số", rSigned,
            tSigned, tDocsOut},
    RateDef{Rate::ontime_ratio, "ontime_ratio", Family::ho_so, "Tỷ lệ trước hạn, đúng hạn", rOntime,
            tOntime, tDone},
    RateDef{Rate::online_ratio, "online_ratio", Family::ho_so, "Tỷ lệ HS qua mạng", rOnline,
            tOnline, tReceived},
    RateDef{Rate::digitized_ratio, "digitized_ratio", Family::so_hoa, "Tỷ lệ số hóa kết quả",
            rDigitized, tDigitized, tResolved},
    RateDef{Rate::paid_online_ratio, "paid_online_ratio", Family::thanh_toan, "Tỷ lệ TTTT (%)",
            rPaidOnline, tPaid, tWithFee},
    RateDef{Rate::paid_direct_ratio, "paid_direct_ratio", Family::thanh_toan,
            "Tỷ lệ TT trực tiếp (%)", rPaidDirect, tUnpaid, tWithFee},
};

constexpr std::array<sv, 6> kNameHeaders = {
    "Đơn vị", "Tên đơn vị", "Tên cơ quan, đơn vị", "Cơ quan, đơn vị", "Đơn vị thực hiện", "name"};
constexpr std::array<sv, 4> kCodeHeaders = {"Mã đơn vị", "Mã", "Mã ĐV", "code"};
constexpr std::array<sv, 3> kSttHeaders = {"STT", "Số TT", "TT"};
constexpr std::array<sv, 3> kNoteHeaders = {"Ghi chú", "Chú thích", "Note"};

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

std::span<const std::string_view> name_headers() { return kNameHeaders; }
std::span<const std::string_view> code_headers() { return kCodeHeaders; }
std::span<const std::string_view> stt_headers() { return kSttHeaders; }
std::span<const std::string_view> note_headers() { return kNoteHeaders; }

}  // namespace ntr
