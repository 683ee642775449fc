/* iconv and fopen for FreeXL on Windows (scripts/windows/freexl.sh): a workbook's text in one
   of the code pages FreeXL names (ASCII, CPnnn, MacRoman, UTF-16LE) converted to UTF-8 with
   MultiByteToWideChar and WideCharToMultiByte; a UTF-8 file name opened with _wfopen. */
#define WIN32_LEAN_AND_MEAN
#include <windows.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "iconv.h"

typedef struct {
  UINT code_page; /* 1200: UTF-16LE, taken as it is */
} converter;

static UINT code_page_of(const char *name) {
  if (strcmp(name, "ASCII") == 0) return 20127;
  if (strcmp(name, "MacRoman") == 0) return 10000;
  if (strcmp(name, "UTF-16LE") == 0) return 1200;
  if (strncmp(name, "CP", 2) == 0) {
    char *end = NULL;
    const unsigned long n = strtoul(name + 2, &end, 10);
    if (end != name + 2 && *end == '\0' && n > 0 && n < 65536) return (UINT)n;
  }
  return 0;
}

iconv_t iconv_open(const char *to, const char *from) {
  const UINT cp = code_page_of(from);
  converter *c;
  if (strcmp(to, "UTF-8") != 0 || cp == 0 || (cp != 1200 && !IsValidCodePage(cp))) {
    errno = EINVAL;
    return (iconv_t)-1;
  }
  c = (converter *)malloc(sizeof *c);
  if (c == NULL) {
    errno = ENOMEM;
    return (iconv_t)-1;
  }
  c->code_page = cp;
  return c;
}

/* Converts the whole input at once, as FreeXL calls it: one string per call. */
size_t iconv(iconv_t cd, char **in, size_t *in_left, char **out, size_t *out_left) {
  const converter *c = (const converter *)cd;
  const wchar_t *wide;
  wchar_t *buffer = NULL;
  int wide_len, written;
  if (in == NULL || *in == NULL || *in_left == 0) return 0;
  if (*in_left > 0x3fffffff || *out_left > 0x7fffffff) {
    errno = E2BIG;
    return (size_t)-1;
  }
  if (c->code_page == 1200) {
    if (*in_left % 2 != 0) {
      errno = EINVAL;
      return (size_t)-1;
    }
    wide = (const wchar_t *)*in;
    wide_len = (int)(*in_left / 2);
  } else {
    wide_len = MultiByteToWideChar(c->code_page, 0, *in, (int)*in_left, NULL, 0);
    if (wide_len <= 0) {
      errno = EILSEQ;
      return (size_t)-1;
    }
    buffer = (wchar_t *)malloc(sizeof(wchar_t) * (size_t)wide_len);
    if (buffer == NULL) {
      errno = ENOMEM;
      return (size_t)-1;
    }
    MultiByteToWideChar(c->code_page, 0, *in, (int)*in_left, buffer, wide_len);
    wide = buffer;
  }
  written = WideCharToMultiByte(CP_UTF8, 0, wide, wide_len, *out, (int)*out_left, NULL, NULL);
  free(buffer);
  if (written <= 0) {
    errno = GetLastError() == ERROR_INSUFFICIENT_BUFFER ? E2BIG : EILSEQ;
    return (size_t)-1;
  }
  *in += *in_left;
  *in_left = 0;
  *out += written;
  *out_left -= (size_t)written;
  return 0;
}

int iconv_close(iconv_t cd) {
  free(cd);
  return 0;
}

static wchar_t *wide_of(const char *utf8) {
  const int n = MultiByteToWideChar(CP_UTF8, MB_ERR_INVALID_CHARS, utf8, -1, NULL, 0);
  wchar_t *w;
  if (n <= 0) return NULL;
  w = (wchar_t *)malloc(sizeof(wchar_t) * (size_t)n);
  if (w != NULL) MultiByteToWideChar(CP_UTF8, MB_ERR_INVALID_CHARS, utf8, -1, w, n);
  return w;
}

FILE *ntr_fopen_utf8(const char *path, const char *mode) {
  wchar_t *wpath = wide_of(path);
  wchar_t *wmode = wide_of(mode);
  FILE *f = NULL;
  if (wpath != NULL && wmode != NULL) f = _wfopen(wpath, wmode);
  else errno = EINVAL;
  free(wpath);
  free(wmode);
  return f;
}
