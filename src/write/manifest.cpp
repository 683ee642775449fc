#include "manifest.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <charconv>

#include "ntreport/platform/files.hpp"
#include "ntreport/text/translate.hpp"

namespace ntr::out {

namespace {
// The file's own first line (not a message: the same in every language).
constexpr std::string_view kFirstLine =
    "# ntreport manifest 1: the files ntreport wrote here (size, FNV-1a 64 hash, name)";

template <typename T>
bool parse_number(std::string_view text, T& value, int base) {
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value, base);
  return !text.empty() && ec == std::errc() && end == text.data() + text.size();
}
}  // namespace

std::uint64_t fnv1a(std::string_view bytes, std::uint64_t hash) {
  for (const char c : bytes) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 0x100000001b3ULL;
  }
  return hash;
}

std::optional<ManifestEntry> digest_file(const std::string& path) {
  platform::Kind kind = platform::Kind::missing;
  const int fd = platform::open_regular(path, kind, /*follow=*/false);
  if (fd < 0) return std::nullopt;
  ManifestEntry e;
  e.hash = fnv1a({});
  char buf[1 << 16];
  for (;;) {
    const std::int64_t n = platform::read_some(fd, buf, sizeof buf);
    if (n < 0) {
      platform::close(fd);
      return std::nullopt;
    }
    if (n == 0) break;
    e.hash = fnv1a(std::string_view(buf, static_cast<std::size_t>(n)), e.hash);
    e.size += static_cast<std::uint64_t>(n);
  }
  platform::close(fd);
  return e;
}

bool is_plain_file_name(std::string_view name) {
  if (name.empty() || name.size() > 255 || name.front() == '.') return false;
  for (const char c : name) {
    const auto b = static_cast<unsigned char>(c);
    if (c == '/' || b < 0x20 || b == 0x7F) return false;
  }
  return true;
}

std::string render_manifest(const std::vector<ManifestEntry>& entries) {
  std::string out(kFirstLine);
  out += '\n';
  for (const auto& e : entries) out += fmt::format("{} {:016x} {}\n", e.size, e.hash, e.name);
  return out;
}

std::optional<std::vector<ManifestEntry>> parse_manifest(std::string_view text,
                                                         std::string& error) {
  std::vector<ManifestEntry> out;
  std::size_t line_no = 0;
  while (!text.empty()) {
    const std::size_t eol = text.find('\n');
    if (eol == std::string_view::npos) {
      error = trf("line {}: the file ends inside a line", line_no + 1);
      return std::nullopt;
    }
    const std::string_view line = text.substr(0, eol);
    text.remove_prefix(eol + 1);
    if (++line_no == 1) {
      if (line != kFirstLine) {
        error = tr("line 1: not the first line of an ntreport manifest");
        return std::nullopt;
      }
      continue;
    }
    const std::size_t a = line.find(' ');
    const std::size_t b = a == std::string_view::npos ? a : line.find(' ', a + 1);
    ManifestEntry e;
    if (b == std::string_view::npos || !parse_number(line.substr(0, a), e.size, 10) ||
        b - a - 1 != 16 || !parse_number(line.substr(a + 1, 16), e.hash, 16)) {
      error = trf("line {}: expected a size, a hash and a name", line_no);
      return std::nullopt;
    }
    e.name = std::string(line.substr(b + 1));
    if (!is_plain_file_name(e.name)) {
      error = trf("line {}: \"{}\" is not the name of a file of the folder", line_no, e.name);
      return std::nullopt;
    }
    out.push_back(std::move(e));
  }
  if (line_no == 0) {
    error = tr("the file is empty");
    return std::nullopt;
  }
  return out;
}

}  // namespace ntr::out
