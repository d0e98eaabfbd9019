import CloudSimulator
import Foundation
import Testing

@Suite("Seeded data is deterministic, realistic and optionally hostile")
struct SeedTests {
  static func backups(_ configure: @escaping (inout SimulatorConfiguration) -> Void) async throws
    -> Data
  {
    var body = Data()
    try await withSimulator(configure) { h in
      body = try await h.get(h.trove() + "/backups?limit=100", token: try await h.token()).body
    }
    return body
  }

  @Test("the same seed gives the same cloud; another seed another")
  func deterministic() async throws {
    let a = try await Self.backups { $0.seed = 7 }
    let b = try await Self.backups { $0.seed = 7 }
    let c = try await Self.backups { $0.seed = 8 }
    #expect(a == b)
    #expect(a != c)
  }

  @Test("names, datastores and statuses look like a real account")
  func realistic() async throws {
    try await withSimulator({
      $0.backupsPerRegion = 400
      $0.failureRate = 0.1
    }) { h in
      let t = try await h.token()
      let reply = try await h.get(h.trove() + "/backups?limit=1000", token: t)
      let rows = try need(reply.json?["backups"]?.array, "backups")
      #expect(rows.count == 400)
      let names = rows.compactMap { $0["name"]?.string }
      #expect(names.contains { $0.contains("-nightly-20") })
      let statuses = Set(rows.compactMap { $0["status"]?.string })
      #expect(statuses.isSuperset(of: ["COMPLETED", "FAILED", "BUILDING"]))
      let types = Set(rows.compactMap { $0["datastore"]?["type"]?.string })
      #expect(types.isSubset(of: ["mysql", "percona", "mariadb"]))
      #expect(types.count >= 2)
      #expect(rows.contains { $0["parent_id"]?.string != nil })
      #expect(rows.allSatisfy { $0["created"]?.string?.count == 19 })
    }
  }

  @Test("hostile names carry escapes, carriage returns, bidi overrides, long text, CJK and emoji")
  func hostile() async throws {
    try await withSimulator({
      $0.hostileNames = true
      $0.backupsPerRegion = 200
      $0.snapshotsPerRegion = 200
    }) { h in
      let t = try await h.token()
      let backups = try await h.get(h.trove() + "/backups?limit=1000", token: t)
      let snapshots = try await h.get(h.cinder3() + "/snapshots", token: t)
      let names =
        (backups.json?["backups"]?.array ?? []).compactMap { $0["name"]?.string }
        + (snapshots.json?["snapshots"]?.array ?? []).compactMap { $0["name"]?.string }
      #expect(names.contains { $0.contains("\u{1B}[") })
      #expect(names.contains { $0.contains("\r") })
      #expect(names.contains { $0.contains("\u{202E}") })
      #expect(names.contains { $0.count >= 300 })
      #expect(names.contains { $0.contains("データ") })
      #expect(names.contains { $0.contains("🚀") })
    }
  }

  @Test("without hostile names every name is plain printable text")
  func tame() async throws {
    try await withSimulator({ $0.backupsPerRegion = 200 }) { h in
      let t = try await h.token()
      let backups = try await h.get(h.trove() + "/backups?limit=1000", token: t)
      let names = (backups.json?["backups"]?.array ?? []).compactMap { $0["name"]?.string }
      #expect(
        names.allSatisfy { $0.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value < 0x7F } })
    }
  }
}
