#pragma once
// A small JSON reader, for the summary.json of earlier builds (`ntreport diff`). Objects keep
// their members in document order; numbers keep the text they were written with, so that a
// reader can round them decimally instead of through a double.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ntreport/diag/diagnostic.hpp"

namespace ntr {

struct JsonMember;

/// One JSON value.
struct JsonValue {
  enum class Kind : std::uint8_t { null, boolean, number, string, array, object };
  Kind kind = Kind::null;
  bool boolean = false;
  std::string text;                 ///< string: the decoded text; number: the number as written
  std::vector<JsonValue> items;     ///< array
  std::vector<JsonMember> members;  ///< object, in document order

  /// The first member named `key` of an object, or nullptr.
  [[nodiscard]] const JsonValue* find(std::string_view key) const;
  [[nodiscard]] bool is(Kind k) const { return kind == k; }
};

struct JsonMember {
  std::string key;
  JsonValue value;
};

/// Parses a whole JSON document (RFC 8259, a UTF-8 byte-order mark allowed; each member name
/// once per object; nesting up to 64 levels; at most 2^22 values). On an error, returns nothing
/// and sets `error` to "line L, column C: what was expected".
std::optional<JsonValue> parse_json(std::string_view text, std::string& error);

/// Reads and parses a JSON file: io-error when it cannot be read, bad-json when it is not JSON.
std::optional<JsonValue> read_json_file(const std::string& path, Diagnostics& diags);

/// A build's summary.json: `path` itself when it is a file, `path/summary.json` when it is a
/// folder. `shown` is set to the file's path, for messages.
std::optional<JsonValue> read_summary_json(const std::string& path, std::string& shown,
                                           Diagnostics& diags);

}  // namespace ntr
