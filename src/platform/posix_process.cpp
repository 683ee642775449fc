#include <pthread.h>
#include <unistd.h>

#include <csignal>
#include <cstdlib>

#include "ntreport/platform/process.hpp"

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

}  // namespace ntr::platform
