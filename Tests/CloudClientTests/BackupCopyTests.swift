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
      $0.speed = 0
      $0.inMotion = 0
      $0.failureRate = 0
      $0.regions = ["DFW", "ORD", "LON"]
    }) { h in
      let source = try #require(
        try await h.session.listBackups(region: "DFW").first {
          $0.status == .completed && $0.parentID == nil
        })
      try await h.session.copyBackup(
        id: source.id, to: "ord", name: "dfw-to-ord", description: "a backup copy", region: "DFW")
      let early = try await h.session.listBackups(region: "ORD").filter { $0.name == "dfw-to-ord" }
      #expect(early.count == 1)  // one copy, however often the regions are read
      h.sim.advanceClock(by: 600)
      let copies = try await h.session.listBackups(region: "ORD").filter { $0.name == "dfw-to-ord" }
      #expect(copies.count == 1)
      #expect(copies.first?.instanceID == source.instanceID)
      #expect(copies.first?.status == .completed)
      #expect(copies.first?.description == "a backup copy")

      for (target, expected) in [("LON", CloudError.Kind.rejected), ("SYD", .rejected)] {
        let error = await SimulatorHarness.cloudError {
          try await h.session.copyBackup(id: source.id, to: target, region: "DFW")
        }
        #expect(error?.kind == expected, "\(target)")
      }
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

  @Test("a schedule with copy_to: the run's backup is copied to each region once it completes")
  func scheduleCopies() async throws {
    try await SimulatorHarness.run(simulator: {
      $0.speed = 0
      $0.inMotion = 0
      $0.failureRate = 0
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
