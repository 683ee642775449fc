// Codes and ids name files: only plain names pass.
#include <catch2/catch.hpp>
#include <string>

#include "ntreport/text/names.hpp"

TEST_CASE("Codes and ids that are plain names pass") {
  for (const char* ok : {"so-y-te", "so-tnmt.van-phong", "xa_01", "A1", "ho-so", "9"}) {
    INFO(ok);
    CHECK(ntr::name_problem(ok).empty());
  }
  CHECK(ntr::name_problem(std::string(100, 'a')).empty());
}

TEST_CASE("Anything that could be a path, a hidden file or a control sequence is refused") {
  CHECK(ntr::name_problem("") == "is empty");
  CHECK(ntr::name_problem(std::string(101, 'a')) == "is longer than 100 characters");
  CHECK(ntr::name_problem("./../../x") == "holds '/'");
  CHECK(ntr::name_problem("a\\b") == "holds '\\'");
  CHECK(ntr::name_problem("..") == "begins with '.'");
  CHECK(ntr::name_problem(".hidden") == "begins with '.'");
  CHECK(ntr::name_problem("-rf") == "begins with '-'");
  CHECK(ntr::name_problem("a..b") == "holds \"..\"");
  CHECK(ntr::name_problem("so y te") == "holds a space");
  CHECK(ntr::name_problem("so\nx") == "holds a control character");
  CHECK(ntr::name_problem("so\x1b[31m") == "holds a control character");
  CHECK(ntr::name_problem("sở") == "holds a character outside ASCII");
  CHECK(ntr::name_problem("C:x") == "holds ':'");
}
