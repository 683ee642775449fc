// Outputs put in place all together or not at all, in a folder that holds one build.
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <map>

#include "../support/scratch_dir.hpp"
#include "ntreport/diag/diagnostic.hpp"
#include "ntreport/write/output.hpp"

using namespace ntr;
using ntr::test::list_dir;
using ntr::test::read_file;
using ntr::test::ScratchDir;
using ntr::test::write_file;
using Names = std::set<std::string>;

namespace {

// Every entry of a folder, hidden ones too, with its bytes ("/" for a folder).
std::map<std::string, std::string> snapshot(const std::filesystem::path& dir) {
  std::map<std::string, std::string> out;
  for (const auto& e : std::filesystem::recursive_directory_iterator(dir)) {
    out[std::filesystem::relative(e.path(), dir).string()] =
        e.is_directory() ? "/" : read_file(e.path());
  }
  return out;
}

std::vector<std::string> printed(const Diagnostics& diags) {
  std::vector<std::string> out;
  for (const auto& d : diags.all()) out.push_back(format_diagnostic(d));
  return out;
}

bool build(const std::filesystem::path& dir, const std::map<std::string, std::string>& files,
           Diagnostics& diags, OutputOptions options = {}) {
  OutputSet set(dir.string(), options);
  for (const auto& [name, text] : files) {
    if (!set.add_text(name, text, diags)) return false;
  }
  return set.commit(diags);
}

// Sets an environment variable for one scope.
struct Env {
  Env(const char* name, const char* value) : name_(name) { ::setenv(name, value, 1); }
  ~Env() { ::unsetenv(name_); }
  Env(const Env&) = delete;
  Env& operator=(const Env&) = delete;
  const char* name_;
};

}  // namespace

TEST_CASE("OutputSet stages in one folder and puts every file in place on commit") {
  ScratchDir scratch;
  const auto dir = scratch.path() / "out" / "2024";  // missing, with a missing parent
  Diagnostics diags;
  OutputSet set(dir.string());
  REQUIRE(set.add_text("ho-so.md", "## Hồ sơ\n", diags));
  REQUIRE(set.add_file(
      "phu-luc.xlsx",
      [](const std::string& temp) {
        write_file(temp, "xlsx bytes");
        return true;
      },
      diags));
  CHECK(list_dir(dir) == Names{".ntreport-lock", ".ntreport-staging"});
  CHECK(list_dir(dir / ".ntreport-staging") == Names{"ho-so.md", "phu-luc.xlsx"});
  CHECK(set.paths() ==
        std::vector<std::string>{(dir / "ho-so.md").string(), (dir / "phu-luc.xlsx").string()});

  REQUIRE(set.commit(diags));
  CHECK(list_dir(dir) == Names{".ntreport-manifest", "ho-so.md", "phu-luc.xlsx"});
  CHECK(read_file(dir / "ho-so.md") == "## Hồ sơ\n");
  CHECK(read_file(dir / "phu-luc.xlsx") == "xlsx bytes");
  CHECK(read_file(dir / ".ntreport-manifest") ==
        "# ntreport manifest 1: the files ntreport wrote here (size, FNV-1a 64 hash, name)\n"
        "12 f2e8f35ea432f346 ho-so.md\n"  // FNV-1a 64, computed apart in Python
        "10 8b06e1a2edac3bb5 phu-luc.xlsx\n");
  CHECK(diags.all().empty());
}

TEST_CASE("An abandoned OutputSet leaves the folder as it was") {
  ScratchDir scratch;
  const auto& dir = scratch.path();
  write_file(dir / "notes.txt", "not ours\n");
  const auto before = snapshot(dir);
  Diagnostics diags;
  {
    OutputSet set(dir.string());
    REQUIRE(set.add_text("ho-so.md", "new output\n", diags));
    REQUIRE(set.add_text("summary.json", "{}\n", diags));
  }
  CHECK(snapshot(dir) == before);
  CHECK(diags.all().empty());
}

