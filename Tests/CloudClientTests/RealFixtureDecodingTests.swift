import Foundation
import Testing

@testable import CloudClient

/// Every body captured from real Cinder 29 and Trove 26 decodes into the right value.
@Suite("Decoding real server bodies")
struct RealFixtureDecodingTests {
  /// How one real file is read.
  enum Shape {
    case snapshot, snapshotPage, volume, volumePage, backup, backupPage, instance,
      instancePage, versions, error, empty
  }

  static func shape(of path: String) -> Shape? {
    let name = (path as NSString).lastPathComponent
    if name.hasSuffix(".txt") { return .empty }
    if name.hasPrefix("error-") || name == "backups-datastore-unknown.json" { return .error }
    if name == "versions.json" || name == "v3-root.json" { return .versions }
    if name.hasPrefix("snapshots") { return .snapshotPage }
    if name.hasPrefix("snapshot-") { return .snapshot }
    if name.hasPrefix("volumes") { return .volumePage }
    if name.hasPrefix("volume-") { return .volume }
    if name.hasPrefix("backups") || name == "instance-backups.json" { return .backupPage }
    if name.hasPrefix("backup-") { return .backup }
    if name.hasPrefix("instances") { return .instancePage }
    if name.hasPrefix("instance-") { return .instance }
    return nil
  }

  @Test("every file in fixtures/real decodes as its kind", arguments: try Fixtures.realFiles())
  func decodesEveryRealFile(path: String) throws {
    let data = try Fixtures.data(path)
    let shape = try #require(Self.shape(of: path), "no decoding rule for \(path)")
    let decoder = JSONDecoder()
    switch shape {
    case .snapshot:
      let value = try decoder.decode(SnapshotWire.One.self, from: data).snapshot.value
      #expect(!value.id.isEmpty && !value.volumeID.isEmpty && (value.size ?? 0) > 0)
      #expect(value.created != nil)
      #expect(value.status != .other(""))
    case .snapshotPage:
      let page = try decoder.decode(SnapshotWire.Page.self, from: data)
      #expect(page.items.allSatisfy { !$0.id.isEmpty && $0.created != nil })
    case .volume:
      let value = try decoder.decode(VolumeWire.One.self, from: data).volume.value
      #expect(!value.id.isEmpty && value.size > 0 && value.created != nil)
    case .volumePage:
      let page = try decoder.decode(VolumeWire.Page.self, from: data)
      #expect(!page.items.isEmpty)
    case .backup:
      let value = try decoder.decode(BackupWire.One.self, from: data).backup.value
      #expect(!value.id.isEmpty && !value.name.isEmpty && value.created != nil)
      #expect(value.datastore?.type == "mysql")
    case .backupPage:
      let page = try decoder.decode(BackupWire.Page.self, from: data)
      #expect(page.items.allSatisfy { !$0.id.isEmpty && $0.created != nil })
    case .instance:
      let value = try decoder.decode(InstanceWire.One.self, from: data).instance.value
      #expect(!value.id.isEmpty && value.volumeSize != nil)
    case .instancePage:
      let page = try decoder.decode(InstanceWire.Page.self, from: data)
      #expect(!page.items.isEmpty)
    case .versions:
      #expect(try JSONSerialization.jsonObject(with: data) is [String: Any])
    case .error:
      let body = try #require(ErrorBody(data))
      #expect(!(body.message ?? "").isEmpty)
    case .empty:
      #expect(data.isEmpty)
      #expect(ErrorBody(data) == nil)
    }
  }

