/* FreeXL includes it on Windows and does not use it. */
#ifndef NTR_FREEXL_LOCALCHARSET_H
#define NTR_FREEXL_LOCALCHARSET_H
#endif
