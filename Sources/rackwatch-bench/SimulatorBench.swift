import Foundation

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// The simulator's own figures: seeding N backups + N snapshots (target < 2 s) and serving a
/// 1,000-item detail page over loopback, measured by a plain `URLSession` GET (target p50/p99
/// < 20 ms). The page time includes the loopback round trip and URLSession's own work.
enum SimulatorBench {
  /// Reports the fixture's start and times page GETs of both services.
  static func run(_ settings: Settings, _ fixture: SimulatorFixture) async throws -> [Figure] {
    let items = Format.count(Double(2 * settings.listed))
    var figures = [
      Figure(
        name: "simulator: seed \(items) objects and start",
        median: Format.seconds(fixture.startMilliseconds),
        p99: "-", target: "< 2 s", verdict: Format.verdict(fixture.startMilliseconds < 2000)),
      Figure(
        name: "simulator: RSS growth holding \(items) objects",
        median: Format.megabytes(fixture.memoryGrowth), p99: "-", target: "< 250 MB",
        verdict: Format.verdict(fixture.memoryGrowth < 250e6)),
    ]
    let http = URLSession(configuration: .ephemeral)
    defer { http.finishTasksAndInvalidate() }
    let limit = settings.pageItems
    let pages = [
      ("snapshot detail page", fixture.volumeURL + "/snapshots/detail?limit=\(limit)"),
      ("backup page", fixture.databaseURL + "/backups?limit=\(limit)"),
    ]
    for (label, url) in pages {
      _ = try await SimulatorFixture.get(url, with: http)
      var samples: [Double] = []
      for _ in 0..<max(settings.iterations / 2, 3) {
        samples.append(
          try await Stopwatch.milliseconds { _ = try await SimulatorFixture.get(url, with: http) })
      }
      let stats = Samples(samples)
      figures.append(
        Figure(
          name: "simulator: serve \(Format.count(Double(limit)))-item \(label) (GET)",
          median: Format.ms(stats.median), p99: Format.ms(stats.p99), target: "< 20 ms",
          verdict: Format.verdict(stats.p99 < 20)))
    }
    return figures
  }
}
