#include "CHeapStats.h"

#if defined(__linux__)
#include <malloc.h>
#endif

size_t rw_heap_bytes_in_use(void) {
#if defined(__GLIBC__) && (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 33))
  struct mallinfo2 info = mallinfo2();
  return info.uordblks + info.hblkhd;
#else
  return 0;
#endif
}

void rw_heap_set_mmap_threshold(size_t bytes) {
#if defined(__GLIBC__)
  mallopt(M_MMAP_THRESHOLD, (int)bytes);
#endif
}

void rw_heap_trim(void) {
#if defined(__GLIBC__)
  malloc_trim(0);
#endif
}
