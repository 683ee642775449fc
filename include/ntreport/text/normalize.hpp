#pragma once
// Unicode text helpers shared by name matching and header detection (docs/spec.md §2.3).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace ntr {

/// True when s is well-formed UTF-8.
bool is_valid_utf8(std::string_view s);
/// The byte offset of the first sequence that is not UTF-8; npos when s is well-formed.
std::size_t invalid_utf8_offset(std::string_view s);
/// The NFC form of s; s unchanged when it is not valid UTF-8.
std::string to_nfc(std::string_view s);
/// The key under which names and headers compare equal: compatibility-decomposed, case
/// folded, Vietnamese tone marks moved to the end of their syllable (so "hoá" = "hóa",
/// "thuỷ" = "thủy"), whitespace runs collapsed to one space, every dash variant turned into
/// "-" with no space around it, and trimmed. Other diacritics stay: "Phú" ≠ "Phủ".
std::string match_key(std::string_view s);
/// The same key computed the slow, obviously faithful way (utf8proc_map over the whole
/// string); match_key must always agree with it. For tests.
std::string match_key_reference(std::string_view s);
/// A code point of a text and the bytes it takes.
struct CodePoint {
  std::int32_t value = 0;
  std::size_t size = 0;
};
/// The code point `s` (not empty) starts with; a byte that does not start a UTF-8 sequence
/// stands for U+FFFD, one byte long.
CodePoint next_code_point(std::string_view s);
/// The code points of s, each byte that is not UTF-8 as U+FFFD.
std::vector<std::int32_t> code_points(std::string_view s);
/// Number of Unicode code points in s (invalid bytes count one each).
std::size_t codepoint_count(std::string_view s);
/// Levenshtein distance counted in code points.
std::size_t edit_distance(std::string_view a, std::string_view b);
/// s with leading and trailing ASCII/Unicode whitespace removed.
std::string_view trim(std::string_view s);
/// s trimmed, each run of ASCII white space in it (the line breaks of a wrapped cell) as one
/// space.
std::string one_line(std::string_view s);

}  // namespace ntr
