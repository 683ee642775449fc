/* Included before FreeXL's own source on Windows: its fopen takes the UTF-8 path ntreport
   gives (a file name with Vietnamese letters), as _wfopen does (shim.c). */
#ifndef NTR_FREEXL_COMPAT_H
#define NTR_FREEXL_COMPAT_H
#include <stdio.h>

FILE *ntr_fopen_utf8(const char *path, const char *mode);
#define fopen ntr_fopen_utf8

#endif
