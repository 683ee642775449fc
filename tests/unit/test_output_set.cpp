#include <unistd.h>

#include <catch2/catch.hpp>

#include "../support/scratch_dir.hpp"
#include "ntreport/diag/diagnostic.hpp"
#include "ntreport/write/output.hpp"

using namespace ntr;
using ntr::test::list_dir;
using ntr::test::read_file;
using ntr::test::ScratchDir;
using Names = std::set<std::string>;

namespace {

std::string temp_name(const std::string& name) {
  return "." + name + "." + std::to_string(::getpid()) + ".tmp";
}

}  // namespace

TEST_CASE("OutputSet stages temporaries and renames them on commit") {
  ScratchDir scratch;
  const auto dir = scratch.path() / "out" / "2024";  // missing, with a missing parent
  Diagnostics diags;
  OutputSet set(dir.string());
  REQUIRE(set.add_text("ho-so.md", "## Hồ sơ\n", diags));
  REQUIRE(set.add_file(
      "phu-luc.xlsx",
      [](const std::string& temp) {
        ntr::test::write_file(temp, "xlsx bytes");
        return true;
      },
      diags));
  CHECK(list_dir(dir) == Names{temp_name("ho-so.md"), temp_name("phu-luc.xlsx")});
  CHECK(set.paths() ==
        std::vector<std::string>{(dir / "ho-so.md").string(), (dir / "phu-luc.xlsx").string()});

  REQUIRE(set.commit(diags));
  CHECK(list_dir(dir) == Names{"ho-so.md", "phu-luc.xlsx"});
  CHECK(read_file(dir / "ho-so.md") == "## Hồ sơ\n");
  CHECK(read_file(dir / "phu-luc.xlsx") == "xlsx bytes");
  CHECK(diags.all().empty());
}

TEST_CASE("An abandoned OutputSet leaves the folder as it was") {
  ScratchDir scratch;
  const auto& dir = scratch.path();
  ntr::test::write_file(dir / "ho-so.md", "earlier output\n");
  ntr::test::write_file(dir / "notes.txt", "not ours\n");
  const Names before = list_dir(dir);
  Diagnostics diags;
  {
    OutputSet set(dir.string());
    REQUIRE(set.add_text("ho-so.md", "new output\n", diags));
    REQUIRE(set.add_text("summary.json", "{}\n", diags));
    CHECK(list_dir(dir) ==
          Names{"ho-so.md", "notes.txt", temp_name("ho-so.md"), temp_name("summary.json")});
  }
  CHECK(list_dir(dir) == before);
  CHECK(read_file(dir / "ho-so.md") == "earlier output\n");
  CHECK(diags.all().empty());
}

TEST_CASE("A failed file makes commit refuse, and the earlier output stays") {
  ScratchDir scratch;
  const auto& dir = scratch.path();
  ntr::test::write_file(dir / "ho-so.md", "earlier output\n");
  Diagnostics diags;
  {
    OutputSet set(dir.string());
    REQUIRE(set.add_text("ho-so.md", "new output\n", diags));
    CHECK_FALSE(set.add_file(
        "phu-luc.xlsx",
        [](const std::string& temp) {
          ntr::test::write_file(temp, "half written");
          return false;
        },
        diags));
    CHECK(list_dir(dir) == Names{"ho-so.md", temp_name("ho-so.md")});
    CHECK_FALSE(set.commit(diags));
    CHECK(read_file(dir / "ho-so.md") == "earlier output\n");
  }
  CHECK(list_dir(dir) == Names{"ho-so.md"});
  CHECK(diags.all().empty());  // the writer that failed reports why, not the set
}

TEST_CASE("OutputSet reports a folder it cannot create") {
  ScratchDir scratch;
  ntr::test::write_file(scratch.path() / "file", "x");
  const std::string dir = scratch.str("file") + "/out";
  Diagnostics diags;
  OutputSet set(dir);
  CHECK_FALSE(set.add_text("ho-so.md", "x", diags));
  REQUIRE(diags.all().size() == 1);
  CHECK(format_diagnostic(diags.all()[0]) ==
        dir + ": error[io-error]: cannot create the output folder: Not a directory");
  CHECK(diags.exit_code() == ExitCode::io);
}

