#include "ntreport/read/json.hpp"

#include <fmt/format.h>

#include <filesystem>
#include <unordered_set>

#include "ntreport/platform/paths.hpp"
#include "ntreport/read/input.hpp"
#include "ntreport/text/translate.hpp"

namespace ntr {

namespace {

constexpr int kMaxDepth = 64;
// A summary.json of 100,000 units holds about 1.3 million values per appendix; each parsed value
// takes about 100 bytes, so this bounds the memory of a parse near 400 MiB.
constexpr std::size_t kMaxValues = std::size_t{1} << 22;

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

class Parser {
 public:
  explicit Parser(std::string_view text) : s_(text) {}

  std::optional<JsonValue> document() {
    JsonValue v;
    if (!value(v, 0)) return std::nullopt;
    skip_space();
    if (pos_ != s_.size()) {
      fail(tr("the end of the document"));
      return std::nullopt;
    }
    return v;
  }
  [[nodiscard]] const std::string& error() const { return error_; }

 private:
  std::string_view s_;
  std::size_t pos_ = 0;
  std::size_t values_ = 0;
  std::string error_;

  bool fail(std::string_view expected) {
    std::size_t line = 1;
    std::size_t col = 1;
    for (std::size_t i = 0; i < pos_ && i < s_.size(); ++i) {
      if (s_[i] == '\n') {
        ++line;
        col = 1;
      } else if ((static_cast<unsigned char>(s_[i]) & 0xC0U) != 0x80U) {
        ++col;
      }
    }
    if (error_.empty()) error_ = trf("line {}, column {}: expected {}", line, col, expected);
    return false;
  }
  void skip_space() {
    while (pos_ < s_.size() && is_space(s_[pos_])) ++pos_;
  }
  bool eat(char c) {
    skip_space();
    if (pos_ < s_.size() && s_[pos_] == c) {
      ++pos_;
      return true;
    }
    return false;
  }
  bool literal(std::string_view word) {
    if (s_.substr(pos_, word.size()) != word) return false;
    pos_ += word.size();
    return true;
  }

  bool value(JsonValue& v, int depth) {
    if (depth > kMaxDepth) return fail(tr("at most 64 nested arrays and objects"));
    if (++values_ > kMaxValues) return fail(tr("at most 4194304 values in a document"));
    skip_space();
    if (pos_ >= s_.size()) return fail(tr("a value"));
    const char c = s_[pos_];
    if (c == '{') return object(v, depth);
    if (c == '[') return array(v, depth);
    if (c == '"') {
      v.kind = JsonValue::Kind::string;
      return string(v.text);
    }
    if (c == '-' || is_digit(c)) return number(v);
    if (literal("null")) return true;
    if (literal("true") || literal("false")) {
      v.kind = JsonValue::Kind::boolean;
      v.boolean = c == 't';
      return true;
    }
    return fail(tr("a value"));
  }

  bool object(JsonValue& v, int depth) {
    v.kind = JsonValue::Kind::object;
    ++pos_;
    if (eat('}')) return true;
    // Readers differ on a name given twice (the first or the last wins): it is refused.
    std::unordered_set<std::string> names;
    do {
      skip_space();
      JsonMember m;
      if (pos_ >= s_.size() || s_[pos_] != '"') return fail(tr("a member name in quotes"));
      const std::size_t name_at = pos_;
      if (!string(m.key)) return false;
      if (!names.insert(m.key).second) {
        pos_ = name_at;
        return fail(trf("each member once; \"{}\" is given twice in one object", m.key));
      }
      if (!eat(':')) return fail("':'");
      if (!value(m.value, depth + 1)) return false;
      v.members.push_back(std::move(m));
    } while (eat(','));
    return eat('}') || fail(tr("',' or '}'"));
  }

  bool array(JsonValue& v, int depth) {
    v.kind = JsonValue::Kind::array;
    ++pos_;
    if (eat(']')) return true;
    do {
      JsonValue item;
      if (!value(item, depth + 1)) return false;
      v.items.push_back(std::move(item));
    } while (eat(','));
    return eat(']') || fail(tr("',' or ']'"));
  }

  bool number(JsonValue& v) {
    const std::size_t start = pos_;
    auto digits = [&] {
      const std::size_t from = pos_;
      while (pos_ < s_.size() && is_digit(s_[pos_])) ++pos_;
      return pos_ > from;
    };
    if (s_[pos_] == '-') ++pos_;
    if (pos_ < s_.size() && s_[pos_] == '0') {
      ++pos_;
    } else if (!digits()) {
      return fail(tr("a digit"));
    }
    if (pos_ < s_.size() && s_[pos_] == '.') {
      ++pos_;
      if (!digits()) return fail(tr("a digit after '.'"));
    }
    if (pos_ < s_.size() && (s_[pos_] == 'e' || s_[pos_] == 'E')) {
      ++pos_;
      if (pos_ < s_.size() && (s_[pos_] == '+' || s_[pos_] == '-')) ++pos_;
      if (!digits()) return fail(tr("a digit in the exponent"));
    }
    v.kind = JsonValue::Kind::number;
    v.text = std::string(s_.substr(start, pos_ - start));
    return true;
  }

