import CloudClient
import Foundation

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// Decode throughput of a 1,000-item snapshot and backup list page (target >= 50 MB/s).
///
/// The bodies are fetched from the simulator once; then `ListPageDecoder` (what every list
/// request uses) decodes them in memory, timed alone. For comparison: the same bodies through
/// the `Decodable` wire types and `JSONDecoder` (the path the fast reader falls back to), and
/// the first page through the public `CloudSession` API, HTTP included. The p99 is held
/// against the target.
enum DecodeBench {
  /// Times both services.
  static func run(_ settings: Settings, _ fixture: SimulatorFixture) async throws -> [Figure] {
    let session = fixture.session(keystone: false, pageSize: settings.pageItems)
    let http = URLSession(configuration: .ephemeral)
    defer { http.finishTasksAndInvalidate() }
    let limit = settings.pageItems
    var figures: [Figure] = []
    let snapshots = try await SimulatorFixture.get(
      fixture.volumeURL + "/snapshots/detail?limit=\(limit)", with: http)
    figures += try await measure("snapshot", settings, body: snapshots) {
      try ListPageDecoder.snapshots($0).items.count
    } reference: {
      try ListPageDecoder.snapshotsWithJSONDecoder($0).items.count
    } client: {
      for try await page in session.snapshotPages(region: "DFW") { return page.count }
      return 0
    }
    let backups = try await SimulatorFixture.get(
      fixture.databaseURL + "/backups?limit=\(limit)", with: http)
    figures += try await measure("backup", settings, body: backups) {
      try ListPageDecoder.backups($0).items.count
    } reference: {
      try ListPageDecoder.backupsWithJSONDecoder($0).items.count
    } client: {
      for try await page in session.backupPages(region: "DFW") { return page.count }
      return 0
    }
    try await session.shutdown()
    return figures
  }

  private static func measure(
    _ label: String, _ settings: Settings, body: Data, decode: (Data) throws -> Int,
    reference: (Data) throws -> Int, client: () async throws -> Int
  ) async throws -> [Figure] {
    let bytes = Double(body.count)
    let items = try decode(body)
    guard items > 0 else { throw BenchError("no \(label)s in the page") }
    var fast: [Double] = []
    var slow: [Double] = []
    var whole: [Double] = []
    for i in 0..<max(settings.iterations, 3) {
      fast.append(try Stopwatch.milliseconds { _ = try decode(body) })
      if i % 4 == 0 { slow.append(try Stopwatch.milliseconds { _ = try reference(body) }) }
      if i % 8 == 0 { whole.append(try await Stopwatch.milliseconds { _ = try await client() }) }
    }
    let f = Samples(fast)
    let s = Samples(slow)
    let w = Samples(whole)
    func rate(_ ms: Double) -> String {
      String(
        format: "%.1f MB/s, %@ items/s", bytes / 1e3 / ms, Format.count(Double(items) * 1000 / ms))
    }
    let pageName = "\(items)-item \(label) page (\(Int(bytes / 1000)) kB)"
    return [
      Figure(
        name: "decode: \(pageName), ListPageDecoder", median: rate(f.median), p99: rate(f.p99),
        target: ">= 50 MB/s", verdict: Format.verdict(bytes / 1e3 / f.p99 >= 50)),
      Figure(
        name: "decode: \(label) page, JSONDecoder (Decodable types)", median: rate(s.median),
        p99: rate(s.p99), target: "-", verdict: "-"),
      Figure(
        name: "decode: \(label) page, first page via CloudSession incl. HTTP",
        median: rate(w.median), p99: rate(w.p99), target: "-", verdict: "-"),
    ]
  }
}
