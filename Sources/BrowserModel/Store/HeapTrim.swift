import CHeapStats
import Synchronization

/// Returning freed heap to the system after a large transient allocation (a whole list of
/// 100,000 items), so the resident size follows what is kept rather than the high-water mark.
enum HeapTrim {
  /// Lists at least this long are worth a trim (a few milliseconds, every slow interval).
  static let largeList = 10_000

  /// How long after a large list the second trim runs: by then the reducer has merged the
  /// result and the other lists of the same refresh have finished (their transient pages,
  /// index and sort buffers are freed too).
  static let settleDelay: Duration = .seconds(3)

  private static let trimPending = Atomic<Bool>(false)

  static func returnFreedMemory() { rw_heap_trim() }

  /// Trims now, and once more after `settleDelay` (one pending trim at a time, however many
  /// lists finish meanwhile).
  static func returnFreedMemoryNowAndSoon() {
    returnFreedMemory()
    guard
      trimPending.compareExchange(expected: false, desired: true, ordering: .acquiringAndReleasing)
        .exchanged
    else { return }
    Task.detached(priority: .background) {
      try? await Task.sleep(for: settleDelay)
      trimPending.store(false, ordering: .releasing)
      returnFreedMemory()
    }
  }
}

/// How the C heap is set up for a process that stays open for hours.
public enum HeapPolicy {
  /// Large blocks (the arrays of a 100,000-item list: pages, items, row buffers) get their own
  /// mappings, given back to the system the moment they are freed. By default glibc raises
  /// that threshold after the first large block is freed (up to 32 MB), so later whole lists
  /// land in the heap between long-lived rows, and each one left ~30 MB resident that
  /// `malloc_trim` could not return (254 -> 295 MB over two whole lists of 100,000 + 100,000;
  /// 239 -> 246 MB with this). Only for the terminal UI: a one-shot `list` would pay page
  /// faults for nothing.
  public static func configureForLongRunning() {
    rw_heap_set_mmap_threshold(256 * 1024)
  }
}
