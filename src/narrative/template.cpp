// Reads a narrative template (templates/narrative/*.toml; docs/narrative.md).
#include <fmt/format.h>
#include <toml++/toml.h>

#include <algorithm>
#include <array>

#include "ntreport/narrative/narrative.hpp"
#include "ntreport/text/translate.hpp"
#include "placeholder.hpp"

namespace ntr {

namespace {

using narrative::Part;

constexpr std::array<std::string_view, 4> kTopKeys{"appendix", "heading", "words", "sentences"};
constexpr std::array<std::string_view, 7> kSentenceKeys{"for",  "text",  "item",  "empty",
                                                        "rate", "count", "levels"};
constexpr std::array<std::pair<std::string_view, NarrativeScope>, 5> kScopes{{
    {"levels", NarrativeScope::levels},
    {"level", NarrativeScope::level},
    {"total", NarrativeScope::total},
    {"lowest", NarrativeScope::lowest},
    {"not_reported", NarrativeScope::not_reported},
}};

template <std::size_t N>
bool known(std::string_view key, const std::array<std::string_view, N>& keys) {
  return std::find(keys.begin(), keys.end(), key) != keys.end();
}

struct Parser {
  const std::string& source;
  Diagnostics& diags;
  bool ok = true;

  void fail(const toml::source_region& where, std::string message) {
    diags.error("template-error", line_loc(source, static_cast<std::uint32_t>(where.begin.line)),
                std::move(message));
    ok = false;
  }

  void check(const toml::table& t, std::string_view key, Part part) {
    const auto text = t[key].value<std::string>();
    if (!text) return;
    const std::string problem = narrative::check_placeholders(*text, part);
    if (!problem.empty()) fail(t[key].node()->source(), fmt::format("{}: {}", key, problem));
  }

  // What each text of a sentence may name: the sentence's own figures, its items' figures.
  void check_parts(const toml::table& t, NarrativeScope scope) {
    switch (scope) {
      case NarrativeScope::levels:
        check(t, "text", Part::levels_text);
        check(t, "item", Part::level_text);
        break;
      case NarrativeScope::level:
        check(t, "text", Part::level_text);
        break;
      case NarrativeScope::total:
        check(t, "text", Part::total_text);
        break;
      case NarrativeScope::lowest:
      case NarrativeScope::not_reported:
        check(t, "text", Part::list_text);
        check(t, "empty", Part::list_text);
        check(t, "item", Part::unit_item);
        break;
    }
  }

  std::optional<NarrativeSentenceDef> sentence(const toml::table& t) {
    for (const auto& [k, v] : t) {
      if (!known(k.str(), kSentenceKeys))
        fail(v.source(), trf("unknown sentence key \"{}\"", k.str()));
    }
    NarrativeSentenceDef s;
    s.loc = line_loc(source, static_cast<std::uint32_t>(t.source().begin.line));
    const std::string scope = t["for"].value_or(std::string());
    const auto it = std::find_if(kScopes.begin(), kScopes.end(),
                                 [&](const auto& p) { return p.first == scope; });
    if (it == kScopes.end()) {
      fail(t.source(),
           trf("for = \"{}\": expected levels, level, total, lowest or not_reported", scope));
      return std::nullopt;
    }
    s.scope = it->second;
    s.text = t["text"].value_or(std::string());
    s.item = t["item"].value_or(std::string());
    s.empty = t["empty"].value_or(std::string());
    s.count = static_cast<std::uint32_t>(std::clamp<std::int64_t>(t["count"].value_or(3), 1, 100));
    if (const toml::array* levels = t["levels"].as_array()) {
      for (const auto& l : *levels) s.levels.push_back(l.value_or(std::string()));
    }
    if (s.text.empty()) fail(t.source(), std::string(tr("a sentence needs \"text\"")));
    const bool needs_item = s.scope == NarrativeScope::levels ||
                            s.scope == NarrativeScope::lowest ||
                            s.scope == NarrativeScope::not_reported;
    if (needs_item && s.item.empty()) {
      fail(t.source(), std::string(tr("this sentence needs \"item\"")));
    }
    if (s.scope == NarrativeScope::lowest) {
      s.rate = rate_by_key(t["rate"].value_or(std::string()));
      if (!s.rate)
        fail(t.source(), std::string(tr("a lowest sentence needs \"rate\", a rate key")));
    }
    check_parts(t, s.scope);
    return s;
  }
};

}  // namespace

std::optional<NarrativeDef> parse_narrative(std::string_view text, const std::string& source,
                                            Diagnostics& diags) {
  toml::table root;
  try {
    root = toml::parse(text, source);
  } catch (const toml::parse_error& e) {
    diags.error("template-error",
                line_loc(source, static_cast<std::uint32_t>(e.source().begin.line)),
                std::string(e.description()));
    return std::nullopt;
  }
  Parser p{source, diags};
  for (const auto& [k, v] : root) {
    if (!known(k.str(), kTopKeys)) p.fail(v.source(), trf("unknown key \"{}\"", k.str()));
  }
  NarrativeDef def;
  def.source = source;
  def.appendix = root["appendix"].value_or(std::string());
  def.heading = root["heading"].value_or(std::string());
  if (def.appendix.empty()) p.fail(root.source(), std::string(tr("\"appendix\" is required")));
  if (const toml::table* words = root["words"].as_table()) {
    for (const auto& [k, v] : *words) {
      if (!narrative::is_word(k.str()) || !v.is_string()) {
        p.fail(v.source(), trf("words: \"{}\" is no word a template sets", k.str()));
        continue;
      }
      def.words.emplace(std::string(k.str()), *v.value<std::string>());
    }
  }
  const toml::array* sentences = root["sentences"].as_array();
  if (sentences == nullptr || sentences->empty()) {
    p.fail(root.source(), std::string(tr("a narrative needs a [[sentences]] list")));
  } else {
    for (const auto& node : *sentences) {
      const toml::table* t = node.as_table();
      if (t == nullptr) {
        p.fail(node.source(), std::string(tr("each entry of sentences must be a table")));
      } else if (auto s = p.sentence(*t)) {
        def.sentences.push_back(std::move(*s));
      }
    }
  }
  if (!p.ok) return std::nullopt;
  return def;
}

}  // namespace ntr
