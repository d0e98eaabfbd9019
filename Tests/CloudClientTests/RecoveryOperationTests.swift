import CloudSimulator
import Foundation
import Testing

@testable import CloudClient

/// Restore, volume from a snapshot, snapshot metadata and admin actions through the client,
/// over HTTP against the simulator: what reaches the server, what comes back, and the
/// server's own words when it refuses.
@Suite("Recovery operations against the simulator")
struct RecoveryOperationTests {
  @Test(
    "flavors decode trove's numeric and null ids; a COMPLETED backup restores and builds to ACTIVE")
  func restore() async throws {
    try await SimulatorHarness.run(
      auth: .keystone,
      simulator: {
        $0.inMotion = 0; $0.failureRate = 0
      }
    ) { h in
      let flavors = try await h.session.listFlavors(region: h.region)
      #expect(flavors.map(\.id).contains("2"))
      #expect(flavors.contains { $0.id == "custom" })  // `id` null, `str_id` "custom"
      let backups = try await h.session.listBackups(region: h.region)
      let done = try #require(backups.first { $0.status == .completed })
      let size = Int((done.size ?? 1).rounded(.up))
      let made = try await h.session.restoreBackup(
        RestoreRequest(
          backupID: done.id, name: "restored-db", flavorID: "2", volumeSize: size,
          datastore: done.datastore),
        region: h.region)
      #expect(made.status == "BUILD" && made.name == "restored-db" && made.volumeSize == size)
      #expect(!h.logs.requests("POST", "/instances 200").isEmpty)
      h.sim.advanceClock(by: 13)
      var seen: [String] = []
      for try await state in h.session.waitUntilBuilt(
        instanceID: made.id, region: h.region, interval: .milliseconds(10), timeout: .seconds(5))
      {
        seen.append(state.status)
      }
      #expect(seen.last == "ACTIVE")
      let listed = try await h.session.listInstances(region: h.region)
      #expect(listed.contains { $0.id == made.id })
      try await h.session.deleteInstance(id: made.id, region: h.region)
      h.sim.advanceClock(by: 4)
      let gone = await SimulatorHarness.cloudError {
        _ = try await h.session.instance(id: made.id, region: h.region)
      }
      #expect(gone?.kind == .notFound)
    }
  }

  @Test("restoring a backup that is not COMPLETED is refused with trove's words")
  func restoreRefused() async throws {
    try await SimulatorHarness.run(simulator: { $0.inMotion = 0 }) { h in
      let instances = try await h.session.listInstances(region: h.region)
      let active = try #require(instances.first { $0.status == "ACTIVE" })
      let running = try await h.session.createBackup(
        BackupCreateRequest(name: "still-running", instanceID: active.id), region: h.region)
      let error = await SimulatorHarness.cloudError {
        _ = try await h.session.restoreBackup(
          RestoreRequest(backupID: running.id, name: "x", flavorID: "1", volumeSize: 5),
          region: h.region)
      }
      #expect(error?.status == 409)
      #expect(error?.serverMessage?.contains("is not completed. Actual state: NEW.") == true)
      let empty = await SimulatorHarness.cloudError {
        _ = try await h.session.restoreBackup(
          RestoreRequest(backupID: running.id, name: "  ", flavorID: "1", volumeSize: 5),
          region: h.region)
      }
      #expect(empty?.kind == .invalidRequest)
    }
  }

  @Test(
    "a volume from a snapshot is created with snapshot_id and becomes available; too small is refused"
  )
  func volumeFromSnapshot() async throws {
    try await SimulatorHarness.run(simulator: {
      $0.inMotion = 0; $0.failureRate = 0
    }) { h in
      let snapshots = try await h.session.listSnapshots(region: h.region)
      let source = try #require(snapshots.first { $0.status == .available })
      let made = try await h.session.createVolume(
        VolumeFromSnapshotRequest(snapshotID: source.id, name: "from-snap"), region: h.region)
      #expect(made.status == "creating" && made.snapshotID == source.id)
      #expect(made.size == source.size)
      h.sim.advanceClock(by: 11)
      var last: Volume?
      for try await state in h.session.waitUntilCreated(
        volumeID: made.id, region: h.region, interval: .milliseconds(10), timeout: .seconds(5))
      {
        last = state
      }
      #expect(last?.status == "available")
      let small = await SimulatorHarness.cloudError {
        _ = try await h.session.createVolume(
          VolumeFromSnapshotRequest(
            snapshotID: source.id, name: "small", size: (source.size ?? 1) - 1),
          region: h.region)
      }
      #expect(small?.status == 400)
      #expect(small?.serverMessage?.contains("cannot be smaller than the snapshot size") == true)
    }
  }

  @Test("snapshot metadata: merge, replace, remove a key; a missing key is the server's 404")
  func metadata() async throws {
    try await SimulatorHarness.run(simulator: { $0.inMotion = 0 }) { h in
      let id = try #require(try await h.session.listSnapshots(region: h.region).first?.id)
      _ = try await h.session.setSnapshotMetadata(
        snapshotID: id, ["purpose": "nightly", "owner": "ops"], replace: true, region: h.region)
      let merged = try await h.session.setSnapshotMetadata(
        snapshotID: id, ["purpose": "weekly"], replace: false, region: h.region)
      #expect(merged == ["purpose": "weekly", "owner": "ops"])
      try await h.session.deleteSnapshotMetadataKey(snapshotID: id, key: "owner", region: h.region)
      #expect(
        try await h.session.snapshotMetadata(snapshotID: id, region: h.region) == [
          "purpose": "weekly"
        ])
      let missing = await SimulatorHarness.cloudError {
        try await h.session.deleteSnapshotMetadataKey(
          snapshotID: id, key: "nosuchkey", region: h.region)
      }
      #expect(missing?.kind == .notFound)
      #expect(missing?.serverMessage?.contains("has no metadata with key nosuchkey") == true)
    }
  }

  @Test(
    "admin actions: a member gets 403 with the policy's words; an admin resets and force-deletes")
  func adminActions() async throws {
    for admin in [false, true] {
      try await SimulatorHarness.run(simulator: {
        $0.inMotion = 0; $0.userIsAdmin = admin
      }) { h in
        let available = try await h.session.listSnapshots(region: h.region).filter {
          $0.status == .available
        }
        let error = await SimulatorHarness.cloudError {
          try await h.session.resetSnapshotStatus(
            snapshotID: available[0].id, to: "error", region: h.region)
          try await h.session.forceDeleteSnapshot(snapshotID: available[1].id, region: h.region)
        }
        if !admin {
          #expect(error?.kind == .forbidden)
          #expect(error?.serverMessage?.contains("Policy doesn't allow") == true)
          return
        }
        #expect(error == nil)
        #expect(
          try await h.session.snapshot(id: available[0].id, region: h.region).status == .error)
        #expect(
          try await h.session.snapshot(id: available[1].id, region: h.region).status == .deleting)
      }
    }
  }
}
