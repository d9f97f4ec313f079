#ifndef NADIR_CZLIB_SHIM_H
#define NADIR_CZLIB_SHIM_H
#include <zlib.h>

/* inflateInit2 and deflateInit2 are function-like macros, which Swift cannot import. */
static inline int nadir_inflateInit2(z_streamp strm, int windowBits) {
    return inflateInit2(strm, windowBits);
}

static inline int nadir_deflateInit2(z_streamp strm, int level, int windowBits) {
    return deflateInit2(strm, level, Z_DEFLATED, windowBits, 8, Z_DEFAULT_STRATEGY);
}
#endif
