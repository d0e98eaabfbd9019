import Foundation

/// One line of the benchmark table: what was measured, its median and p99 (or a single value),
/// the target it is held against, and whether it meets it.
struct Figure {
  /// What was measured, e.g. "filter keystroke (100,000 rows)".
  var name: String
  /// The headline value, already formatted (median where there are samples).
  var median: String
  /// p99 where there are samples, "-" otherwise.
  var p99: String
  /// The promise, e.g. "p99 < 16 ms"; "-" for figures given for information.
  var target: String
  /// PASS, MISS, or "-" when there is no target.
  var verdict: String
}

/// Samples in milliseconds and their order statistics.
struct Samples {
  private(set) var sorted: [Double]

  /// Sorts the samples once.
  init(_ values: [Double]) { sorted = values.sorted() }

  /// Nearest-rank percentile, `p` in 0...100.
  func percentile(_ p: Double) -> Double {
    guard !sorted.isEmpty else { return .nan }
    let rank = Int((p / 100 * Double(sorted.count)).rounded(.up))
    return sorted[min(max(rank - 1, 0), sorted.count - 1)]
  }

  /// The 50th percentile.
  var median: Double { percentile(50) }
  /// The 99th percentile.
  var p99: Double { percentile(99) }
}

/// Time helpers: monotonic clock readings in milliseconds.
enum Stopwatch {
  /// Runs `work` once and returns its duration in milliseconds.
  static func milliseconds(_ work: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try work()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
  }

  /// Async variant of ``milliseconds(_:)``.
  static func milliseconds(_ work: () async throws -> Void) async rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try await work()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
  }
}

/// Number formatting for the table.
enum Format {
  /// "1.23 ms" with three significant-ish digits.
  static func ms(_ value: Double) -> String {
    if value.isNaN { return "-" }
    if value >= 100 { return String(format: "%.0f ms", value) }
    if value >= 10 { return String(format: "%.1f ms", value) }
    return String(format: "%.3f ms", value)
  }

  /// "1.23 s".
  static func seconds(_ ms: Double) -> String { String(format: "%.2f s", ms / 1000) }

  /// "12.3 MB" (10^6 bytes).
  static func megabytes(_ bytes: Double) -> String { String(format: "%.1f MB", bytes / 1e6) }

  /// "1,234,567" style integers.
  static func count(_ value: Double) -> String {
    let formatter = NumberFormatter()
    formatter.numberStyle = .decimal
    formatter.maximumFractionDigits = 0
    return formatter.string(from: NSNumber(value: value)) ?? String(Int(value))
  }

  /// "PASS" when `ok`, "MISS" otherwise.
  static func verdict(_ ok: Bool) -> String { ok ? "PASS" : "MISS" }
}
