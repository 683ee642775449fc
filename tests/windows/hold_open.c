/* Holds a file open the way Excel holds a workbook it shows (others may read it, not write,
 * rename or delete it) until its standard input closes. Prints "ready" once it holds it.
 * Usage: hold_open.exe FILE (a test tool of tests/windows/interrupt_and_lock.py). */
#include <stdio.h>
#include <windows.h>

int main(int argc, char** argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: hold_open.exe FILE\n");
    return 2;
  }
  HANDLE h = CreateFileA(argv[1], GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING,
                         FILE_ATTRIBUTE_NORMAL, NULL);
  if (h == INVALID_HANDLE_VALUE) {
    fprintf(stderr, "hold_open: cannot open %s (error %lu)\n", argv[1], GetLastError());
    return 1;
  }
  puts("ready");
  fflush(stdout);
  while (getchar() != EOF) {
  }
  CloseHandle(h);
  return 0;
}
