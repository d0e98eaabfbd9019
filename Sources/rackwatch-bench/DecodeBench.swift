import CloudClient
import Foundation

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// Decode throughput of a 1,000-item snapshot and backup list body (target >= 50 MB/s).
///
/// CloudClient keeps its wire decoders internal, so the benchmark cannot call them on a body
/// in memory. It times instead the first page arriving through the public
/// `CloudSession.snapshotPages/backupPages` (request, loopback transfer, simulator encode and
/// client decode together: a lower bound on decode speed, and the figure held against the
/// target), and the same GET through a plain `URLSession`. The difference of the medians is
/// the client's own work on the body, shown as the decode estimate.
enum DecodeBench {
  /// Times both services.
  static func run(_ settings: Settings, _ fixture: SimulatorFixture) async throws -> [Figure] {
    let session = fixture.session(keystone: false, pageSize: settings.pageItems)
    let http = URLSession(configuration: .ephemeral)
    defer { http.finishTasksAndInvalidate() }
    let limit = settings.pageItems
    var figures: [Figure] = []
    figures += try await measure(
      "snapshot", settings, url: fixture.volumeURL + "/snapshots/detail?limit=\(limit)", http: http
    ) {
      for try await page in session.snapshotPages(region: "DFW") { return page.count }
      return 0
    }
    figures += try await measure(
      "backup", settings, url: fixture.databaseURL + "/backups?limit=\(limit)", http: http
    ) {
      for try await page in session.backupPages(region: "DFW") { return page.count }
      return 0
    }
    try await session.shutdown()
    return figures
  }

  private static func measure(
    _ label: String, _ settings: Settings, url: String, http: URLSession,
    firstPage: () async throws -> Int
  ) async throws -> [Figure] {
    let bytes = Double(try await SimulatorFixture.get(url, with: http).count)
    var items = try await firstPage()
    guard items > 0 else { throw BenchError("no \(label)s in the first page") }
    var client: [Double] = []
    var raw: [Double] = []
    for _ in 0..<max(settings.iterations / 2, 3) {
      client.append(try await Stopwatch.milliseconds { items = try await firstPage() })
      raw.append(
        try await Stopwatch.milliseconds { _ = try await SimulatorFixture.get(url, with: http) })
    }
    let c = Samples(client)
    let r = Samples(raw)
    func rate(_ ms: Double) -> String {
      String(
        format: "%.1f MB/s, %@ items/s", bytes / 1e3 / ms, Format.count(Double(items) * 1000 / ms))
    }
    let decodeMs = c.median - r.median
    let pageName = "\(items)-item \(label) page (\(Int(bytes / 1000)) kB)"
    return [
      Figure(
        name: "decode: \(pageName), client incl. HTTP", median: rate(c.median), p99: rate(c.p99),
        target: ">= 50 MB/s", verdict: Format.verdict(bytes / 1e3 / c.median >= 50)),
      Figure(
        name: "decode: \(label) page, client minus plain GET (estimate)",
        median: decodeMs > 0 ? rate(decodeMs) : "below noise", p99: "-", target: "-", verdict: "-"),
    ]
  }
}
