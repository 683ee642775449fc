#include <fmt/format.h>

#include <catch2/catch.hpp>
#include <cerrno>
#include <cstring>
#include <string>
#include <vector>

#include "ntreport/diag/diagnostic.hpp"
#include "ntreport/read/csv.hpp"
#include "ntreport/read/sheet.hpp"
#include "test_support.hpp"

namespace {

using ntr_test::Lines;
using ntr_test::messages;

struct Read {
  bool ok = false;
  ntr::SheetCollector sheets;
  ntr::Diagnostics diags;
};

Read read(std::string_view text, const std::string& display = "x.csv") {
  Read r;
  r.ok = ntr::read_csv_text(text, display, r.sheets, r.diags);
  return r;
}

// A sheet as one line per row, "ROW: COL=text | COL=text", so that tests compare whole values.
std::vector<std::string> rows_of(const Read& r) {
  REQUIRE(r.sheets.sheets.size() == 1);
  std::vector<std::string> out;
  for (const auto& row : r.sheets.sheets[0].rows) {
    std::string line = fmt::format("{}:", row.row);
    for (const auto& c : row.cells) {
      CHECK(c.type == ntr::CellType::text);
      line += fmt::format(" {}={}", ntr::column_letters(c.col), c.text);
    }
    out.push_back(line);
  }
  return out;
}

}  // namespace

TEST_CASE("csv: one unnamed sheet per file, non-empty fields as text cells") {
  const Read r = read("a,b,c\n1,,3\n");
  CHECK(r.ok);
  CHECK(r.diags.all().empty());
  REQUIRE(r.sheets.sheets.size() == 1);
  const ntr::SheetInfo& info = r.sheets.sheets[0].info;
  CHECK(info.file == "x.csv");
  CHECK(info.name.empty());
  CHECK(info.index == 0);
  CHECK_FALSE(info.is_workbook);
  CHECK(r.sheets.sheets[0].merges.empty());
  CHECK(rows_of(r) == Lines{"1: A=a B=b C=c", "2: A=1 C=3"});
}

TEST_CASE("csv: a byte order mark is stripped, text is kept exactly") {
  CHECK(rows_of(read("\xEF\xBB\xBFT\xC3\xAAn,  x ,y\n")) == Lines{"1: A=Tên B=  x  C=y"});
  CHECK(rows_of(read("T\xC3\xAAn,x\n")) == Lines{"1: A=Tên B=x"});
  // decomposed text is passed on as it is: normalizing is for matching, not for reading
  CHECK(rows_of(read("Phu\xCC\x89 Ha\xCC\x80\n")) == Lines{"1: A=Phu\xCC\x89 Ha\xCC\x80"});
}

TEST_CASE("csv: the delimiter is sniffed among comma, semicolon and tab") {
  CHECK(ntr::sniff_delimiter("a,b,c\n1,2,3\n") == ',');
  CHECK(ntr::sniff_delimiter("a;b;c\n1;2;3\n") == ';');
  CHECK(ntr::sniff_delimiter("a\tb\tc\n1\t2\t3\n") == '\t');
  // nothing decides: a single column, or no text at all
  CHECK(ntr::sniff_delimiter("Sở Y tế\nSở Tư pháp\n") == ',');
  CHECK(ntr::sniff_delimiter("") == ',');
  // commas inside quotes in a comma file do not count
  CHECK(ntr::sniff_delimiter("stt,name,received,ontime_rate_pub\n"
                             "I,Cấp tỉnh,98.076,\"99,83%\"\n"
                             "1,\"Sở Lao động, Thương binh và Xã hội\",81,100%\n") == ',');
  // a Vietnamese-locale file: semicolons between fields, commas inside numbers
  CHECK(ntr::sniff_delimiter("STT;Tên đơn vị;Tổng số;Tỷ lệ\n"
                             "1;Sở Nội vụ;98,076;99,83%\n"
                             "2;Sở Y tế;81;100%\n") == ';');
  // a semicolon file whose every data row has two decimal commas: the header has none
  CHECK(ntr::sniff_delimiter("a;b;c\n1,5;2,5;3\n4,5;5,5;6\n") == ';');
  // a quoted field with line breaks and semicolons does not break the count
  CHECK(ntr::sniff_delimiter("a,b\n\"x;\ny;z\",1\n2,3\n") == ',');
  // ragged rows: the count most records agree on decides
  CHECK(ntr::sniff_delimiter("a;b;c\n1;2;3\n1;2\n4;5;6\n") == ';');
  // CRLF and blank lines do not disturb the count
  CHECK(ntr::sniff_delimiter("a\tb\r\n\r\n1\t2\r\n") == '\t');
}

