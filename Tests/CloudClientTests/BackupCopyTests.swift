import CloudSimulator
import Foundation
import Testing

@testable import CloudClient

/// Copies of backups to another region over HTTP (Rackspace `copy-backup` and a schedule's
/// `copy_to`): the copy appears in the target region as a backup of the same instance; the
/// regions the docs refuse, and a backup still running, are refused.
@Suite("Backup copies to other regions")
struct BackupCopyTests {
  @Test("copy-backup: 202, then a COMPLETED copy of the same instance in the target region")
  func copy() async throws {
    try await SimulatorHarness.run(simulator: {
      SimulatorHarness.still(&$0)
      $0.regions = ["DFW", "ORD", "LON"]
    }) { h in
      let source = try #require(
        try await h.session.listBackups(region: "DFW").first {
          $0.status == .completed && $0.parentID == nil
        })
      let seeded = try await h.session.listBackups(region: "ORD")
      var before: Set<String> = []
      for backup in seeded { before.insert(backup.id) }
      try await h.session.copyBackup(
        id: source.id, to: "ord", name: "dfw-to-ord", description: "a backup copy", region: "DFW")
      // By ID, not by name: under the full suite's load, names from the fast list reader have
      // compared equal when they were not (seen only there; reported, not chased here).
      let listed = try await h.session.listBackups(region: "ORD")
      var early: [Backup] = []
      for backup in listed where !before.contains(backup.id) { early.append(backup) }
      #expect(early.count == 1)  // one copy, however often the regions are read
      h.sim.advanceClock(by: 600)
      let relisted = try await h.session.listBackups(region: "ORD")
      var copies: [Backup] = []
      for backup in relisted where !before.contains(backup.id) { copies.append(backup) }
      #expect(copies.count == 1)
      let made = try #require(copies.first)
      let read = try await h.session.backup(id: made.id, region: "ORD")
      #expect(read.name == "dfw-to-ord")
      #expect(read.instanceID == source.instanceID)
      #expect(read.status == .completed)
      #expect(read.description == "a backup copy")

      // LON is refused by the docs, SYD is not a region of this cloud.
      let london = await SimulatorHarness.cloudError {
        try await h.session.copyBackup(id: source.id, to: "LON", region: "DFW")
      }
      #expect(london?.kind == .rejected)
      let sydney = await SimulatorHarness.cloudError {
        try await h.session.copyBackup(id: source.id, to: "SYD", region: "DFW")
      }
      #expect(sydney?.kind == .rejected)
      let same = await SimulatorHarness.cloudError {
        try await h.session.copyBackup(id: source.id, to: "DFW", region: "DFW")
      }
      #expect(same?.kind == .invalidRequest)
      let unknown = await SimulatorHarness.cloudError {
        try await h.session.copyBackup(id: "no-such-backup", to: "ORD", region: "DFW")
      }
      #expect(unknown?.kind == .notFound)
    }
  }

  @Test("a backup created with copy_to is copied to the region once it completes")
  func createWithCopies() async throws {
    try await SimulatorHarness.run(simulator: {
      SimulatorHarness.still(&$0)
      $0.regions = ["DFW", "ORD"]
    }) { h in
      let instance = try #require(
        try await h.session.listInstances(region: "DFW").first { $0.status == "ACTIVE" })
      let before = Set(try await h.session.listBackups(region: "ORD").map(\.id))
      let made = try await h.session.createBackup(
        BackupCreateRequest(name: "copied-nightly", instanceID: instance.id, copyTo: ["ORD"]),
        region: "DFW")
      h.sim.advanceClock(by: 7_200)
      #expect(try await h.session.backup(id: made.id, region: "DFW").status == .completed)
      h.sim.advanceClock(by: 600)
      let copies = try await h.session.listBackups(region: "ORD").filter {
        !before.contains($0.id)
      }
      #expect(copies.count == 1)
      #expect(copies.first?.instanceID == instance.id)
    }
  }

  @Test("a schedule with copy_to: the run's backup is copied to each region once it completes")
  func scheduleCopies() async throws {
    try await SimulatorHarness.run(simulator: {
      SimulatorHarness.still(&$0)
    }) { h in
      let instance = try #require(
        try await h.session.listInstances(region: "DFW").first { $0.status == "ACTIVE" })
      let run = (h.sim.now / 60).rounded(.down) * 60 + 120
      let secondOfDay = Int(run.truncatingRemainder(dividingBy: 86_400))
      _ = try await h.session.createSchedule(
        ScheduleRequest(
          instanceID: instance.id, dayOfWeek: 7, hour: secondOfDay / 3600,
          minute: (secondOfDay % 3600) / 60, copyTo: ["ORD"]),
        region: "DFW")
      let before = try await h.session.listBackups(region: "ORD").count
      h.sim.advanceClock(by: 900)
      _ = try await h.session.listBackups(region: "DFW")  // the run fires on a request
      let after = try await h.session.listBackups(region: "ORD")
      #expect(after.count == before + 1)
      #expect(
        after.first { $0.instanceID == instance.id }?.created
          == Date(timeIntervalSince1970: run + h.configuration.backupDuration))
    }
  }
}
