import CloudClient
import Foundation

/// An incremental backup's family: its parents up to the full backup, and every backup built
/// on it. Trove deletes a parent's children with it, and a child whose parent failed or is
/// gone cannot be restored, so both matter before a delete or a restore.
public struct BackupChain: Sendable, Equatable {
  /// One backup of the chain.
  public struct Link: Sendable, Equatable {
    public var id: RowID
    public var name: String
    public var status: BackupStatus
    public var created: Date?
    /// Steps below the chain's oldest listed parent (0 for it).
    public var depth: Int
  }

  /// Parents, oldest (the full backup) first; empty for a full backup.
  public var ancestors: [Link]
  /// The backup itself.
  public var this: Link
  /// Children and their children, depth first, in creation order.
  public var descendants: [Link]
  /// The parent ID the chain names but the list does not have (deleted, or never seen).
  public var missingParent: String?

  /// Why the chain is broken (a parent FAILED or gone), or nil.
  public var brokenReason: String? {
    if let missingParent { return "parent \(missingParent) is gone" }
    if let failed = ancestors.last(where: { $0.status == .failed }) {
      return "parent \(failed.name.isEmpty ? failed.id.id : failed.name) is FAILED"
    }
    return nil
  }

  /// True when the backup is part of a chain at all.
  public var isChained: Bool { !ancestors.isEmpty || !descendants.isEmpty || missingParent != nil }

  /// The chain of a backup of the Backups pane, nil when it is not listed. Parents are found
  /// by ID and children by the pane's family index: the cost is the chain's, not the pane's.
  public static func of(_ id: RowID, in pane: PaneState) -> BackupChain? {
    guard let backup = listed(id, in: pane) else { return nil }
    var ancestors: [Backup] = []
    var missing: String?
    var seen: Set<String> = [backup.id]
    var next = backup.parentID
    while let parentID = next {
      guard let parent = listed(RowID(region: id.region, id: parentID), in: pane) else {
        missing = parentID
        break
      }
      // A cycle is a server bug; stop rather than loop.
      guard seen.insert(parentID).inserted else { break }
      ancestors.insert(parent, at: 0)
      next = parent.parentID
    }
    var descendants: [Link] = []
    func walk(_ parent: RowID, depth: Int) {
      let kids = (pane.families.children[parent] ?? []).compactMap { listed($0, in: pane) }
        .sorted { ($0.created ?? .distantPast, $0.id) < ($1.created ?? .distantPast, $1.id) }
      for kid in kids where seen.insert(kid.id).inserted {
        descendants.append(link(kid, region: id.region, depth: depth))
        walk(RowID(region: id.region, id: kid.id), depth: depth + 1)
      }
    }
    let ownDepth = ancestors.count
    walk(id, depth: ownDepth + 1)
    return BackupChain(
      ancestors: ancestors.enumerated().map { link($1, region: id.region, depth: $0) },
      this: link(backup, region: id.region, depth: ownDepth), descendants: descendants,
      missingParent: missing)
  }

  /// Every backup that goes with `ids` when they are deleted (their children, and theirs),
  /// leaving out `ids` themselves.
  public static func dependants(of ids: [RowID], in pane: PaneState) -> Set<RowID> {
    let asked = Set(ids)
    var found: Set<RowID> = []
    for id in ids {
      for link in of(id, in: pane)?.descendants ?? [] where !asked.contains(link.id) {
        found.insert(link.id)
      }
    }
    return found
  }

  /// The backup of a row still listed (not gone).
  private static func listed(_ id: RowID, in pane: PaneState) -> Backup? {
    guard let row = pane.row(id), row.change?.kind != .gone else { return nil }
    return row.resource.backup
  }

  private static func link(_ value: Backup, region: String, depth: Int) -> Link {
    Link(
      id: RowID(region: region, id: value.id), name: value.name, status: value.status,
      created: value.created, depth: depth)
  }
}
