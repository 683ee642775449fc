// The printed-table mechanics ingest and audit share: the column map from a header, a count
// cell read (with one message when it is not a count), and the rows a subtotal covers.
#include <catch2/catch.hpp>

#include "audit_test_support.hpp"
#include "ntreport/ingest/count.hpp"
#include "ntreport/ingest/ingest.hpp"
#include "ntreport/ingest/table.hpp"

using namespace ntr;
using ntr_test::audit_registry;
using ntr_test::Lines;

namespace {

HeaderColumn column(std::uint32_t col, ColumnRole role, std::string text) {
  HeaderColumn c;
  c.col = col;
  c.meaning.role = role;
  c.text = std::move(text);
  return c;
}

HeaderColumn field_column(std::uint32_t col, Field f, std::string text) {
  HeaderColumn c = column(col, ColumnRole::field, std::move(text));
  c.meaning.field = f;
  return c;
}

HeaderColumn rate_column(std::uint32_t col, Rate r, std::string text) {
  HeaderColumn c = column(col, ColumnRole::rate, std::move(text));
  c.meaning.rate = r;
  return c;
}

UnitId unit(const char* code) { return audit_registry().find_code(code); }

// The diagnostics of one code an ingest of the CSV text prints.
Lines ingest_lines(std::string_view csv, std::string_view code) {
  Diagnostics diags;
  Ingest in(audit_registry(), diags);
  HeaderDetector det(in, diags);
  in.begin_file("t.csv");
  read_csv_text(csv, "t.csv", det, diags);
  in.end_file();
  (void)in.finish();
  Lines out;
  for (const auto& d : diags.sorted()) {
    if (d.code.name() == code) out.push_back(format_diagnostic(d));
  }
  return out;
}

}  // namespace

TEST_CASE("the column map: each field's column and header on one line, the first of a rate") {
  TableHeader h;
  h.columns = {column(1, ColumnRole::stt, "STT"),
               column(2, ColumnRole::name, "Tên đơn vị"),
               column(3, ColumnRole::code, "Mã"),
               field_column(4, Field::docs_in, "VB\nđến"),
               field_column(6, Field::docs_out, "  VB   đi "),
               rate_column(7, Rate::signed_ratio, "Tỷ lệ\r\nký số"),
               rate_column(8, Rate::signed_ratio, "Tỷ lệ ký số (lần 2)"),
               column(9, ColumnRole::note, "Ghi chú")};
  const ColumnMap m = map_columns(h);
  CHECK(m.stt_col == 1);
  CHECK(m.name_col == 2);
  CHECK(m.code_col == 3);
  CHECK(m.field_col[static_cast<std::size_t>(Field::docs_in)] == 4);
  CHECK(m.field_header[static_cast<std::size_t>(Field::docs_in)] == "VB đến");
  CHECK(m.field_header[static_cast<std::size_t>(Field::docs_out)] == "VB đi");
  CHECK(m.field_col[static_cast<std::size_t>(Field::docs_out_signed)] == 0);  // not printed
  CHECK(m.field_at(4) == Field::docs_in);
  CHECK(m.field_at(6) == Field::docs_out);
  for (std::uint32_t col : {0U, 1U, 2U, 3U, 5U, 7U, 9U, 1000U}) {
    INFO(col);
    CHECK_FALSE(m.field_at(col).has_value());
  }
  // A second column of a rate is not read: the first one is.
  CHECK(m.rate_col[static_cast<std::size_t>(Rate::signed_ratio)] == 7);
  CHECK(m.rate_header[static_cast<std::size_t>(Rate::signed_ratio)] == "Tỷ lệ ký số");
  CHECK(m.rate_at(7) == Rate::signed_ratio);
  CHECK_FALSE(m.rate_at(8).has_value());
  CHECK_FALSE(m.rate_at(4).has_value());
}

