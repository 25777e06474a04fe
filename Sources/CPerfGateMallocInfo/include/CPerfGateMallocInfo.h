// CPerfGateMallocInfo: glibc heap statistics that `import Glibc` does not expose.
//
// mallinfo2() takes every arena's lock and walks its free lists, so its cost grows with the number
// of free chunks: measured on the 2-vCPU CI-like VM, 0.2-0.5 us on a small heap, 9 ms with 100k
// free chunks and 50-70 ms with 500k (about 0.1 us per free chunk). Call these functions around a
// measurement, never inside a timed region.
#pragma once

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Bytes of heap memory in use by the process: glibc mallinfo2() `uordblks` (bytes in chunks
/// handed out from the arenas) plus `hblkhd` (bytes in large blocks served by mmap).
/// Returns 0 when the C library does not provide mallinfo2 (glibc < 2.33 or another libc).
/// Cost: O(free chunks) — see the header comment.
size_t perfgate_heap_bytes_in_use(void);

/// Bytes held in free chunks of the main arena's top and free lists (mallinfo2 `fordblks`),
/// memory the allocator keeps but does not use; 0 when unavailable.
size_t perfgate_heap_bytes_free(void);

/// Returns free memory at the top of the heap and in free pages to the kernel
/// (glibc malloc_trim(pad)); returns 1 when memory was released, 0 otherwise or when unavailable.
int perfgate_malloc_trim(size_t pad);

/// Serves every allocation of at least `bytes` with its own mmap (glibc mallopt M_MMAP_THRESHOLD),
/// and turns off the dynamic threshold, so freed large blocks go back to the kernel at once and the
/// resident set grows and shrinks with them. Returns 1 on success, 0 otherwise or when unavailable.
int perfgate_fix_mmap_threshold(size_t bytes);

#ifdef __cplusplus
}
#endif
