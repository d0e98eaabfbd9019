import CloudSimulator
import Foundation
import Testing

@testable import CloudClient

/// Every operation against the simulator over real HTTP.
@Suite("Operations against the simulator")
struct SessionOperationTests {
  @Test("Rackspace API key sign-in lists regions, backups, snapshots, instances and volumes")
  func listsEverything() async throws {
    try await SimulatorHarness.run { (h: SimulatorHarness) async throws in
      #expect(try await h.session.regions() == ["DFW", "ORD"])
      let backups = try await h.session.listBackups(region: "DFW")
      #expect(backups.count == 12)
      #expect(Set(backups.map(\.id)).count == 12)
      let snapshots = try await h.session.listSnapshots(region: "ORD")
      #expect(snapshots.count == 12)
      #expect(snapshots.allSatisfy { !$0.name.isEmpty && !$0.volumeID.isEmpty })
      #expect(try await h.session.listInstances(region: "DFW").isEmpty == false)
      #expect(try await h.session.listVolumes(region: "DFW").isEmpty == false)
    }
  }

  @Test("password sign-in over identity v2.0 works too")
  func passwordSignIn() async throws {
    try await SimulatorHarness.run(auth: .rackspacePassword) { (h: SimulatorHarness) async throws in
      #expect(try await h.session.listBackups(region: "ORD").count == 12)
    }
  }

  @Test("keystone v3 sign-in uses the v3 Cinder endpoint: name and updated_at are read")
  func keystoneUsesV3() async throws {
    try await SimulatorHarness.run(auth: .keystone) { (h: SimulatorHarness) async throws in
      let snapshots = try await h.session.listSnapshots(region: "DFW")
      #expect(snapshots.count == 12)
      #expect(!h.logs.requests("GET", "/volume/v3/").isEmpty)
      #expect(h.logs.requests("GET", "/volume/v1/").isEmpty)
      #expect(snapshots.allSatisfy { !$0.name.isEmpty })
    }
  }

