// The known header nearest to one that is not known, for the warning about its column.
#include <fmt/format.h>

#include "ntreport/read/header.hpp"
#include "ntreport/text/normalize.hpp"

namespace ntr {

namespace {

struct Known {
  std::string key;
  std::string_view text;
  HeaderMeaning meaning;
};

std::vector<Known> known_headers() {
  std::vector<Known> out;
  auto put = [&out](std::string_view text, HeaderMeaning m) {
    // The keys of fields and rates ("received_online") are for other programs, not people.
    if (text.find('_') == std::string_view::npos) out.push_back(Known{match_key(text), text, m});
  };
  for (const auto& f : fields()) {
    for (auto h : f.headers) put(h, HeaderMeaning{ColumnRole::field, f.id, Rate::signed_ratio});
  }
  for (const auto& r : rates()) {
    for (auto h : r.headers) put(h, HeaderMeaning{ColumnRole::rate, Field::docs_in, r.id});
  }
  for (auto h : name_headers()) put(h, HeaderMeaning{ColumnRole::name, {}, {}});
  for (auto h : code_headers()) put(h, HeaderMeaning{ColumnRole::code, {}, {}});
  return out;
}

// Beyond this a text is no header with a slip in it, and comparing it would cost time.
constexpr std::size_t kMaxChars = 60;

}  // namespace

std::optional<std::pair<std::string, std::string>> nearest_header(std::string_view text) {
  static const std::vector<Known> known = known_headers();
  const std::string key = match_key(text);
  const std::size_t chars = codepoint_count(key);
  if (chars == 0 || chars > kMaxChars) return std::nullopt;
  const Known* best = nullptr;
  std::size_t best_distance = std::max<std::size_t>(2, chars / 2) + 1;
  for (const Known& k : known) {
    const std::size_t d = edit_distance(key, k.key);
    if (d < best_distance) {
      best_distance = d;
      best = &k;
    }
  }
  if (best == nullptr) return std::nullopt;
  return std::pair{std::string(best->text), meaning_name(best->meaning)};
}

}  // namespace ntr
