// The known header nearest to one that is not known, for the warning about its column.
#include <fmt/format.h>

#include <mutex>

#include "header_known.hpp"
#include "ntreport/read/header.hpp"
#include "ntreport/text/normalize.hpp"

namespace ntr {

namespace {

struct Known {
  std::string key;
  std::string text;
  HeaderMeaning meaning;
};

// The headers a suggestion may name: those of figures, rates and unit columns, as people write
// them — the keys of fields and rates ("received_online") are for other programs.
std::vector<Known> suggestible_headers() {
  std::vector<Known> out;
  for (const KnownHeader& h : known_headers()) {
    const ColumnRole role = h.meaning.role;
    if (role == ColumnRole::stt || role == ColumnRole::note) continue;
    if (h.text.find('_') == std::string_view::npos) {
      out.push_back(Known{match_key(h.text), h.text, h.meaning});
    }
  }
  return out;
}

// Beyond this a text is no header with a slip in it, and comparing it would cost time.
constexpr std::size_t kMaxChars = 60;

}  // namespace

std::optional<std::pair<std::string, std::string>> nearest_header(std::string_view text) {
  // Rebuilt when use_headers() changed the list.
  static std::mutex mutex;
  static std::vector<Known> known;
  static std::uint64_t generation = ~std::uint64_t{0};
  const std::lock_guard lock(mutex);
  if (generation != known_headers_generation()) {
    known = suggestible_headers();
    generation = known_headers_generation();
  }
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
