#include <pthread.h>
#include <sys/stat.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cerrno>
#include <csignal>
#include <string>
#include <vector>

#include "../support/scratch_dir.hpp"
#include "ntreport/platform/files.hpp"
#include "ntreport/platform/paths.hpp"
#include "ntreport/platform/process.hpp"

using namespace ntr;
using ntr::test::read_file;
using ntr::test::ScratchDir;

TEST_CASE("UTF-8 names become paths and come back unchanged, with '/' between parts") {
  const std::string name = "Báo cáo 2024/Đầu vào/Hồ sơ Phước Hậu.csv";
  const std::filesystem::path p = platform::fs_path(name);
  CHECK(platform::utf8_path(p) == name);
  CHECK(platform::utf8_path(p.filename()) == "Hồ sơ Phước Hậu.csv");
  CHECK(platform::utf8_path(p.parent_path()) == "Báo cáo 2024/Đầu vào");
  CHECK(platform::utf8_path(platform::fs_path("Kết quả") / "ho-so.md") == "Kết quả/ho-so.md");
}

TEST_CASE("create_new makes a file that was not there, and refuses one that is") {
  ScratchDir scratch;
  const std::string path = scratch.str("Phước Hậu.md.tmp");
  const int fd = platform::create_new(path);
  REQUIRE(fd >= 0);
  CHECK(platform::write_all(fd, "## Hồ sơ\n"));
  CHECK(platform::sync(fd));
  CHECK(platform::close(fd));
  CHECK(read_file(path) == "## Hồ sơ\n");

  errno = 0;
  CHECK(platform::create_new(path) == -1);
  CHECK(errno == EEXIST);
  CHECK(read_file(path) == "## Hồ sơ\n");
}

TEST_CASE("replace puts a file over another; a missing source is ENOENT") {
  ScratchDir scratch;
  ntr::test::write_file(scratch.path() / "new", "new");
  ntr::test::write_file(scratch.path() / "old", "old");
  REQUIRE(platform::replace(scratch.str("new"), scratch.str("old")));
  CHECK(read_file(scratch.path() / "old") == "new");
  CHECK_FALSE(std::filesystem::exists(scratch.path() / "new"));
  CHECK_FALSE(platform::held_open(scratch.str("old")));  // a rename always can on POSIX

  errno = 0;
  CHECK_FALSE(platform::replace(scratch.str("new"), scratch.str("old")));
  CHECK(errno == ENOENT);
}

TEST_CASE("Reading a descriptor: kind, size and bytes; a folder says it is one") {
  ScratchDir scratch;
  ntr::test::write_file(scratch.path() / "a.xlsx", "PK\x03\x04 and more");
  const int fd = platform::open_read(scratch.str("a.xlsx"));
  REQUIRE(fd >= 0);
  platform::FileKind kind;
  REQUIRE(platform::kind_of(fd, kind));
  CHECK(kind.regular);
  CHECK_FALSE(kind.folder);
  CHECK(kind.size == 13);
  std::vector<char> buf(64);
  CHECK(platform::read_some(fd, buf.data(), buf.size()) == 13);
  CHECK(platform::read_some(fd, buf.data(), buf.size()) == 0);
  CHECK(platform::close(fd));

  const int dir = platform::open_read(scratch.str());
  REQUIRE(dir >= 0);
  REQUIRE(platform::kind_of(dir, kind));
  CHECK(kind.folder);
  CHECK(platform::close(dir));
}

TEST_CASE("remove_file and remove_folder say whether the name is gone") {
  ScratchDir scratch;
  std::filesystem::create_directory(scratch.path() / "out");
  ntr::test::write_file(scratch.path() / "out" / "x.tmp", "x");
  CHECK_FALSE(platform::remove_folder(scratch.str("out").c_str()));  // not empty
  CHECK(platform::remove_file(scratch.str("out/x.tmp").c_str()));
  CHECK(platform::remove_file(scratch.str("out/x.tmp").c_str()));  // never there: gone
  CHECK(platform::remove_folder(scratch.str("out").c_str()));
  CHECK_FALSE(std::filesystem::exists(scratch.path() / "out"));
}

TEST_CASE("Arguments keep the command line, ending in a null pointer") {
  std::string a0 = "ntreport", a1 = "build", a2 = "Báo cáo 2024";
  char* argv[] = {a0.data(), a1.data(), a2.data(), nullptr};
  platform::Arguments args(3, argv);
  REQUIRE(args.argc() == 3);
  CHECK(std::string(args.argv()[2]) == "Báo cáo 2024");
  CHECK(args.argv()[3] == nullptr);
}

namespace {
bool interrupts_blocked() {
  sigset_t now;
  ::pthread_sigmask(SIG_SETMASK, nullptr, &now);
  return sigismember(&now, SIGINT) == 1 && sigismember(&now, SIGTERM) == 1 &&
         sigismember(&now, SIGHUP) == 1;
}
}  // namespace

