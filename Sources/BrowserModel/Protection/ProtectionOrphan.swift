import CloudClient
import Foundation

/// A backup whose instance is gone, or a snapshot whose volume is gone: it still costs
/// storage, and nothing in the other panes says whose it was.
public struct ProtectionOrphan: Sendable, Equatable {
  public enum Kind: String, Sendable { case backup, snapshot }
  public var kind: Kind
  public var id: String
  public var name: String
  public var region: String
  /// The instance or volume it was taken of.
  public var ownerID: String
  public var size: Double
  public var created: Date?

  /// `orphan backup legacy-db-final (DFW): instance 7c1e… is gone, 4.2 GB`.
  public var line: String {
    let owner = kind == .backup ? "instance" : "volume"
    return
      "orphan \(kind.rawValue) \(name.isEmpty ? id : name) (\(region)): \(owner) \(ownerID) is gone, \(Formatting.totalSize(size))"
  }
}

/// GB held per region: by backups, by snapshots, and by orphans of either.
public struct ProtectionTotal: Sendable, Equatable {
  public var region: String
  public var backupGB: Double = 0
  public var snapshotGB: Double = 0
  public var orphanGB: Double = 0
}

extension ProtectionReport {
  /// Orphans of one region, oldest first. Only meaningful once the instance and volume
  /// lists of that region have been read (else every backup would look orphaned).
  public static func orphans(
    region: String, instances: [DatabaseInstance], backups: [Backup], volumes: [Volume],
    snapshots: [Snapshot]
  ) -> [ProtectionOrphan] {
    let instanceIDs = Set(instances.map(\.id))
    let volumeIDs = Set(volumes.map(\.id))
    var found: [ProtectionOrphan] = []
    for backup in backups {
      guard let owner = backup.instanceID, !instanceIDs.contains(owner) else { continue }
      found.append(
        ProtectionOrphan(
          kind: .backup, id: backup.id, name: backup.name, region: region, ownerID: owner,
          size: backup.size ?? 0, created: backup.created))
    }
    for snapshot in snapshots where !volumeIDs.contains(snapshot.volumeID) {
      found.append(
        ProtectionOrphan(
          kind: .snapshot, id: snapshot.id, name: snapshot.name, region: region,
          ownerID: snapshot.volumeID, size: Double(snapshot.size ?? 0), created: snapshot.created))
    }
    return found.sorted(by: ProtectionOrphan.oldestFirst)
  }
}

extension ProtectionOrphan {
  /// Oldest first; ties by kind and ID, so the order does not depend on the lists' order.
  static func oldestFirst(_ a: ProtectionOrphan, _ b: ProtectionOrphan) -> Bool {
    let x = a.created ?? .distantPast
    let y = b.created ?? .distantPast
    if x != y { return x < y }
    if a.kind != b.kind { return a.kind == .backup }
    return a.id < b.id
  }
}
