import CloudClient
import Foundation
import Testing

@testable import BrowserModel

/// The protection verdicts over time: a clock moves past the thresholds and the verdicts
/// follow (issue 15).
@Suite("Protection verdicts")
struct ProtectionVerdictTests {
  static let t0 = Date(timeIntervalSince1970: 1_800_000_000)
  static let hour: TimeInterval = 3600

  static func instance(_ id: String) -> DatabaseInstance {
    DatabaseInstance(id: id, name: "\(id)-db", status: "ACTIVE")
  }

  static func backup(
    _ id: String, of instance: String, _ status: BackupStatus, hoursAgo: Double,
    parent: String? = nil, size: Double = 1
  ) -> Backup {
    Backup(
      id: id, name: id, description: nil, instanceID: instance, parentID: parent, size: size,
      status: status, created: t0.addingTimeInterval(-hoursAgo * hour))
  }

  static func verdict(_ backups: [Backup], after hours: Double = 0) -> ProtectionVerdict? {
    ProtectionReport.evaluate(
      region: "DFW", instances: [instance("i")], backups: backups, volumes: [], snapshots: [],
      now: t0.addingTimeInterval(hours * hour)
    ).first?.verdict
  }

  @Test(
    "a nightly backup: protected, then ageing past 26 h, then unprotected past 52 h",
    arguments: [
      (0.0, ProtectionVerdict.protected), (25.9, .protected), (26.1, .ageing), (51.9, .ageing),
      (52.1, .unprotected), (24 * 30, .unprotected),
    ])
  func ageing(hours: Double, expected: ProtectionVerdict) {
    #expect(
      Self.verdict([Self.backup("b", of: "i", .completed, hoursAgo: 0)], after: hours) == expected)
  }

  @Test("never backed up, last job failed, and a failed job followed by a good one")
  func jobs() {
    #expect(Self.verdict([]) == .neverBackedUp)
    #expect(
      Self.verdict([
        Self.backup("old", of: "i", .completed, hoursAgo: 30),
        Self.backup("new", of: "i", .failed, hoursAgo: 2),
      ]) == .lastJobFailed)
    #expect(
      Self.verdict([
        Self.backup("old", of: "i", .failed, hoursAgo: 30),
        Self.backup("new", of: "i", .completed, hoursAgo: 2),
      ]) == .protected)
    // A job still running does not hide the last one that ended.
    #expect(
      Self.verdict([
        Self.backup("bad", of: "i", .failed, hoursAgo: 3),
        Self.backup("run", of: "i", .building, hoursAgo: 1),
      ]) == .lastJobFailed)
    #expect(Self.verdict([Self.backup("f", of: "i", .deleteFailed, hoursAgo: 1)]) == .unprotected)
  }

  @Test(
    "an incremental whose parent failed or is gone is a broken chain; a whole chain is protected")
  func chains() {
    let full = Self.backup("full", of: "i", .completed, hoursAgo: 20)
    let child = Self.backup("inc", of: "i", .completed, hoursAgo: 2, parent: "full")
    #expect(Self.verdict([full, child]) == .protected)
    #expect(Self.verdict([child]) == .brokenChain)  // parent gone
    var failed = full
    failed.status = .failed
    #expect(Self.verdict([failed, child]) == .brokenChain)
  }

  @Test("volumes by their snapshots, the report worst first, totals and the line a person reads")
  func report() {
    let volumes = [
      Volume(id: "v1", name: "data", status: "in-use", size: 100),
      Volume(id: "v2", name: "logs", status: "in-use", size: 50),
    ]
    let snapshots = [
      Snapshot(
        id: "s1", name: "s1", volumeID: "v1", status: .available, size: 100,
        created: Self.t0.addingTimeInterval(-9 * 86400)),
      Snapshot(
        id: "s2", name: "s2", volumeID: "v1", status: .available, size: 100,
        created: Self.t0.addingTimeInterval(-10 * 86400)),
    ]
    let rows = ProtectionReport.evaluate(
      region: "ORD", instances: [Self.instance("i")],
      backups: [Self.backup("b", of: "i", .completed, hoursAgo: 1, size: 2.5)],
      volumes: volumes, snapshots: snapshots, now: Self.t0)
    #expect(rows.map(\.verdict) == [.neverBackedUp, .ageing, .protected])
    #expect(rows.map(\.name) == ["logs", "data", "i-db"])
    #expect(rows[1].count == 2 && rows[1].totalSize == 200)
    #expect(rows[2].totalSize == 2.5)
    #expect(rows[1].line(now: Self.t0) == "volume data (ORD): ageing, newest good 9d ago")
    #expect(rows.map(\.verdict.severity) == [.critical, .warning, .ok])
  }
}
