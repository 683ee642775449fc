#include <fcntl.h>
#include <io.h>

#include <cstdio>
#include <cstdlib>
#include <string_view>
#include <vector>

#include "ntreport/platform/process.hpp"
#include "windows_detail.hpp"
// After windows.h, which it needs.
#include <shellapi.h>

// MinGW's libstdc++ runs the destructors of thread_local objects from a thread-specific key of
// winpthreads, and GCC's emulated TLS frees those objects' storage from another; winpthreads
// runs the key destructors in the order the keys were made. The TLS key is made at the first
// use of any thread_local, so a worker thread's parser cache (read/xlsx_xml.cpp) was destroyed
// after its memory was freed: a crash at random when reading threads ended.
extern "C" int __cxa_thread_atexit(void (*dtor)(void*), void* obj, void* dso_handle);
extern "C" void* __dso_handle;

namespace ntr::platform {

namespace {

// What a console program stopped by Ctrl-C exits with on Windows.
constexpr UINT kInterruptedExit = 0xC000013AU;

void (*g_cleanup)() noexcept = nullptr;
SRWLOCK g_lock = SRWLOCK_INIT;
volatile LONG g_interrupted = 0;
volatile LONG g_left_open = 0;
UINT g_saved_output_cp = 0;
bool g_console_vt = false;

// Guards nest; the lock is taken by the outermost one.
thread_local int t_depth = 0;

void restore_console() {
  if (g_saved_output_cp != 0) SetConsoleOutputCP(g_saved_output_cp);
}

// Ends the process as interrupted; ExitProcess runs no atexit function.
[[noreturn]] void exit_interrupted() {
  restore_console();
  ExitProcess(kInterruptedExit);
}

// Under the lock: removes what the cleanup can; ends the process when nothing is left.
void clean_up_and_exit_if_done() {
  InterlockedExchange(&g_left_open, 0);
  if (g_cleanup != nullptr) g_cleanup();
  if (InterlockedCompareExchange(&g_left_open, 0, 0) == 0) exit_interrupted();
}

// Runs on a thread of its own. The lock waits out a file being created or renamed. A
// temporary still open (a workbook being written) cannot be removed yet: the handler leaves
// it to the next guarded step of the build, which ends the process once it is closed.
BOOL WINAPI on_console_event(DWORD event) {
  switch (event) {
    case CTRL_C_EVENT:
    case CTRL_BREAK_EVENT:
    case CTRL_CLOSE_EVENT:
    case CTRL_LOGOFF_EVENT:
    case CTRL_SHUTDOWN_EVENT:
      break;
    default:
      return FALSE;
  }
  AcquireSRWLockExclusive(&g_lock);
  InterlockedExchange(&g_interrupted, 1);
  clean_up_and_exit_if_done();
  ReleaseSRWLockExclusive(&g_lock);
  for (;;) Sleep(INFINITE);
}

void no_cleanup(void* /*unused*/) {}

}  // namespace

namespace win {
void note_left_open() noexcept { InterlockedExchange(&g_left_open, 1); }
}  // namespace win

Arguments::Arguments(int argc, char** argv) {
  int count = 0;
  wchar_t** wide = CommandLineToArgvW(GetCommandLineW(), &count);
  if (wide != nullptr && count == argc) {
    for (int i = 0; i < count; ++i) args_.push_back(win::utf8(wide[i]));
  } else {
    args_.assign(argv, argv + argc);
  }
  if (wide != nullptr) LocalFree(wide);
  for (auto& a : args_) pointers_.push_back(a.data());
  pointers_.push_back(nullptr);
}

void init_process() {
  // Makes the key of thread_local destructors before the TLS key, so that they run first
  // (see __cxa_thread_atexit above). Nothing has used a thread_local yet.
  __cxa_thread_atexit(no_cleanup, nullptr, &__dso_handle);
  // The same time zone as on POSIX (posix_process.cpp): libzip's entry times go through it.
  if (std::getenv("TZ") == nullptr) _putenv_s("TZ", "UTC");
  // Bytes out as they are: the same outputs as on POSIX, UTF-8 included.
  _setmode(_fileno(stdout), _O_BINARY);
  _setmode(_fileno(stderr), _O_BINARY);
  if (const UINT cp = GetConsoleOutputCP(); cp != 0 && cp != CP_UTF8) {
    g_saved_output_cp = cp;
    if (SetConsoleOutputCP(CP_UTF8) != 0) std::atexit(restore_console);
  }
  // The progress line redraws itself with escape sequences, which a console window
  // understands only when asked to (Windows 10 and later).
  const HANDLE err = GetStdHandle(STD_ERROR_HANDLE);
  DWORD mode = 0;
  if (err != INVALID_HANDLE_VALUE && GetConsoleMode(err, &mode) != 0) {
    g_console_vt = SetConsoleMode(err, mode | ENABLE_VIRTUAL_TERMINAL_PROCESSING) != 0;
  }
}

bool stderr_is_terminal() { return g_console_vt && _isatty(_fileno(stderr)) != 0; }

std::string desktop_language() {
  return PRIMARYLANGID(GetUserDefaultUILanguage()) == LANG_VIETNAMESE ? "vi" : "";
}

long process_id() { return static_cast<long>(GetCurrentProcessId()); }

void on_interrupt(void (*cleanup)() noexcept) {
  g_cleanup = cleanup;
  SetConsoleCtrlHandler(on_console_event, TRUE);
}

InterruptGuard::InterruptGuard() {
  if (t_depth++ > 0) return;
  AcquireSRWLockExclusive(&g_lock);
  if (InterlockedCompareExchange(&g_interrupted, 0, 0) != 0) {
    clean_up_and_exit_if_done();
    exit_interrupted();  // what is still open is this thread's own: gone at exit
  }
}

InterruptGuard::~InterruptGuard() {
  if (--t_depth > 0) return;
  ReleaseSRWLockExclusive(&g_lock);
}

void kill_now() {
  TerminateProcess(GetCurrentProcess(), 9);
  ExitProcess(9);  // not reached
}

void wait_for_interrupt() {
  for (;;) Sleep(INFINITE);
}

namespace {
// One argument quoted as CommandLineToArgvW reads it back.
std::wstring quoted(const std::wstring& arg) {
  if (!arg.empty() && arg.find_first_of(L" \t\"") == std::wstring::npos) return arg;
  std::wstring out = L"\"";
  std::size_t slashes = 0;
  for (const wchar_t c : arg) {
    if (c == L'\\') {
      ++slashes;
      continue;
    }
    out.append(c == L'"' ? slashes * 2 + 1 : slashes, L'\\');
    slashes = 0;
    out += c;
  }
  out.append(slashes * 2, L'\\');
  return out + L"\"";
}
}  // namespace

std::string find_program(const std::string& name) {
  auto is_file = [](const std::wstring& path) {
    const DWORD attributes = GetFileAttributesW(path.c_str());
    return attributes != INVALID_FILE_ATTRIBUTES && !(attributes & FILE_ATTRIBUTE_DIRECTORY);
  };
  if (name.find_first_of("/\\") != std::string::npos) return is_file(win::wide(name)) ? name : "";
  // The folders of PATH only (not the working folder, where an input could sit), then where
  // the installers put LibreOffice, which does not add itself to PATH.
  std::vector<std::wstring> folders;
  if (const wchar_t* path = _wgetenv(L"PATH")) {
    std::wstring_view rest = path;
    while (!rest.empty()) {
      const std::size_t semi = rest.find(L';');
      if (semi != 0) folders.emplace_back(rest.substr(0, semi));
      rest = semi == std::wstring_view::npos ? std::wstring_view() : rest.substr(semi + 1);
    }
  }
  for (const wchar_t* root : {L"ProgramFiles", L"ProgramFiles(x86)"}) {
    if (const wchar_t* dir = _wgetenv(root))
      folders.push_back(std::wstring(dir) + L"\\LibreOffice\\program");
  }
  const std::wstring file = win::wide(name) + L".exe";
  for (const auto& folder : folders) {
    const std::wstring candidate = folder + L"\\" + file;
    if (is_file(candidate)) return win::utf8(candidate);
  }
  return {};
}

int run_program(const std::vector<std::string>& args, const std::vector<std::string>& env,
                std::chrono::milliseconds timeout) {
  (void)env;  // the Windows programs it runs take their settings from the user's profile
  std::wstring command;
  for (const auto& a : args) command += (command.empty() ? L"" : L" ") + quoted(win::wide(a));
  STARTUPINFOW startup{};
  startup.cb = sizeof startup;
  PROCESS_INFORMATION process{};
  const std::wstring program = win::wide(args.at(0));
  if (!CreateProcessW(program.c_str(), command.data(), nullptr, nullptr, FALSE, CREATE_NO_WINDOW,
                      nullptr, nullptr, &startup, &process))
    return -1;
  CloseHandle(process.hThread);
  DWORD status = 0;
  const auto ms = static_cast<DWORD>(timeout.count());
  if (WaitForSingleObject(process.hProcess, ms) != WAIT_OBJECT_0) {
    TerminateProcess(process.hProcess, 1);
    WaitForSingleObject(process.hProcess, INFINITE);
    CloseHandle(process.hProcess);
    return -1;
  }
  GetExitCodeProcess(process.hProcess, &status);
  CloseHandle(process.hProcess);
  return static_cast<int>(status);
}

}  // namespace ntr::platform
