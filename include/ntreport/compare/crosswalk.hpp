#pragma once
// Where the units of an earlier period went: the crosswalks of the 2025 reform shipped with
// ntreport (communes by statistics-office code, the departments of Ninh Thuận by code), and the
// user's own (`--crosswalk FILE`: old_code,new_code,share).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "ntreport/diag/diagnostic.hpp"
#include "ntreport/read/sheet.hpp"

namespace ntr {

/// How much of an earlier unit went into a new one.
struct Share {
  enum class Kind : std::uint8_t {
    whole,     ///< all of it
    part,      ///< some of it, no one knows how much: not comparable
    fraction,  ///< num/den of it, as the user gave it
  } kind = Kind::whole;
  std::int64_t num = 1;
  std::int64_t den = 1;
};

/// "whole", "part", a fraction "2/5", a decimal "0.4" or "0,4", or a percentage "40%";
/// nothing when the text is none of these or the fraction is not in (0, 1].
std::optional<Share> parse_share(std::string_view text);

/// One new unit an earlier unit went into.
struct CrosswalkLink {
  std::string new_code;
  Share share;
};

/// An earlier unit of a registry ntreport ships: its roll-up parent and statistics-office code.
struct KnownUnit {
  std::string parent;
  std::string gso_code;
};

class Crosswalk {
 public:
  /// The shipped crosswalks: every pre-reform commune by statistics-office code, the Ninh
  /// Thuận 2023–2024 departments by code, and the units of the shipped 2023–2024 registry.
  static Crosswalk shipped();
  /// Adds a user's crosswalk sheet (columns old_code, new_code, share). The links it gives for
  /// an old code replace every shipped link of that code. Problems are crosswalk-error errors.
  void add_user_sheet(const OwnedSheet& sheet, Diagnostics& diags);

  /// The user's links of `old_code`, or nullptr.
  [[nodiscard]] const std::vector<CrosswalkLink>* user_links(std::string_view old_code) const;
  /// The shipped links of `old_code` (a department code, a statistics-office code, or a code
  /// of the shipped 2023–2024 registry through its statistics-office code), or nullptr.
  [[nodiscard]] const std::vector<CrosswalkLink>* shipped_links(std::string_view old_code) const;
  /// The unit of the shipped 2023–2024 registry with this code, or nullptr.
  [[nodiscard]] const KnownUnit* known(std::string_view code) const;

 private:
  std::unordered_map<std::string, std::vector<CrosswalkLink>> user_;
  std::unordered_map<std::string, std::vector<CrosswalkLink>> shipped_;
  std::unordered_map<std::string, KnownUnit> known_;
};

}  // namespace ntr