  @Test("v1 endpoint: snapshots created, renamed and read with display_name")
  func v1FieldNames() async throws {
    try await SimulatorHarness.run { (h: SimulatorHarness) async throws in
      #expect(try await h.session.endpoint(.blockStorage, region: "DFW").apiVersion == 1)
      let volume = try #require(
        try await h.session.listVolumes(region: "DFW").first { !$0.isInUse })
      let created = try await h.session.createSnapshot(
        SnapshotCreateRequest(volumeID: volume.id, name: "v1-snap", description: "first"),
        region: "DFW")
      #expect(created.name == "v1-snap" && created.description == "first")
      let renamed = try await h.session.updateSnapshot(
        id: created.id, SnapshotUpdateRequest(name: "v1-renamed"), region: "DFW")
      #expect(renamed.name == "v1-renamed")
      #expect(renamed.description == "first")
      let fetched = try await h.session.snapshot(id: created.id, region: "DFW")
      #expect(fetched.name == "v1-renamed")
      #expect(fetched.volumeID == volume.id)
    }
  }

  @Test("v3 endpoint: create, rename, get, delete, 404 after delete")
  func v3Lifecycle() async throws {
    try await SimulatorHarness.run(auth: .keystone) { (h: SimulatorHarness) async throws in
      let volume = try #require(
        try await h.session.listVolumes(region: "ORD").first { !$0.isInUse })
      let created = try await h.session.createSnapshot(
        SnapshotCreateRequest(volumeID: volume.id, name: "v3-snap"), region: "ORD")
      #expect(created.name == "v3-snap")
      #expect(created.status == .creating)
      let renamed = try await h.session.updateSnapshot(
        id: created.id, SnapshotUpdateRequest(name: "v3-renamed", description: "d"), region: "ORD")
      #expect(renamed.name == "v3-renamed" && renamed.description == "d")
      h.sim.advanceClock(by: 3600)
      let settled = try await h.session.snapshot(id: created.id, region: "ORD")
      let settledStates: [SnapshotStatus] = [.available, .error]
      #expect(settledStates.contains(settled.status))
      try await h.session.deleteSnapshot(id: created.id, region: "ORD")
      h.sim.advanceClock(by: 3600)
      let gone = await SimulatorHarness.cloudError {
        _ = try await h.session.snapshot(id: created.id, region: "ORD")
      }
      #expect(gone?.kind == .notFound)
      #expect(gone?.status == 404)
      #expect(gone?.summary.contains("(HTTP 404)") == true)
    }
  }

  @Test(
    "the microversion is the lower of the server's maximum (3.71) and ours",
    arguments: [("3.71", "3.71"), ("3.60", "3.60"), ("3.99", "3.71")])
  func microversion(wanted: String, expected: String) async throws {
    try await SimulatorHarness.run(auth: .keystone, client: { $0.maxVolumeMicroversion = wanted }) {
      (h: SimulatorHarness) async throws in
      // 3.99 would be refused with 406 if it were sent as is (cinder-29/error-406.json).
      #expect(try await h.session.listSnapshots(region: "DFW").count == 12)
      let endpoint = try await h.session.endpoint(.blockStorage, region: "DFW")
      let negotiated = await h.session.microversions.header(
        for: endpoint, wanted: wanted, fetch: { _ in nil })
      #expect(negotiated == expected)
      #expect(h.logs.requests("GET", "/volume/v3/ 200").count == 1)
    }
  }

  @Test("backups: get, create full and incremental, delete, 404 after delete")
  func backupLifecycle() async throws {
    try await SimulatorHarness.run { (h: SimulatorHarness) async throws in
      let instance = try #require(
        try await h.session.listInstances(region: "DFW").first { $0.acceptsBackup })
      let full = try await h.session.createBackup(
        BackupCreateRequest(name: "nightly", instanceID: instance.id, description: "d"),
        region: "DFW")
      #expect(full.status == .new || full.status == .building)
      #expect(full.instanceID == instance.id)
      h.sim.advanceClock(by: 24 * 3600)
      let done = try await h.session.backup(id: full.id, region: "DFW")
      #expect(!done.isInMotion)
      if done.status == .completed {
        let incremental = try await h.session.createBackup(
          BackupCreateRequest(name: "incr", instanceID: instance.id, parentID: full.id),
          region: "DFW")
        #expect(incremental.parentID == full.id)
        h.sim.advanceClock(by: 24 * 3600)
      }
      try await h.session.deleteBackup(id: full.id, region: "DFW")
      h.sim.advanceClock(by: 3600)
      let gone = await SimulatorHarness.cloudError {
        _ = try await h.session.backup(id: full.id, region: "DFW")
      }
      #expect(gone?.kind == .notFound)
    }
  }

  @Test("a second backup of a busy instance is rejected with the server's message")
  func busyInstance() async throws {
    try await SimulatorHarness.run { (h: SimulatorHarness) async throws in
      let instance = try #require(
        try await h.session.listInstances(region: "DFW").first { $0.acceptsBackup })
      _ = try await h.session.createBackup(
        BackupCreateRequest(name: "first", instanceID: instance.id), region: "DFW")
      let error = await SimulatorHarness.cloudError {
        _ = try await h.session.createBackup(
          BackupCreateRequest(name: "second", instanceID: instance.id), region: "DFW")
      }
      #expect(error?.kind == .rejected)
      #expect(error?.status == 422)
      #expect(error?.summary.hasPrefix("Creating backup failed: ") == true)
      #expect(error?.serverMessage?.isEmpty == false)
    }
  }

  @Test("bad backup names and a missing instance are refused before sending")
  func clientValidation() async throws {
    try await SimulatorHarness.run { (h: SimulatorHarness) async throws in
      for request in [
        BackupCreateRequest(name: "", instanceID: "i"),
        BackupCreateRequest(name: String(repeating: "n", count: 64), instanceID: "i"),
        BackupCreateRequest(name: "ok", instanceID: ""),
      ] {
        let error = await SimulatorHarness.cloudError {
          _ = try await h.session.createBackup(request, region: "DFW")
        }
        #expect(error?.kind == .invalidRequest)
      }
      #expect(h.logs.requests("POST", "/backups").isEmpty)
      let longest = String(repeating: "n", count: 63)
      let error = await SimulatorHarness.cloudError {
        _ = try await h.session.createBackup(
          BackupCreateRequest(name: longest, instanceID: "no-such-instance"), region: "DFW")
      }
      #expect(error?.kind != .invalidRequest)
      #expect(h.logs.requests("POST", "/backups").count == 1)
    }
  }

  @Test("a region outside the catalog has no endpoint")
  func noEndpoint() async throws {
    try await SimulatorHarness.run { (h: SimulatorHarness) async throws in
      let error = await SimulatorHarness.cloudError {
        _ = try await h.session.listBackups(region: "SYD")
      }
      #expect(error?.kind == .noEndpoint)
    }
  }

  @Test("a fixed token with endpoint overrides works without identity")
  func fixedToken() async throws {
    try await SimulatorHarness.run(
      auth: .fixedToken("fixed-TOKEN-0042"), simulator: { $0.fixedToken = "fixed-TOKEN-0042" }
    ) { (h: SimulatorHarness) async throws in
      #expect(try await h.session.regions() == ["DFW"])
      #expect(try await h.session.listSnapshots(region: "DFW").count == 12)
      #expect(try await h.session.listBackups(region: "DFW").count == 12)
      #expect(h.logs.requests("POST", "tokens").isEmpty)
    }
  }

  @Test("wrong keystone password: keystone's error shape read, no secret")
  func wrongKeystonePassword() async throws {
    let wrong = "WRONG-password-77aa"
    try await SimulatorHarness.run(
      auth: .keystone,
      client: {
        $0.auth = .keystonePassword(
          username: "demo", password: wrong, userDomain: "Default", projectName: "demo",
          projectID: nil, projectDomain: "Default")
      }
    ) { (h: SimulatorHarness) async throws in
      let error = await SimulatorHarness.cloudError {
        _ = try await h.session.listSnapshots(region: "DFW")
      }
      #expect(error?.kind == .unauthorized)
      #expect(error?.serverMessage?.isEmpty == false)
      #expect(error?.summary.contains(wrong) == false)
      #expect(h.logs.requests("POST", "/v3/auth/tokens").count == 1)
    }
  }

  @Test("wrong credentials: unauthorized, one line, no secret")
  func wrongCredentials() async throws {
    let wrongKey = "WRONG-key-5a5a5a"
    try await SimulatorHarness.run(client: {
      $0.auth = .rackspaceAPIKey(username: "demo", apiKey: wrongKey, tenantID: nil)
    }) {
      (h: SimulatorHarness) async throws in
      let error = await SimulatorHarness.cloudError {
        _ = try await h.session.listBackups(region: "DFW")
      }
      #expect(error?.kind == .unauthorized)
      #expect(error?.summary.hasPrefix("Signing in failed:") == true)
      #expect(error?.summary.contains(wrongKey) == false)
      #expect(h.logs.requests("POST", "/v2.0/tokens").count == 1)
    }
  }
}
