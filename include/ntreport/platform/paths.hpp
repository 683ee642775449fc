#pragma once
// File names are UTF-8 strings everywhere in ntreport. std::filesystem takes narrow strings in
// the system's code page on Windows, which cannot hold every Vietnamese letter: every
// conversion between a name and a path goes through these two.
#include <filesystem>
#include <string>
#include <string_view>

namespace ntr::platform {

/// The path a UTF-8 file name stands for.
std::filesystem::path fs_path(std::string_view utf8);
/// A path as UTF-8, with '/' between its parts on every platform (as messages print it).
std::string utf8_path(const std::filesystem::path& path);

}  // namespace ntr::platform
