#include "CPerfGateMallocCounter.h"

#include <stdlib.h> // defines __GLIBC__ (through features.h) for the checks below

#if defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer) || __has_feature(memory_sanitizer)
#define PERFGATE_SANITIZED 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define PERFGATE_SANITIZED 1
#endif

#if !defined(PERFGATE_SANITIZED) && defined(__GLIBC__)

#include <errno.h>
#include <pthread.h>
#include <stddef.h>

// glibc's own allocator entry points (exported since GLIBC_2.0/2.2.5).
extern void *__libc_malloc(size_t size);
extern void __libc_free(void *pointer);
extern void *__libc_calloc(size_t count, size_t size);
extern void *__libc_realloc(void *pointer, size_t size);
extern void *__libc_memalign(size_t alignment, size_t size);

#define SLOT_COUNT 512

typedef struct __attribute__((aligned(64))) slot {
    uint64_t allocations;
    uint64_t frees;
    uint64_t bytes;
    int32_t next_free; // index of the next released slot, -1 for none; guarded by free_lock
} slot;

static slot slots[SLOT_COUNT];
static slot shared_slot; // threads without a slot of their own; updated with atomic RMW
static uint32_t slots_claimed;  // high-water mark of the table, guarded by free_lock
static int32_t free_head = -1;  // released slots, guarded by free_lock
static int free_lock;           // spin lock: taken only when a thread starts or exits
static pthread_key_t exit_key;
static int exit_key_state;      // 0 none, 1 creating, 2 ready, 3 failed

// initial-exec: SwiftPM compiles C targets with -fPIC, which would otherwise reach the variable
// through __tls_get_addr (a call, and one that may allocate for dlopen'ed modules). The object
// is linked into the executable, whose TLS block is static.
static __thread slot *thread_slot __attribute__((tls_model("initial-exec")));

static void lock(void) {
    while (__atomic_exchange_n(&free_lock, 1, __ATOMIC_ACQUIRE)) {
        while (__atomic_load_n(&free_lock, __ATOMIC_RELAXED)) {
#if defined(__x86_64__) || defined(__i386__)
            __builtin_ia32_pause();
#endif
        }
    }
}

static void unlock(void) { __atomic_store_n(&free_lock, 0, __ATOMIC_RELEASE); }

static void release_slot(void *value) {
    slot *owned = value;
    // Later frees during this thread's exit go to the shared slot.
    thread_slot = &shared_slot;
    if (owned == NULL || owned == &shared_slot) return;
    lock();
    owned->next_free = free_head;
    free_head = (int32_t)(owned - slots);
    unlock();
}

static int ensure_exit_key(void) {
    int state = __atomic_load_n(&exit_key_state, __ATOMIC_ACQUIRE);
    if (state >= 2) return state == 2;
    int expected = 0;
    if (__atomic_compare_exchange_n(&exit_key_state, &expected, 1, 0, __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE)) {
        int ok = pthread_key_create(&exit_key, release_slot) == 0;
        __atomic_store_n(&exit_key_state, ok ? 2 : 3, __ATOMIC_RELEASE);
        return ok;
    }
    return 0; // another thread is creating the key right now: use the shared slot this time
}

static slot *claim_slot(void) {
    if (!ensure_exit_key()) return &shared_slot;
    slot *claimed = &shared_slot;
    lock();
    if (free_head >= 0) {
        claimed = &slots[free_head];
        free_head = claimed->next_free;
    } else if (slots_claimed < SLOT_COUNT) {
        claimed = &slots[slots_claimed];
        // Published with release so a snapshot that sees the count sees a zeroed slot.
        __atomic_store_n(&slots_claimed, slots_claimed + 1, __ATOMIC_RELEASE);
    }
    unlock();
    if (claimed != &shared_slot) {
        // Set before pthread_setspecific: for a key index of 32 or more glibc allocates a second
        // level block with calloc, which re-enters these hooks and must find the slot already set.
        // (Our key is normally created by the process's first malloc, so its index is below 32 and
        // pthread_setspecific uses the thread descriptor without allocating.)
        thread_slot = claimed;
        pthread_setspecific(exit_key, claimed);
    }
    return claimed;
}

