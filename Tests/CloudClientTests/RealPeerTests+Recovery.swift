import Foundation
import Testing

@testable import CloudClient

/// Restore and volume from a snapshot against the real Trove 26 and Cinder 29 (either auth
/// mode: the session signs in through keystone when `RACKWATCH_REAL_KEYSTONE` is set).
extension RealPeerTests {
  @Test(
    "Trove: a COMPLETED backup restores to a new instance that builds to ACTIVE; then it is deleted",
    .enabled(if: trove != nil))
  func troveRestore() async throws {
    let url = try #require(Self.trove)
    let region = Self.region
    let token = Self.env["RACKWATCH_REAL_TROVE_TOKEN"]
    try await Self.withSession(.database, url: url, token: token) { session, logs in
      let flavors = try await session.listFlavors(region: region)
      #expect(flavors.contains { $0.id == "custom" })  // trove 26's null numeric id
      let backups = try await session.listBackups(region: region)
      // The seeded full backup restores (its checksum matches the fake swift's etag).
      let source = try #require(
        backups.first { $0.status == .completed && $0.parentID == nil },
        "no COMPLETED full backup in \(backups.map(\.name))")
      let made = try await session.restoreBackup(
        RestoreRequest(
          backupID: source.id, name: "rw-it-restore-\(UUID().uuidString.prefix(6))",
          flavorID: "2", volumeSize: max(1, Int((source.size ?? 1).rounded(.up))),
          datastore: source.datastore),
        region: region)
      #expect(made.status == "BUILD")
      #expect(!logs.requests("POST", "/instances 200").isEmpty)
      var last = made.status
      do {
        for try await state in session.waitUntilBuilt(
          instanceID: made.id, region: region, interval: .seconds(1), timeout: .seconds(120))
        {
          last = state.status
        }
        #expect(last == "ACTIVE")
      } catch {
        try? await session.deleteInstance(id: made.id, region: region)
        throw error
      }
      try await session.deleteInstance(id: made.id, region: region)
      // A backup that does not exist is trove's 404, in its words.
      do {
        _ = try await session.restoreBackup(
          RestoreRequest(
            backupID: "00000000-0000-0000-0000-000000000000", name: "x", flavorID: "2",
            volumeSize: 1, datastore: source.datastore), region: region)
        Issue.record("restoring an unknown backup succeeded")
      } catch let error as CloudError {
        #expect(error.status == 404 && error.serverMessage?.contains("cannot be found") == true)
      }
    }
  }

  @Test(
    "Cinder: a volume made from a snapshot becomes available; a smaller one is cinder's 400",
    .enabled(if: cinder != nil))
  func cinderVolumeFromSnapshot() async throws {
    let url = try #require(Self.cinder)
    let region = Self.region
    let token = Self.env["RACKWATCH_REAL_CINDER_TOKEN"]
    try await Self.withSession(.blockStorage, url: url, token: token) { session, _ in
      let service = try await session.endpoint(.blockStorage, region: region)
      let made = try await session.send(
        .POST, service.url + "/volumes", service: service, kind: .blockStorage,
        body: Data(#"{"volume":{"size":2,"name":"rw-it-src"}}"#.utf8), operation: "Creating volume")
      let source = try JSONDecoder().decode(VolumeWire.One.self, from: made.body).volume.value
      var cleanup: [String] = []
      var snapshotID: String?
      defer {
        let volumes = cleanup + [source.id]
        let snapshot = snapshotID
        Task {
          if let snapshot { try? await session.deleteSnapshot(id: snapshot, region: region) }
          for id in volumes { try? await session.deleteVolume(id: id, region: region) }
        }
      }
      for try await _ in session.waitUntilCreated(
        volumeID: source.id, region: region, interval: .milliseconds(500), timeout: .seconds(60))
      {}
      let snapshot = try await session.createSnapshot(
        SnapshotCreateRequest(volumeID: source.id, name: "rw-it-snap"), region: region)
      snapshotID = snapshot.id
      for try await _ in session.waitUntilComplete(
        snapshotID: snapshot.id, region: region, interval: .milliseconds(500),
        timeout: .seconds(60))
      {}
      let volume = try await session.createVolume(
        VolumeFromSnapshotRequest(snapshotID: snapshot.id, name: "rw-it-from-snap"),
        region: region)
      cleanup.append(volume.id)
      #expect(volume.snapshotID == snapshot.id && volume.size == 2)
      var last: Volume?
      for try await state in session.waitUntilCreated(
        volumeID: volume.id, region: region, interval: .milliseconds(500), timeout: .seconds(60))
      {
        last = state
      }
      #expect(last?.status == "available")
      do {
        let small = try await session.createVolume(
          VolumeFromSnapshotRequest(snapshotID: snapshot.id, name: "rw-it-small", size: 1),
          region: region)
        cleanup.append(small.id)
        Issue.record("a volume smaller than its snapshot was accepted")
      } catch let error as CloudError {
        #expect(error.status == 400)
        #expect(error.serverMessage?.contains("cannot be smaller than the snapshot size") == true)
      }
      // Clean up in order now (the deferred task is only the fallback after a failure).
      for id in cleanup { try? await session.deleteVolume(id: id, region: region) }
      cleanup = []
      try? await session.deleteSnapshot(id: snapshot.id, region: region)
      for _ in 0..<40 {
        if (try? await session.snapshot(id: snapshot.id, region: region)) == nil { break }
        try await Task.sleep(nanoseconds: 250_000_000)
      }
      snapshotID = nil
      try await session.deleteVolume(id: source.id, region: region)
    }
  }
}
