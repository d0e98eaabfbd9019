import CloudClient
import Foundation

/// Listing N snapshots and N backups of one region from the simulator over loopback through
/// `CloudSession.listSnapshots/listBackups`, with keystone v3 auth, 1,000-item pages: wall
/// time and the requests the simulator served (target < 2 s per 100,000).
enum ListingBench {
  /// Lists each kind a few times with a fresh session (so auth is included).
  static func run(_ settings: Settings, _ fixture: SimulatorFixture) async throws -> [Figure] {
    var figures: [Figure] = []
    for kind in ["snapshots", "backups"] {
      var samples: [Double] = []
      var requests = 0
      var count = 0
      for _ in 0..<(settings.smoke ? 2 : 5) {
        let session = fixture.session(keystone: true)
        let before = fixture.server.requestCount
        samples.append(
          try await Stopwatch.milliseconds {
            count =
              kind == "snapshots"
              ? try await session.listSnapshots(region: "DFW").count
              : try await session.listBackups(region: "DFW").count
          })
        requests = fixture.server.requestCount - before
        try await session.shutdown()
      }
      // Seeded jobs in motion can include a delete that finishes while the benchmark runs.
      guard count >= settings.listed - 10 else {
        throw BenchError("listed \(count) \(kind), expected \(settings.listed)")
      }
      let stats = Samples(samples)
      figures.append(
        Figure(
          name: "list \(Format.count(Double(count))) \(kind) (\(requests) requests incl. auth)",
          median: Format.seconds(stats.median), p99: "max " + Format.seconds(stats.percentile(100)),
          target: "< 2 s", verdict: Format.verdict(stats.percentile(100) < 2000)))
    }
    return figures
  }
}