  @Test("v3 snapshot detail: name, progress as a number, project, no-zone dates are UTC")
  func snapshotDetailFields() throws {
    let page = try JSONDecoder().decode(
      SnapshotWire.Page.self, from: Fixtures.data("real/cinder-29/snapshots-detail-page1.json"))
    let first = try #require(page.items.first)
    #expect(first.name == "evil\u{1b}[31mRED\u{1b}[0m\nline2")
    #expect(first.progress == 100)
    #expect(first.projectID == "6f70656e737461636b70726f6a656374")
    let expected = Fixtures.utc(2026, 11, 23, 8, 2, 56, 0.585537)
    #expect(abs((first.created ?? .distantPast).timeIntervalSince(expected)) < 0.000_01)
    #expect(page.next?.contains("marker=cac6cde1-3cda-4f59-8ce4-f6d738046cbb") == true)
  }

  @Test("a snapshot right after create is creating at 0% with a null updated_at")
  func snapshotCreating() throws {
    let value = try JSONDecoder().decode(
      SnapshotWire.One.self, from: Fixtures.data("real/cinder-29/snapshot-show-creating.json")
    ).snapshot.value
    #expect(value.status == .creating)
    #expect(value.progress == 0)
    #expect(value.updated == nil)
    #expect(value.isInMotion)
  }

  @Test("the empty last snapshot page has no next link")
  func lastPage() throws {
    let page = try JSONDecoder().decode(
      SnapshotWire.Page.self, from: Fixtures.data("real/cinder-29/snapshots-detail-page3.json"))
    #expect(page.items.isEmpty)
    #expect(page.next == nil)
  }

  @Test("volumes: bootable string false, names")
  func volumes() throws {
    let page = try JSONDecoder().decode(
      VolumeWire.Page.self, from: Fixtures.data("real/cinder-29/volumes-detail.json"))
    #expect(page.items.count == 3)
    #expect(page.items.allSatisfy { !$0.bootable })
    #expect(page.items.contains { $0.name == "データ-vol ✓" })
  }

  @Test("Trove backups: null size while NEW, float size when COMPLETED, https next link")
  func backups() throws {
    let new = try JSONDecoder().decode(
      BackupWire.One.self, from: Fixtures.data("real/trove-26/backup-create.json")
    ).backup.value
    #expect(new.status == .new && new.size == nil && new.locationRef == nil)
    let done = try JSONDecoder().decode(
      BackupWire.One.self, from: Fixtures.data("real/trove-26/backup-show-completed.json")
    ).backup.value
    #expect(done.status == .completed && done.size == 0.14)
    #expect(done.created == Fixtures.utc(2026, 11, 23, 8, 3, 29))
    #expect(
      done.datastore
        == Datastore(
          type: "mysql", version: "8.0",
          versionID: "efcd1f2b-bdd9-475c-8fab-8fc19c1d0027"))
    let page = try JSONDecoder().decode(
      BackupWire.Page.self, from: Fixtures.data("real/trove-26/backups-page1.json"))
    #expect(page.items.count == 1)
    #expect(page.next?.hasPrefix("https://") == true)
    let incremental = try JSONDecoder().decode(
      BackupWire.One.self,
      from: Fixtures.data("real/trove-26/backup-show-incremental-completed.json")
    ).backup.value
    #expect(incremental.parentID == "a4fa12eb-9b2e-46c3-afda-b6b233cf8f92")
  }

  @Test("instances: status BACKUP while a backup runs, flavor and volume size")
  func instances() throws {
    let page = try JSONDecoder().decode(
      InstanceWire.Page.self, from: Fixtures.data("real/trove-26/instances.json"))
    #expect(page.items.map(\.status) == ["ACTIVE", "BACKUP"])
    #expect(page.items[0].acceptsBackup && !page.items[1].acceptsBackup)
    #expect(page.items[0].flavorID == "2" && page.items[0].volumeSize == 2)
  }

  @Test("the Cinder version document yields maximum microversion 3.71")
  func versions() throws {
    #expect(Microversions.maximum(in: try Fixtures.data("real/cinder-29/v3-root.json")) == "3.71")
    #expect(Microversions.maximum(in: try Fixtures.data("real/cinder-29/versions.json")) == "3.71")
    #expect(Microversions.maximum(in: try Fixtures.data("real/trove-26/versions.json")) == nil)
  }
}
