#include "ntreport/read/input.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>

#include "ntreport/platform/files.hpp"
#include "ntreport/platform/paths.hpp"
#include "ntreport/read/csv.hpp"
#include "ntreport/read/xlsx.hpp"

namespace ntr {

namespace fs = std::filesystem;
using platform::fs_path;
using platform::utf8_path;

namespace {

std::string lower_extension(const fs::path& p) {
  std::string ext = utf8_path(p.extension());
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext;
}

bool is_input_name(const fs::path& p) {
  const std::string name = utf8_path(p.filename());
  if (name.empty() || name[0] == '.' || name.rfind("~$", 0) == 0) return false;
  const std::string ext = lower_extension(p);
  return ext == ".xlsx" || ext == ".xlsm" || ext == ".csv" || ext == ".tsv";
}

SourceLoc file_loc(const std::string& path) { return SourceLoc{path, {}, 0, 0, 0, false}; }

void walk(const fs::path& dir, std::vector<std::string>& out, Diagnostics& diags) {
  std::error_code ec;
  fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec);
  if (ec) {
    diags.error("io-error", file_loc(utf8_path(dir)),
                fmt::format("cannot read the folder: {}", ec.message()));
    return;
  }
  for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (ec) {
      diags.error("io-error", file_loc(utf8_path(dir)),
                  fmt::format("cannot read the folder: {}", ec.message()));
      return;
    }
    const fs::path& p = it->path();
    if (it->is_directory(ec) && utf8_path(p.filename()).rfind('.', 0) == 0) {
      it.disable_recursion_pending();  // hidden folders (.git …) hold no inputs
      continue;
    }
    if (it->is_regular_file(ec) && is_input_name(p)) out.push_back(utf8_path(p));
  }
}

}  // namespace

std::vector<std::string> list_inputs(const std::vector<std::string>& args, Diagnostics& diags) {
  std::vector<std::string> out;
  for (const auto& a : args) {
    std::error_code ec;
    const fs::file_status st = fs::status(fs_path(a), ec);
    if (ec || !fs::exists(st)) {
      diags.error("io-error", file_loc(a), "no such file or folder");
    } else if (fs::is_directory(st)) {
      const std::size_t before = out.size();
      const std::size_t errors = diags.error_count();
      walk(fs_path(a), out, diags);
      if (out.size() == before && diags.error_count() == errors) {
        diags.error("usage", file_loc(a),
                    "the folder holds no input files; expected .xlsx, .xlsm, .csv or .tsv files "
                    "in it or in its subfolders");
      }
    } else {
      out.push_back(utf8_path(fs_path(a)));
    }
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

bool read_input(const std::string& path, const ReadLimits& limits, SheetVisitor& visitor,
                Diagnostics& diags) {
  const std::string ext = lower_extension(path);
  if (ext == ".csv" || ext == ".tsv" || ext == ".txt") return read_csv(path, path, visitor, diags);
  return read_xlsx(path, path, limits, visitor, diags);
}

std::optional<std::string> read_text_file(const std::string& path, Diagnostics& diags) {
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> f(platform::open_file(path, "rb"), &std::fclose);
  if (!f) {
    diags.error("io-error", file_loc(path),
                fmt::format("cannot open the file: {}", std::strerror(errno)));
    return std::nullopt;
  }
  std::string text;
  // The whole size at once: growing by doubling would hold two copies at the last step.
  std::error_code size_error;
  const auto size = fs::file_size(fs_path(path), size_error);
  if (!size_error) text.reserve(static_cast<std::size_t>(size));
  char buf[1 << 16];
  std::size_t n = 0;
  while ((n = std::fread(buf, 1, sizeof buf, f.get())) > 0) text.append(buf, n);
  if (std::ferror(f.get())) {
    diags.error("io-error", file_loc(path),
                fmt::format("cannot read the file: {}", std::strerror(errno)));
    return std::nullopt;
  }
  return text;
}

std::optional<OwnedSheet> read_csv_sheet_text(std::string_view text, const std::string& display,
                                              Diagnostics& diags) {
  SheetCollector c;
  const std::size_t errors = diags.error_count();
  read_csv_text(text, display, c, diags);
  if (diags.error_count() > errors || c.sheets.empty()) return std::nullopt;
  return std::move(c.sheets.front());
}

std::optional<OwnedSheet> read_csv_sheet(const std::string& path, Diagnostics& diags) {
  const auto text = read_text_file(path, diags);
  if (!text) return std::nullopt;
  return read_csv_sheet_text(*text, path, diags);
}

std::vector<std::string> list_folder(const std::string& dir, const std::string& extension,
                                     Diagnostics& diags) {
  std::vector<std::string> out;
  std::error_code ec;
  for (fs::directory_iterator it(fs_path(dir), ec), end; !ec && it != end; it.increment(ec)) {
    if (it->is_regular_file() && utf8_path(it->path().extension()) == extension) {
      out.push_back(utf8_path(it->path()));
    }
  }
  if (ec)
    diags.error("io-error", file_loc(dir), fmt::format("cannot read the folder: {}", ec.message()));
  std::sort(out.begin(), out.end());
  return out;
}

bool file_exists(const std::string& path) {
  std::error_code ec;
  return fs::is_regular_file(fs_path(path), ec);
}

}  // namespace ntr
