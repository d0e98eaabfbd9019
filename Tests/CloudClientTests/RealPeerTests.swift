import Foundation
import Testing

@testable import CloudClient

/// Integration tests against real Cinder 29 and Trove 26 (noauth) started by the recipes in
/// the team's peer recipes (`PEERS_DIR`); `scripts/test-real-openstack.sh` starts them, sets these variables and
/// runs this suite. Skipped unless the endpoints are given:
///
///     RACKWATCH_REAL_CINDER=http://127.0.0.1:8776/v3/6f70656e737461636b70726f6a656374
///     RACKWATCH_REAL_CINDER_TOKEN=admin:6f70656e737461636b70726f6a656374
///     RACKWATCH_REAL_TROVE=http://127.0.0.1:8779/v1.0/6f70656e737461636b70726f6a656374
///     RACKWATCH_REAL_TROVE_TOKEN=6f70656e737461636b70726f6a656374
///
/// Every resource a test makes is deleted again, also when the test fails half-way, so a
/// run leaves the servers as it found them (the seeded Trove instances and backups are only
/// read). Other users of the same servers may add or remove items while a test runs; the
/// paging checks compare against a listing taken just before.
///
/// Seen on these servers and not (or not so) in CloudSimulator:
/// - Trove 26 takes backup names up to 255 characters (400 "is too long" at 256); the
///   simulator refuses 64 and more, as the client does before sending (the Rackspace rule).
/// - Trove 26 lists backups newest `updated` first with an offset marker
///   (trove/backup/models.py `_paginate`); the simulator keeps creation order. A backup that
///   changes state between two pages moves to the front, so offset paging can then repeat one
///   backup and skip another.
/// - With the peers' fake drivers, deletes finish within a second, Trove backups go NEW to
///   COMPLETED in about 10 s without a BUILDING state seen at 1 s polling, and Cinder (on
///   SQLite) can answer a write with 500 "database is locked" when cinder-volume writes at
///   the same moment. These are properties of the peers, not of OpenStack.
@Suite("Real OpenStack peers", .serialized)
struct RealPeerTests {
  static let env = ProcessInfo.processInfo.environment
  static let cinder = env["RACKWATCH_REAL_CINDER"]
  static let trove = env["RACKWATCH_REAL_TROVE"]
  static let region = "RegionOne"

  /// Keystone mode (`scripts/test-real-openstack.sh --keystone`): the sessions sign in to a
  /// real keystone 30 with the demo user's password and take the endpoints from its catalog.
  static let keystone = env["RACKWATCH_REAL_KEYSTONE"]
  static let keystoneUser = env["RACKWATCH_REAL_KEYSTONE_USER"] ?? "demo"
  static let keystonePassword = env["RACKWATCH_REAL_KEYSTONE_PASSWORD"] ?? "demo-pass"
  static let keystoneProject = env["RACKWATCH_REAL_KEYSTONE_PROJECT"] ?? "demo"

  static func keystonePasswordAuth(password: String = keystonePassword) -> AuthMethod {
    .keystonePassword(
      username: keystoneUser, password: password, userDomain: "Default",
      projectName: keystoneProject, projectID: nil, projectDomain: "Default")
  }

  /// Runs `body` with a session on one fixed endpoint (noauth) or on keystone's catalog
  /// (keystone mode), and shuts the session down afterwards.
  static func withSession(
    _ kind: ServiceKind, url: String, token: String?, pageSize: Int = 1000,
    _ body: (CloudSession, LogCapture) async throws -> Void
  ) async throws {
    let logs = LogCapture()
    var config =
      if let keystone {
        ClientConfiguration(identityURL: keystone, auth: keystonePasswordAuth())
      } else {
        ClientConfiguration(
          identityURL: nil, auth: .token(token ?? "admin"), endpointOverrides: [kind: url],
          staticRegions: [region])
      }
    config.logger = logs.logger
    config.pageSize = pageSize
    let session = CloudSession(configuration: config)
    do {
      try await body(session, logs)
    } catch {
      try? await session.shutdown()
      throw error
    }
    try await session.shutdown()
  }

  /// Every page of `pages`, each page kept apart.
  static func pages<Item: Sendable>(_ pages: AsyncThrowingStream<[Item], any Error>)
    async throws -> [[Item]]
  {
    var all: [[Item]] = []
    for try await page in pages { all.append(page) }
    return all
  }

