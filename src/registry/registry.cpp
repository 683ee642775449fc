// Building a registry from its sheet: reading the rows, resolving the links between units and
// reporting every problem with its cell.
#include "ntreport/registry/registry.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <memory>

#include "ntreport/text/names.hpp"
#include "ntreport/text/normalize.hpp"
#include "ntreport/text/translate.hpp"
#include "registry_detail.hpp"

namespace ntr {

namespace {

using registry_detail::ColumnSpec;

enum Col : std::uint8_t { kCode, kName, kLevel, kParent, kArea, kKind, kAliases, kColCount };
constexpr std::array<ColumnSpec, kColCount> kColumns = {{{"code", true},
                                                         {"name", true},
                                                         {"level", true},
                                                         {"parent", false},
                                                         {"area", false},
                                                         {"kind", false},
                                                         {"aliases", false}}};

// Each "did you mean" costs a pass over the registry; a registry with thousands of bad links
// gets them for its first problems only, which are all a user reads anyway.
constexpr std::size_t kMaxHints = 100;
// A cycle message lists this many codes at most.
constexpr std::size_t kMaxCycleListed = 20;

std::size_t idx(UnitId id) { return static_cast<std::size_t>(id); }

}  // namespace

class RegistryBuilder {
 public:
  RegistryBuilder(Registry& reg, Diagnostics& diags) : reg_(reg), diags_(diags) {}

  void begin(const SheetInfo& info) {
    info_ = info;
    index_levels();
  }

  // The first row is the header; the others are units.
  void row(std::uint32_t row, std::span<const CellView> cells) {
    if (!header_seen_) {
      header_seen_ = true;
      const registry_detail::HeaderRow header{row, cells};
      header_ok_ = registry_detail::find_columns(info_, &header, kColumns, cols_, diags_);
      return;
    }
    if (header_ok_) read_row(row, cells);
  }

  void reserve(std::size_t units) { sources_.reserve(units); }

  void end() {
    if (!header_seen_) registry_detail::find_columns(info_, nullptr, kColumns, cols_, diags_);
    if (!header_ok_) return;
    for (std::size_t i = 0; i < sources_.size(); ++i) resolve_links(i);
    break_cycles();
    fill_tree();
    fill_areas();
  }

 private:
  // Where a unit was defined and the codes its links name, until they are resolved.
  struct Source {
    std::uint32_t row = 0;
    bool level_known = false;
    std::string_view parent, area;  // in scratch_
  };

  [[nodiscard]] SourceLoc loc(std::uint32_t row, Col col) const {
    return info_.loc(row, cols_[col]);
  }
  [[nodiscard]] std::string_view cell(std::span<const CellView> cells, Col col) const {
    return trim(registry_detail::cell_at(cells, cols_[col]));  // an absent column (0) is empty
  }

  void index_levels() {
    std::vector<std::string_view> ids;
    for (std::size_t i = 0; i < reg_.levels_.size(); ++i) {
      const LevelDef& def = reg_.levels_[i];
      const auto id = static_cast<LevelId>(i);
      reg_.level_keys_.emplace_back(unit_key(def.label), id);
      reg_.level_keys_.emplace_back(unit_key(def.area_label), id);
      for (const std::string& alias : def.aliases) {
        reg_.level_keys_.emplace_back(unit_key(alias), id);
      }
      ids.push_back(def.id);
    }
    known_levels_ = registry_detail::join(ids);
  }

  void read_row(std::uint32_t row, std::span<const CellView> cells) {
    const std::string_view code = cell(cells, kCode);
    const std::string_view name = cell(cells, kName);
    if (name.empty()) {
      diags_.error("registry-syntax", loc(row, kName),
                   std::string(tr("\"name\" is empty; expected the unit's display name")));
    }
    const std::optional<LevelId> level = read_level(row, cells);
    if (!check_code(row, code)) return;
    const auto id = static_cast<UnitId>(reg_.units_.size());
    Unit unit;
    unit.code = reg_.strings_.add(code);
    unit.name = reg_.strings_.add(name);
    unit.kind = reg_.strings_.add(cell(cells, kKind));
    unit.level = level.value_or(0);
    unit.aliases = registry_detail::split_list(registry_detail::cell_at(cells, cols_[kAliases]));
    const Unit& added = reg_.units_.emplace_back(std::move(unit));
    reg_.index_code(id);
    reg_.index_name(id, added.name);
    for (const std::string& alias : added.aliases) reg_.index_name(id, alias);
    sources_.push_back(Source{row, level.has_value(), scratch_.add(cell(cells, kParent)),
                              scratch_.add(cell(cells, kArea))});
  }