TEST_CASE("csv: reads each delimiter") {
  CHECK(rows_of(read("a;b\n98,076;\"x;y\"\n")) == Lines{"1: A=a B=b", "2: A=98,076 B=x;y"});
  CHECK(rows_of(read("a\tb\n1 2\t\"x\ty\"\n")) == Lines{"1: A=a B=b", "2: A=1 2 B=x\ty"});
  CHECK(rows_of(read("a,b\n\"98.076\",\"99,83%\"\n")) ==
        Lines{"1: A=a B=b", "2: A=98.076 B=99,83%"});
}

TEST_CASE("csv: RFC 4180 quoting") {
  // delimiters, doubled quotes and line breaks inside quotes; an empty quoted field is empty
  CHECK(rows_of(read("\"a,b\",\"say \"\"hi\"\"\",\"line1\nline2\",\"\",\"\"\"\"\n")) ==
        Lines{"1: A=a,b B=say \"hi\" C=line1\nline2 E=\""});
  // a quote inside an unquoted field is literal
  CHECK(rows_of(read("ab\"c,5\" x,\"\"\"\"\n")) == Lines{"1: A=ab\"c B=5\" x C=\""});
  // the line break inside a quoted field is kept as written
  CHECK(rows_of(read("\"a\r\nb\",c\r\n")) == Lines{"1: A=a\r\nb B=c"});
  // a quoted field at the very end of the file, without a line break
  CHECK(rows_of(read("x,\"y\"")) == Lines{"1: A=x B=y"});
}

TEST_CASE("csv: CRLF, LF and lone CR line endings") {
  const Lines expected{"1: A=a B=b", "2: A=c B=d", "3: A=e"};
  CHECK(rows_of(read("a,b\r\nc,d\r\ne\r\n")) == expected);
  CHECK(rows_of(read("a,b\nc,d\ne")) == expected);
  CHECK(rows_of(read("a,b\rc,d\re\r")) == expected);
  CHECK(rows_of(read("a,b\r\nc,d\re\n")) == expected);
}

TEST_CASE(
    "csv: blank lines are rows that are not delivered; a quoted line break stays in its row") {
  // row 2 is blank, row 4 holds only empty fields, row 5 is a two-line quoted field
  CHECK(rows_of(read("a\n\nb\n,,\n\"x\ny\",z\nlast\n")) ==
        Lines{"1: A=a", "3: A=b", "5: A=x\ny B=z", "6: A=last"});
  CHECK(rows_of(read("\r\n\r\na\r\n\r\n")) == Lines{"3: A=a"});
  CHECK(rows_of(read("a\r\rb\r")) == Lines{"1: A=a", "3: A=b"});
  // leading whitespace lines still count
  CHECK(rows_of(read("  \na,b\n")) == Lines{"1: A=  ", "2: A=a B=b"});
}

TEST_CASE("csv: an empty file is an error and no sheet") {
  for (const std::string_view text : {std::string_view(""), std::string_view("\xEF\xBB\xBF")}) {
    const Read r = read(text);
    CHECK_FALSE(r.ok);
    CHECK(r.sheets.sheets.empty());
    CHECK(messages(r.diags) ==
          Lines{"x.csv: error[empty-file]: the file holds no data; expected CSV rows"});
  }
  const Read r = read("\xEF\xBB\xBF \r\n\t\n");
  CHECK_FALSE(r.ok);
  CHECK(r.sheets.sheets.empty());
  CHECK(messages(r.diags) ==
        Lines{"x.csv: error[empty-file]: the file holds only blank space; expected CSV rows"});
}

