#include "CPerfGateMallocInfo.h"

#include <stdlib.h> // defines __GLIBC__ (through features.h) for the checks below

#if defined(__GLIBC__)
#include <malloc.h>
#endif

#if defined(__GLIBC__) && (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 33))
#define PERFGATE_HAS_MALLINFO2 1
#else
#define PERFGATE_HAS_MALLINFO2 0
#endif

size_t perfgate_heap_bytes_in_use(void) {
#if PERFGATE_HAS_MALLINFO2
    struct mallinfo2 info = mallinfo2();
    // uordblks counts arena chunks in use; blocks above the mmap threshold are mapped
    // separately and only appear in hblkhd.
    return info.uordblks + info.hblkhd;
#else
    return 0;
#endif
}

size_t perfgate_heap_bytes_free(void) {
#if PERFGATE_HAS_MALLINFO2
    return mallinfo2().fordblks;
#else
    return 0;
#endif
}

int perfgate_malloc_trim(size_t pad) {
#if defined(__GLIBC__)
    return malloc_trim(pad);
#else
    (void)pad;
    return 0;
#endif
}

int perfgate_fix_mmap_threshold(size_t bytes) {
#if defined(__GLIBC__)
    // Setting M_MMAP_THRESHOLD explicitly also turns off glibc's dynamic threshold, which would
    // otherwise rise after a large block is freed and serve later large blocks from the heap.
    return mallopt(M_MMAP_THRESHOLD, (int)bytes);
#else
    (void)bytes;
    return 0;
#endif
}
