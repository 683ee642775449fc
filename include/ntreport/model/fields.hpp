#pragma once
// The figures units report and the rates computed from them (docs/spec.md §2.4). Appendix templates
// refer to these by key; the reader recognises columns by their Vietnamese headers, which are
// data (data/headers.csv, read by read/header_list.cpp).
#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

namespace ntr {

/// A family of figures, from one source system.
enum class Family : std::uint8_t { van_ban, ho_so, so_hoa, thanh_toan };
inline constexpr std::size_t kFamilyCount = 4;

/// The smallest sets of figures closed under the invariants and the rates: "VB đi" with "VB
/// đi ký số", "Tổng số" with its three channels, the three "Đã xử lý" columns, … A unit's
/// figures of a group enter a sum only when it gave every figure of the group
/// (docs/blank-cells.md).
enum class Group : std::uint8_t { docs_in, docs_out, received, done, so_hoa, thanh_toan };
inline constexpr std::size_t kGroupCount = 6;

/// Every figure a unit may report.
enum class Field : std::uint8_t {
  docs_in,
  docs_out,
  docs_out_signed,
  received,
  received_direct,
  received_online,
  received_postal,
  done_early,
  done_ontime,
  done_late,
  resolved,
  digitized,
  not_digitized,
  with_fee,
  paid_online,
};
inline constexpr std::size_t kFieldCount = 15;

/// Every rate, a ratio of sums of fields.
enum class Rate : std::uint8_t {
  signed_ratio,
  ontime_ratio,
  online_ratio,
  digitized_ratio,
  paid_online_ratio,
  paid_direct_ratio,
};
inline constexpr std::size_t kRateCount = 6;

struct FamilyDef {
  Family id;
  std::string_view key;    ///< "ho-so"
  std::string_view label;  ///< Vietnamese name of the family, for messages
};

struct GroupDef {
  Group id;
  Family family;
  std::string_view label;  ///< "Tiếp nhận", for the notes of rows that cover some units only
};

struct FieldDef {
  Field id;
  std::string_view key;  ///< "received_online"
  Family family;
  Group group;
  std::string_view label;  ///< the main printed header, "Qua mạng"
};

/// One signed term of a sum: coefficient × field.
struct Term {
  int coef;
  Field field;
};

struct RateDef {
  Rate id;
  std::string_view key;  ///< "online_ratio"
  Family family;
  std::string_view label;  ///< the printed header, "Tỷ lệ HS qua mạng"
  std::span<const Term> numerator;
  std::span<const Term> denominator;
};

std::span<const FamilyDef> families();
std::span<const GroupDef> groups();
std::span<const FieldDef> fields();
std::span<const RateDef> rates();

const FamilyDef& family_def(Family f);
const GroupDef& group_def(Group g);
/// The group of a rate's numerator and denominator (one group holds them all).
Group rate_group(Rate r);
const FieldDef& field_def(Field f);
const RateDef& rate_def(Rate r);

std::optional<Family> family_by_key(std::string_view key);
std::optional<Field> field_by_key(std::string_view key);
std::optional<Rate> rate_by_key(std::string_view key);

/// A bit per field, for sets of fields.
constexpr std::uint32_t field_bit(Field f) { return 1U << static_cast<unsigned>(f); }
/// The bits of every field of a family.
std::uint32_t family_mask(Family f);
/// The bits of every field of a group.
std::uint32_t group_mask(Group g);

}  // namespace ntr
