#pragma once
// The process's side of the operating system: the command line, the console, interrupts.
#include <chrono>
#include <string>
#include <vector>

namespace ntr::platform {

/// The command line as UTF-8 strings. On Windows main's argv is in the system's code page,
/// which cannot hold every Vietnamese letter: the arguments are read again as UTF-16.
class Arguments {
 public:
  Arguments(int argc, char** argv);
  [[nodiscard]] int argc() const { return static_cast<int>(args_.size()); }
  char** argv() { return pointers_.data(); }

 private:
  std::vector<std::string> args_;
  std::vector<char*> pointers_;
};

/// Sets the process up before anything runs: UTF-8 on the Windows console, standard output
/// and error written byte for byte (no "\n" turned into "\r\n"), TZ=UTC when TZ is unset.
void init_process();
/// True when standard error is a terminal (or a console window).
bool stderr_is_terminal();
/// The language of the user's desktop when the system has one apart from the locale's
/// variables: "vi" on a Windows whose display language is Vietnamese; "" otherwise (and always
/// on POSIX, where LANGUAGE, LC_ALL, LC_MESSAGES and LANG say it).
std::string desktop_language();
/// The process's id, for names of temporary files.
long process_id();

/// Makes an interrupt (Ctrl-C; SIGINT, SIGTERM and SIGHUP on POSIX; Ctrl-Break and closing
/// the console window on Windows) call `cleanup`, then end the process as interrupted.
void on_interrupt(void (*cleanup)() noexcept);

/// While one lives, an interrupt waits: a file can be created, renamed or removed and its
/// name recorded for `cleanup` without the cleanup running in between.
class InterruptGuard {
 public:
  InterruptGuard();
  ~InterruptGuard();
  InterruptGuard(const InterruptGuard&) = delete;
  InterruptGuard& operator=(const InterruptGuard&) = delete;
};

/// Ends the process at once, as SIGKILL does, running nothing (a test hook's way to stop a
/// build in the middle of a step).
[[noreturn]] void kill_now();

/// Waits for an interrupt, which ends the process (a test hook's way to hold a build).
[[noreturn]] void wait_for_interrupt();

/// A program on the PATH by its name ("soffice"; ".exe" is added on Windows), or `name`
/// itself when it is a path to a program; empty when there is none.
std::string find_program(const std::string& name);

/// Runs a program (args[0] is its path) with its output discarded and `env` added to the
/// environment (POSIX; "NAME=value"); its exit status, or -1 when it could not run or ran
/// longer than `timeout` and was stopped.
int run_program(const std::vector<std::string>& args, const std::vector<std::string>& env,
                std::chrono::milliseconds timeout);

}  // namespace ntr::platform
