import Foundation
import Testing

@testable import CloudClient

/// Integration tests against real Cinder 29 and Trove 26 (noauth) started by the recipes in
/// `../shared/peers/`. Skipped unless the endpoints are given:
///
///     RACKWATCH_REAL_CINDER=http://127.0.0.1:8776/v3/6f70656e737461636b70726f6a656374
///     RACKWATCH_REAL_CINDER_TOKEN=admin:6f70656e737461636b70726f6a656374
///     RACKWATCH_REAL_TROVE=http://127.0.0.1:8779/v1.0/6f70656e737461636b70726f6a656374
///     RACKWATCH_REAL_TROVE_TOKEN=6f70656e737461636b70726f6a656374
@Suite("Real OpenStack peers", .serialized)
struct RealPeerTests {
  static let env = ProcessInfo.processInfo.environment
  static let cinder = env["RACKWATCH_REAL_CINDER"]
  static let trove = env["RACKWATCH_REAL_TROVE"]

  static func session(_ kind: ServiceKind, url: String, token: String?) -> (
    CloudSession, LogCapture
  ) {
    let logs = LogCapture()
    var config = ClientConfiguration(
      identityURL: nil, auth: .token(token ?? "admin"), endpointOverrides: [kind: url],
      staticRegions: ["RegionOne"])
    config.logger = logs.logger
    return (CloudSession(configuration: config), logs)
  }

  @Test(
    "Cinder: volume, snapshot create, list, detail paging, get, rename, delete, 404",
    .enabled(if: cinder != nil))
  func cinderLifecycle() async throws {
    let url = try #require(Self.cinder)
    let (session, logs) = Self.session(
      .blockStorage, url: url, token: Self.env["RACKWATCH_REAL_CINDER_TOKEN"])
    defer { Task { try? await session.shutdown() } }
    let service = try await session.endpoint(.blockStorage, region: "RegionOne")
    // A volume to snapshot (the client itself never creates volumes).
    let made = try await session.send(
      .POST, service.url + "/volumes", service: service, kind: .blockStorage,
      body: Data(#"{"volume":{"size":1,"name":"rackwatch-it"}}"#.utf8), operation: "Creating volume"
    )
    let volume = try JSONDecoder().decode(VolumeWire.One.self, from: made.body).volume.value
    var ready = false
    for _ in 0..<60 where !ready {
      ready = try await session.listVolumes(region: "RegionOne").contains {
        $0.id == volume.id && $0.status == "available"
      }
      if !ready { try await Task.sleep(nanoseconds: 500_000_000) }
    }
    #expect(ready)
    var created: [Snapshot] = []
    for name in ["rw-it-1", "rw-it-2", "rw-it-3"] {
      created.append(
        try await session.createSnapshot(
          SnapshotCreateRequest(volumeID: volume.id, name: name, description: "integration"),
          region: "RegionOne"))
    }
    for snapshot in created {
      for try await _ in session.waitUntilComplete(
        snapshotID: snapshot.id, region: "RegionOne", interval: .milliseconds(500),
        timeout: .seconds(60))
      {}
    }
    let all = try await session.listSnapshots(region: "RegionOne")
    #expect(Set(created.map(\.id)).isSubset(of: Set(all.map(\.id))))
    var paged: [String] = []
    var config = session.configuration
    config.pageSize = 1
    let small = CloudSession(configuration: config)
    for try await page in small.snapshotPages(region: "RegionOne") { paged += page.map(\.id) }
    try await small.shutdown()
    #expect(paged.count == all.count)
    #expect(Set(paged) == Set(all.map(\.id)))
    let first = try await session.snapshot(id: created[0].id, region: "RegionOne")
    #expect(first.name == "rw-it-1" && first.progress == 100)
    let renamed = try await session.updateSnapshot(
      id: first.id, SnapshotUpdateRequest(name: "rw-it-renamed"), region: "RegionOne")
    #expect(renamed.name == "rw-it-renamed")
    for snapshot in created {
      try await session.deleteSnapshot(id: snapshot.id, region: "RegionOne")
      for try await _ in session.waitUntilDeleted(
        snapshotID: snapshot.id, region: "RegionOne", interval: .milliseconds(500),
        timeout: .seconds(60))
      {}
      let gone = await SimulatorHarness.cloudError {
        _ = try await session.snapshot(id: snapshot.id, region: "RegionOne")
      }
      #expect(gone?.kind == .notFound)
    }
    _ = try? await session.send(
      .DELETE, service.url + "/volumes/\(volume.id)", service: service, kind: .blockStorage,
      operation: "Deleting volume")
    #expect(logs.lines.contains { $0.hasPrefix("GET /v3/") })
  }

  @Test(
    "Trove: instances, backups list and paging, create, wait, get, delete, 404",
    .enabled(if: trove != nil))
  func troveLifecycle() async throws {
    let url = try #require(Self.trove)
    let (session, _) = Self.session(
      .database, url: url, token: Self.env["RACKWATCH_REAL_TROVE_TOKEN"])
    defer { Task { try? await session.shutdown() } }
    let instances = try await session.listInstances(region: "RegionOne")
    let instance = try #require(instances.first { $0.acceptsBackup })
    let before = try await session.listBackups(region: "RegionOne")
    var config = session.configuration
    config.pageSize = 1
    let small = CloudSession(configuration: config)
    var paged: [String] = []
    for try await page in small.backupPages(region: "RegionOne") { paged += page.map(\.id) }
    try await small.shutdown()
    #expect(Set(paged) == Set(before.map(\.id)))
    let backup = try await session.createBackup(
      BackupCreateRequest(name: "rw-it-backup", instanceID: instance.id, description: "it"),
      region: "RegionOne")
    var last: Backup?
    for try await state in session.waitUntilComplete(
      backupID: backup.id, region: "RegionOne", interval: .seconds(1), timeout: .seconds(120))
    {
      last = state
    }
    #expect(last?.status == .completed)
    let fetched = try await session.backup(id: backup.id, region: "RegionOne")
    #expect(fetched.name == "rw-it-backup")
    try await session.deleteBackup(id: backup.id, region: "RegionOne")
    for try await _ in session.waitUntilDeleted(
      backupID: backup.id, region: "RegionOne", interval: .seconds(1), timeout: .seconds(60))
    {}
    let gone = await SimulatorHarness.cloudError {
      _ = try await session.backup(id: backup.id, region: "RegionOne")
    }
    #expect(gone?.kind == .notFound)
  }
}
