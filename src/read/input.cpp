#include "ntreport/read/input.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>

#include "ntreport/platform/paths.hpp"
#include "ntreport/read/csv.hpp"
#include "ntreport/read/file.hpp"
#include "ntreport/read/xls.hpp"
#include "ntreport/read/xlsx.hpp"
#include "ntreport/text/translate.hpp"

namespace ntr {

namespace fs = std::filesystem;
using platform::fs_path;
using platform::utf8_path;

namespace {

SourceLoc file_loc(const std::string& path) { return SourceLoc{path, {}, 0, 0, 0, false}; }

std::string lower_extension(const fs::path& p) {
  std::string ext = utf8_path(p.extension());
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext;
}

// Spreadsheets of formats ntreport does not read: refused by name rather than skipped.
bool is_refused_format(const std::string& ext) {
  return ext == ".ods" || ext == ".xlsb" || ext == ".numbers";
}

// Hidden files and Office lock files ("~$…") are no one's input.
bool is_hidden_name(const fs::path& p) {
  const std::string name = utf8_path(p.filename());
  return name.empty() || name[0] == '.' || name.rfind("~$", 0) == 0;
}

bool is_input_name(const fs::path& p) {
  if (is_hidden_name(p)) return false;
  const std::string ext = lower_extension(p);
  return ext == ".xlsx" || ext == ".xlsm" || ext == ".xls" || ext == ".csv" || ext == ".tsv" ||
         is_refused_format(ext);
}

// One note per folder for the files in it that are not inputs: nothing is skipped silently.
void note_skipped(const fs::path& dir, const std::vector<std::string>& skipped,
                  Diagnostics& diags) {
  if (skipped.empty()) return;
  constexpr std::size_t kNamed = 10;
  std::vector<std::string> names(
      skipped.begin(),
      skipped.begin() + static_cast<std::ptrdiff_t>(std::min(skipped.size(), kNamed)));
  std::string list = fmt::format("{}", fmt::join(names, ", "));
  if (skipped.size() > kNamed)
    list += trf(" and {} more", count_text(static_cast<std::int64_t>(skipped.size() - kNamed)));
  diags.note("skipped-files", file_loc(utf8_path(dir)),
             skipped.size() == 1
                 ? trf("1 file in the folder is not read, not being .xlsx, .xlsm, .xls, .csv or "
                       ".tsv: {}",
                       list)
                 : trf("{} files in the folder are not read, not being .xlsx, .xlsm, .xls, .csv "
                       "or .tsv: {}",
                       count_text(static_cast<std::int64_t>(skipped.size())), list));
}

// A path named like an input that is no regular file (a FIFO, a device, a link to nothing):
// refused by name, never opened.
void refuse_not_regular(const std::string& path, Diagnostics& diags) {
  bool missing = false;
  const std::string kind = not_regular_kind(path, &missing);
  diags.error("io-error", file_loc(path),
              missing
                  ? std::string(tr("cannot read it: it is a link to a file that does not exist"))
                  : trf("cannot read it: it is {}, not a regular file", kind),
              std::string(tr("ntreport reads regular files only")));
}

void walk(const fs::path& dir, std::vector<std::string>& out, Diagnostics& diags) {
  std::vector<std::string> skipped;
  std::error_code ec;
  fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec);
  if (ec) {
    diags.error("io-error", file_loc(utf8_path(dir)),
                trf("cannot read the folder: {}", system_error_text(ec)));
    return;
  }
  for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (ec) {
      diags.error("io-error", file_loc(utf8_path(dir)),
                  trf("cannot read the folder: {}", system_error_text(ec)));
      return;
    }
    const fs::path& p = it->path();
    if (it->is_directory(ec) && utf8_path(p.filename()).rfind('.', 0) == 0) {
      it.disable_recursion_pending();  // hidden folders (.git …) hold no inputs
      continue;
    }
    if (it->is_directory(ec) || is_hidden_name(p)) continue;
    if (!it->is_regular_file(ec)) {
      // Named like an input but a FIFO, a device or a link to nothing: refused by name.
      if (is_input_name(p)) refuse_not_regular(utf8_path(p), diags);
      continue;
    }
    if (is_input_name(p)) {
      out.push_back(utf8_path(p));
    } else {
      skipped.push_back(utf8_path(p.lexically_relative(dir)));
    }
  }
  std::sort(skipped.begin(), skipped.end());
  note_skipped(dir, skipped, diags);
}

}  // namespace

