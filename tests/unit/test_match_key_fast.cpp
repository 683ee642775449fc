// match_key decomposes one character at a time; match_key_reference runs utf8proc_map over
// the whole string. They must agree on every string, whatever mix of forms it holds.
#include <catch2/catch.hpp>
#include <iterator>
#include <random>
#include <string>
#include <string_view>

#include "ntreport/text/normalize.hpp"

namespace {

// Pieces that exercise each rule: precomposed and decomposed Vietnamese letters, the five
// tones in both orders around other marks, case, every kind of space and dash, compatibility
// characters, other scripts, and bytes that are not UTF-8.
constexpr std::string_view kPieces[] = {
    "a",
    "Z",
    "0",
    " ",
    "  ",
    "\t",
    "\n",
    "-",
    "(",
    ".",
    ",",
    "/",  // ASCII
    "Sở",
    "Văn",
    "hoá",
    "hóa",
    "Hoà",
    "thuỷ",
    "thủy",
    "Ủy",
    "Uỷ",
    "UBND",  // precomposed
    "Đ",
    "đ",
    "Ư",
    "ơ",
    "ệ",
    "Ẫ",
    "ặ",
    "ự",  //
    "e\xCC\x82\xCC\x81",
    "e\xCC\x81\xCC\x82",  // ế: circumflex and acute, either order
    "o\xCC\x9B\xCC\x89",
    "u\xCC\x9B\xCC\xA3",
    "a\xCC\xA3\xCC\x86",  // ở, ự, ặ decomposed
    "\xCC\x80",
    "\xCC\x83",
    "\xCC\xA3\xCC\x80",  // stray tone marks
    "\xC2\xA0",
    "\xE2\x80\x83",
    "\xE2\x80\x8B",
    "\xEF\xBB\xBF",
    "\xE3\x80\x80",  // spaces
    "\xE2\x80\x93",
    "\xE2\x80\x94",
    "\xE2\x88\x92",
    "\xEF\xBC\x8D",  // dashes
    "\xEF\xAC\x81",
    "\xC3\x9F",
    "\xEF\xBC\xA1",
    "\xE2\x91\xA0",
    "\xC2\xBD",  // ﬁ ß Ａ ① ½
    "\xCE\xA3",
    "\xD0\x96",
    "\xE4\xB8\xAD",
    "\xEA\xB0\x80",
    "\xF0\x9F\x98\x80",  // Σ Ж 中 가 😀
    "\xC3\x28",
    "\xFF",
    "\xE2\x82",
    "\xED\xA0\x80",
    std::string_view("\0", 1),  // not UTF-8, NUL
    "I",
    "II",
    "x",
};

std::string random_text(std::mt19937& rng) {
  std::uniform_int_distribution<std::size_t> length(0, 8);
  std::uniform_int_distribution<std::size_t> piece(0, std::size(kPieces) - 1);
  std::string s;
  for (std::size_t n = length(rng); n > 0; --n) s += kPieces[piece(rng)];
  return s;
}

}  // namespace

TEST_CASE("match_key agrees with the reference on names as they are written") {
  const char* names[] = {
      "Sở Văn hoá, Thể thao và Du lịch",
      "Sở Văn hóa, Thể thao và Du lịch",
      "Ủy ban nhân dân xã Phước Hà",
      "UBND  xã   Phước Hà ",
      "Phu\xCC\x89 Ha\xCC\x80",
      "Phan Rang – Tháp Chàm",
      "Chi nhánh VPĐKĐĐ huyện Bác Ái",
      "Tổng số (I+II+III)",
      "Tổng số (trong kỳ)",
      "Đã số hóa",
      "Xã Thử Nghiệm 3321",
      "",
      "   ",
      "Qua BCCI",
  };
  for (const char* n : names) {
    INFO(n);
    CHECK(ntr::match_key(n) == ntr::match_key_reference(n));
  }
}

TEST_CASE("match_key agrees with the reference on 50,000 mixed strings") {
  std::mt19937 rng(20250701);
  std::size_t differing = 0;
  std::string first_difference;
  for (int i = 0; i < 50000; ++i) {
    const std::string s = random_text(rng);
    if (ntr::match_key(s) != ntr::match_key_reference(s)) {
      if (differing++ == 0) first_difference = s;
    }
  }
  INFO("first differing input: \"" << first_difference << "\"");
  CHECK(differing == 0);
}

TEST_CASE("match_key orders stacked marks canonically, like the reference") {
  // ệ written three ways: precomposed, e + circumflex + dot below, e + dot below + circumflex
  const std::string keys[] = {ntr::match_key("\xE1\xBB\x87"), ntr::match_key("e\xCC\x82\xCC\xA3"),
                              ntr::match_key("e\xCC\xA3\xCC\x82")};
  CHECK(keys[0] == "e\xCC\x82\xCC\xA3");  // the tone (dot below) last
  CHECK(keys[1] == keys[0]);
  CHECK(keys[2] == keys[0]);
}

TEST_CASE("codepoint_count counts an invalid byte as one code point") {
  CHECK(ntr::codepoint_count("") == 0);
  CHECK(ntr::codepoint_count("Phu\xCC\x89") == 4);
  CHECK(ntr::codepoint_count("a\xFF"
                             "b") == 3);
  CHECK(ntr::codepoint_count("\xE2\x82") == 2);  // a truncated sequence: two bytes, two
  CHECK(ntr::codepoint_count("\xF0\x9F\x98\x80") == 1);
}

TEST_CASE("match_key agrees with the reference on every code point below U+2000") {
  // alone, after a letter, before a tone mark and between two letters with a stray mark
  std::size_t differing = 0;
  std::uint32_t first_difference = 0;
  for (std::uint32_t c = 0x80; c < 0x2000; ++c) {
    if (c >= 0xD800 && c <= 0xDFFF) continue;
    char buf[4];
    const std::size_t n = c < 0x800 ? 2 : 3;
    if (n == 2) {
      buf[0] = static_cast<char>(0xC0 | (c >> 6));
      buf[1] = static_cast<char>(0x80 | (c & 0x3F));
    } else {
      buf[0] = static_cast<char>(0xE0 | (c >> 12));
      buf[1] = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      buf[2] = static_cast<char>(0x80 | (c & 0x3F));
    }
    const std::string ch(buf, n);
    for (const std::string& s : {ch, "A" + ch, ch + "\xCC\x81", "o" + ch + "\xCC\xA3" + "x"}) {
      if (ntr::match_key(s) != ntr::match_key_reference(s) && differing++ == 0) {
        first_difference = c;
      }
    }
  }
  INFO("first differing code point: U+" << std::hex << first_difference);
  CHECK(differing == 0);
}
