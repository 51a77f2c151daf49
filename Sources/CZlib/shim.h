#ifndef LIMBER_CZLIB_SHIM_H
#define LIMBER_CZLIB_SHIM_H
#include <zlib.h>

/* zlib's init functions are macros that Swift cannot call; these wrap them. */
static inline int czlib_deflateInit2(z_streamp stream, int level, int windowBits) {
    return deflateInit2(stream, level, Z_DEFLATED, windowBits, 8, Z_DEFAULT_STRATEGY);
}

static inline int czlib_inflateInit2(z_streamp stream, int windowBits) {
    return inflateInit2(stream, windowBits);
}
#endif
