#pragma once
// The unit registry (docs/spec.md §2.2): every unit that reports, its level, its roll-up parent and
// its area, in the official display order; and name matching (docs/spec.md §2.3).
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ntreport/diag/diagnostic.hpp"
#include "ntreport/read/sheet.hpp"
#include "ntreport/registry/name_index.hpp"

namespace ntr {

class RegistryBuilder;

using UnitId = std::int32_t;
using LevelId = std::uint16_t;
inline constexpr UnitId kNoUnit = -1;

/// An administrative level ("tinh", "huyen", "xa"): data, not code.
struct LevelDef {
  std::string id;          ///< "tinh"
  std::string label;       ///< "Cấp tỉnh": the level row in by-level tables
  std::string area_label;  ///< "Các Sở, ban, ngành": its heading in the by-area layout
  std::vector<std::string> aliases;  ///< other labels of its rows in printed tables
};

/// A unit. Its texts are views into the registry's own storage: valid as long as the registry.
struct Unit {
  std::string_view code;
  std::string_view name;
  std::string_view kind;
  LevelId level = 0;
  UnitId parent = kNoUnit;  ///< roll-up parent (same level)
  UnitId area = kNoUnit;    ///< the district the unit lies in
  std::vector<std::string> aliases;
  std::vector<UnitId> children;  ///< in registry order
  std::uint32_t depth = 0;       ///< 0 for top-level units
};

/// The outcome of matching a name or code to a unit.
struct Match {
  enum class Kind : std::uint8_t { found, ambiguous, none } kind = Kind::none;
  UnitId unit = kNoUnit;
  std::vector<UnitId> candidates;  ///< the units an ambiguous name could be
};

class Registry {
 public:
  Registry() = default;
  // Units view the registry's strings: a copy would view the original's.
  Registry(const Registry&) = delete;
  Registry& operator=(const Registry&) = delete;
  Registry(Registry&&) noexcept = default;
  Registry& operator=(Registry&&) noexcept = default;
  ~Registry() = default;

  /// Builds a registry from the sheet of a registry CSV (columns code, name, level, parent,
  /// area, kind, aliases) and the level definitions. Every problem goes to diags
  /// (registry-* codes); the registry is usable only when none was an error.
  static Registry build(const OwnedSheet& units, std::vector<LevelDef> levels, Diagnostics& diags);
  /// Reads level definitions from a sheet with columns id, label, area_label, aliases.
  static std::vector<LevelDef> levels_from_sheet(const OwnedSheet& sheet, Diagnostics& diags);

  /// Adds the aliases of an alias sheet (columns alias, code). An alias naming an unknown
  /// code is an error (alias-unknown-unit).
  void add_aliases(const OwnedSheet& sheet, Diagnostics& diags);

  [[nodiscard]] const std::vector<Unit>& units() const { return units_; }
  [[nodiscard]] const Unit& unit(UnitId id) const { return units_[static_cast<std::size_t>(id)]; }
  [[nodiscard]] const std::vector<LevelDef>& levels() const { return levels_; }
  [[nodiscard]] std::size_t size() const { return units_.size(); }

  [[nodiscard]] UnitId find_code(std::string_view code) const;
  [[nodiscard]] std::optional<LevelId> find_level(std::string_view id) const;
  /// Matches a name by docs/spec.md §2.3: exact code, then name or alias under match keys with the
  /// "Ủy ban nhân dân"/"UBND" prefix dropped, then the bare place name when unique.
  [[nodiscard]] Match match(std::string_view name) const;
  /// Up to `max` registry names closest to `name`, for "did you mean" hints.
  [[nodiscard]] std::vector<UnitId> suggest(std::string_view name, std::size_t max = 3) const;
  /// Up to `max` units whose code is closest to `code`, for "did you mean" hints.
  [[nodiscard]] std::vector<UnitId> suggest_codes(std::string_view code, std::size_t max = 3) const;
  /// The level whose label, area label or alias is `text` (after normalization).
  [[nodiscard]] std::optional<LevelId> match_level(std::string_view text) const;
  /// True when `ancestor` is a proper roll-up ancestor of `unit`.
  [[nodiscard]] bool is_ancestor(UnitId ancestor, UnitId unit) const;
  /// Units that are the area of at least one unit, in registry order.
  [[nodiscard]] const std::vector<UnitId>& areas() const { return areas_; }

 private:
  friend class RegistryBuilder;  // validates a registry sheet into these members
  friend class RegistryReader;
  std::vector<Unit> units_;
  std::vector<LevelDef> levels_;
  std::vector<UnitId> areas_;
  StringStore strings_;  // every code, name and kind
  // code -> unit, open addressing over the codes of units_; kNoUnit is an empty slot
  std::vector<UnitId> code_slots_;
  // match key (prefix dropped) -> units; more than one unit means ambiguous
  NameIndex by_key_;
  // bare place name key -> units; used only when exactly one
  NameIndex by_bare_;
  // unit_key of every level label, area label and alias -> its level
  std::vector<std::pair<std::string, LevelId>> level_keys_;
  void index_name(UnitId id, std::string_view name);
  void reserve(std::size_t units);
  [[nodiscard]] std::size_t code_slot(std::string_view code) const;
  void index_code(UnitId id);
  void rehash_codes(std::size_t slots, UnitId except);
};

/// Builds a registry from a registry sheet as a reader streams it, row by row, without keeping
/// the sheet: the way to read a registry of a whole country. Same checks as Registry::build.
class RegistryReader final : public SheetVisitor {
 public:
  RegistryReader(std::vector<LevelDef> levels, Diagnostics& diags);
  ~RegistryReader() override;
  RegistryReader(const RegistryReader&) = delete;
  RegistryReader& operator=(const RegistryReader&) = delete;

  void begin_sheet(const SheetInfo& sheet) override;
  void row(std::uint32_t row, std::span<const CellView> cells) override;
  void end_sheet(std::span<const MergedRange> merges) override;
  /// Makes room for about `units` units before the rows come, so that the registry's tables
  /// are allocated once instead of copied as they double.
  void reserve(std::size_t units);
  /// The registry, once the sheet ended; call once.
  Registry take();

 private:
  std::unique_ptr<Registry> reg_;
  std::unique_ptr<RegistryBuilder> builder_;
};

/// The key a unit name is indexed under: match_key with "Ủy ban nhân dân"/"UBND" dropped.
std::string unit_key(std::string_view name);
/// The bare place name key: unit_key without a leading "xã", "phường", "thị trấn", "huyện".
std::string bare_key(std::string_view name);

}  // namespace ntr
