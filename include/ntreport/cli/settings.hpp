#pragma once
// Every setting of a period, declared once (docs/spec.md §8): its key in ntreport.toml, its
// command-line option, its help, where BuildConfig keeps it. Reading ntreport.toml, declaring
// the options, laying the command line over the file, init's comments and the docs' table of
// settings all go through this table.
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "ntreport/pipeline.hpp"

namespace ntr::cli {

/// Where BuildConfig keeps a setting, by its type.
using TextRef = std::string& (*)(BuildConfig&);
using ListRef = std::vector<std::string>& (*)(BuildConfig&);
using CountRef = unsigned& (*)(BuildConfig&);
using FactorRef = std::int64_t& (*)(BuildConfig&);
using FlagRef = bool& (*)(BuildConfig&);

/// Settings read by code of their own: the period's days, the layouts, the formats, the
/// language; and the command's own options (which ntreport.toml, --quiet).
enum class Special : std::uint8_t { period_from, period_to, layout, format, lang, config, quiet };

using Store = std::variant<TextRef, ListRef, CountRef, FactorRef, FlagRef, Special>;

/// The commands that take a setting on their command line: every command naming a registry;
/// those reading a period's inputs (build, check, status); build alone; none (the file only).
enum class Scope : std::uint8_t { registry, inputs, outputs, file };

/// One setting.
struct Setting {
  std::string_view name;   ///< its key in ntreport.toml ("period.from": `from` of [period])
  bool in_file;            ///< may be written in ntreport.toml
  std::string_view flags;  ///< its options ("-o,--output"); empty: ntreport.toml only
  const char* help;        ///< what it is, for --help (translated when shown)
  Scope scope;
  Store store;
  const char* note = nullptr;  ///< its comment in the ntreport.toml init writes; none: help
  bool path = false;           ///< a file or folder: in ntreport.toml, relative to its folder
  bool adds = false;           ///< the command line adds to the file's list instead of replacing it
  bool commas = false;         ///< the option takes comma-separated lists
  std::int64_t min = 0, max = 0;  ///< a whole number's range
};

/// Every setting, in the order of --help.
std::span<const Setting> settings();

/// The setting of that name; std::logic_error for another (a bug of the caller).
const Setting& setting(std::string_view name);

}  // namespace ntr::cli
