// Text from inputs never acts on a terminal, never breaks a line, never forges a table cell.
#include <catch2/catch.hpp>
#include <string>

#include "ntreport/text/printable.hpp"

TEST_CASE("printable escapes what could act on a terminal, and nothing else") {
  CHECK(ntr::printable("Sở Y tế (UBND) – 98.076") == "Sở Y tế (UBND) – 98.076");
  CHECK(ntr::printable("a\nb\rc\td") == "a\\nb\\rc\\td");
  CHECK(ntr::printable("\x1b[2Jred") == "\\x1B[2Jred");
  CHECK(ntr::printable(std::string("nul\0x", 5)) == "nul\\x00x");
  CHECK(ntr::printable("del\x7f") == "del\\x7F");
  CHECK(ntr::printable("c1\xc2\x9b"
                       "31m") == "c1\\u009B31m");  // CSI as one character
  CHECK(ntr::printable("line\xe2\x80\xa8sep") == "line\\u2028sep");
  CHECK(ntr::printable("bidi\xe2\x80\xae"
                       "evil") == "bidi\\u202Eevil");          // right-to-left override
  CHECK(ntr::printable("iso \xe1 8859") == "iso \\xE1 8859");  // not UTF-8
  CHECK(ntr::printable("cut \xe1\xba") == "cut \\xE1\\xBA");
  CHECK(ntr::printable("xl\\workbook.xml") == "xl\\workbook.xml");  // backslashes stay
}

TEST_CASE("markdown_text keeps one line and one cell") {
  CHECK(ntr::markdown_text("a|b", true) == "a\\|b");
  CHECK(ntr::markdown_text("a|b", false) == "a|b");
  CHECK(ntr::markdown_text("two\r\nlines\nhere\tand", true) == "two lines here and");
  CHECK(ntr::markdown_text("\x1b]0;title\x07", true) == "\\x1B]0;title\\x07");
  CHECK(ntr::markdown_text("Phường Đài Sơn", true) == "Phường Đài Sơn");
}
