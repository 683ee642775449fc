#pragma once
// The manifest of an output folder: the files the last command that wrote there wrote, each
// with its size and a hash of its bytes, so that the next one knows which files are its own
// (and unchanged since), which it may replace or remove, and which belong to someone else.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ntr::out {

/// The names ntreport keeps in a folder it writes; every other name is the user's.
inline constexpr std::string_view kManifest = ".ntreport-manifest";
inline constexpr std::string_view kLock = ".ntreport-lock";
inline constexpr std::string_view kStaging = ".ntreport-staging";
inline constexpr std::string_view kPrevious = ".ntreport-previous";
inline constexpr std::string_view kJournal = ".ntreport-commit";

/// One file written: its name in the folder, its size and the FNV-1a 64 hash of its bytes.
struct ManifestEntry {
  std::string name;
  std::uint64_t size = 0;
  std::uint64_t hash = 0;
  bool operator==(const ManifestEntry&) const = default;
};

/// FNV-1a, 64 bits: tells an output ntreport wrote from one changed since (not a defence
/// against someone forging a file, which needs no forgery to be replaced with --force).
std::uint64_t fnv1a(std::string_view bytes, std::uint64_t hash = 0xcbf29ce484222325ULL);

/// Size and hash of the regular file at `path` (symbolic links not followed); nothing when it
/// is missing, not a regular file, or cannot be read.
std::optional<ManifestEntry> digest_file(const std::string& path);

/// True for a name ntreport may write in a folder: not empty, no '/', not hidden ('.' first is
/// kept for ntreport's own files), no control character, at most 255 bytes.
bool is_plain_file_name(std::string_view name);

/// The manifest's text: a first line naming the format, then "SIZE HASH NAME" per file.
std::string render_manifest(const std::vector<ManifestEntry>& entries);
/// Parses a manifest; nothing, with `error` saying where and why, when it is not one.
std::optional<std::vector<ManifestEntry>> parse_manifest(std::string_view text, std::string& error);

}  // namespace ntr::out
