/* The part of iconv that FreeXL uses, for MinGW-w64 (which has no iconv): conversions from the
   code pages of Excel 97-2003 workbooks to UTF-8, through the Windows API (shim.c). */
#ifndef NTR_FREEXL_ICONV_H
#define NTR_FREEXL_ICONV_H
#include <stddef.h>

typedef void *iconv_t;

iconv_t iconv_open(const char *to, const char *from);
size_t iconv(iconv_t cd, char **in, size_t *in_left, char **out, size_t *out_left);
int iconv_close(iconv_t cd);

#endif
