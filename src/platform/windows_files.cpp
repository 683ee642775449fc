#include <fcntl.h>
#include <io.h>
#include <sys/stat.h>

#include <cerrno>
#include <climits>
#include <cwchar>
#include <filesystem>
#include <system_error>

#include "ntreport/platform/files.hpp"
#include "windows_detail.hpp"

namespace ntr::platform {

namespace win {

std::wstring wide(std::string_view utf8) {
  if (utf8.empty()) return {};
  const int size = static_cast<int>(utf8.size());
  const int n = MultiByteToWideChar(CP_UTF8, MB_ERR_INVALID_CHARS, utf8.data(), size, nullptr, 0);
  std::wstring out(static_cast<std::size_t>(n), L'\0');
  if (n > 0) MultiByteToWideChar(CP_UTF8, MB_ERR_INVALID_CHARS, utf8.data(), size, out.data(), n);
  return out;
}

std::string utf8(std::wstring_view text) {
  if (text.empty()) return {};
  const int size = static_cast<int>(text.size());
  const int n = WideCharToMultiByte(CP_UTF8, 0, text.data(), size, nullptr, 0, nullptr, nullptr);
  std::string out(static_cast<std::size_t>(n), '\0');
  if (n > 0) WideCharToMultiByte(CP_UTF8, 0, text.data(), size, out.data(), n, nullptr, nullptr);
  return out;
}

bool wide_into(const char* utf8, wchar_t* out, int capacity) noexcept {
  return MultiByteToWideChar(CP_UTF8, MB_ERR_INVALID_CHARS, utf8, -1, out, capacity) > 0;
}

void set_errno(DWORD error) noexcept {
  switch (error) {
    case ERROR_FILE_NOT_FOUND:
    case ERROR_PATH_NOT_FOUND:
    case ERROR_INVALID_NAME:
      errno = ENOENT;
      break;
    case ERROR_FILE_EXISTS:
    case ERROR_ALREADY_EXISTS:
      errno = EEXIST;
      break;
    case ERROR_ACCESS_DENIED:
    case ERROR_SHARING_VIOLATION:
    case ERROR_LOCK_VIOLATION:
      errno = EACCES;
      break;
    case ERROR_DIRECTORY:
      errno = ENOTDIR;
      break;
    case ERROR_DISK_FULL:
    case ERROR_HANDLE_DISK_FULL:
      errno = ENOSPC;
      break;
    default:
      errno = EIO;
  }
}

}  // namespace win

namespace {

bool is_folder(const std::wstring& path) {
  const DWORD attributes = GetFileAttributesW(path.c_str());
  return attributes != INVALID_FILE_ATTRIBUTES && (attributes & FILE_ATTRIBUTE_DIRECTORY) != 0;
}

// A file that opens but is a folder says so, as open(2) and read(2) do on POSIX.
int failed_open(const std::wstring& path) {
  if (errno == EACCES && is_folder(path)) errno = EISDIR;
  return -1;
}

}  // namespace

std::FILE* open_file(const std::string& path, const char* mode) {
  std::wstring wide_mode = win::wide(mode);
  if (wide_mode.find(L'b') == std::wstring::npos) wide_mode += L'b';
  const std::wstring name = win::wide(path);
  std::FILE* f = _wfopen(name.c_str(), wide_mode.c_str());
  if (f == nullptr) failed_open(name);
  return f;
}

int open_read(const std::string& path) {
  const std::wstring name = win::wide(path);
  const int fd = _wopen(name.c_str(), _O_RDONLY | _O_BINARY | _O_NOINHERIT);
  return fd >= 0 ? fd : failed_open(name);
}

int create_new(const std::string& path) {
  // FILE_SHARE_DELETE: an interrupt removes the temporary even while it is being written.
  const HANDLE h = CreateFileW(win::wide(path).c_str(), GENERIC_WRITE,
                               FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, nullptr,
                               CREATE_NEW, FILE_ATTRIBUTE_NORMAL, nullptr);
  if (h == INVALID_HANDLE_VALUE) {
    win::set_errno(GetLastError());
    return -1;
  }
  const int fd = _open_osfhandle(reinterpret_cast<intptr_t>(h), _O_WRONLY | _O_BINARY);
  if (fd < 0) CloseHandle(h);
  return fd;
}

std::int64_t read_some(int fd, void* buf, std::size_t n) {
  return _read(fd, buf, static_cast<unsigned>(n < INT_MAX ? n : INT_MAX));
}

bool write_all(int fd, std::string_view data) {
  std::size_t done = 0;
  while (done < data.size()) {
    const std::size_t left = data.size() - done;
    const int n =
        _write(fd, data.data() + done, static_cast<unsigned>(left < INT_MAX ? left : INT_MAX));
    if (n < 0) return false;
    done += static_cast<std::size_t>(n);
  }
  return true;
}

bool sync(int fd) { return _commit(fd) == 0; }

bool close(int fd) { return _close(fd) == 0; }

bool kind_of(int fd, FileKind& out) {
  struct _stat64 st {};
  if (_fstat64(fd, &st) != 0) return false;
  out.folder = (st.st_mode & _S_IFDIR) != 0;
  out.regular = (st.st_mode & _S_IFREG) != 0;
  out.size = static_cast<std::uint64_t>(st.st_size);
  return true;
}

Kind kind_at(const std::string& path, bool follow) {
  const DWORD attributes = GetFileAttributesW(win::wide(path).c_str());
  if (attributes == INVALID_FILE_ATTRIBUTES) {
    win::set_errno(GetLastError());
    return Kind::missing;
  }
  if (!follow && (attributes & FILE_ATTRIBUTE_REPARSE_POINT) != 0) return Kind::link;
  return (attributes & FILE_ATTRIBUTE_DIRECTORY) != 0 ? Kind::folder : Kind::regular;
}

int open_regular(const std::string& path, Kind& kind, bool follow) {
  kind = kind_at(path, follow);
  if (kind != Kind::regular) return -1;
  const int fd = open_read(path);
  if (fd < 0) {
    kind = Kind::missing;
    return -1;
  }
  FileKind opened;
  if (!kind_of(fd, opened) || !opened.regular) {
    kind = opened.folder ? Kind::folder : Kind::other;  // a device ("NUL", "CON")
    _close(fd);
    return -1;
  }
  return fd;
}

std::int64_t read_at(int fd, void* buf, std::size_t n, std::uint64_t offset) {
  if (_lseeki64(fd, static_cast<__int64>(offset), SEEK_SET) < 0) return -1;
  return read_some(fd, buf, n);
}

std::FILE* stream_of(int fd) { return _fdopen(fd, "rb"); }

bool make_folder(const std::string& path) {
  if (CreateDirectoryW(win::wide(path).c_str(), nullptr) != 0) return true;
  win::set_errno(GetLastError());
  return false;
}

std::vector<std::string> folder_names(const std::string& path) {
  std::vector<std::string> out;
  WIN32_FIND_DATAW entry;
  const HANDLE h = FindFirstFileW((win::wide(path) + L"\\*").c_str(), &entry);
  if (h == INVALID_HANDLE_VALUE) return out;
  do {
    const std::wstring_view name(entry.cFileName);
    if (name != L"." && name != L"..") out.push_back(win::utf8(name));
  } while (FindNextFileW(h, &entry) != 0);
  FindClose(h);
  return out;
}

bool replace(const std::string& from, const std::string& to) {
  if (MoveFileExW(win::wide(from).c_str(), win::wide(to).c_str(),
                  MOVEFILE_REPLACE_EXISTING | MOVEFILE_WRITE_THROUGH) != 0) {
    return true;
  }
  win::set_errno(GetLastError());
  return false;
}

bool held_open(const std::string& path) {
  // Replacing a file needs the right to delete it, which a program that opened it without
  // FILE_SHARE_DELETE (Excel, for a workbook it shows) denies to everyone else.
  const HANDLE h = CreateFileW(win::wide(path).c_str(), DELETE,
                               FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, nullptr,
                               OPEN_EXISTING, FILE_FLAG_BACKUP_SEMANTICS, nullptr);
  if (h != INVALID_HANDLE_VALUE) {
    CloseHandle(h);
    return false;
  }
  const DWORD error = GetLastError();
  return error == ERROR_SHARING_VIOLATION || error == ERROR_LOCK_VIOLATION;
}

bool sync_file(const std::string& path) {
  // FlushFileBuffers needs a handle that may write.
  const HANDLE h = CreateFileW(win::wide(path).c_str(), GENERIC_WRITE,
                               FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, nullptr,
                               OPEN_EXISTING, FILE_ATTRIBUTE_NORMAL, nullptr);
  if (h == INVALID_HANDLE_VALUE) {
    win::set_errno(GetLastError());
    return false;
  }
  const bool ok = FlushFileBuffers(h) != 0;
  if (!ok) win::set_errno(GetLastError());
  CloseHandle(h);
  return ok;
}

bool remove_tree(const std::string& path) {
  std::error_code ec;
  std::filesystem::remove_all(std::filesystem::path(win::wide(path)), ec);
  return !ec;
}

namespace {

// The handles of the locks held, for an interrupt to close: the lock file goes with its handle,
// and an output folder the build created can go only once it is empty. Changed under an
// InterruptGuard (write/output_folder.cpp), which the interrupt handler waits for.
constexpr int kMaxLocks = 8;
HANDLE g_lock_handles[kMaxLocks] = {};

void hold_handle(HANDLE h) {
  for (HANDLE& slot : g_lock_handles) {
    if (slot == nullptr) {
      slot = h;
      return;
    }
  }
}

// False when the interrupt already closed it.
bool forget_handle(HANDLE h) {
  for (HANDLE& slot : g_lock_handles) {
    if (slot == h) {
      slot = nullptr;
      return true;
    }
  }
  return false;
}

}  // namespace

bool FileLock::try_lock(const std::string& path) {
  release();
  // No sharing: a second opener fails with a sharing violation while this handle lives; the
  // file goes when the handle closes, also when the process dies.
  const HANDLE h =
      CreateFileW(win::wide(path).c_str(), GENERIC_READ | GENERIC_WRITE, 0, nullptr, OPEN_ALWAYS,
                  FILE_ATTRIBUTE_TEMPORARY | FILE_FLAG_DELETE_ON_CLOSE, nullptr);
  if (h == INVALID_HANDLE_VALUE) {
    const DWORD error = GetLastError();
    if (error == ERROR_SHARING_VIOLATION || error == ERROR_ACCESS_DENIED) {
      errno = EWOULDBLOCK;
    } else {
      win::set_errno(error);
    }
    return false;
  }
  fd_ = _open_osfhandle(reinterpret_cast<intptr_t>(h), _O_RDWR | _O_BINARY);
  if (fd_ < 0) {
    CloseHandle(h);
    return false;
  }
  hold_handle(h);
  path_ = path;
  return true;
}

void FileLock::remove_after_interrupt(const char* /*path*/) noexcept {
  // FILE_FLAG_DELETE_ON_CLOSE: closing the handle removes the file.
  for (HANDLE& slot : g_lock_handles) {
    if (slot != nullptr) CloseHandle(slot);
    slot = nullptr;
  }
}

void FileLock::release() {
  if (fd_ < 0) return;
  const auto h = reinterpret_cast<HANDLE>(_get_osfhandle(fd_));
  if (forget_handle(h)) _close(fd_);  // FILE_FLAG_DELETE_ON_CLOSE removes the file
  fd_ = -1;
}

void sync_folder(const std::string& /*path*/) {
  // NTFS journals its folder entries; Windows offers no flush of a folder to programs.
}

namespace {

constexpr int kMaxWide = 4096;

bool gone(DWORD error) noexcept {
  return error == ERROR_FILE_NOT_FOUND || error == ERROR_PATH_NOT_FOUND;
}

}  // namespace

bool remove_file(const char* path) noexcept {
  wchar_t name[kMaxWide];
  if (!win::wide_into(path, name, kMaxWide)) return false;
  if (DeleteFileW(name) != 0) return true;
  const DWORD error = GetLastError();
  if (error == ERROR_SHARING_VIOLATION || error == ERROR_ACCESS_DENIED) win::note_left_open();
  return gone(error);
}

bool remove_folder(const char* path) noexcept {
  wchar_t name[kMaxWide];
  if (!win::wide_into(path, name, kMaxWide)) return false;
  if (RemoveDirectoryW(name) != 0) return true;
  const DWORD error = GetLastError();
  if (error == ERROR_DIR_NOT_EMPTY) win::note_left_open();  // what it holds is still open
  return gone(error);
}

void remove_flat_folder(const char* path) noexcept {
  // Fixed storage: the folder's name, then each entry's name after it.
  static wchar_t name[kMaxWide + MAX_PATH + 2];
  if (!win::wide_into(path, name, kMaxWide)) return;
  const std::size_t folder = wcslen(name);
  wcscpy(name + folder, L"\\*");
  WIN32_FIND_DATAW entry;
  const HANDLE h = FindFirstFileW(name, &entry);
  if (h != INVALID_HANDLE_VALUE) {
    do {
      if (wcscmp(entry.cFileName, L".") == 0 || wcscmp(entry.cFileName, L"..") == 0) continue;
      wcscpy(name + folder + 1, entry.cFileName);
      if (DeleteFileW(name) == 0) {
        const DWORD error = GetLastError();
        if (error == ERROR_SHARING_VIOLATION || error == ERROR_ACCESS_DENIED)
          win::note_left_open();  // still being written: removed at the next guarded step
      }
    } while (FindNextFileW(h, &entry) != 0);
    FindClose(h);
  }
  name[folder] = L'\0';
  if (RemoveDirectoryW(name) == 0 && GetLastError() == ERROR_DIR_NOT_EMPTY) win::note_left_open();
}

}  // namespace ntr::platform
