#pragma once
// A minimal streaming JSON writer: 2-space indentation, members in the order written, every
// string escaped and made valid UTF-8. Private to the summary writer.
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

namespace ntr::json {

class Out {
 public:
  Out() = default;
  /// Streams the document to `sink` as it grows instead of holding it; finish() then returns
  /// nothing and failed() says whether a write failed.
  explicit Out(std::FILE* sink) : sink_(sink) {}
  void begin_object();
  void end_object();
  void begin_array();
  void end_array();
  /// The name of the next member of the current object.
  void key(std::string_view name);
  void string(std::string_view s);
  void integer(std::int64_t v);
  /// A member whose value is a string: key(name), then string(s).
  void member(std::string_view name, std::string_view s);
  /// A member whose value is a whole number: key(name), then integer(v).
  void member(std::string_view name, std::int64_t v);
  /// Shortest text that reads back as the same double; null when not finite.
  void number(double v);
  void null();
  /// The document, ending with a newline (what is left of it when streaming).
  [[nodiscard]] std::string finish();
  /// True when writing to the sink failed.
  [[nodiscard]] bool failed() const { return failed_; }

 private:
  void before_value();
  void open(char bracket);
  void close(char bracket);
  void spill(std::size_t at_least);

  std::FILE* sink_ = nullptr;
  bool failed_ = false;
  std::string out_;
  std::vector<bool> has_members_;  // one per open container
  bool after_key_ = false;
};

/// `s` as a JSON string literal, quotes included.
std::string quote(std::string_view s);
/// Appends quote(s) to `out`.
void quote_to(std::string& out, std::string_view s);

}  // namespace ntr::json

namespace ntr {
struct NarrativeSection;
/// The "narrative" member's value: each sentence with the figures it states.
void narrative_json(json::Out& out, const std::vector<NarrativeSection>& sections);
}  // namespace ntr