  std::optional<LevelId> read_level(std::uint32_t row, std::span<const CellView> cells) {
    const std::string_view id = cell(cells, kLevel);
    if (const auto level = reg_.find_level(id)) return level;
    if (id.empty()) {
      diags_.error("registry-syntax", loc(row, kLevel),
                   trf("\"level\" is empty; expected one of: {}", known_levels_));
    } else {
      diags_.error("registry-unknown-level", loc(row, kLevel),
                   trf("level \"{}\" is not defined; expected one of: {}", id, known_levels_));
    }
    return std::nullopt;
  }

  // False when the row cannot become a unit: no code, or a code already taken.
  bool check_code(std::uint32_t row, std::string_view code) {
    if (code.empty()) {
      diags_.error(
          "registry-syntax", loc(row, kCode),
          std::string(tr("\"code\" is empty; expected an ASCII code such as \"so-y-te\"")));
      return false;
    }
    // A code names a file (`ntreport template` writes <code>.xlsx): never a path.
    if (const std::string problem = name_problem(code); !problem.empty()) {
      diags_.error("registry-syntax", loc(row, kCode),
                   trf("code \"{}\" {}; expected a code such as \"so-y-te\": {}", code, problem,
                       tr(kNameRule)));
    }
    const UnitId taken = reg_.find_code(code);
    if (taken == kNoUnit) return true;
    diags_.error("registry-duplicate-code", loc(row, kCode),
                 trf("code \"{}\" is already the code of row {} (\"{}\"); expected each code once",
                     code, sources_[idx(taken)].row, reg_.unit(taken).name));
    return false;
  }

  void resolve_links(std::size_t i) {
    const Source& src = sources_[i];
    if (!src.parent.empty()) reg_.units_[i].parent = resolve_parent(i);
    if (!src.area.empty()) {
      reg_.units_[i].area = resolve(src.area, src.row, kArea, "registry-unknown-area",
                                    tr("the code of the district the unit lies in"));
    }
  }

  UnitId resolve(std::string_view code, std::uint32_t row, Col col, Code diag_code,
                 std::string_view expected) {
    const UnitId id = reg_.find_code(code);
    if (id != kNoUnit) return id;
    std::string did_you_mean;
    if (hints_left_ > 0) {
      --hints_left_;
      did_you_mean =
          registry_detail::did_you_mean_codes(reg_, registry_detail::closest_codes(reg_, code, 3));
    }
    diags_.error(diag_code, loc(row, col),
                 trf("{} \"{}\" is not a code of the registry; expected {}", kColumns[col].name,
                     code, expected),
                 std::move(did_you_mean));
    return kNoUnit;
  }

  UnitId resolve_parent(std::size_t i) {
    const Source& src = sources_[i];
    const UnitId p = resolve(src.parent, src.row, kParent, "registry-unknown-parent",
                             tr("the code of the unit this one adds into"));
    if (p == kNoUnit || !src.level_known || !sources_[idx(p)].level_known) return p;
    const LevelId own = reg_.units_[i].level;
    const LevelId theirs = reg_.unit(p).level;
    if (own == theirs) return p;
    diags_.error("registry-parent-level", loc(src.row, kParent),
                 trf("parent \"{}\" is on level \"{}\", this unit on level \"{}\"; expected a "
                     "parent on the same level (the district a unit lies in goes in \"area\")",
                     src.parent, reg_.levels_[theirs].id, reg_.levels_[own].id));
    return kNoUnit;
  }

  // Parent links form a functional graph: following them from every unit in turn, a walk that
  // meets a unit it marked itself has found a cycle.
  void break_cycles() {
    std::vector<std::uint32_t> walk(reg_.units_.size(), 0);  // 1 + the unit a walk started at
    for (std::size_t start = 0; start < walk.size(); ++start) {
      const auto stamp = static_cast<std::uint32_t>(start + 1);
      auto u = static_cast<UnitId>(start);
      while (u != kNoUnit && walk[idx(u)] == 0) {
        walk[idx(u)] = stamp;
        u = reg_.unit(u).parent;
      }
      if (u != kNoUnit && walk[idx(u)] == stamp) report_cycle(u);
    }
  }