TEST_CASE("a count cell: blank is not a zero, a count, or not a count") {
  using K = CountCell::Kind;
  auto read = [](CellType type, std::string_view text) {
    return read_count_cell(CellView{1, type, text});
  };
  CHECK(read(CellType::text, "").kind == K::blank);
  CHECK(read(CellType::text, "  \xC2\xA0 ").kind == K::blank);
  const CountCell zero = read(CellType::text, "0");
  CHECK(zero.kind == K::count);
  CHECK(zero.value == 0);
  CHECK(read(CellType::text, " 98.076 ").value == 98076);
  CHECK(read(CellType::number, "12").value == 12);
  CHECK(read(CellType::text, "12a").kind == K::bad);
  CHECK(read(CellType::text, "-").kind == K::bad);  // a dash is not a blank
  CHECK(read(CellType::number, "2.5").kind == K::bad);
  CHECK(read(CellType::error, "#REF!").kind == K::bad);
}

TEST_CASE("a cell that is not a count: one message, its hint where one helps") {
  Diagnostics diags;
  const SourceLoc at{"t.csv", {}, 0, 3, 4, false};
  report_not_a_count(diags, at, "VB đến", CellView{4, CellType::text, " 12 hồ sơ "});
  report_not_a_count(diags, at, "VB đến", CellView{4, CellType::text, "5a5"});
  report_not_a_count(diags, at, "VB đến", CellView{4, CellType::number, "12.5"});
  CHECK(ntr_test::messages(diags) ==
        Lines{"t.csv:D3: error[not-a-count]: \"VB đến\" expects a whole number ≥ 0, got \"12 "
              "hồ sơ\" (write the number alone, without words or units)",
              "t.csv:D3: error[not-a-count]: \"VB đến\" expects a whole number ≥ 0, got \"5a5\"",
              "t.csv:D3: error[not-a-count]: \"VB đến\" expects a whole number ≥ 0, got \"12.5\" "
              "(a count is a whole number; '.' and ',' only group thousands, as in 98.076)"});
}

TEST_CASE("ingest and audit say the same of the same wrong count cell") {
  const std::string csv =
      "STT,Tên đơn vị,\"VB\nđến\",VB đi\n"
      "1,Sở A, 12 hồ sơ ,x\n"
      "2,Sở B,3,-4\n";
  const Lines want{
      "t.csv:C2: error[not-a-count]: \"VB đến\" expects a whole number ≥ 0, got \"12 hồ sơ\" "
      "(write the number alone, without words or units)",
      "t.csv:D2: error[not-a-count]: \"VB đi\" expects a whole number ≥ 0, got \"x\" (leave the "
      "cell empty when not reported, or write 0)",
      "t.csv:D3: error[not-a-count]: \"VB đi\" expects a whole number ≥ 0, got \"-4\" (counts "
      "cannot be negative)"};
  CHECK(ingest_lines(csv, "not-a-count") == want);
  const ntr_test::AuditRun audit = ntr_test::audit_csv(csv);
  CHECK(audit.problems == want);
}

TEST_CASE("the rows a subtotal covers") {
  const Registry& reg = audit_registry();
  const Subtotal total = subtotal_of(RowIdentity::Kind::total, 0, kNoUnit);
  const LevelId xa = reg.unit(unit("h1.x1")).level;
  const LevelId tinh = reg.unit(unit("a")).level;
  const Subtotal level_xa = subtotal_of(RowIdentity::Kind::level, xa, kNoUnit);
  const Subtotal xa_of_h1 = subtotal_of(RowIdentity::Kind::group, xa, unit("h1"));
  const Subtotal sub_b = subtotal_of(RowIdentity::Kind::unit, 0, unit("b"));
  const Subtotal sub_cn = subtotal_of(RowIdentity::Kind::unit, 0, unit("b.cn"));
  for (const char* code : {"a", "b.vp", "b.cn.1", "h1", "h1.x1", "h2.x3"}) {
    INFO(code);
    CHECK(covers(reg, total, unit(code)));
  }
  CHECK(covers(reg, level_xa, unit("h1.x1")));
  CHECK(covers(reg, level_xa, unit("h2.x3")));
  CHECK_FALSE(covers(reg, level_xa, unit("h1")));  // the district is not of the level
  CHECK(covers(reg, subtotal_of(RowIdentity::Kind::level, tinh, kNoUnit), unit("b.cn.2")));
  CHECK(covers(reg, xa_of_h1, unit("h1.x1")));
  CHECK(covers(reg, xa_of_h1, unit("h1.x2")));
  CHECK_FALSE(covers(reg, xa_of_h1, unit("h2.x3")));  // another area
  CHECK_FALSE(covers(reg, xa_of_h1, unit("h1")));     // the area itself is no commune
  // A unit row covers its descendants, all the way down, and nothing else.
  CHECK(covers(reg, sub_b, unit("b.vp")));
  CHECK(covers(reg, sub_b, unit("b.cn")));
  CHECK(covers(reg, sub_b, unit("b.cn.1")));
  CHECK_FALSE(covers(reg, sub_b, unit("b")));
  CHECK_FALSE(covers(reg, sub_b, unit("a")));
  CHECK(covers(reg, sub_cn, unit("b.cn.2")));
  CHECK_FALSE(covers(reg, sub_cn, unit("b.vp")));
  // What a row of each kind is, whatever else it was identified with.
  CHECK(subtotal_of(RowIdentity::Kind::level, xa, unit("h1")) == level_xa);
  CHECK(subtotal_of(RowIdentity::Kind::total, xa, unit("h1")) == total);
}

