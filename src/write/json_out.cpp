#include "json_out.hpp"

#include <fmt/format.h>
#include <utf8proc.h>

#include <cmath>
#include <iterator>

#include "ntreport/text/normalize.hpp"

namespace ntr::json {

namespace {

void escape_char(utf8proc_int32_t c, std::string& out) {
  switch (c) {
    case '"':
      out += "\\\"";
      return;
    case '\\':
      out += "\\\\";
      return;
    case '\b':
      out += "\\b";
      return;
    case '\f':
      out += "\\f";
      return;
    case '\n':
      out += "\\n";
      return;
    case '\r':
      out += "\\r";
      return;
    case '\t':
      out += "\\t";
      return;
    default:
      break;
  }
  if (c < 0x20) {
    out += fmt::format("\\u{:04x}", c);
    return;
  }
  utf8proc_uint8_t buf[4];
  const auto n = utf8proc_encode_char(c, buf);
  out.append(reinterpret_cast<const char*>(buf), static_cast<std::size_t>(n));
}

}  // namespace

void quote_to(std::string& out, std::string_view s) {
  out += '"';
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(s.data());
  auto left = static_cast<utf8proc_ssize_t>(s.size());
  while (left > 0) {
    // Plain ASCII, the bulk of keys and codes, is copied as a run.
    utf8proc_ssize_t run = 0;
    while (run < left && p[run] >= 0x20 && p[run] < 0x80 && p[run] != '"' && p[run] != '\\') {
      ++run;
    }
    if (run > 0) {
      out.append(reinterpret_cast<const char*>(p), static_cast<std::size_t>(run));
      p += run;
      left -= run;
      continue;
    }
    // A byte that is not UTF-8 must not reach the output: it becomes U+FFFD.
    const CodePoint c = next_code_point(
        std::string_view(reinterpret_cast<const char*>(p), static_cast<std::size_t>(left)));
    escape_char(c.value, out);
    p += c.size;
    left -= static_cast<utf8proc_ssize_t>(c.size);
  }
  out += '"';
}

std::string quote(std::string_view s) {
  std::string out;
  quote_to(out, s);
  return out;
}

// A streamed document goes out in pieces of this size: a 100,000-unit summary is 70 MB.
constexpr std::size_t kChunk = 1 << 20;

void Out::before_value() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (has_members_.empty()) return;
  if (has_members_.back()) out_ += ',';
  has_members_.back() = true;
  out_ += '\n';
  out_.append(2 * has_members_.size(), ' ');
}

void Out::open(char bracket) {
  before_value();
  out_ += bracket;
  has_members_.push_back(false);
}

void Out::close(char bracket) {
  const bool had_members = has_members_.back();
  has_members_.pop_back();
  if (had_members) {
    out_ += '\n';
    out_.append(2 * has_members_.size(), ' ');
  }
  out_ += bracket;
  spill(kChunk);
}

void Out::spill(std::size_t at_least) {
  if (sink_ == nullptr || out_.size() < at_least) return;
  if (!failed_ && std::fwrite(out_.data(), 1, out_.size(), sink_) != out_.size()) failed_ = true;
  out_.clear();
}

void Out::member(std::string_view name, std::string_view s) {
  key(name);
  string(s);
}

void Out::member(std::string_view name, std::int64_t v) {
  key(name);
  integer(v);
}

void Out::begin_object() { open('{'); }
void Out::end_object() { close('}'); }
void Out::begin_array() { open('['); }
void Out::end_array() { close(']'); }

void Out::key(std::string_view name) {
  before_value();
  quote_to(out_, name);
  out_ += ": ";
  after_key_ = true;
}

void Out::string(std::string_view s) {
  before_value();
  quote_to(out_, s);
}

void Out::integer(std::int64_t v) {
  before_value();
  fmt::format_to(std::back_inserter(out_), "{}", v);
}

void Out::number(double v) {
  if (!std::isfinite(v)) {
    null();
    return;
  }
  before_value();
  fmt::format_to(std::back_inserter(out_), "{}", v);
}

void Out::null() {
  before_value();
  out_ += "null";
}

std::string Out::finish() {
  out_ += '\n';
  spill(0);
  return std::move(out_);
}

}  // namespace ntr::json
