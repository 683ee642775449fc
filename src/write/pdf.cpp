#include "ntreport/write/pdf.hpp"

#include <fmt/format.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "ntreport/platform/paths.hpp"
#include "ntreport/platform/process.hpp"
#include "ntreport/text/translate.hpp"

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

// LibreOffice's own setting of the locale: numbers printed as the tables print them
// ("146.176", "98,95%") whatever the machine's language.
void write_locale(const fs::path& user, std::error_code& ec) {
  std::ofstream out(user / "registrymodifications.xcu", std::ios::binary);
  out << R"(<?xml version="1.0" encoding="UTF-8"?>)"
         "\n"
      << R"(<oor:items xmlns:oor="http://openoffice.org/2001/registry")"
         R"( xmlns:xs="http://www.w3.org/2001/XMLSchema")"
         R"( xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">)"
         "\n"
      << R"(<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale")"
         R"( oor:op="fuse"><value>vi-VN</value></prop></item>)"
         "\n"
      << "</oor:items>\n";
  if (!out) ec = std::make_error_code(std::errc::io_error);
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
  // LibreOffice's profile and output in a folder of the system's temporary folder, not in the
  // output folder's staging (which holds files only, so that an interrupted build is undone)
  static std::atomic<int> counter{0};
  std::error_code ec;
  const fs::path work = fs::temp_directory_path(ec) /
                        fmt::format("ntreport-pdf-{}-{}", platform::process_id(), counter++);
  if (!ec) fs::create_directories(work / "profile" / "user", ec);
  if (!ec) write_locale(work / "profile" / "user", ec);
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
                trf("LibreOffice ({}) did not convert {} into a PDF (exit status {})", soffice,
                    platform::utf8_path(src.filename()), status));
  }
  return ok;
}

}  // namespace ntr