  bool hex4(unsigned& out) {
    if (pos_ + 4 > s_.size()) return false;
    out = 0;
    for (int i = 0; i < 4; ++i) {
      const char c = s_[pos_++];
      unsigned d = 0;
      if (is_digit(c)) {
        d = static_cast<unsigned>(c - '0');
      } else if (c >= 'a' && c <= 'f') {
        d = static_cast<unsigned>(c - 'a' + 10);
      } else if (c >= 'A' && c <= 'F') {
        d = static_cast<unsigned>(c - 'A' + 10);
      } else {
        return false;
      }
      out = out * 16 + d;
    }
    return true;
  }

  static void append_utf8(std::string& out, unsigned cp) {
    auto byte = [&out](unsigned b) { out += static_cast<char>(b); };
    if (cp < 0x80) {
      byte(cp);
    } else if (cp < 0x800) {
      byte(0xC0 | (cp >> 6));
      byte(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
      byte(0xE0 | (cp >> 12));
      byte(0x80 | ((cp >> 6) & 0x3F));
      byte(0x80 | (cp & 0x3F));
    } else {
      byte(0xF0 | (cp >> 18));
      byte(0x80 | ((cp >> 12) & 0x3F));
      byte(0x80 | ((cp >> 6) & 0x3F));
      byte(0x80 | (cp & 0x3F));
    }
  }

  bool escape(std::string& out) {
    if (pos_ >= s_.size()) return fail(tr("an escape"));
    const char c = s_[pos_++];
    static constexpr std::string_view kFrom = "\"\\/bfnrt";
    static constexpr std::string_view kTo = "\"\\/\b\f\n\r\t";
    if (const auto i = kFrom.find(c); i != std::string_view::npos) {
      out += kTo[i];
      return true;
    }
    unsigned cp = 0;
    if (c != 'u' || !hex4(cp)) return fail(tr("a valid escape"));
    if (cp >= 0xD800 && cp < 0xDC00) {
      unsigned low = 0;
      if (!literal("\\u") || !hex4(low) || low < 0xDC00 || low > 0xDFFF)
        return fail(tr("the low half of a surrogate pair"));
      cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
    } else if (cp >= 0xDC00 && cp < 0xE000) {
      return fail(tr("a surrogate pair in the right order"));
    }
    append_utf8(out, cp);
    return true;
  }

  bool string(std::string& out) {
    ++pos_;
    while (pos_ < s_.size()) {
      const char c = s_[pos_];
      if (static_cast<unsigned char>(c) < 0x20) return fail(tr("no control character"));
      ++pos_;
      if (c == '"') return true;
      if (c == '\\') {
        if (!escape(out)) return false;
      } else {
        out += c;
      }
    }
    return fail(tr("'\"' closing the string"));
  }
};

}  // namespace

const JsonValue* JsonValue::find(std::string_view key) const {
  for (const auto& m : members) {
    if (m.key == key) return &m.value;
  }
  return nullptr;
}

std::optional<JsonValue> parse_json(std::string_view text, std::string& error) {
  constexpr std::string_view kBom = "\xEF\xBB\xBF";  // Windows editors save JSON with one
  if (text.starts_with(kBom)) text.remove_prefix(kBom.size());
  Parser p(text);
  auto v = p.document();
  if (!v) error = p.error();
  return v;
}

std::optional<JsonValue> read_json_file(const std::string& path, Diagnostics& diags) {
  const auto text = read_text_file(path, diags);
  if (!text) return std::nullopt;
  std::string error;
  auto v = parse_json(*text, error);
  if (!v) diags.error("bad-json", SourceLoc{path, {}, 0, 0, 0, false}, trf("not JSON: {}", error));
  return v;
}

std::optional<JsonValue> read_summary_json(const std::string& path, std::string& shown,
                                           Diagnostics& diags) {
  std::error_code ec;
  const std::filesystem::path p = platform::fs_path(path);
  if (!std::filesystem::exists(p, ec)) {
    shown = path;
    diags.error("io-error", SourceLoc{path, {}, 0, 0, 0, false},
                std::string(tr("no such build: expected a build's output folder or its "
                               "summary.json")));
    return std::nullopt;
  }
  const bool folder = std::filesystem::is_directory(p, ec);
  shown = folder ? platform::utf8_path(p / "summary.json") : path;
  // A build killed while putting its files in place leaves them beside the earlier ones until
  // the next build there puts them back (write/output.hpp): its files are no one build.
  if (folder && std::filesystem::exists(p / ".ntreport-previous", ec)) {
    diags.error("io-error", SourceLoc{path, {}, 0, 0, 0, false},
                std::string(tr("the folder holds a build that was stopped while putting its files "
                               "in place")),
                std::string(tr("run ntreport build for it again, which puts the earlier files "
                               "back first")));
    return std::nullopt;
  }
  return read_json_file(shown, diags);
}

}  // namespace ntr
