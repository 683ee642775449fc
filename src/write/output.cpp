#include "ntreport/write/output.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <map>
#include <set>
#include <system_error>

#include "manifest.hpp"
#include "ntreport/platform/files.hpp"
#include "ntreport/platform/paths.hpp"
#include "ntreport/platform/process.hpp"
#include "ntreport/read/file.hpp"
#include "ntreport/text/translate.hpp"
#include "output_folder.hpp"
#include "output_signal.hpp"

namespace ntr {

namespace {

using out::join;

// A manifest of many forms is a few hundred kilobytes; past this it is no manifest of ours.
constexpr std::uint64_t kMaxManifestBytes = 16ULL << 20;

SourceLoc file_loc(const std::string& path) { return SourceLoc{path, {}, 0, 0, 0, false}; }

void io_error(Diagnostics& diags, const std::string& path, std::string_view what, int err) {
  diags.error("io-error", file_loc(path), fmt::format("{}: {}", what, system_error_text(err)));
}

// A test hook: with NTREPORT_TEST_HOLD_BEFORE_COMMIT=FILE, a commit creates FILE once every
// output is staged and waits there for a signal, so that a test can interrupt it at the one
// moment staged files exist, without racing the clock.
void hold_for_test() {
  const char* marker = std::getenv("NTREPORT_TEST_HOLD_BEFORE_COMMIT");
  if (marker == nullptr || *marker == '\0') return;
  if (std::FILE* f = platform::open_file(marker, "wb"); f != nullptr) std::fclose(f);
  platform::wait_for_interrupt();
}

// Writes a new file (never replacing one) and makes it durable; false with errno set.
bool write_new_file(const std::string& path, std::string_view content) {
  const int fd = platform::create_new(path);
  if (fd < 0) return false;
  const bool written = platform::write_all(fd, content) && platform::sync(fd);
  const int err = errno;
  const bool closed = platform::close(fd);
  errno = written ? errno : err;
  return written && closed;
}

void sync_dir(const std::string& dir) {
  platform::sync_folder(dir.empty() ? "." : dir);  // durability only: best effort
}

// The folders of `dir` that do not exist yet, deepest first.
std::vector<std::string> missing_folders(const std::string& dir) {
  namespace fs = std::filesystem;
  std::vector<std::string> out;
  fs::path p = platform::fs_path(dir).lexically_normal();
  if (!p.has_filename()) p = p.parent_path();  // "out/" is "out"
  std::error_code ec;
  for (; !p.empty() && !fs::exists(fs::symlink_status(p, ec)); p = p.parent_path()) {
    out.push_back(platform::utf8_path(p));
    if (p == p.parent_path()) break;
  }
  return out;
}

std::string normal_dir(const std::string& dir) {
  std::string s = platform::utf8_path(platform::fs_path(dir).lexically_normal());
  while (s.size() > 1 && s.back() == '/') s.pop_back();
  return s;
}

// Recovers a folder whose lock is held, saying so when there was anything to recover.
bool recover_locked(const std::string& dir, Diagnostics& diags) {
  out::Recovery recovery = out::Recovery::nothing;
  if (!out::recover(dir, recovery, diags)) return false;
  if (recovery != out::Recovery::nothing) {
    diags.note("output-recovered", file_loc(dir.empty() ? "." : dir),
               std::string(recovery == out::Recovery::rolled_back
                               ? tr("an earlier command was stopped while putting its files here: "
                                    "the files it had replaced are back as they were")
                               : tr("an earlier command was stopped after putting its files here: "
                                    "the files it replaced are now removed")));
  }
  return true;
}

}  // namespace

struct OutputSet::Lock {
  out::FolderLock lock;
};

// What a commit does: the names it moves aside (earlier files it replaces or removes), the
// names it puts in place, and the manifest it leaves.
struct OutputSet::Plan {
  std::vector<std::string> displace;
  std::vector<std::string> place;
  std::vector<out::ManifestEntry> manifest;
};

OutputSet::OutputSet(std::string dir, OutputOptions options)
    : dir_(std::move(dir)), options_(options), lock_(std::make_unique<Lock>()) {}

OutputSet::~OutputSet() {
  if (!committed_) abandon();
}

void OutputSet::abandon() {
  const out::SignalGuard guard;
  if (dir_state_ == DirState::ready) out::remove_flat(join(dir_, out::kStaging));
  lock_->lock.release();
  for (const auto& d : created_dirs_)
    platform::remove_folder(d.c_str());  // deepest first, if empty
  out::untrack_staging();
}

bool OutputSet::prepare(Diagnostics& diags) {
  if (dir_state_ != DirState::unknown) return dir_state_ == DirState::ready;
  dir_state_ = DirState::failed;  // reported once, however many files follow
  const out::SignalGuard guard;
  if (!dir_.empty()) {
    created_dirs_ = missing_folders(dir_);
    std::error_code ec;
    std::filesystem::create_directories(platform::fs_path(dir_), ec);
    std::erase_if(created_dirs_, [](const std::string& d) {
      return platform::kind_at(d, /*follow=*/false) != platform::Kind::folder;
    });
    if (ec) {
      io_error(diags, dir_, tr("cannot create the output folder"), ec.value());
      return false;
    }
  }
  if (!lock_->lock.acquire(dir_, diags)) return false;
  if (!recover_locked(dir_, diags)) return false;
  const std::string staging = join(dir_, out::kStaging);
  if (!platform::make_folder(staging)) {
    io_error(diags, staging, tr("cannot create the staging folder"), errno);
    return false;
  }
  out::track_staging(staging, lock_->lock.path(), normal_dir(dir_),
                     created_dirs_.empty() ? std::string() : normal_dir(created_dirs_.back()));
  dir_state_ = DirState::ready;
  return true;
}

std::string OutputSet::stage_path(const std::string& name, Diagnostics& diags) {
  // Every name is checked here too: whatever a caller passes, nothing is written outside.
  const bool taken = std::any_of(staged_.begin(), staged_.end(),
                                 [&](const Staged& s) { return s.name == name; }) ||
                     std::find(begun_.begin(), begun_.end(), name) != begun_.end();
  if (!out::is_plain_file_name(name) || taken) {
    diags.error(
        "internal", file_loc(join(dir_, name)),
        std::string(taken ? tr("the same output is written twice")
                          : tr("refusing to write a file whose name is no plain file name")));
    failed_ = true;
    return {};
  }
  if (!prepare(diags)) {
    failed_ = true;
    return {};
  }
  return join(join(dir_, out::kStaging), name);
}

bool OutputSet::add_text(const std::string& name, const std::string& content, Diagnostics& diags) {
  const std::string path = stage_path(name, diags);
  if (path.empty()) return false;
  if (!write_new_file(path, content)) {
    io_error(diags, path, tr("cannot write the staged file"), errno);
    failed_ = true;
    return false;
  }
  staged_.push_back(Staged{name, content.size(), out::fnv1a(content)});
  return true;
}

bool OutputSet::add_file(const std::string& name,
                         const std::function<bool(const std::string& temp_path)>& write,
                         Diagnostics& diags) {
  const std::string path = begin_file(name, diags);
  if (path.empty()) return false;
  const bool written = write(path);  // no guard held: an interrupt need not wait for a workbook
  return end_file(name, written, diags);
}

std::string OutputSet::begin_file(const std::string& name, Diagnostics& diags) {
  std::string path = stage_path(name, diags);
  if (!path.empty()) begun_.push_back(name);
  return path;
}

bool OutputSet::end_file(const std::string& name, bool written, Diagnostics& diags) {
  const auto begun = std::find(begun_.begin(), begun_.end(), name);
  if (begun == begun_.end()) return false;  // begin_file refused it, and said why
  begun_.erase(begun);
  // A checkpoint: on Windows an interrupt that came while the file was open and could not
  // remove it ends the build here, with the file closed (platform/windows_process.cpp).
  { const out::SignalGuard checkpoint; }
  if (!written) {  // the writer has said why
    failed_ = true;
    return false;
  }
  const std::string path = join(join(dir_, out::kStaging), name);
  const bool synced = platform::sync_file(path);
  const auto digest = out::digest_file(path);
  if (!synced || !digest) {
    io_error(diags, path, tr("cannot write the staged file"), errno);
    failed_ = true;
    return false;
  }
  staged_.push_back(Staged{name, digest->size, digest->hash});
  return true;
}

namespace {

// The manifest the folder holds: empty when there is none; nothing when it cannot be read.
std::optional<std::vector<out::ManifestEntry>> read_manifest(const std::string& dir,
                                                             std::string& error) {
  const std::string path = join(dir, out::kManifest);
  const platform::Kind kind = platform::kind_at(path, /*follow=*/false);
  if (kind == platform::Kind::missing) return std::vector<out::ManifestEntry>{};
  std::string text;
  Diagnostics ignored;
  if (kind != platform::Kind::regular ||
      !read_regular_file(path, path, kMaxManifestBytes, text, ignored)) {
    error = tr("it cannot be read as a file");
    return std::nullopt;
  }
  return out::parse_manifest(text, error);
}

// What is at a name of the folder: nothing, a folder, or something else (a file, a link).
enum class Found : std::uint8_t { nothing, folder, other };
Found found_at(const std::string& path) {
  const platform::Kind kind = platform::kind_at(path, /*follow=*/false);
  if (kind == platform::Kind::missing) return Found::nothing;
  return kind == platform::Kind::folder ? Found::folder : Found::other;
}

// `remove`: the build would remove the file, not replace it.
void refuse(Diagnostics& diags, const std::string& path, std::string_view why, bool remove) {
  diags.error("would-overwrite", file_loc(path), std::string(why),
              std::string(remove ? tr("move it elsewhere, or give --force to remove it")
                                 : tr("move it elsewhere, or give --force to replace it")));
}

// On Windows a file another program keeps open (a workbook open in Excel) cannot be moved
// aside: every one is named before the first rename, so that none is replaced.
void refuse_held_open(const std::string& dir, const std::vector<std::string>& names,
                      Diagnostics& diags) {
  for (const auto& name : names) {
    const std::string path = join(dir, name);
    if (!platform::held_open(path)) continue;
    diags.error("io-error", file_loc(path),
                std::string(tr("cannot replace the file: another program has it open")),
                std::string(tr("close the program that has it open, such as Excel showing the "
                               "workbook, and run the command again; no file in the folder was "
                               "changed")));
  }
}

}  // namespace

bool OutputSet::make_plan(Plan& plan, Diagnostics& diags) {
  const std::size_t errors = diags.error_count();
  const bool owns = options_.ownership != Ownership::none;
  std::map<std::string, out::ManifestEntry, std::less<>> earlier;
  if (owns) {
    std::string error;
    const auto manifest = read_manifest(dir_, error);
    if (manifest) {
      for (const auto& e : *manifest) earlier.emplace(e.name, e);
    } else if (!options_.force) {
      diags.error("would-overwrite", file_loc(join(dir_, out::kManifest)),
                  trf("the list of the files ntreport wrote here cannot be understood ({}), so "
                      "which files are ntreport's is not known",
                      error),
                  std::string(tr("remove it, or give --force to replace the outputs and remove "
                                 "nothing else")));
    }
  }
  // A file is ntreport's when the manifest lists it and it is unchanged since.
  auto ours = [&](const std::string& name) {
    const auto it = earlier.find(name);
    const auto now = out::digest_file(join(dir_, name));
    return it != earlier.end() && now && now->size == it->second.size &&
           now->hash == it->second.hash;
  };
  for (const auto& s : staged_) {
    const std::string path = join(dir_, s.name);
    plan.place.push_back(s.name);
    plan.manifest.push_back(out::ManifestEntry{s.name, s.size, s.hash});
    const Found f = found_at(path);
    if (f == Found::nothing) continue;
    if (f == Found::folder) {
      io_error(diags, path, tr("cannot replace the output"), EISDIR);
    } else if (!options_.force && !ours(s.name)) {
      refuse(diags, path,
             earlier.count(s.name) != 0
                 ? tr("this file was changed since ntreport wrote it; writing here would replace "
                      "it")
                 : tr("ntreport did not write this file; writing here would replace it"),
             false);
    }
    plan.displace.push_back(s.name);
  }
  std::set<std::string_view> staged_names;
  for (const auto& s : staged_) staged_names.insert(s.name);
  for (const auto& [name, entry] : earlier) {
    if (staged_names.count(name) != 0) continue;
    const std::string path = join(dir_, name);
    if (found_at(path) != Found::other) continue;  // gone, or a folder now: not ours to touch
    const bool unchanged = ours(name);
    if (options_.ownership == Ownership::merge) {  // kept, and listed while it is still ours
      if (unchanged) plan.manifest.push_back(entry);
      continue;
    }
    if (!unchanged && !options_.force) {
      refuse(diags, path,
             tr("this file was changed since ntreport wrote it; this build no longer writes it "
                "and would remove it"),
             true);
    }
    plan.displace.push_back(name);
    removed_.push_back(path);
  }
  if (owns) {
    if (found_at(join(dir_, out::kManifest)) == Found::other)
      plan.displace.emplace_back(out::kManifest);
    plan.place.emplace_back(out::kManifest);  // last: the folder's list is the new one
  }
  refuse_held_open(dir_, plan.displace, diags);
  return diags.error_count() == errors;
}

bool OutputSet::commit(Diagnostics& diags) {
  if (committed_) return true;
  if (failed_ || !begun_.empty()) return false;  // a file begun and never ended is not whole
  if (staged_.empty()) return true;  // nothing to put in place: the folder stays as it is
  Plan plan;
  if (!make_plan(plan, diags)) {
    removed_.clear();
    return false;
  }
  const std::string staging = join(dir_, out::kStaging);
  if (options_.ownership != Ownership::none &&
      !write_new_file(join(staging, out::kManifest), out::render_manifest(plan.manifest))) {
    io_error(diags, join(staging, out::kManifest), tr("cannot write the staged file"), errno);
    return false;
  }
  if (!out::write_journal(dir_, plan.place, diags)) return false;
  sync_dir(staging);
  hold_for_test();
  // From here to the end, a signal waits: the rename phase runs whole, or is undone whole.
  const out::SignalGuard guard;
  if (!out::swap_in(dir_, plan.displace, plan.place, diags)) {
    removed_.clear();
    return false;
  }
  committed_ = true;
  out::discard_previous(dir_);
  out::untrack_staging();
  lock_->lock.release();
  sync_dir(dir_);
  return true;
}

bool recover_output_folder(const std::string& dir, Diagnostics& diags) {
  if (platform::kind_at(join(dir, out::kPrevious), false) == platform::Kind::missing &&
      platform::kind_at(join(dir, out::kStaging), false) == platform::Kind::missing) {
    return true;
  }
  const out::SignalGuard guard;
  out::FolderLock lock;
  return lock.acquire(dir, diags) && recover_locked(dir, diags);
}

bool make_folder(const std::string& dir, Diagnostics& diags) {
  std::error_code ec;
  std::filesystem::create_directories(platform::fs_path(dir), ec);
  if (!ec) return true;
  io_error(diags, dir, tr("cannot create the folder"), ec.value());
  return false;
}

std::vector<std::string> OutputSet::paths() const {
  std::vector<std::string> out;
  out.reserve(staged_.size());
  for (const auto& s : staged_) out.push_back(join(dir_, s.name));
  return out;
}

}  // namespace ntr
