// The header texts the detector knows, as data: data/headers.csv (compiled in), and the
// province's own files of the same format (`headers` in ntreport.toml, --headers).
#include <fmt/format.h>

#include <stdexcept>
#include <unordered_map>

#include "header_known.hpp"
#include "ntreport/read/embedded.hpp"
#include "ntreport/read/header.hpp"
#include "ntreport/read/input.hpp"
#include "ntreport/text/normalize.hpp"
#include "ntreport/text/translate.hpp"

namespace ntr {

namespace {

constexpr std::string_view kShippedHeaders = "data/headers.csv";

// What a key of a headers file names: a field, a rate, or one of the columns of every table.
std::optional<HeaderMeaning> meaning_of_key(std::string_view key) {
  if (const auto f = field_by_key(key)) return HeaderMeaning{ColumnRole::field, *f, {}};
  if (const auto r = rate_by_key(key)) return HeaderMeaning{ColumnRole::rate, {}, *r};
  constexpr std::array<std::pair<std::string_view, ColumnRole>, 4> kRoles = {
      {{"name", ColumnRole::name},
       {"code", ColumnRole::code},
       {"stt", ColumnRole::stt},
       {"note", ColumnRole::note}}};
  for (const auto& [name, role] : kRoles) {
    if (key == name) return HeaderMeaning{role, {}, {}};
  }
  return std::nullopt;
}

bool same(const HeaderMeaning& a, const HeaderMeaning& b) {
  if (a.role != b.role) return false;
  if (a.role == ColumnRole::field) return a.field == b.field;
  return a.role != ColumnRole::rate || a.rate == b.rate;
}

std::optional<std::uint32_t> column(const OwnedRow& header, std::string_view name) {
  for (const OwnedCell& c : header.cells) {
    if (trim(c.text) == name) return c.col;
  }
  return std::nullopt;
}

}  // namespace

std::vector<KnownHeader> parse_header_list(const OwnedSheet& sheet,
                                           std::span<const KnownHeader> before,
                                           Diagnostics& diags) {
  std::vector<KnownHeader> out;
  const auto key_col = sheet.rows.empty() ? std::nullopt : column(sheet.rows.front(), "key");
  const auto text_col = sheet.rows.empty() ? std::nullopt : column(sheet.rows.front(), "header");
  if (!key_col || !text_col) {
    diags.error("config-error", sheet.info.loc(),
                std::string(tr("a headers file needs the columns key and header")));
    return out;
  }
  std::unordered_map<std::string, HeaderMeaning> seen;
  for (const KnownHeader& h : before) seen.emplace(match_key(h.text), h.meaning);
  for (std::size_t i = 1; i < sheet.rows.size(); ++i) {
    const OwnedRow& row = sheet.rows[i];
    const std::string_view key = trim(row.at(*key_col));
    const std::string_view text = trim(row.at(*text_col));
    const auto meaning = meaning_of_key(key);
    if (!meaning) {
      diags.error("config-error", sheet.info.loc(row.row, *key_col),
                  trf("\"{}\" is not a field, a rate, name, code, stt or note", key),
                  std::string(tr("the keys are those of docs/spec.md §2.4")));
      continue;
    }
    if (text.empty()) {
      diags.error("config-error", sheet.info.loc(row.row, *text_col),
                  trf("no header text for {}", key));
      continue;
    }
    const auto [it, added] = seen.emplace(match_key(text), *meaning);
    if (!added && !same(it->second, *meaning)) {
      diags.error("config-error", sheet.info.loc(row.row, *text_col),
                  trf("\"{}\" already names {}; it cannot name {} too", text,
                      meaning_name(it->second), meaning_name(*meaning)));
      continue;
    }
    if (added) out.push_back(KnownHeader{std::string(text), *meaning});
  }
  return out;
}

std::vector<KnownHeader> shipped_headers() {
  Diagnostics diags;
  const auto text = embedded_file(kShippedHeaders);
  if (!text) throw std::logic_error("data/headers.csv is not compiled in");
  const auto sheet = read_csv_sheet_text(*text, std::string(kShippedHeaders), diags);
  std::vector<KnownHeader> out;
  if (sheet) out = parse_header_list(*sheet, {}, diags);
  // The shipped file is checked by the tests: a problem in it is a bug of the build.
  if (!sheet || diags.has_errors()) throw std::logic_error("data/headers.csv is not valid");
  return out;
}

}  // namespace ntr
