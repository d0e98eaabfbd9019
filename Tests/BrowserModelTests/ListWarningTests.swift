import CloudClient
import Foundation
import Testing

@testable import BrowserModel

/// A list with unreadable items still shows the rest, and the message line says what was
/// left out (issue 13.9).
@Suite("List warnings")
struct ListWarningTests {
  /// Lists two snapshots and reports one it could not read, as `CloudSession` does.
  struct PartialCloud: CloudService {
    struct Unused: Error {}
    func regions() async throws -> [String] { ["ORD"] }
    func listBackups(region: String) async throws -> [Backup] { [] }
    func listSnapshots(region: String) async throws -> [Snapshot] {
      ListReport.current?.record(unreadable: 1)
      return [
        Snapshot(id: "s1", name: "one", volumeID: "v1", status: .available, size: nil),
        Snapshot(id: "s3", name: "three", volumeID: "v1", status: .available, size: 3),
      ]
    }
    func listInstances(region: String) async throws -> [DatabaseInstance] { [] }
    func listVolumes(region: String) async throws -> [Volume] { [] }
    func backup(id: String, region: String) async throws -> Backup { throw Unused() }
    func snapshot(id: String, region: String) async throws -> Snapshot { throw Unused() }
    func createBackup(_ request: BackupCreateRequest, region: String) async throws -> Backup {
      throw Unused()
    }
    func deleteBackup(id: String, region: String) async throws { throw Unused() }
    func createSnapshot(_ request: SnapshotCreateRequest, region: String) async throws -> Snapshot {
      throw Unused()
    }
    func updateSnapshot(id: String, _ request: SnapshotUpdateRequest, region: String) async throws
      -> Snapshot
    {
      throw Unused()
    }
    func deleteSnapshot(id: String, region: String) async throws { throw Unused() }
  }

  @Test("the rows that were read are loaded and the message line says one was left out")
  func partialList() async {
    let runner = EffectRunner(service: PartialCloud(), now: { Fixtures.t0 })
    let actions = await runner.actions(for: .load(.snapshots, region: "ORD"))
    #expect(actions.count == 2)
    guard case .listUpdated(.snapshots, "ORD", _, _) = actions.first else {
      Issue.record("unexpected \(actions)")
      return
    }
    guard case .notify(.error, let text) = actions.last else {
      Issue.record("no warning in \(actions)")
      return
    }
    #expect(text == "1 item could not be read")
    // A list read in full says nothing more.
    let volumes = await runner.actions(for: .load(.volumes, region: "ORD"))
    #expect(volumes.count == 1)
  }

  @Test("a refresh that finds the same items unreadable does not say it again")
  func warningOnce() async {
    let runner = EffectRunner(service: PartialCloud(), now: { Fixtures.t0 })
    let first = await runner.actions(for: .load(.snapshots, region: "ORD"))
    let again = await runner.actions(for: .load(.snapshots, region: "ORD"))
    let elsewhere = await runner.actions(for: .load(.snapshots, region: "DFW"))
    #expect(first.count == 2)
    #expect(again.count == 1)  // the list only: the message line is not flashed anew
    #expect(elsewhere.count == 2)  // another list's warning is its own
  }
}
