import BrowserModel
import Foundation

/// Resident memory for N backups + N snapshots loaded into a `BrowserState` through the
/// reducer (`SampleData.state`). Target: < 150 MB for 200,000 rows.
enum StateMemoryBench {
  /// Builds the state, returns it (later benchmarks reuse it) and the figures: the growth of
  /// VmRSS while loading, and VmRSS afterwards.
  static func run(_ settings: Settings) -> (BrowserState, [Figure]) {
    let before = ResidentMemory.bytes() ?? .nan
    var state = BrowserState?.none
    let elapsed = Stopwatch.milliseconds {
      state = SampleData.state(backups: settings.rows, snapshots: settings.rows)
    }
    let after = ResidentMemory.bytes() ?? .nan
    let growth = after - before
    let total = 2 * settings.rows
    let rows = Format.count(Double(total))
    return (
      state!,
      [
        Figure(
          name: "memory: RSS growth loading \(rows) rows into state",
          median: Format.megabytes(growth),
          p99: "-", target: "< 150 MB", verdict: Format.verdict(growth < 150e6)),
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
