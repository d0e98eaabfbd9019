import BrowserModel
import Foundation

/// Memory for N backups + N snapshots loaded into a `BrowserState` through the reducer
/// (`SampleData.state`): heap bytes kept (glibc `mallinfo2`) and RSS growth. Target: < 150 MB
/// for 200,000 rows.
enum StateMemoryBench {
  /// Builds the state, returns it (later benchmarks reuse it) and the figures: heap kept, the
  /// growth of VmRSS while loading, and VmRSS afterwards.
  static func run(_ settings: Settings) -> (BrowserState, [Figure]) {
    let before = ResidentMemory.bytes() ?? .nan
    let heapBefore = ResidentMemory.heapInUse() ?? .nan
    var state = BrowserState?.none
    let elapsed = Stopwatch.milliseconds {
      state = SampleData.state(backups: settings.rows, snapshots: settings.rows)
    }
    let after = ResidentMemory.bytes() ?? .nan
    let heapAfter = ResidentMemory.heapInUse() ?? .nan
    let growth = after - before
    let total = 2 * settings.rows
    // Heap kept is the figure held against the target: RSS growth also depends on how the
    // heap was fragmented before (it read 121-131 MB for the same 144 MB kept).
    let kept = heapAfter - heapBefore
    let rows = Format.count(Double(total))
    return (
      state!,
      [
        Figure(
          name: "memory: heap kept by \(rows) rows loaded into state",
          median: Format.megabytes(kept),
          p99: "-", target: "< 150 MB", verdict: kept.isNaN ? "-" : Format.verdict(kept < 150e6)),
        Figure(
          name: "memory: RSS growth loading them", median: Format.megabytes(growth), p99: "-",
          target: "-", verdict: "-"),
        Figure(
          name: "memory: RSS after loading (whole process)", median: Format.megabytes(after),
          p99: "-", target: "-", verdict: "-"),
        Figure(
          name: "view-model: initial load of \(rows) rows", median: Format.ms(elapsed), p99: "-",
          target: "-", verdict: "-"),
      ]
    )
  }
}
