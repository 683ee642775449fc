#include "ntreport/write/pdf.hpp"

#include <fmt/format.h>

#include <cstdlib>
#include <filesystem>

#include "ntreport/platform/paths.hpp"
#include "ntreport/platform/process.hpp"

namespace ntr {

namespace {

namespace fs = std::filesystem;

constexpr auto kTimeout = std::chrono::minutes(10);

// A folder as a file: URL ("file:///C:/…" on Windows, "file:///home/…" elsewhere).
std::string file_url(const fs::path& folder) {
  std::string p = platform::utf8_path(folder);
  for (char& c : p) {
    if (c == '\\') c = '/';
  }
  return p.rfind('/', 0) == 0 ? "file://" + p : "file:///" + p;
}

}  // namespace

std::string find_soffice() {
  if (const char* s = std::getenv("NTREPORT_SOFFICE"); s != nullptr && *s != '\0')
    return platform::find_program(s);
  std::string found = platform::find_program("soffice");
  return found.empty() ? platform::find_program("libreoffice") : found;
}

bool convert_to_pdf(const std::string& soffice, const std::string& source,
                    const std::string& pdf_path, Diagnostics& diags) {
  const fs::path src = fs::absolute(platform::fs_path(source));
  fs::path work = src;  // beside the staged file
  work += ".work";
  std::error_code ec;
  fs::create_directories(work / "profile", ec);
  const int status =
      ec ? -1
         : platform::run_program(
               {soffice, "--headless", "--norestore", "--nologo",
                "-env:UserInstallation=" + file_url(work / "profile"), "--convert-to", "pdf",
                "--outdir", platform::utf8_path(work), platform::utf8_path(src)},
               // the workbook's figures printed as the tables print them
               // ("146.176", "98,95%"), not in the machine's locale
               {"LC_ALL=vi_VN.UTF-8", "LANG=vi_VN.UTF-8"}, kTimeout);
  fs::path produced = work / src.stem();
  produced += ".pdf";
  bool ok = status == 0 && fs::is_regular_file(produced, ec);
  if (ok) {
    fs::rename(produced, platform::fs_path(pdf_path), ec);
    ok = !ec;
  }
  fs::remove_all(work, ec);
  fs::remove(src, ec);
  if (!ok) {
    diags.error("io-error", SourceLoc{pdf_path, {}, 0, 0, 0, false},
                fmt::format("LibreOffice ({}) did not convert {} into a PDF (exit status {})",
                            soffice, platform::utf8_path(src.filename()), status));
  }
  return ok;
}

}  // namespace ntr