TEST_CASE("csv: invalid UTF-8 names the cell and stops reading") {
  // Windows-1258 "Ph\xF4" is not UTF-8
  const Read r = read("a,b\nc,Ph\xF4\ne,f\n");
  CHECK(r.ok);
  CHECK(rows_of(r) == Lines{"1: A=a B=b"});
  CHECK(messages(r.diags) ==
        Lines{"x.csv:B2: error[bad-encoding]: byte 0xF4 after \"Ph\" is not UTF-8; expected UTF-8 "
              "text (save the file as \"CSV UTF-8\")"});

  const Read quoted = read("a\n\"x\",\"\xC3\x28\"\n");
  CHECK(rows_of(quoted) == Lines{"1: A=a"});
  CHECK(messages(quoted.diags) ==
        Lines{"x.csv:B2: error[bad-encoding]: byte 0xC3 at the start of the cell is not UTF-8; "
              "expected UTF-8 text (save the file as \"CSV UTF-8\")"});
}

TEST_CASE("csv: an unbalanced quote names the cell where it opened") {
  const Read r = read("a,b,c\n1,2,3\n\n4,5,\"Sở Y tế,\n6,7,8\n");
  CHECK(r.ok);
  CHECK(rows_of(r) == Lines{"1: A=a B=b C=c", "2: A=1 B=2 C=3"});
  CHECK(messages(r.diags) ==
        Lines{"x.csv:C4: error[csv-syntax]: the quote opening \"Sở Y tế,…\" is never closed; "
              "expected a closing quote before the end of the file"});
}

TEST_CASE("csv: text after a closing quote is an error; reading goes on") {
  const Read r = read("\"ab\"c,d\ne,\"f\" \n\"Sở \"Tư pháp\"\",1\ng,h\n");
  CHECK(r.ok);
  CHECK(rows_of(r) == Lines{"4: A=g B=h"});
  const std::string after =
      "; expected a delimiter or a line break after it (a quote inside a quoted field is written "
      "twice: \"\")";
  CHECK(messages(r.diags) ==
        Lines{"x.csv:A1: error[csv-syntax]: text \"c\" follows the closing quote of \"ab\"" + after,
              "x.csv:B2: error[csv-syntax]: text \" \" follows the closing quote of \"f\"" + after,
              "x.csv:A3: error[csv-syntax]: text \"Tư pháp\"\"\" follows the closing quote of "
              "\"Sở \"" +
                  after});
}

TEST_CASE("csv: read_csv reads a file saved by Vietnamese-locale Excel") {
  Read r;
  const std::string path = NTR_TEST_DATA "/fixtures/csv/semicolon-bom.csv";
  r.ok = ntr::read_csv(path, "semicolon-bom.csv", r.sheets, r.diags);
  CHECK(r.ok);
  CHECK(r.diags.all().empty());
  CHECK(r.sheets.sheets[0].info.file == "semicolon-bom.csv");
  CHECK(rows_of(r) == Lines{"1: A=STT B=Tên đơn vị C=Tổng số", "2: A=1 B=Sở Tư pháp C=1,566",
                            "3: A=2 B=Sở Y tế C=98,076"});
}

TEST_CASE("csv: a file that cannot be opened is an io-error naming the path and the reason") {
  Read r;
  const std::string path = NTR_TEST_DATA "/fixtures/csv/no-such-file.csv";
  r.ok = ntr::read_csv(path, "no-such-file.csv", r.sheets, r.diags);
  CHECK_FALSE(r.ok);
  CHECK(r.sheets.sheets.empty());
  CHECK(messages(r.diags) ==
        Lines{fmt::format("no-such-file.csv: error[io-error]: cannot open the file: {}",
                          std::strerror(ENOENT))});
  CHECK(r.diags.exit_code() == ntr::ExitCode::io);
}
