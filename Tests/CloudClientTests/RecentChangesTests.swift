import CloudSimulator
import Foundation
import Testing

@testable import CloudClient

/// Newest-updated-first pages for fast refreshes (issue 17), over real HTTP.
@Suite("Recently changed items against the simulator")
struct RecentChangesTests {
  /// Every page from the first, following the session's cursors.
  func all<T>(
    _ read: (RecentCursor?) async throws -> RecentPage<T>?
  ) async throws -> (items: [T], pages: Int) {
    var items: [T] = []
    var cursor: RecentCursor?
    var pages = 0
    repeat {
      let page = try #require(try await read(cursor))
      items += page.items
      cursor = page.next
      pages += 1
    } while cursor != nil && pages < 100
    return (items, pages)
  }

  func nonIncreasing(_ dates: [Date?]) -> Bool {
    let times = dates.compactMap { $0 }
    return zip(times, times.dropFirst()).allSatisfy { $0 >= $1 }
  }

  @Test("Trove backups come newest-updated first, paged by offset; a new backup is first")
  func troveOrder() async throws {
    try await SimulatorHarness.run(simulator: { $0.inMotion = 0 }) {
      (h: SimulatorHarness) async throws in
      let (items, pages) = try await all {
        try await h.session.recentlyUpdatedBackups(region: "DFW", limit: 5, after: $0)
      }
      #expect(pages >= 3)
      #expect(items.count == 12)
      #expect(Set(items.map(\.id)).count == 12)
      #expect(nonIncreasing(items.map(\.updated)))
      let instance = try #require(
        try await h.session.listInstances(region: "DFW").first { $0.status == "ACTIVE" })
      let made = try await h.session.createBackup(
        BackupCreateRequest(name: "fresh", instanceID: instance.id), region: "DFW")
      let first = try #require(
        try await h.session.recentlyUpdatedBackups(region: "DFW", limit: 3, after: nil))
      #expect(first.items.first?.id == made.id)
      #expect(first.items.count == 3 && first.next != nil)
    }
  }

  @Test(
    "Cinder v3 snapshots by updated_at desc: a renamed old one comes first, a new one is first by created"
  )
  func cinderOrder() async throws {
    try await SimulatorHarness.run(auth: .keystone, simulator: { $0.inMotion = 0 }) {
      (h: SimulatorHarness) async throws in
      let (items, _) = try await all {
        try await h.session.recentlyUpdatedSnapshots(region: "DFW", limit: 5, after: $0)
      }
      #expect(items.count == 12)
      #expect(Set(items.map(\.id)).count == 12)
      #expect(nonIncreasing(items.map(\.updated)))
      #expect(!h.logs.requests("GET", "sort=updated_at").isEmpty)

      let oldest = try #require(items.last)
      h.sim.advanceClock(by: 5)
      _ = try await h.session.updateSnapshot(
        id: oldest.id, SnapshotUpdateRequest(name: "renamed"), region: "DFW")
      let first = try #require(
        try await h.session.recentlyUpdatedSnapshots(region: "DFW", limit: 2, after: nil))
      #expect(first.items.first?.id == oldest.id)
      #expect(first.items.first?.name == "renamed")

      let volume = try #require(
        try await h.session.listVolumes(region: "DFW").first { !$0.isInUse })
      let made = try await h.session.createSnapshot(
        SnapshotCreateRequest(volumeID: volume.id, name: "brand-new"), region: "DFW")
      let created = try #require(
        try await h.session.recentlyCreatedSnapshots(region: "DFW", limit: 2, after: nil))
      #expect(created.items.first?.id == made.id)
    }
  }

  @Test("Rackspace's Cinder v1 has no updated_at to sort on: no ordered pages")
  func v1HasNoOrder() async throws {
    try await SimulatorHarness.run { (h: SimulatorHarness) async throws in
      #expect(
        try await h.session.recentlyUpdatedSnapshots(region: "DFW", limit: 5, after: nil) == nil)
      #expect(
        try await h.session.recentlyCreatedSnapshots(region: "DFW", limit: 5, after: nil) == nil)
      #expect(
        try await h.session.recentlyUpdatedBackups(region: "DFW", limit: 5, after: nil) != nil)
    }
  }
}
