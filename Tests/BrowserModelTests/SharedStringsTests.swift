import CloudClient
import Foundation
import Testing

@testable import BrowserModel

@Suite("Strings many rows repeat are kept once")
struct SharedStringsTests {
  /// Where a string's bytes live: equal addresses mean one shared copy.
  func storage(_ string: String) -> UnsafeRawPointer? {
    string.utf8.withContiguousStorageIfAvailable { UnsafeRawPointer($0.baseAddress) } ?? nil
  }

  /// A fresh heap copy of `text`, as each decoded item brings its own.
  func decoded(_ text: String) -> String { String(decoding: Array(text.utf8), as: UTF8.self) }

  @Test(
    "backups of one instance share its ID, project, datastore version and a repeated description")
  func rowsShareRepeatedIDs() {
    let instance = "0b5a2f1e-6c1d-4b7e-9d2a-3f4e5a6b7c8d"
    let rows = (0..<3).map { n in
      var backup = Backup(
        id: decoded("aaaaaaaa-0000-0000-0000-00000000000\(n)"), name: "nightly-\(n)",
        status: .completed)
      backup.instanceID = decoded(instance)
      backup.description = decoded("Automated backup by the daily schedule")
      backup.projectID = decoded("6f70656e737461636b70726f6a656374")
      backup.datastore = Datastore(
        type: "mysql", version: "8.0", versionID: decoded("d1c2b3a4-0000-4000-8000-000000000001"))
      return Row(region: "DFW", resource: Resource.backup(backup).sanitized())
    }
    func backup(_ row: Row) -> Backup {
      guard case .backup(let b) = row.resource else { fatalError("not a backup") }
      return b
    }
    #expect(backup(rows[0]).instanceID == instance)
    #expect(storage(backup(rows[0]).instanceID!) == storage(backup(rows[2]).instanceID!))
    #expect(storage(backup(rows[0]).projectID!) == storage(backup(rows[1]).projectID!))
    #expect(
      storage(backup(rows[0]).datastore!.versionID!)
        == storage(backup(rows[1]).datastore!.versionID!))
    #expect(
      storage(backup(rows[0]).description!) == storage(backup(rows[2]).description!))
  }

  @Test("a hostile value is made safe before it is shared, and the table stops at its capacity")
  func safeAndBounded() {
    let table = SharedStrings(capacity: 3)
    for n in 0..<10 { _ = table.share("volume-0000-0000-0000-\(n)") }
    #expect(table.count == 3)
    let late = decoded("volume-0000-0000-0000-9")
    #expect(table.share(late) == late, "past the capacity a string passes through as it is")
    #expect(table.share("short") == "short" && table.count == 3, "short strings are not held")

    var snapshot = Snapshot(
      id: "s1", name: "n", volumeID: "vol-\u{1B}[2J-0000-0000-0000-000000", status: .available,
      size: 1)
    snapshot.metadata = ["k": "v"]
    guard case .snapshot(let safe) = Resource.snapshot(snapshot).sanitized() else { return }
    #expect(!safe.volumeID.contains("\u{1B}"))
  }

  @Test("a lower-case sort key shares the value's storage; a mixed-case one is lowered")
  func sortKeysShareLowerCaseValues() {
    let lower = decoded("0b5a2f1e-6c1d-4b7e-9d2a-3f4e5a6b7c8d")
    let row = Row(
      region: "DFW",
      resource: .backup(Backup(id: "b1", name: "n", instanceID: lower, status: .completed)))
    #expect(row.text(0) == lower)  // the instance column's key
    #expect(storage(row.text(0)) == storage(lower))
    let mixed = Row(
      region: "DFW",
      resource: .backup(
        Backup(id: "b2", name: "n", instanceID: "0B5A2F1E-6C1D-4B7E", status: .completed)))
    #expect(mixed.text(0) == "0b5a2f1e-6c1d-4b7e")
  }
}
