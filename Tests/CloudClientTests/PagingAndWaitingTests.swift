import CloudSimulator
import Foundation
import Testing

@testable import CloudClient

@Suite("Paging and waiting against the simulator")
struct PagingAndWaitingTests {
  @Test("backups over several pages with a datastore filter: every match once, nothing else")
  func backupPagesWithFilter() async throws {
    try await SimulatorHarness.run(
      simulator: { $0.backupsPerRegion = 40 }, client: { $0.pageSize = 7 }
    ) { (h: SimulatorHarness) async throws in
      let all = try await h.session.listBackups(region: "DFW")
      #expect(all.count == 40)
      #expect(Set(all.map(\.id)).count == 40)
      let type = try #require(all.compactMap(\.datastore?.type).first)
      var pages = 0
      var filtered: [Backup] = []
      for try await page in h.session.backupPages(region: "DFW", datastore: type) {
        pages += 1
        #expect(page.count <= 7)
        filtered += page
      }
      let expected = all.filter { $0.datastore?.type == type }
      #expect(Set(filtered.map(\.id)) == Set(expected.map(\.id)))
      #expect(filtered.count == expected.count)
      #expect(pages == (expected.count + 6) / 7)
      // Every followed page kept the filter: one request per page, all filtered.
      let filteredRequests = h.logs.requests("GET", "datastore=\(type)")
      #expect(filteredRequests.count >= pages)
      #expect(filteredRequests.filter { $0.contains("marker=") }.count >= pages - 1)
    }
  }

  @Test("snapshots over several pages on v1 and v3: every snapshot once")
  func snapshotPages() async throws {
    for auth in [SimulatorHarness.Auth.rackspaceAPIKey, .keystone] {
      try await SimulatorHarness.run(
        auth: auth, simulator: { $0.snapshotsPerRegion = 30 }, client: { $0.pageSize = 4 }
      ) { (h: SimulatorHarness) async throws in
        var pages = 0
        var ids: [String] = []
        for try await page in h.session.snapshotPages(region: "ORD") {
          pages += 1
          ids += page.map(\.id)
        }
        #expect(ids.count == 30)
        #expect(Set(ids).count == 30)
        #expect(pages == 8)
      }
    }
  }

  @Test("an instance's backups are listed from its own path")
  func instanceBackups() async throws {
    try await SimulatorHarness.run { (h: SimulatorHarness) async throws in
      let all = try await h.session.listBackups(region: "DFW")
      let instanceID = try #require(all.compactMap(\.instanceID).first)
      let mine = try await h.session.listBackups(region: "DFW", instanceID: instanceID)
      #expect(!mine.isEmpty)
      #expect(mine.allSatisfy { $0.instanceID == instanceID })
    }
  }

  @Test("waiting for a backup yields its states and ends when it settles")
  func waitForBackup() async throws {
    try await SimulatorHarness.run { (h: SimulatorHarness) async throws in
      let instance = try #require(
        try await h.session.listInstances(region: "DFW").first { $0.acceptsBackup })
      let backup = try await h.session.createBackup(
        BackupCreateRequest(name: "watched", instanceID: instance.id), region: "DFW")
      let watch = h.session.waitUntilComplete(
        backupID: backup.id, region: "DFW", interval: .milliseconds(5), timeout: .seconds(60))
      var seen: [BackupStatus] = []
      for try await state in watch {
        seen.append(state.status)
        if state.isInMotion { h.sim.advanceClock(by: 600) }
      }
      #expect(seen.first?.isInMotion == true)
      let last = try #require(seen.last)
      #expect(!last.isInMotion)
    }
  }

  @Test("waiting times out with a timeout error when nothing moves")
  func waitTimesOut() async throws {
    try await SimulatorHarness.run { (h: SimulatorHarness) async throws in
      let instance = try #require(
        try await h.session.listInstances(region: "DFW").first { $0.acceptsBackup })
      let backup = try await h.session.createBackup(
        BackupCreateRequest(name: "stuck", instanceID: instance.id), region: "DFW")
      var states = 0
      let error = await SimulatorHarness.cloudError {
        for try await _ in h.session.waitUntilComplete(
          backupID: backup.id, region: "DFW", interval: .milliseconds(5),
          timeout: .milliseconds(30))
        {
          states += 1
        }
      }
      #expect(error?.kind == .timeout)
      #expect(states >= 1)
    }
  }

  @Test("waiting for a deleted snapshot ends at 404")
  func waitForDeletion() async throws {
    // One 600 s step of the clock ends a 10 s delete (the harness makes deletes slow).
    try await SimulatorHarness.run(auth: .keystone, simulator: { $0.deleteDuration = 10 }) {
      (h: SimulatorHarness) async throws in
      let snapshot = try #require(
        try await h.session.listSnapshots(region: "DFW").first { $0.status == .available })
      try await h.session.deleteSnapshot(id: snapshot.id, region: "DFW")
      var seen = 0
      for try await state in h.session.waitUntilDeleted(
        snapshotID: snapshot.id, region: "DFW", interval: .milliseconds(5), timeout: .seconds(60))
      {
        seen += 1
        #expect(state.status == .deleting || state.status == .errorDeleting)
        h.sim.advanceClock(by: 600)
      }
      let gone = await SimulatorHarness.cloudError {
        _ = try await h.session.snapshot(id: snapshot.id, region: "DFW")
      }
      #expect(gone?.kind == .notFound)
    }
  }
}