TEST_CASE("OutputSet reports a folder it cannot create once, however many files follow") {
  ScratchDir scratch;
  ntr::test::write_file(scratch.path() / "file", "x");
  Diagnostics diags;
  OutputSet set(scratch.str("file") + "/out");
  CHECK_FALSE(set.add_text("ho-so.md", "x", diags));
  CHECK_FALSE(set.add_text("summary.json", "{}", diags));
  CHECK_FALSE(set.add_file(
      "phu-luc.xlsx", [](const std::string&) { return true; }, diags));
  CHECK(diags.error_count() == 1);
  CHECK_FALSE(set.commit(diags));
  CHECK(list_dir(scratch.path()) == Names{"file"});
}

TEST_CASE("An abandoned OutputSet removes the folders it created, and only those") {
  ScratchDir scratch;
  std::filesystem::create_directory(scratch.path() / "out");
  const auto dir = scratch.path() / "out" / "2024" / "final";
  Diagnostics diags;
  {
    OutputSet set(dir.string() + "/");
    REQUIRE(set.add_text("ho-so.md", "x", diags));
    CHECK(list_dir(dir) == Names{temp_name("ho-so.md")});
  }
  CHECK(list_dir(scratch.path()) == Names{"out"});
  CHECK(list_dir(scratch.path() / "out").empty());
  CHECK(diags.all().empty());
}

TEST_CASE("OutputSet refuses to replace a folder and renames nothing") {
  ScratchDir scratch;
  const auto& dir = scratch.path();
  std::filesystem::create_directory(dir / "summary.json");
  Diagnostics diags;
  OutputSet set(dir.string());
  REQUIRE(set.add_text("ho-so.md", "x", diags));
  REQUIRE(set.add_text("summary.json", "{}", diags));
  CHECK_FALSE(set.commit(diags));
  REQUIRE(diags.all().size() == 1);
  CHECK(format_diagnostic(diags.all()[0]) ==
        (dir / "summary.json").string() +
            ": error[io-error]: cannot replace the output: Is a directory");
  CHECK(list_dir(dir) == Names{"summary.json", temp_name("ho-so.md"), temp_name("summary.json")});
}

TEST_CASE("remove_pending_temporaries unlinks what is not yet renamed") {
  ScratchDir scratch;
  const auto& dir = scratch.path();
  Diagnostics diags;
  OutputSet set(dir.string());
  REQUIRE(set.add_text("ho-so.md", "x", diags));
  REQUIRE(set.add_text("van-ban.md", "y", diags));
  CHECK(list_dir(dir).size() == 2);
  remove_pending_temporaries();
  CHECK(list_dir(dir).empty());
  // The set now has nothing to rename: it says so, naming the file.
  CHECK_FALSE(set.commit(diags));
  REQUIRE(diags.all().size() == 1);
  CHECK(format_diagnostic(diags.all()[0]) ==
        (dir / "ho-so.md").string() + ": error[io-error]: cannot rename \"" +
            (dir / temp_name("ho-so.md")).string() + "\" into place: No such file or directory");
}

TEST_CASE("remove_pending_temporaries also removes the folders the set created") {
  ScratchDir scratch;
  Diagnostics diags;
  OutputSet set(scratch.str("new") + "/deeper");
  REQUIRE(set.add_text("ho-so.md", "x", diags));
  CHECK(list_dir(scratch.path()) == Names{"new"});
  remove_pending_temporaries();  // what the SIGINT handler does
  CHECK(list_dir(scratch.path()).empty());
}

TEST_CASE("Committed files are no longer pending") {
  ScratchDir scratch;
  const auto& dir = scratch.path();
  Diagnostics diags;
  {
    OutputSet set((dir / "new").string());
    REQUIRE(set.add_text("ho-so.md", "x", diags));
    REQUIRE(set.commit(diags));
  }
  remove_pending_temporaries();
  CHECK(list_dir(dir / "new") == Names{"ho-so.md"});
}
