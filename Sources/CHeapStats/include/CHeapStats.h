#ifndef CHEAPSTATS_H
#define CHEAPSTATS_H

#include <stddef.h>

/// Bytes the C heap has handed out and not had back (glibc `mallinfo2`: small and large
/// blocks), or 0 where that is unknown. Unlike the resident set size, it does not depend on
/// how fragmented the heap is, so a difference of two readings is what was kept.
size_t rw_heap_bytes_in_use(void);

/// Allocations of at least `bytes` get their own mapping, returned to the system when freed
/// (glibc `mallopt(M_MMAP_THRESHOLD)`; this also stops glibc raising the threshold by itself
/// after a large block is freed); nothing elsewhere.
void rw_heap_set_mmap_threshold(size_t bytes);

/// Gives freed heap pages back to the system (glibc `malloc_trim`); nothing elsewhere.
void rw_heap_trim(void);

#endif