TEST_CASE("InterruptGuard holds interrupts while the outermost guard lives") {
  REQUIRE_FALSE(interrupts_blocked());
  {
    const platform::InterruptGuard outer;
    CHECK(interrupts_blocked());
    {
      const platform::InterruptGuard inner;
      CHECK(interrupts_blocked());
    }
    CHECK(interrupts_blocked());  // the inner guard did not release the outer one's hold
  }
  CHECK_FALSE(interrupts_blocked());
}

TEST_CASE("remove_tree removes a folder with what it holds") {
  ScratchDir scratch;
  std::filesystem::create_directories(scratch.path() / "stage" / "Kết quả");
  ntr::test::write_file(scratch.path() / "stage" / "Kết quả" / "ho-so.md", "x");
  CHECK(platform::remove_tree(scratch.str("stage")));
  CHECK_FALSE(std::filesystem::exists(scratch.path() / "stage"));
  CHECK(platform::remove_tree(scratch.str("stage")));  // never there: gone
}

TEST_CASE("FileLock: one holder at a time; released, its file is gone") {
  ScratchDir scratch;
  const std::string path = scratch.str(".ntreport.lock");
  platform::FileLock first, second;
  REQUIRE(first.try_lock(path));
  CHECK(std::filesystem::exists(path));
  errno = 0;
  CHECK_FALSE(second.try_lock(path));  // flock locks are per open file: the same process too
  CHECK(errno == EWOULDBLOCK);
  first.release();
  CHECK_FALSE(std::filesystem::exists(path));
  CHECK(second.try_lock(path));
}

TEST_CASE("kind_at names what is there, following links or not; open_regular refuses the rest") {
  ScratchDir scratch;
  ntr::test::write_file(scratch.path() / "Hồ sơ.csv", "a,b\n");
  std::filesystem::create_directory(scratch.path() / "Đầu vào");
  std::filesystem::create_symlink(scratch.path() / "Hồ sơ.csv", scratch.path() / "link.csv");
  REQUIRE(::mkfifo(scratch.str("pipe.csv").c_str(), 0600) == 0);
  CHECK(platform::kind_at(scratch.str("Hồ sơ.csv")) == platform::Kind::regular);
  CHECK(platform::kind_at(scratch.str("Đầu vào")) == platform::Kind::folder);
  CHECK(platform::kind_at(scratch.str("link.csv")) == platform::Kind::regular);
  CHECK(platform::kind_at(scratch.str("link.csv"), false) == platform::Kind::link);
  CHECK(platform::kind_at(scratch.str("pipe.csv")) == platform::Kind::fifo);
  errno = 0;
  CHECK(platform::kind_at(scratch.str("none.csv")) == platform::Kind::missing);
  CHECK(errno == ENOENT);

  platform::Kind kind = platform::Kind::missing;
  const int fd = platform::open_regular(scratch.str("Hồ sơ.csv"), kind);
  REQUIRE(fd >= 0);
  CHECK(kind == platform::Kind::regular);
  char buf[3] = {};
  CHECK(platform::read_at(fd, buf, 2, 2) == 2);  // "b\n" from offset 2
  CHECK(std::string(buf, 2) == "b\n");
  CHECK(platform::read_at(fd, buf, 3, 0) == 3);
  CHECK(std::string(buf, 3) == "a,b");
  CHECK(platform::close(fd));
  CHECK(platform::open_regular(scratch.str("pipe.csv"), kind) == -1);  // without hanging
  CHECK(kind == platform::Kind::fifo);
  CHECK(platform::open_regular(scratch.str("Đầu vào"), kind) == -1);
  CHECK(kind == platform::Kind::folder);
  CHECK(platform::open_regular(scratch.str("link.csv"), kind, false) == -1);
  CHECK(kind == platform::Kind::link);
}

TEST_CASE("make_folder, folder_names and remove_flat_folder: a staging folder's life") {
  ScratchDir scratch;
  const std::string staging = scratch.str(".ntreport-staging");
  REQUIRE(platform::make_folder(staging));
  errno = 0;
  CHECK_FALSE(platform::make_folder(staging));
  CHECK(errno == EEXIST);
  for (const char* name : {"ho-so.md", "Phụ lục.xlsx", ".ntreport-commit"})
    ntr::test::write_file(std::filesystem::path(platform::fs_path(staging)) / name, "x");
  std::vector<std::string> names = platform::folder_names(staging);
  std::sort(names.begin(), names.end());
  CHECK(names == std::vector<std::string>{".ntreport-commit", "Phụ lục.xlsx", "ho-so.md"});
  platform::remove_flat_folder(staging.c_str());
  CHECK(platform::kind_at(staging, false) == platform::Kind::missing);
  CHECK(platform::folder_names(staging).empty());
}
