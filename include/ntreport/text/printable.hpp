#pragma once
// Text from inputs (cells, file and sheet names, registry names) shown where it could act:
// on a terminal, an escape sequence recolours or rewrites the screen, and a line break inside
// a unit name could forge a whole diagnostic line. Such characters are shown as escapes.
#include <string>
#include <string_view>

namespace ntr {

/// `text` with every character that could act on a terminal or break a line shown as an
/// escape: C0 controls, DEL and C1 controls as \n, \r, \t or \xNN (\u0080 … \u009F for C1), the
/// line and paragraph separators U+2028, U+2029 and the bidirectional controls (U+200E, U+200F,
/// U+202A to U+202E, U+2066 to U+2069) as \uXXXX, and bytes that are not UTF-8 as \xNN.
std::string printable(std::string_view text);

/// Text for Markdown: line breaks and tabs become spaces (and a CRLF one space), other
/// characters printable() escapes are escaped; in a table cell a pipe is escaped too.
std::string markdown_text(std::string_view text, bool in_table);

}  // namespace ntr
