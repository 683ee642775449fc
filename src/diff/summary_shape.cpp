#include "ntreport/diff/summary_shape.hpp"

#include <fmt/format.h>

#include <charconv>
#include <cstdint>

#include "ntreport/model/fields.hpp"
#include "ntreport/text/translate.hpp"

namespace ntr {

namespace {

using Kind = JsonValue::Kind;

std::string_view kind_name(Kind k) {
  switch (k) {
    case Kind::null:
      return "null";
    case Kind::boolean:
      return tr("true or false");
    case Kind::number:
      return tr("a number");
    case Kind::string:
      return tr("a string");
    case Kind::array:
      return tr("an array");
    case Kind::object:
      return tr("an object");
  }
  return "a value";
}

// `path.key`, or `path["key"]` when the key is no identifier.
std::string member_path(const std::string& path, std::string_view key) {
  const bool plain =
      !key.empty() && key.find_first_not_of(
                          "abcdefghijklmnopqrstuvwxyz"
                          "ABCDEFGHIJKLMNOPQRSTUVWXYZ_0123456789") == std::string_view::npos;
  if (plain) return path.empty() ? std::string(key) : fmt::format("{}.{}", path, key);
  std::string quoted;
  for (const char c : key) {
    if (c == '"' || c == '\\') quoted += '\\';
    quoted += c;
  }
  return fmt::format("{}[\"{}\"]", path, quoted);
}

bool is_count(const JsonValue& v) {
  if (!v.is(Kind::number) || v.text.find_first_not_of("0123456789") != std::string::npos)
    return false;
  std::int64_t n = 0;
  const auto [end, ec] = std::from_chars(v.text.data(), v.text.data() + v.text.size(), n);
  return ec == std::errc() && end == v.text.data() + v.text.size();
}

bool is_rate(const JsonValue& v) {
  return v.is(Kind::null) || (v.is(Kind::number) && v.text.front() != '-');
}

class Shape {
 public:
  Shape(const std::string& file, Diagnostics& diags) : file_(file), diags_(diags) {}

  void document(const JsonValue& doc) {
    if (!doc.is(Kind::object)) return bad("", doc, N_("an object"));
    const JsonValue* apps = doc.find("appendices");
    if (apps == nullptr) {
      return fail(std::string(tr("it has no \"appendices\" object")));
    }
    if (const JsonValue* p = doc.find("period"); p != nullptr && !p->is(Kind::null)) {
      if (expect(*p, Kind::object, "period", N_("an object with from and to"))) {
        for (const char* k : {"from", "to"}) {
          if (const JsonValue* d = p->find(k))
            expect(*d, Kind::string, member_path("period", k), N_("a date"));
        }
      }
    }
    if (const JsonValue* w = doc.find("warnings"))
      expect(*w, Kind::array, "warnings", N_("an array"));
    if (!expect(*apps, Kind::object, "appendices", N_("an object of appendices by id"))) return;
    for (const auto& m : apps->members) appendix(m.value, member_path("appendices", m.key));
  }

  [[nodiscard]] bool ok() const { return ok_; }

 private:
  void fail(std::string what) {
    ok_ = false;
    diags_.error("bad-json", SourceLoc{file_, {}, 0, 0, 0, false},
                 trf("not a summary.json of ntreport: {}", what));
  }
  // `expected` is marked N_() where it is written and translated here.
  void bad(const std::string& path, const JsonValue& v, std::string_view expected) {
    const std::string found = v.is(Kind::number) ? v.text : std::string(kind_name(v.kind));
    fail(trf("{} is {}; expected {}", path.empty() ? tr("the document") : std::string_view(path),
             found, tr(expected)));
  }
  bool expect(const JsonValue& v, Kind kind, const std::string& path, std::string_view expected) {
    if (v.is(kind)) return true;
    bad(path, v, expected);
    return false;
  }

  void appendix(const JsonValue& a, const std::string& path) {
    if (!expect(a, Kind::object, path, N_("an object"))) return;
    for (const char* k : {"title", "layout"}) {
      if (const JsonValue* v = a.find(k))
        expect(*v, Kind::string, member_path(path, k), N_("a string"));
    }
    for (const char* k : {"levels", "units"}) {
      const JsonValue* rows = a.find(k);
      const std::string at = member_path(path, k);
      if (rows == nullptr || !expect(*rows, Kind::object, at, N_("an object of rows by key")))
        continue;
      for (const auto& m : rows->members) row(m.value, member_path(at, m.key));
    }
    for (const char* k : {"groups", "items"}) {
      const JsonValue* rows = a.find(k);
      const std::string at = member_path(path, k);
      if (rows == nullptr || !expect(*rows, Kind::array, at, N_("an array of rows"))) continue;
      for (std::size_t i = 0; i < rows->items.size(); ++i) {
        row(rows->items[i], fmt::format("{}[{}]", at, i));
      }
    }
    if (const JsonValue* t = a.find("total"); t != nullptr && !t->is(Kind::null)) {
      row(*t, member_path(path, "total"));
    }
    if (const JsonValue* nr = a.find("not_reported")) {
      const std::string at = member_path(path, "not_reported");
      if (expect(*nr, Kind::array, at, N_("an array of unit codes"))) {
        for (std::size_t i = 0; i < nr->items.size(); ++i) {
          expect(nr->items[i], Kind::string, fmt::format("{}[{}]", at, i), N_("a unit code"));
        }
      }
    }
  }

  // A row: what names it (strings), how many units it covers, its figures (whole numbers ≥ 0)
  // and rates (≥ 0 or null). Members a later version may add are any single value.
  void row(const JsonValue& r, const std::string& path) {
    if (!expect(r, Kind::object, path, N_("an object"))) return;
    for (const auto& m : r.members) {
      const std::string at = member_path(path, m.key);
      const JsonValue& v = m.value;
      if (m.key == "name" || m.key == "level" || m.key == "label" || m.key == "area" ||
          m.key == "status" || m.key == "coverage_note" || m.key == "not_comparable") {
        expect(v, Kind::string, at, N_("a string"));
      } else if (m.key == "stt") {
        if (!v.is(Kind::string) && !v.is(Kind::number)) bad(at, v, N_("a row number"));
      } else if (field_by_key(m.key) || m.key == "units" || m.key == "units_reported") {
        if (!is_count(v)) bad(at, v, N_("a whole number ≥ 0"));
      } else if (rate_by_key(m.key) || m.key == "result") {
        if (!is_rate(v)) bad(at, v, N_("a rate ≥ 0, or null"));
      } else if (m.key == "previous") {
        if (v.is(Kind::object)) {
          row(v, at);  // the earlier period's figures of the row (build --previous)
        } else if (!v.is(Kind::null)) {
          bad(at, v, N_("an object of figures, or null"));
        }
      } else if (v.is(Kind::array) || v.is(Kind::object)) {
        bad(at, v, N_("a number, a text or null"));
      }
    }
  }

  const std::string& file_;
  Diagnostics& diags_;
  bool ok_ = true;
};

}  // namespace

bool check_summary_shape(const JsonValue& summary, const std::string& file, Diagnostics& diags) {
  Shape shape(file, diags);
  shape.document(summary);
  return shape.ok();
}

}  // namespace ntr