  // Reported once, at the cycle's first unit in registry order, whose parent link is then cut
  // so that the tree below can be built.
  void report_cycle(UnitId entry) {
    std::vector<UnitId> cycle;
    UnitId u = entry;
    do {
      cycle.push_back(u);
      u = reg_.unit(u).parent;
    } while (u != entry);
    std::rotate(cycle.begin(), std::min_element(cycle.begin(), cycle.end()), cycle.end());
    std::string chain;
    for (std::size_t i = 0; i < cycle.size() && i < kMaxCycleListed; ++i) {
      chain += reg_.unit(cycle[i]).code;
      chain += " → ";
    }
    if (cycle.size() > kMaxCycleListed)
      chain += trf("… ({} units) → ", count_text(static_cast<std::int64_t>(cycle.size())));
    chain += reg_.unit(cycle.front()).code;
    diags_.error("registry-cycle", loc(sources_[idx(cycle.front())].row, kParent),
                 trf("parent links form a cycle: {}; expected every chain of parents to end at a "
                     "unit without a parent",
                     chain));
    reg_.units_[idx(cycle.front())].parent = kNoUnit;
  }

  void fill_tree() {
    std::vector<Unit>& units = reg_.units_;
    for (std::size_t i = 0; i < units.size(); ++i) {
      if (units[i].parent != kNoUnit)
        units[idx(units[i].parent)].children.push_back(static_cast<UnitId>(i));
    }
    // Parents may come after their children: climb to a unit whose depth is known, then set
    // the depths on the way down. Each unit is climbed through once.
    std::vector<bool> known(units.size(), false);
    std::vector<UnitId> chain;
    for (std::size_t i = 0; i < units.size(); ++i) {
      auto u = static_cast<UnitId>(i);
      while (u != kNoUnit && !known[idx(u)]) {
        chain.push_back(u);
        u = units[idx(u)].parent;
      }
      std::uint32_t depth = u == kNoUnit ? 0 : units[idx(u)].depth + 1;
      for (auto it = chain.rbegin(); it != chain.rend(); ++it, ++depth) {
        units[idx(*it)].depth = depth;
        known[idx(*it)] = true;
      }
      chain.clear();
    }
  }

  void fill_areas() {
    std::vector<bool> is_area(reg_.units_.size(), false);
    for (const Unit& u : reg_.units_) {
      if (u.area != kNoUnit) is_area[idx(u.area)] = true;
    }
    for (std::size_t i = 0; i < is_area.size(); ++i) {
      if (is_area[i]) reg_.areas_.push_back(static_cast<UnitId>(i));
    }
  }

  Registry& reg_;
  Diagnostics& diags_;
  SheetInfo info_;
  bool header_seen_ = false;
  bool header_ok_ = false;
  std::array<std::uint32_t, kColCount> cols_{};
  std::vector<Source> sources_;  // one per unit
  StringStore scratch_;          // the parent and area codes, until resolved
  std::string known_levels_;     // "tinh, huyen, xa", for messages
  std::size_t hints_left_ = kMaxHints;
};

Registry Registry::build(const OwnedSheet& units, std::vector<LevelDef> levels,
                         Diagnostics& diags) {
  RegistryReader reader(std::move(levels), diags);
  reader.begin_sheet(units.info);
  std::vector<CellView> cells;
  for (const OwnedRow& row : units.rows) {
    cells.clear();
    for (const OwnedCell& c : row.cells) cells.push_back(CellView{c.col, c.type, c.text});
    reader.row(row.row, cells);
  }
  reader.end_sheet({});
  return reader.take();
}

RegistryReader::RegistryReader(std::vector<LevelDef> levels, Diagnostics& diags)
    : reg_(std::make_unique<Registry>()),
      builder_(std::make_unique<RegistryBuilder>(*reg_, diags)) {
  reg_->levels_ = std::move(levels);
}

RegistryReader::~RegistryReader() = default;

void RegistryReader::begin_sheet(const SheetInfo& sheet) { builder_->begin(sheet); }

void RegistryReader::row(std::uint32_t row, std::span<const CellView> cells) {
  builder_->row(row, cells);
}

void RegistryReader::end_sheet(std::span<const MergedRange> /*merges*/) { builder_->end(); }

void RegistryReader::reserve(std::size_t units) {
  reg_->reserve(units);
  builder_->reserve(units);
}

Registry RegistryReader::take() { return std::move(*reg_); }

bool Registry::is_ancestor(UnitId ancestor, UnitId unit) const {
  if (unit < 0 || idx(unit) >= units_.size()) return false;
  for (UnitId p = units_[idx(unit)].parent; p != kNoUnit; p = units_[idx(p)].parent) {
    if (p == ancestor) return true;
  }
  return false;
}

}  // namespace ntr
