#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <cstdlib>
#include <string_view>
#include <thread>

#include "ntreport/platform/process.hpp"

extern char** environ;

namespace ntr::platform {

namespace {

constexpr int kInterrupts[] = {SIGINT, SIGTERM, SIGHUP};

void (*g_cleanup)() noexcept = nullptr;

extern "C" void on_signal(int sig) {
  if (g_cleanup != nullptr) g_cleanup();
  std::signal(sig, SIG_DFL);
  std::raise(sig);  // the parent sees the process die of the signal
}

// Guards nest; the signals are blocked by the outermost one.
thread_local int t_depth = 0;
thread_local sigset_t t_saved;

}  // namespace

Arguments::Arguments(int argc, char** argv) : args_(argv, argv + argc) {
  for (auto& a : args_) pointers_.push_back(a.data());
  pointers_.push_back(nullptr);
}

void init_process() {
  // libzip converts the time of every zip entry with mktime, and glibc re-reads the time zone
  // file on each call when TZ is unset: ten stat calls per workbook, a tenth of the time of a
  // national build. Nothing ntreport writes depends on the time zone, so with TZ unset it
  // uses UTC. Set here, before any thread starts.
  setenv("TZ", "UTC", 0);
}

bool stderr_is_terminal() { return isatty(STDERR_FILENO) == 1; }

std::string desktop_language() { return {}; }

long process_id() { return static_cast<long>(::getpid()); }

void on_interrupt(void (*cleanup)() noexcept) {
  g_cleanup = cleanup;
  for (const int sig : kInterrupts) std::signal(sig, on_signal);
}

InterruptGuard::InterruptGuard() {
  if (t_depth++ > 0) return;
  sigset_t block;
  sigemptyset(&block);
  for (const int sig : kInterrupts) sigaddset(&block, sig);
  ::pthread_sigmask(SIG_BLOCK, &block, &t_saved);
}

InterruptGuard::~InterruptGuard() {
  if (--t_depth > 0) return;
  ::pthread_sigmask(SIG_SETMASK, &t_saved, nullptr);
}

void kill_now() {
  ::kill(::getpid(), SIGKILL);
  std::abort();  // not reached
}

void wait_for_interrupt() {
  for (;;) ::pause();
}

namespace {
std::vector<char*> pointers(const std::vector<std::string>& strings) {
  std::vector<char*> out;
  for (const auto& s : strings) out.push_back(const_cast<char*>(s.c_str()));
  out.push_back(nullptr);
  return out;
}
}  // namespace

std::string find_program(const std::string& name) {
  if (name.find('/') != std::string::npos) return ::access(name.c_str(), X_OK) == 0 ? name : "";
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

int run_program(const std::vector<std::string>& args, const std::vector<std::string>& env,
                std::chrono::milliseconds timeout) {
  // The environment: ours, without the variables `env` sets (names before '=').
  std::vector<std::string> env_strings;
  for (char** e = environ; *e != nullptr; ++e) {
    const std::string_view v(*e);
    bool replaced = false;
    for (const auto& mine : env) {
      const std::string_view name = std::string_view(mine).substr(0, mine.find('=') + 1);
      replaced = replaced || v.rfind(name, 0) == 0;
    }
    if (!replaced) env_strings.emplace_back(v);
  }
  env_strings.insert(env_strings.end(), env.begin(), env.end());
  std::vector<char*> argv = pointers(args);
  std::vector<char*> envp = pointers(env_strings);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
  pid_t pid = 0;
  const int spawned = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  if (spawned != 0) return -1;
  const auto deadline = std::chrono::steady_clock::now() + timeout;
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

}  // namespace ntr::platform