TEST_CASE("A failed file makes commit refuse, and the earlier output stays") {
  ScratchDir scratch;
  const auto& dir = scratch.path();
  Diagnostics diags;
  REQUIRE(build(dir, {{"ho-so.md", "earlier output\n"}}, diags));
  const auto before = snapshot(dir);
  {
    OutputSet set(dir.string());
    REQUIRE(set.add_text("ho-so.md", "new output\n", diags));
    CHECK_FALSE(set.add_file(
        "phu-luc.xlsx",
        [](const std::string& temp) {
          write_file(temp, "half written");
          return false;
        },
        diags));
    CHECK_FALSE(set.commit(diags));
  }
  CHECK(snapshot(dir) == before);
  CHECK(diags.all().empty());  // the writer that failed reports why, not the set
}

TEST_CASE("A file written piece by piece is staged when ended, in that order") {
  ScratchDir scratch;
  const auto& dir = scratch.path();
  Diagnostics diags;
  OutputSet set(dir.string());
  const std::string book = set.begin_file("phu-luc.xlsx", diags);
  REQUIRE_FALSE(book.empty());
  CHECK(set.begin_file("phu-luc.xlsx", diags).empty());  // begun already: the same name twice
  REQUIRE(diags.error_count() == 1);
  CHECK(diags.all()[0].code.name() == "internal");
  diags = Diagnostics{};
  write_file(book, "first sheet, ");
  REQUIRE(set.add_text("ho-so.md", "a table\n", diags));
  write_file(book, "first sheet, second sheet\n");
  REQUIRE(set.end_file("phu-luc.xlsx", true, diags));
  CHECK_FALSE(set.commit(diags));  // refused: the same name was asked for twice
}

TEST_CASE("A file begun and never ended, or ended as failed, makes commit refuse") {
  ScratchDir scratch;
  const auto& dir = scratch.path();
  Diagnostics diags;
  REQUIRE(build(dir, {{"ho-so.md", "earlier output\n"}}, diags));
  const auto before = snapshot(dir);
  for (const bool end_it : {false, true}) {
    OutputSet set(dir.string());
    REQUIRE(set.add_text("ho-so.md", "new output\n", diags));
    const std::string path = set.begin_file("summary.json", diags);
    REQUIRE_FALSE(path.empty());
    write_file(path, "{\"period\": ");
    if (end_it) CHECK_FALSE(set.end_file("summary.json", false, diags));
    CHECK_FALSE(set.commit(diags));
  }
  CHECK(snapshot(dir) == before);
  CHECK(diags.all().empty());
}

TEST_CASE("Files ended are listed in the order they were ended, after those added before") {
  ScratchDir scratch;
  const auto& dir = scratch.path();
  Diagnostics diags;
  OutputSet set(dir.string());
  const std::string json = set.begin_file("summary.json", diags);
  const std::string book = set.begin_file("phu-luc.xlsx", diags);
  REQUIRE(set.add_text("ho-so.md", "a table\n", diags));
  write_file(book, "workbook\n");
  write_file(json, "{}\n");
  REQUIRE(set.end_file("phu-luc.xlsx", true, diags));
  REQUIRE(set.end_file("summary.json", true, diags));
  REQUIRE(set.commit(diags));
  CHECK(set.paths() == std::vector<std::string>{(dir / "ho-so.md").string(),
                                                (dir / "phu-luc.xlsx").string(),
                                                (dir / "summary.json").string()});
  CHECK(read_file(dir / "summary.json") == "{}\n");
  CHECK(diags.all().empty());
}

TEST_CASE("OutputSet reports a folder it cannot create once, however many files follow") {
  ScratchDir scratch;
  write_file(scratch.path() / "file", "x");
  const std::string dir = scratch.str("file") + "/out";
  Diagnostics diags;
  OutputSet set(dir);
  CHECK_FALSE(set.add_text("ho-so.md", "x", diags));
  CHECK_FALSE(set.add_text("summary.json", "{}", diags));
  CHECK_FALSE(set.add_file(
      "phu-luc.xlsx", [](const std::string&) { return true; }, diags));
  CHECK(printed(diags) ==
        std::vector<std::string>{dir + ": error[io-error]: cannot create the output folder: Not a "
                                       "directory"});
  CHECK(diags.exit_code() == ExitCode::io);
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
    CHECK(list_dir(dir / ".ntreport-staging") == Names{"ho-so.md"});
  }
  CHECK(list_dir(scratch.path()) == Names{"out"});
  CHECK(list_dir(scratch.path() / "out").empty());
  CHECK(diags.all().empty());
}

