// How summary.json names files: the same text whatever the working folder and spelling.
#include <catch2/catch.hpp>
#include <filesystem>

#include "ntreport/pipeline.hpp"

using ntr::path_from_root;

TEST_CASE("files are named from the period folder when there is one") {
  const std::string cwd = std::filesystem::current_path().generic_string();
  CHECK(path_from_root("../p/inputs/a.csv", "../p", {}) == "inputs/a.csv");
  CHECK(path_from_root(cwd + "/../p/./inputs/a.csv", "../p/", {"x"}) == "inputs/a.csv");
  CHECK(path_from_root("other/a.csv", "../p", {}) ==
        std::filesystem::path(cwd + "/other/a.csv")
            .lexically_relative(std::filesystem::absolute("../p").lexically_normal())
            .generic_string());
}

TEST_CASE("without a period folder, from the folder holding the input that named them") {
  CHECK(path_from_root("../case/inputs/sub/a.csv", "", {"../case/inputs"}) == "inputs/sub/a.csv");
  CHECK(path_from_root("/data/x/inputs/a.csv", "", {"/data/x/inputs/"}) == "inputs/a.csv");
  CHECK(path_from_root("/data/x/b.csv", "", {"/data/y", "/data/x/b.csv"}) == "b.csv");
  CHECK(path_from_root("/data/aliases.csv", "", {"/data/x"}) == "aliases.csv");
}
