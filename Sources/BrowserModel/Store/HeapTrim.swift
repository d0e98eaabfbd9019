import CHeapStats

/// Returning freed heap to the system after a large transient allocation (a whole list of
/// 100,000 items), so the resident size follows what is kept rather than the high-water mark.
enum HeapTrim {
  /// Lists at least this long are worth a trim (a few milliseconds, every slow interval).
  static let largeList = 10_000

  static func returnFreedMemory() { rw_heap_trim() }
}