  /// The project in an endpoint URL (its last path segment).
  static func project(of url: String) -> String {
    String(url.split(separator: "/").last ?? "")
  }

  // MARK: - Cinder

  @Test(
    "Cinder: create, list (detail), paging by 1, get, rename, delete, 404 after delete",
    .enabled(if: cinder != nil))
  func cinderLifecycle() async throws {
    let url = try #require(Self.cinder)
    let project = Self.project(of: url)
    let region = Self.region
    let token = Self.env["RACKWATCH_REAL_CINDER_TOKEN"]
    try await Self.withSession(.blockStorage, url: url, token: token) { session, logs in
      let service = try await session.endpoint(.blockStorage, region: region)
      // A volume to snapshot (the client itself never creates volumes).
      let made = try await session.send(
        .POST, service.url + "/volumes", service: service, kind: .blockStorage,
        body: Data(#"{"volume":{"size":1,"name":"rackwatch-it"}}"#.utf8),
        operation: "Creating volume")
      let volume = try JSONDecoder().decode(VolumeWire.One.self, from: made.body).volume.value
      var created: [Snapshot] = []
      do {
        try await Self.cinderSteps(
          session, logs: logs, service: service, token: token, project: project,
          volume: volume, created: &created)
      } catch {
        await Self.cinderCleanup(session, service: service, volumeID: volume.id, created)
        throw error
      }
      await Self.cinderCleanup(session, service: service, volumeID: volume.id, [])
    }
  }

  static func cinderSteps(
    _ session: CloudSession, logs: LogCapture, service: ServiceEndpoint, token: String?,
    project: String, volume: Volume, created: inout [Snapshot]
  ) async throws {
    var ready: Volume?
    for _ in 0..<60 where ready == nil {
      ready = try await session.listVolumes(region: region).first {
        $0.id == volume.id && $0.status == "available"
      }
      if ready == nil { try await Task.sleep(nanoseconds: 500_000_000) }
    }
    let available = try #require(ready, "volume \(volume.id) never became available")
    #expect(available.name == "rackwatch-it" && available.size == 1 && !available.bootable)
    #expect(available.created != nil)

    // The microversion comes from the real version document (GET /v3/ answers 3.71).
    let negotiated = await session.microversions.header(
      for: service, wanted: session.configuration.maxVolumeMicroversion, fetch: { _ in nil })
    #expect(negotiated == "3.71")
    #expect(!logs.requests("GET", "/v3/ 200").isEmpty)

    // Create three, as the v3 API answers: 202 with the new snapshot, no progress yet. One
    // at a time: the peers keep Cinder's database in SQLite, and a create that overlaps
    // cinder-volume finishing the previous one can fail with HTTP 500 "database is locked".
    let started = Date().addingTimeInterval(-300)
    for name in ["rw-it-1", "rw-it-2", "rw-it-3"] {
      let snapshot = try await session.createSnapshot(
        SnapshotCreateRequest(volumeID: volume.id, name: name, description: "integration"),
        region: region)
      created.append(snapshot)
      #expect(snapshot.name == name && snapshot.description == "integration")
      #expect(snapshot.volumeID == volume.id && snapshot.size == 1)
      #expect((snapshot.created ?? .distantPast) > started)
      var last: Snapshot?
      for try await state in session.waitUntilComplete(
        snapshotID: snapshot.id, region: region, interval: .milliseconds(500),
        timeout: .seconds(60))
      {
        last = state
      }
      #expect(last?.status == .available && last?.progress == 100)
    }
    #expect(logs.requests("POST", "/snapshots 202").count == 3)

    // List: the detail view, with progress and project.
    let all = try await session.listSnapshots(region: region)
    #expect(!logs.requests("GET", "/snapshots/detail?limit=1000 200").isEmpty)
    for snapshot in created {
      let listed = try #require(all.first { $0.id == snapshot.id })
      #expect(listed.name == snapshot.name && listed.description == "integration")
      #expect(listed.volumeID == volume.id && listed.size == 1)
      #expect(listed.status == .available && listed.progress == 100)
      #expect(listed.projectID == project)
      #expect(listed.created == snapshot.created && listed.updated != nil)
    }

    // Paging by 1: one item a page, following snapshots_links (marker = last id).
    try await withSession(
      .blockStorage, url: service.url, token: token, pageSize: 1
    ) { small, smallLogs in
      let pages = try await pages(small.snapshotPages(region: region))
      #expect(pages.allSatisfy { $0.count == 1 })
      let paged = pages.flatMap { $0 }.map(\.id)
      #expect(paged.count == all.count)
      #expect(Set(paged).count == paged.count)
      #expect(Set(paged) == Set(all.map(\.id)))
      #expect(smallLogs.requests("GET", "/snapshots/detail?limit=1&marker=").count >= 3)
    }

    // Get.
    let first = try await session.snapshot(id: created[0].id, region: region)
    #expect(first.name == "rw-it-1" && first.description == "integration")
    #expect(first.status == .available && first.progress == 100)
    #expect(first.volumeID == volume.id && first.size == 1 && first.projectID == project)

    // Rename, then re-describe: the field not sent is kept, and a fresh get agrees.
    let renamed = try await session.updateSnapshot(
      id: first.id, SnapshotUpdateRequest(name: "rw-it-renamed"), region: region)
    #expect(renamed.id == first.id && renamed.name == "rw-it-renamed")
    #expect(renamed.description == "integration")
    let redescribed = try await session.updateSnapshot(
      id: first.id, SnapshotUpdateRequest(description: "described again"), region: region)
    #expect(redescribed.name == "rw-it-renamed" && redescribed.description == "described again")
    let reread = try await session.snapshot(id: first.id, region: region)
    #expect(reread.name == "rw-it-renamed" && reread.description == "described again")
    #expect(
      try await session.listSnapshots(region: region).first { $0.id == first.id }?.name
        == "rw-it-renamed")

    // Delete, wait for the 404, and the 404 is .notFound for get, update and delete alike.
    for snapshot in created {
      try await session.deleteSnapshot(id: snapshot.id, region: region)
      for try await _ in session.waitUntilDeleted(
        snapshotID: snapshot.id, region: region, interval: .milliseconds(500),
        timeout: .seconds(60))
      {}
      let gone = await SimulatorHarness.cloudError {
        _ = try await session.snapshot(id: snapshot.id, region: region)
      }
      #expect(gone?.kind == .notFound && gone?.status == 404)
      #expect(gone?.serverMessage?.contains("could not be found") == true)
    }
    let deletedIDs = Set(created.map(\.id))
    created.removeAll()
    let renameGone = await SimulatorHarness.cloudError {
      _ = try await session.updateSnapshot(
        id: first.id, SnapshotUpdateRequest(name: "too-late"), region: region)
    }
    #expect(renameGone?.kind == .notFound)
    let deleteGone = await SimulatorHarness.cloudError {
      try await session.deleteSnapshot(id: first.id, region: region)
    }
    #expect(deleteGone?.kind == .notFound)
    #expect(
      try await session.listSnapshots(region: region).allSatisfy { !deletedIDs.contains($0.id) })
  }

  /// Best effort: the snapshots left, then the volume once Cinder lets it go.
  static func cinderCleanup(
    _ session: CloudSession, service: ServiceEndpoint, volumeID: String, _ snapshots: [Snapshot]
  ) async {
    for snapshot in snapshots {
      try? await session.deleteSnapshot(id: snapshot.id, region: region)
    }
    for _ in 0..<30 {
      let result = try? await session.send(
        .DELETE, service.url + "/volumes/\(volumeID)", service: service, kind: .blockStorage,
        operation: "Deleting volume")
      if result != nil { return }
      try? await Task.sleep(nanoseconds: 500_000_000)
    }
  }

  // MARK: - Trove

  @Test(
    "Trove: instances, list, paging by 1, create, wait, get, delete, 404 after delete",
    .enabled(if: trove != nil))
  func troveLifecycle() async throws {
    let url = try #require(Self.trove)
    let project = Self.project(of: url)
    let region = Self.region
    let token = Self.env["RACKWATCH_REAL_TROVE_TOKEN"]
    try await Self.withSession(.database, url: url, token: token) { session, logs in
      let instances = try await session.listInstances(region: region)
      let instance = try #require(
        instances.first { $0.acceptsBackup }, "no ACTIVE instance in \(instances)")
      #expect(instance.datastore?.type == "mysql" && instance.datastore?.version == "8.0")
      #expect(instance.flavorID != nil && instance.volumeSize != nil)

      // List: the seeded backups decode with every field.
      let before = try await session.listBackups(region: region)
      #expect(before.count >= 3)
      if let seeded = before.first(where: { $0.id == "22222221-2222-2222-2222-222222222222" }) {
        #expect(seeded.name == "alpha-incr-1" && seeded.status == .completed)
        #expect(seeded.parentID == "22222220-2222-2222-2222-222222222222")
        #expect(seeded.size == 0.01 && seeded.locationRef != nil)
        #expect(seeded.datastore?.type == "mysql" && seeded.datastore?.version == "8.0")
        #expect(seeded.created != nil && seeded.updated != nil && seeded.projectID == project)
      }

      // Paging by 1: one item a page, following `links` (marker = an offset, https link).
      try await Self.withSession(.database, url: url, token: token, pageSize: 1) {
        small, smallLogs in
        let pages = try await Self.pages(small.backupPages(region: region))
        #expect(pages.allSatisfy { $0.count == 1 })
        let paged = pages.flatMap { $0 }.map(\.id)
        #expect(paged.count == before.count)
        #expect(Set(paged).count == paged.count)
        #expect(Set(paged) == Set(before.map(\.id)))
        #expect(smallLogs.requests("GET", "/backups?limit=1&marker=").count >= 2)
        #expect(smallLogs.lines.allSatisfy { !$0.contains("failed") })
      }

      // Create: 202 with a NEW backup of that instance.
      let started = Date().addingTimeInterval(-300)
      let backup = try await session.createBackup(
        BackupCreateRequest(name: "rw-it-backup", instanceID: instance.id, description: "it"),
        region: region)
      do {
        #expect(backup.name == "rw-it-backup" && backup.description == "it")
        #expect(backup.instanceID == instance.id && backup.status == .new)
        #expect(backup.size == nil && backup.parentID == nil && backup.projectID == project)
        #expect(backup.datastore?.type == "mysql")
        #expect((backup.created ?? .distantPast) > started)
        try await Self.troveSteps(session, logs: logs, backup: backup, instance: instance)
      } catch {
        try? await session.deleteBackup(id: backup.id, region: region)
        throw error
      }
    }
  }

  static func troveSteps(
    _ session: CloudSession, logs: LogCapture, backup: Backup, instance: DatabaseInstance
  ) async throws {
    var states: [BackupStatus] = []
    for try await state in session.waitUntilComplete(
      backupID: backup.id, region: region, interval: .seconds(1), timeout: .seconds(120))
    {
      states.append(state.status)
    }
    #expect(states.last == .completed)

    // Get.
    let fetched = try await session.backup(id: backup.id, region: region)
    #expect(fetched.name == "rw-it-backup" && fetched.description == "it")
    #expect(fetched.status == .completed && fetched.instanceID == instance.id)
    #expect(fetched.size != nil && fetched.locationRef != nil)
    #expect(fetched.created == backup.created && fetched.updated != nil)

    // The new backup in the region's list, the instance's list and the datastore's list.
    #expect(try await session.listBackups(region: region).contains { $0.id == backup.id })
    let ofInstance = try await session.listBackups(region: region, instanceID: instance.id)
    #expect(ofInstance.contains { $0.id == backup.id })
    #expect(ofInstance.allSatisfy { $0.instanceID == instance.id })
    #expect(
      try await session.listBackups(region: region, datastore: "mysql").contains {
        $0.id == backup.id
      })

    // Delete, wait for the 404, and the 404 is .notFound for get and delete alike.
    try await session.deleteBackup(id: backup.id, region: region)
    for try await _ in session.waitUntilDeleted(
      backupID: backup.id, region: region, interval: .seconds(1), timeout: .seconds(60))
    {}
    let gone = await SimulatorHarness.cloudError {
      _ = try await session.backup(id: backup.id, region: region)
    }
    #expect(gone?.kind == .notFound && gone?.status == 404)
    #expect(gone?.serverMessage?.contains("cannot be found") == true)
    let deleteGone = await SimulatorHarness.cloudError {
      try await session.deleteBackup(id: backup.id, region: region)
    }
    #expect(deleteGone?.kind == .notFound)
    #expect(try await session.listBackups(region: region).allSatisfy { $0.id != backup.id })
  }
}
