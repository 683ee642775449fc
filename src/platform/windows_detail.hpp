#pragma once
// What the Windows side of the platform layer shares: UTF-8 ↔ UTF-16, Win32 errors as errno.
#ifndef WIN32_LEAN_AND_MEAN
#define WIN32_LEAN_AND_MEAN
#endif
#ifndef NOMINMAX
#define NOMINMAX
#endif
#include <windows.h>

#include <string>
#include <string_view>

namespace ntr::platform::win {

/// UTF-8 as UTF-16, for the wide API ("" for text that is not UTF-8).
std::wstring wide(std::string_view utf8);
/// UTF-16 from the system as UTF-8.
std::string utf8(std::wstring_view text);
/// UTF-8 into a fixed buffer, allocating nothing (for interrupt handlers); false if too long.
bool wide_into(const char* utf8, wchar_t* out, int capacity) noexcept;
/// Sets errno to the C library's code for a Win32 error.
void set_errno(DWORD error) noexcept;
/// Records that a temporary could not be removed because it is still open (interrupts).
void note_left_open() noexcept;

}  // namespace ntr::platform::win