TEST_CASE("A folder where an output goes is refused before anything moves") {
  ScratchDir scratch;
  const auto& dir = scratch.path();
  std::filesystem::create_directory(dir / "summary.json");
  write_file(dir / "summary.json" / "inside", "the user's\n");
  const auto before = snapshot(dir);
  Diagnostics diags;
  CHECK_FALSE(
      build(dir, {{"ho-so.md", "x"}, {"summary.json", "{}"}}, diags, {Ownership::replace, true}));
  CHECK(printed(diags) ==
        std::vector<std::string>{(dir / "summary.json").string() +
                                 ": error[io-error]: cannot replace the output: Is a directory"});
  CHECK(snapshot(dir) == before);
}

TEST_CASE("A file ntreport did not write, or changed since, is refused unless forced") {
  ScratchDir scratch;
  const auto& dir = scratch.path();
  write_file(dir / "ho-so.md", "the user's own\n");
  Diagnostics diags;
  CHECK_FALSE(build(dir, {{"ho-so.md", "new\n"}}, diags));
  CHECK(printed(diags) == std::vector<std::string>{
                              (dir / "ho-so.md").string() +
                              ": error[would-overwrite]: ntreport did not write this file; writing "
                              "here would replace it (move it elsewhere, or give --force to "
                              "replace it)"});
  CHECK(read_file(dir / "ho-so.md") == "the user's own\n");
  CHECK(list_dir(dir) == Names{"ho-so.md"});

  Diagnostics forced;
  REQUIRE(build(dir, {{"ho-so.md", "new\n"}}, forced, {Ownership::replace, true}));
  CHECK(read_file(dir / "ho-so.md") == "new\n");
  write_file(dir / "ho-so.md", "edited by hand\n");
  Diagnostics again;
  CHECK_FALSE(build(dir, {{"ho-so.md", "newer\n"}}, again));
  CHECK(printed(again) ==
        std::vector<std::string>{(dir / "ho-so.md").string() +
                                 ": error[would-overwrite]: this file was changed since ntreport "
                                 "wrote it; writing here would replace it (move it elsewhere, or "
                                 "give --force to replace it)"});
  CHECK(read_file(dir / "ho-so.md") == "edited by hand\n");
}

TEST_CASE("A build removes what the previous one wrote and it does not, and nothing else") {
  ScratchDir scratch;
  const auto& dir = scratch.path();
  write_file(dir / "notes.txt", "the user's\n");
  Diagnostics diags;
  REQUIRE(build(dir, {{"ho-so.md", "a\n"}, {"van-ban.md", "b\n"}, {"summary.json", "{}"}}, diags));
  OutputSet set(dir.string());
  REQUIRE(set.add_text("ho-so.md", "a2\n", diags));
  REQUIRE(set.commit(diags));
  CHECK(set.removed() ==
        std::vector<std::string>{(dir / "summary.json").string(), (dir / "van-ban.md").string()});
  CHECK(list_dir(dir) == Names{".ntreport-manifest", "ho-so.md", "notes.txt"});
  CHECK(read_file(dir / "notes.txt") == "the user's\n");

  // One changed since is not removed: the build is refused.
  REQUIRE(build(dir, {{"ho-so.md", "a\n"}, {"van-ban.md", "b\n"}}, diags));
  write_file(dir / "van-ban.md", "annotated\n");
  Diagnostics refused;
  CHECK_FALSE(build(dir, {{"ho-so.md", "a3\n"}}, refused));
  CHECK(printed(refused) ==
        std::vector<std::string>{(dir / "van-ban.md").string() +
                                 ": error[would-overwrite]: this file was changed since ntreport "
                                 "wrote it; this build no longer writes it and would remove it "
                                 "(move it elsewhere, or give --force to remove it)"});
  CHECK(read_file(dir / "ho-so.md") == "a\n");
  CHECK(diags.all().empty());
}

