#include "CPerfGateSampleMarker.h"

__attribute__((noinline, used)) void perfgate_sample_boundary(void) {
    // An empty asm with a memory clobber keeps the call (and its position) from being optimised away.
    __asm__ volatile("" ::: "memory");
}
