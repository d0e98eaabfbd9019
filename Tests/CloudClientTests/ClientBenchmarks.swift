import CloudSimulator
import Foundation
import Logging
import Testing

@testable import CloudClient

/// Speed figures, not tests: run with `RACKWATCH_BENCH=1 swift test -c release --filter
/// ClientBenchmarks` and read the printed lines. Nothing here asserts a time.
@Suite(
  "Client benchmarks", .serialized,
  .enabled(if: ProcessInfo.processInfo.environment["RACKWATCH_BENCH"] != nil))
struct ClientBenchmarks {
  /// A 1,000-item v3 snapshot detail page shaped like cinder-29/snapshots-detail.json.
  static func snapshotPage(count: Int) -> Data {
    var items: [String] = []
    for i in 0..<count {
      let id = String(format: "%08x-4e22-4b49-a68d-%012x", i, i * 7919)
      items.append(
        #"{"id": "\#(id)", "created_at": "2026-11-23T08:02:56.585537", "updated_at": "2026-11-23T08:02:56.637279", "name": "nightly-\#(i)", "description": "nightly snapshot of the orders database volume \#(i)", "volume_id": "6b796ce9-5f35-4377-b581-e354d587df02", "status": "available", "size": \#(i % 500 + 1), "metadata": {"owner": "ops"}, "group_snapshot_id": null, "user_id": "admin", "consumes_quota": true, "os-extended-snapshot-attributes:project_id": "6f70656e737461636b70726f6a656374", "os-extended-snapshot-attributes:progress": "100%"}"#
      )
    }
    return Data(
      (#"{"snapshots": ["# + items.joined(separator: ", ")
        + #"], "snapshots_links": [{"rel": "next", "href": "http://h/v3/p/snapshots/detail?limit=1000&marker=x"}]}"#)
        .utf8)
  }

  /// A 1,000-item Trove backup page shaped like trove-26/backups.json.
  static func backupPage(count: Int) -> Data {
    var items: [String] = []
    for i in 0..<count {
      let id = String(format: "%08x-9b2e-46c3-afda-%012x", i, i * 104_729)
      items.append(
        #"{"id": "\#(id)", "name": "backup-\#(i)", "description": "seeded backup \#(i)", "locationRef": "http://127.0.0.1:8080/v1/AUTH_6f70656e737461636b70726f6a656374/database_backups/\#(id).xbstream.gz.enc", "instance_id": "11111111-1111-1111-1111-111111111111", "created": "2026-11-23T06:25:40", "updated": "2026-11-23T06:25:40", "size": 0.14, "status": "COMPLETED", "parent_id": null, "project_id": "6f70656e737461636b70726f6a656374", "datastore": {"type": "mysql", "version": "8.0", "version_id": "efcd1f2b-bdd9-475c-8fab-8fc19c1d0027"}}"#
      )
    }
    return Data(
      (#"{"backups": ["# + items.joined(separator: ", ")
        + #"], "links": [{"rel": "next", "href": "https://h/v1.0/p/backups?limit=1000&marker=1000"}]}"#)
        .utf8)
  }

  static func megabytesPerSecond(_ data: Data, rounds: Int, _ work: (Data) throws -> Int) rethrows
    -> Double
  {
    _ = try work(data)
    let clock = ContinuousClock()
    let elapsed = try clock.measure {
      for _ in 0..<rounds { _ = try work(data) }
    }
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    return Double(data.count * rounds) / 1_000_000 / seconds
  }

  @Test("decode 1,000-item pages (MB/s)")
  func decodePages() throws {
    let snapshots = Self.snapshotPage(count: 1000)
    let backups = Self.backupPage(count: 1000)
    let s = try Self.megabytesPerSecond(snapshots, rounds: 20) {
      try JSONDecoder().decode(SnapshotWire.Page.self, from: $0).items.count
    }
    let b = try Self.megabytesPerSecond(backups, rounds: 20) {
      try JSONDecoder().decode(BackupWire.Page.self, from: $0).items.count
    }
    let links = Self.megabytesPerSecond(snapshots, rounds: 20) {
      PageLinks.next(in: $0)?.count ?? 0
    }
    print(
      "BENCH decode snapshots page: \(snapshots.count) bytes, \(Int(s)) MB/s; backups page: "
        + "\(backups.count) bytes, \(Int(b)) MB/s; next-link scan \(Int(links)) MB/s")
  }

  @Test("list 100,000 snapshots from the simulator over loopback")
  func list100k() async throws {
    try await SimulatorHarness.run(
      auth: .keystone,
      simulator: {
        $0.snapshotsPerRegion = 100_000; $0.backupsPerRegion = 10; $0.regions = ["DFW"]
      },
      client: { $0.logger = .init(label: "bench") { _ in SwiftLogNoOpLogHandler() } }
    ) { (h: SimulatorHarness) async throws in
      _ = try await h.session.regions()
      _ = try await h.session.listSnapshots(region: "DFW")  // warm-up (connection, microversion)
      let clock = ContinuousClock()
      var count = 0
      let elapsed = try await clock.measure {
        count = try await h.session.listSnapshots(region: "DFW").count
      }
      print("BENCH listed \(count) snapshots in \(elapsed)")
    }
  }
}
