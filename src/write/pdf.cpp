#include "ntreport/write/pdf.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <thread>
#include <vector>

extern char** environ;

namespace ntr {

namespace {

namespace fs = std::filesystem;

constexpr auto kTimeout = std::chrono::minutes(10);

std::string on_path(const std::string& name) {
  const char* path = std::getenv("PATH");
  if (path == nullptr) return {};
  std::string_view rest = path;
  while (!rest.empty()) {
    const std::size_t colon = rest.find(':');
    const std::string dir(rest.substr(0, colon));
    rest = colon == std::string_view::npos ? std::string_view() : rest.substr(colon + 1);
    if (dir.empty()) continue;
    const std::string candidate = dir + "/" + name;
    if (::access(candidate.c_str(), X_OK) == 0) return candidate;
  }
  return {};
}

// The environment of LibreOffice: ours in a Vietnamese locale, so that the workbook's figures
// print as the tables do ("146.176", "98,95%"), not in the locale of the machine.
std::vector<std::string> vietnamese_environment() {
  std::vector<std::string> env;
  for (char** e = environ; *e != nullptr; ++e) {
    const std::string_view v(*e);
    if (v.rfind("LC_", 0) != 0 && v.rfind("LANG=", 0) != 0 && v.rfind("LANGUAGE=", 0) != 0)
      env.emplace_back(v);
  }
  env.emplace_back("LC_ALL=vi_VN.UTF-8");
  env.emplace_back("LANG=vi_VN.UTF-8");
  return env;
}

std::vector<char*> pointers(const std::vector<std::string>& strings) {
  std::vector<char*> out;
  for (const auto& s : strings) out.push_back(const_cast<char*>(s.c_str()));
  out.push_back(nullptr);
  return out;
}

// Runs argv with its output discarded; the exit status, or -1 when it could not run or was
// stopped after kTimeout.
int run(const std::vector<std::string>& args) {
  std::vector<char*> argv = pointers(args);
  const std::vector<std::string> env_strings = vietnamese_environment();
  std::vector<char*> env = pointers(env_strings);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
  pid_t pid = 0;
  const int spawned = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), env.data());
  posix_spawn_file_actions_destroy(&actions);
  if (spawned != 0) return -1;
  const auto deadline = std::chrono::steady_clock::now() + kTimeout;
  int status = 0;
  while (::waitpid(pid, &status, WNOHANG) == 0) {
    if (std::chrono::steady_clock::now() > deadline) {
      ::kill(pid, SIGKILL);
      ::waitpid(pid, &status, 0);
      return -1;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

}  // namespace

std::string find_soffice() {
  if (const char* s = std::getenv("NTREPORT_SOFFICE"); s != nullptr && *s != '\0')
    return ::access(s, X_OK) == 0 ? std::string(s) : on_path(s);
  std::string found = on_path("soffice");
  return found.empty() ? on_path("libreoffice") : found;
}

bool convert_to_pdf(const std::string& soffice, const std::string& source,
                    const std::string& pdf_path, Diagnostics& diags) {
  const fs::path src = fs::absolute(source);
  const fs::path work = fs::path(src.string() + ".work");  // beside the staged file
  std::error_code ec;
  fs::create_directories(work / "profile", ec);
  const int status = ec ? -1
                        : run({soffice, "--headless", "--norestore", "--nologo",
                               "-env:UserInstallation=file://" + (work / "profile").string(),
                               "--convert-to", "pdf", "--outdir", work.string(), src.string()});
  const fs::path produced = work / (src.stem().string() + ".pdf");
  bool ok = status == 0 && fs::is_regular_file(produced, ec);
  if (ok) {
    fs::rename(produced, pdf_path, ec);
    ok = !ec;
  }
  fs::remove_all(work, ec);
  fs::remove(src, ec);
  if (!ok) {
    diags.error("io-error", SourceLoc{pdf_path, {}, 0, 0, 0, false},
                fmt::format("LibreOffice ({}) did not convert {} into a PDF (exit status {})",
                            soffice, src.filename().string(), status));
  }
  return ok;
}

}  // namespace ntr
