#include "output_folder.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>

#include "manifest.hpp"
#include "ntreport/platform/files.hpp"
#include "ntreport/platform/process.hpp"
#include "ntreport/text/translate.hpp"

namespace ntr::out {

namespace {

SourceLoc file_loc(const std::string& path) { return SourceLoc{path, {}, 0, 0, 0, false}; }

void io_error(Diagnostics& diags, const std::string& path, std::string_view what, int err) {
  diags.error("io-error", file_loc(path), fmt::format("{}: {}", what, system_error_text(err)));
}

bool exists(const std::string& path) {
  return platform::kind_at(path, /*follow=*/false) != platform::Kind::missing;
}

std::string staging_of(const std::string& dir) { return join(dir, kStaging); }
std::string previous_of(const std::string& dir) { return join(dir, kPrevious); }

// The names a journal lists; empty when there is none.
std::vector<std::string> read_journal(const std::string& dir) {
  std::vector<std::string> names;
  platform::Kind kind = platform::Kind::missing;
  const int fd = platform::open_regular(join(staging_of(dir), kJournal), kind, /*follow=*/false);
  if (fd < 0) return names;
  std::string text;
  char buf[4096];
  std::int64_t n = 0;
  while ((n = platform::read_some(fd, buf, sizeof buf)) > 0)
    text.append(buf, static_cast<std::size_t>(n));
  platform::close(fd);
  for (std::size_t at = 0; at < text.size();) {
    const std::size_t eol = text.find('\n', at);
    if (eol == std::string::npos) break;
    std::string name = text.substr(at, eol - at);
    at = eol + 1;
    // A journal is ntreport's own, but a name in it is still checked before it is used.
    if (is_plain_file_name(name) || name == kManifest) names.push_back(std::move(name));
  }
  return names;
}

// Puts a folder back as it was before a swap: placed files back into the staging folder,
// displaced files back into the folder. Each step is a rename, so it can itself be killed and
// run again.
bool roll_back(const std::string& dir, Diagnostics& diags) {
  const std::string staging = staging_of(dir);
  const std::string previous = previous_of(dir);
  bool ok = true;
  for (const auto& name : read_journal(dir)) {
    const std::string staged = join(staging, name);
    const std::string placed = join(dir, name);
    if (exists(staged) || !exists(placed)) continue;
    if (!platform::replace(placed, staged)) {
      io_error(diags, placed, tr("cannot take back the new file"), errno);
      ok = false;
    }
  }
  for (const auto& name : platform::folder_names(previous)) {
    if (!platform::replace(join(previous, name), join(dir, name))) {
      io_error(diags, join(dir, name), tr("cannot put the earlier file back"), errno);
      ok = false;
    }
  }
  if (ok) platform::remove_folder(previous.c_str());
  return ok;
}

// Test hooks: NTREPORT_TEST_FAIL_RENAME=NAME makes the rename of NAME into place fail as when
// another user owns the file; NTREPORT_TEST_KILL_BEFORE_RENAME=NAME kills the process with
// SIGKILL (TerminateProcess on Windows) just before that rename. Tests use them to prove that a
// failed or killed rename phase leaves one build in the folder.
bool test_hook(const char* variable, const std::string& name) {
  const char* v = std::getenv(variable);
  return v != nullptr && name == v;
}

bool place_one(const std::string& dir, const std::string& name, Diagnostics& diags) {
  const std::string from = join(staging_of(dir), name);
  const std::string to = join(dir, name);
  if (test_hook("NTREPORT_TEST_KILL_BEFORE_RENAME", name)) platform::kill_now();
  const bool fail = test_hook("NTREPORT_TEST_FAIL_RENAME", name);
  if (fail || !platform::replace(from, to)) {
    io_error(diags, to, tr("cannot put the new file in place"), fail ? EACCES : errno);
    return false;
  }
  return true;
}

}  // namespace

std::string join(const std::string& dir, std::string_view name) {
  if (dir.empty()) return std::string(name);
  return dir.back() == '/' ? dir + std::string(name) : dir + "/" + std::string(name);
}

bool FolderLock::acquire(const std::string& dir, Diagnostics& diags) {
  path_ = join(dir, kLock);
  if (lock_.try_lock(path_)) return true;
  const int err = errno;
  if (err == EWOULDBLOCK) {
    diags.error("io-error", file_loc(dir.empty() ? "." : dir),
                std::string(tr("another ntreport command is writing to this folder")),
                std::string(tr("wait for it to finish, then run this one again")));
  } else {
    io_error(diags, dir.empty() ? "." : dir, tr("cannot lock the output folder"), err);
  }
  return false;
}

void FolderLock::release() { lock_.release(); }

void remove_flat(const std::string& path) {
  for (const auto& name : platform::folder_names(path))
    platform::remove_file(join(path, name).c_str());
  platform::remove_folder(path.c_str());
}

bool recover(const std::string& dir, Recovery& what, Diagnostics& diags) {
  what = Recovery::nothing;
  const std::string staging = staging_of(dir);
  const std::string previous = previous_of(dir);
  if (exists(previous)) {
    if (exists(join(staging, kJournal))) {
      if (!roll_back(dir, diags)) return false;
      what = Recovery::rolled_back;
    } else {
      what = Recovery::completed;
    }
    remove_flat(previous);
  }
  if (exists(staging)) remove_flat(staging);
  return true;
}

bool write_journal(const std::string& dir, const std::vector<std::string>& place,
                   Diagnostics& diags) {
  std::string text;
  for (const auto& name : place) text += name + "\n";
  const std::string path = join(staging_of(dir), kJournal);
  const int fd = platform::create_new(path);
  bool ok = fd >= 0 && platform::write_all(fd, text) && platform::sync(fd);
  const int err = errno;
  if (fd >= 0) ok = platform::close(fd) && ok;
  if (!ok) io_error(diags, path, tr("cannot write the list of outputs to put in place"), err);
  return ok;
}

bool swap_in(const std::string& dir, const std::vector<std::string>& displace,
             const std::vector<std::string>& place, Diagnostics& diags) {
  const std::string previous = previous_of(dir);
  // The previous folder existing marks a swap begun: from here, recovery knows to look.
  if (!platform::make_folder(previous)) {
    io_error(diags, previous, tr("cannot make a folder for the earlier files"), errno);
    return false;
  }
  bool ok = true;
  for (const auto& name : displace) {
    if (!platform::replace(join(dir, name), join(previous, name))) {
      io_error(diags, join(dir, name), tr("cannot move the earlier file aside"), errno);
      ok = false;
      break;
    }
  }
  for (std::size_t i = 0; ok && i < place.size(); ++i) ok = place_one(dir, place[i], diags);
  if (!ok) {
    roll_back(dir, diags);
    return false;
  }
  // The commit point: with the journal gone, a recovery finishes this swap instead of undoing it.
  platform::remove_file(join(staging_of(dir), kJournal).c_str());
  return true;
}

void discard_previous(const std::string& dir) {
  remove_flat(previous_of(dir));
  platform::remove_folder(staging_of(dir).c_str());
}

}  // namespace ntr::out