static inline void add(uint64_t *field, uint64_t amount, slot *target) {
    if (target == &shared_slot) {
        __atomic_fetch_add(field, amount, __ATOMIC_RELAXED);
    } else {
        // Only the owning thread writes its slot; readers use relaxed loads.
        __atomic_store_n(field, __atomic_load_n(field, __ATOMIC_RELAXED) + amount, __ATOMIC_RELAXED);
    }
}

static inline slot *current_slot(void) {
    slot *current = thread_slot;
    return current != NULL ? current : claim_slot();
}

static inline void count_allocation(size_t size) {
    slot *current = current_slot();
    add(&current->allocations, 1, current);
    add(&current->bytes, size, current);
}

static inline void count_free(void) {
    slot *current = current_slot();
    add(&current->frees, 1, current);
}

void *malloc(size_t size) {
    void *result = __libc_malloc(size);
    if (result != NULL) count_allocation(size);
    return result;
}

void free(void *pointer) {
    if (pointer == NULL) return;
    count_free();
    __libc_free(pointer);
}

void *calloc(size_t count, size_t size) {
    void *result = __libc_calloc(count, size);
    if (result != NULL) count_allocation(count * size); // no overflow: calloc succeeded
    return result;
}

void *realloc(void *pointer, size_t size) {
    void *result = __libc_realloc(pointer, size);
    if (pointer != NULL && size == 0) {
        count_free(); // glibc frees the block and returns NULL
    } else if (result != NULL) {
        if (pointer != NULL) count_free();
        count_allocation(size);
    }
    return result;
}

void *reallocarray(void *pointer, size_t count, size_t size) {
    size_t bytes;
    if (__builtin_mul_overflow(count, size, &bytes)) {
        errno = ENOMEM;
        return NULL;
    }
    return realloc(pointer, bytes);
}

void *memalign(size_t alignment, size_t size) {
    void *result = __libc_memalign(alignment, size);
    if (result != NULL) count_allocation(size);
    return result;
}

void *aligned_alloc(size_t alignment, size_t size) { return memalign(alignment, size); }

int posix_memalign(void **result, size_t alignment, size_t size) {
    if (alignment == 0 || alignment % sizeof(void *) != 0 || (alignment & (alignment - 1)) != 0) return EINVAL;
    void *block = memalign(alignment, size);
    if (block == NULL) return ENOMEM;
    *result = block;
    return 0;
}

static uint64_t load(const uint64_t *field) { return __atomic_load_n(field, __ATOMIC_RELAXED); }

perfgate_malloc_counts perfgate_malloc_counter_snapshot(void) {
    perfgate_malloc_counts counts = {load(&shared_slot.allocations), load(&shared_slot.frees),
                                     load(&shared_slot.bytes)};
    uint32_t claimed = __atomic_load_n(&slots_claimed, __ATOMIC_ACQUIRE);
    for (uint32_t index = 0; index < claimed; index++) {
        counts.allocations += load(&slots[index].allocations);
        counts.frees += load(&slots[index].frees);
        counts.bytes_allocated += load(&slots[index].bytes);
    }
    return counts;
}

int perfgate_malloc_counter_is_enabled(void) { return 1; }

unsigned perfgate_malloc_counter_slots_claimed(void) { return __atomic_load_n(&slots_claimed, __ATOMIC_ACQUIRE); }

#else

perfgate_malloc_counts perfgate_malloc_counter_snapshot(void) {
    perfgate_malloc_counts counts = {0, 0, 0};
    return counts;
}

int perfgate_malloc_counter_is_enabled(void) { return 0; }

unsigned perfgate_malloc_counter_slots_claimed(void) { return 0; }

#endif