TEST_CASE("Merged sets keep what earlier runs wrote, and list it while it is unchanged") {
  ScratchDir scratch;
  const auto& dir = scratch.path();
  Diagnostics diags;
  const OutputOptions merge{Ownership::merge, false};
  REQUIRE(build(dir, {{"a.xlsx", "A"}, {"b.xlsx", "B"}}, diags, merge));
  write_file(dir / "b.xlsx", "B, filled in");
  REQUIRE(build(dir, {{"a.xlsx", "A2"}, {"c.xlsx", "C"}}, diags, merge));
  CHECK(list_dir(dir) == Names{".ntreport-manifest", "a.xlsx", "b.xlsx", "c.xlsx"});
  CHECK(read_file(dir / "b.xlsx") == "B, filled in");
  // b.xlsx was filled in: it is the user's now, and writing it again is refused.
  Diagnostics refused;
  CHECK_FALSE(build(dir, {{"b.xlsx", "B2"}}, refused, merge));
  REQUIRE(refused.all().size() == 1);
  CHECK(refused.all()[0].code == Code("would-overwrite"));
  CHECK(read_file(dir / "b.xlsx") == "B, filled in");
}

TEST_CASE("A manifest that is not one is refused, and --force replaces the outputs only") {
  ScratchDir scratch;
  const auto& dir = scratch.path();
  write_file(dir / ".ntreport-manifest",
             "# ntreport manifest 1: the files ntreport wrote here "
             "(size, FNV-1a 64 hash, name)\n1 0000000000000000 ../x\n");
  write_file(dir / "x", "the victim\n");
  Diagnostics diags;
  CHECK_FALSE(build(dir, {{"ho-so.md", "a\n"}}, diags));
  CHECK(printed(diags) ==
        std::vector<std::string>{
            (dir / ".ntreport-manifest").string() +
            ": error[would-overwrite]: the list of the files ntreport wrote here cannot be "
            "understood (line 2: \"../x\" is not the name of a file of the folder), so which "
            "files are ntreport's is not known (remove it, or give --force to replace the "
            "outputs and remove nothing else)"});
  Diagnostics forced;
  REQUIRE(build(dir, {{"ho-so.md", "a\n"}}, forced, {Ownership::replace, true}));
  CHECK(read_file(dir / "x") == "the victim\n");
  CHECK(list_dir(dir) == Names{".ntreport-manifest", "ho-so.md", "x"});
}

TEST_CASE("Names that are no plain file names are never written") {
  ScratchDir scratch;
  Diagnostics diags;
  OutputSet set(scratch.str("out"));
  CHECK_FALSE(set.add_text("../x.md", "x", diags));
  CHECK_FALSE(set.add_text(".hidden", "x", diags));
  CHECK(diags.error_count() == 2);
  CHECK(diags.all()[0].code == Code("internal"));
  CHECK_FALSE(set.commit(diags));
  CHECK(list_dir(scratch.path()).empty());
}

TEST_CASE("A rename that fails half way puts every file back") {
  ScratchDir scratch;
  const auto& dir = scratch.path();
  write_file(dir / "notes.txt", "the user's\n");
  Diagnostics diags;
  REQUIRE(build(dir, {{"a.md", "1\n"}, {"b.md", "1\n"}, {"c.md", "1\n"}}, diags));
  const auto before = snapshot(dir);
  const Env fail("NTREPORT_TEST_FAIL_RENAME", "c.md");
  Diagnostics failed;
  CHECK_FALSE(
      build(dir, {{"a.md", "2\n"}, {"b.md", "2\n"}, {"c.md", "2\n"}, {"d.md", "2\n"}}, failed));
  CHECK(printed(failed) == std::vector<std::string>{(dir / "c.md").string() +
                                                    ": error[io-error]: cannot put the new file "
                                                    "in place: Permission denied"});
  CHECK(snapshot(dir) == before);
}