TEST_CASE("the parents listed with their sub-units, and the sums of each subtotal") {
  const Registry& reg = audit_registry();
  ListedParents listed;
  listed.add(reg, unit("b.cn.1"));
  listed.add(reg, unit("h1.x1"));  // a commune lies in its district, but is no sub-unit of it
  CHECK(listed.contains(unit("b.cn")));
  CHECK(listed.contains(unit("b")));
  CHECK_FALSE(listed.contains(unit("b.cn.1")));
  CHECK_FALSE(listed.contains(unit("h1")));
  CHECK_FALSE(listed.contains(unit("a")));

  SubtotalSums sums;
  auto values = [](std::int64_t in, std::optional<std::int64_t> out) {
    Values v;
    v.set(Field::docs_in, in);
    if (out) v.set(Field::docs_out, *out);
    return v;
  };
  sums.add(reg, unit("b.cn.1"), values(10, 1));
  sums.add(reg, unit("b.cn.2"), values(20, std::nullopt));  // a blank is not a zero
  sums.add(reg, unit("b.vp"), values(5, 2));
  sums.add(reg, unit("h1.x1"), values(7, 3));
  sums.add(reg, unit("h2.x3"), values(100, 4));
  const Values cn = sums.covered(subtotal_of(RowIdentity::Kind::unit, 0, unit("b.cn")));
  CHECK(cn.get(Field::docs_in) == 30);
  CHECK(cn.get(Field::docs_out) == 1);
  const Values b = sums.covered(subtotal_of(RowIdentity::Kind::unit, 0, unit("b")));
  CHECK(b.get(Field::docs_in) == 35);
  const LevelId xa = reg.unit(unit("h1.x1")).level;
  const Values h1 = sums.covered(subtotal_of(RowIdentity::Kind::group, xa, unit("h1")));
  CHECK(h1.get(Field::docs_in) == 7);
  const Values all = sums.covered(subtotal_of(RowIdentity::Kind::total, 0, kNoUnit));
  CHECK(all.get(Field::docs_in) == 142);
  CHECK(all.get(Field::docs_out) == 10);
  CHECK(sums.covered(subtotal_of(RowIdentity::Kind::unit, 0, unit("a"))).empty());
}

TEST_CASE("a subtotal against the rows it covers, its column named on one line by both stages") {
  const std::string csv =
      "STT,Tên đơn vị,\"VB\nđến\"\n"
      ",Tổng cộng,10\n"
      "1,Sở A,3\n"
      "2,Xã Một,4\n";
  CHECK(ingest_lines(csv, "subtotal-mismatch") ==
        Lines{"t.csv:C2: warning[subtotal-mismatch]: \"VB đến\" of \"Tổng cộng\" is "
              "10, but the rows it covers sum to 7"});
  const ntr_test::AuditRun audit = ntr_test::audit_csv(csv);
  CHECK(audit.lines ==
        Lines{"t.csv:C2: Tổng cộng — VB đến: printed 10, recomputed 7 (sum of rows 3–4 = 7)"});
}