std::vector<std::string> list_inputs(const std::vector<std::string>& args, Diagnostics& diags) {
  std::vector<std::string> out;
  for (const auto& a : args) {
    std::error_code ec;
    const fs::file_status st = fs::status(fs_path(a), ec);
    if (ec || !fs::exists(st)) {
      diags.error("io-error", file_loc(a), std::string(tr("no such file or folder")));
    } else if (fs::is_directory(st)) {
      const std::size_t before = out.size();
      const std::size_t errors = diags.error_count();
      walk(fs_path(a), out, diags);
      if (out.size() == before && diags.error_count() == errors) {
        diags.error("usage", file_loc(a),
                    std::string(tr("the folder holds no input files; expected .xlsx, .xlsm, "
                                   ".xls, .csv or .tsv files in it or in its subfolders")));
      }
    } else if (!fs::is_regular_file(st)) {
      refuse_not_regular(a, diags);
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
  // Every reader is handed regular files only: a FIFO or a device would hang it or never end.
  bool missing = false;
  if (!not_regular_kind(path, &missing).empty() && !missing) {
    refuse_not_regular(path, diags);
    return false;
  }
  const std::string ext = lower_extension(fs_path(path));
  if (is_refused_format(ext)) {
    diags.error(
        "unsupported-format", file_loc(path),
        trf("a spreadsheet saved as {} is not read; expected .xlsx, .xlsm, .xls or .csv", ext),
        std::string(tr("open it in LibreOffice or Excel and save it as .xlsx (Excel "
                       "2007-365)")));
    return false;
  }
  if (ext == ".csv" || ext == ".tsv" || ext == ".txt") {
    return read_csv(path, path, visitor, diags, limits);
  }
  if (ext == ".xls") return read_xls(path, path, limits, visitor, diags);
  return read_xlsx(path, path, limits, visitor, diags);
}

std::optional<std::string> read_text_file(const std::string& path, Diagnostics& diags) {
  std::string text;
  if (!read_regular_file(path, path, ReadLimits{}.max_file_bytes, text, diags)) return std::nullopt;
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
    diags.error("io-error", file_loc(dir),
                trf("cannot read the folder: {}", system_error_text(ec)));
  std::sort(out.begin(), out.end());
  return out;
}

namespace {
// Whether `inner` is `outer` or lies inside it (both canonical).
bool within(const fs::path& inner, const fs::path& outer) {
  auto o = outer.begin();
  auto i = inner.begin();
  for (; o != outer.end(); ++o, ++i) {
    if (i == inner.end() || *i != *o) return false;
  }
  return true;
}
}  // namespace

bool check_output_folder(const std::string& out_dir, const std::vector<std::string>& inputs,
                         Diagnostics& diags) {
  std::error_code ec;
  const fs::path out = fs::weakly_canonical(fs_path(out_dir.empty() ? "." : out_dir), ec);
  if (ec) return true;  // writing will say what is wrong with it
  const std::size_t errors = diags.error_count();
  auto refuse = [&](std::string what) {
    diags.error("would-overwrite", file_loc(out_dir), std::move(what),
                std::string(tr("choose another output folder (-o, or \"output\" in "
                               "ntreport.toml)")));
  };
  for (const auto& input : inputs) {
    const fs::path in = fs::weakly_canonical(fs_path(input), ec);
    if (ec) continue;
    const bool folder = fs::is_directory(in, ec);
    if (folder && within(out, in)) {
      refuse(out == in ? trf("the output folder is the input folder {}", input)
                       : trf("the output folder lies inside the input folder {}: a build would "
                             "read its own outputs",
                             input));
    } else if (within(in, out)) {
      refuse(
          trf("the output folder holds the input {}: a build would replace or read its own "
              "inputs",
              input));
    }
  }
  return diags.error_count() == errors;
}

bool file_exists(const std::string& path) {
  std::error_code ec;
  return fs::is_regular_file(fs_path(path), ec);
}

bool folder_exists(const std::string& path) {
  std::error_code ec;
  return fs::is_directory(fs_path(path), ec);
}

}  // namespace ntr