TEST_CASE("A commit killed half way is undone by the next command on the folder") {
  ScratchDir scratch;
  const auto& dir = scratch.path();
  Diagnostics diags;
  REQUIRE(build(dir, {{"a.md", "old a\n"}, {"b.md", "old b\n"}}, diags));
  const auto before = snapshot(dir);
  // What a SIGKILL between two renames leaves: the staging folder and its journal, the earlier
  // files moved aside, one new file in place.
  std::filesystem::create_directory(dir / ".ntreport-staging");
  std::filesystem::create_directory(dir / ".ntreport-previous");
  write_file(dir / ".ntreport-staging" / ".ntreport-commit", "a.md\nb.md\n.ntreport-manifest\n");
  write_file(dir / ".ntreport-staging" / "b.md", "new b\n");
  write_file(dir / ".ntreport-staging" / ".ntreport-manifest", "new list\n");
  std::filesystem::rename(dir / "a.md", dir / ".ntreport-previous" / "a.md");
  std::filesystem::rename(dir / "b.md", dir / ".ntreport-previous" / "b.md");
  std::filesystem::rename(dir / ".ntreport-manifest",
                          dir / ".ntreport-previous" / ".ntreport-manifest");
  write_file(dir / "a.md", "new a\n");

  Diagnostics next;
  {
    OutputSet set(dir.string());
    REQUIRE(set.add_text("z.md", "", next));
  }  // abandoned: only the recovery shows
  CHECK(snapshot(dir) == before);
  CHECK(printed(next) ==
        std::vector<std::string>{dir.string() +
                                 ": note[output-recovered]: an earlier command was stopped while "
                                 "putting its files here: the files it had replaced are back as "
                                 "they were"});
}

TEST_CASE("A commit killed after its commit point is finished by the next command") {
  ScratchDir scratch;
  const auto& dir = scratch.path();
  Diagnostics diags;
  REQUIRE(build(dir, {{"a.md", "new a\n"}}, diags));
  const auto after = snapshot(dir);
  std::filesystem::create_directory(dir / ".ntreport-staging");
  std::filesystem::create_directory(dir / ".ntreport-previous");
  write_file(dir / ".ntreport-previous" / "a.md", "old a\n");
  Diagnostics next;
  {
    OutputSet set(dir.string());
    REQUIRE(set.add_text("z.md", "", next));
  }
  CHECK(snapshot(dir) == after);
  REQUIRE(next.all().size() == 1);
  CHECK(next.all()[0].code == Code("output-recovered"));
}

TEST_CASE("Two sets cannot write one folder at once") {
  ScratchDir scratch;
  Diagnostics diags;
  OutputSet first(scratch.str());
  REQUIRE(first.add_text("a.md", "1", diags));
  OutputSet second(scratch.str());
  CHECK_FALSE(second.add_text("a.md", "2", diags));
  CHECK(printed(diags) ==
        std::vector<std::string>{scratch.str() +
                                 ": error[io-error]: another ntreport command is writing to this "
                                 "folder (wait for it to finish, then run this one again)"});
  REQUIRE(first.commit(diags));
  CHECK(read_file(scratch.path() / "a.md") == "1");
}

TEST_CASE("remove_pending_temporaries undoes the staging, the lock and the folders created") {
  ScratchDir scratch;
  Diagnostics diags;
  OutputSet set(scratch.str("new") + "/deeper");
  for (int i = 0; i < 200; ++i) {  // far more files than a fixed table of paths would hold
    REQUIRE(set.add_text("form-" + std::to_string(i) + ".xlsx", "x", diags));
  }
  CHECK(list_dir(scratch.path()) == Names{"new"});
  remove_pending_temporaries();  // what the SIGINT handler does
  CHECK(list_dir(scratch.path()).empty());
}

TEST_CASE("Committed sets leave nothing for the handler to remove") {
  ScratchDir scratch;
  const auto& dir = scratch.path();
  Diagnostics diags;
  REQUIRE(build(dir / "new", {{"ho-so.md", "x"}}, diags));
  remove_pending_temporaries();
  CHECK(list_dir(dir / "new") == Names{".ntreport-manifest", "ho-so.md"});
}
