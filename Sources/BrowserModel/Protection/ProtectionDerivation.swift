import CloudClient
import Foundation

/// The Protection view's rows, orphans and totals, derived from the four panes' rows.
///
/// The backups pane can hold 200,000 rows and the view recomputes after every refresh, so
/// the backups and snapshots are read through tallies per instance and volume
/// (`OwnerTallies`): `derive` counts the panes afresh (the full pass), `update` brings the
/// tallies kept in the view up to date from the panes' change logs, in the time of the
/// changes. Both then evaluate every instance and volume from the tallies the same way
/// (`assemble`), so their results are equal by construction of the tallies. Rows going away
/// (`gone` marks) and unconfirmed creates are left out. Instances and volumes are matched to
/// their backups and snapshots by lower-cased ID (rows keep owner IDs lower-cased).
public enum ProtectionDerivation {
  public struct Result: Sendable, Equatable {
    public var rows: [ProtectionRow]
    public var orphans: [ProtectionOrphan]
    public var totals: [ProtectionTotal]
  }

  /// The full pass: counts the backups and snapshots panes afresh.
  public static func derive(_ state: BrowserState) -> Result {
    assemble(
      state, backups: OwnerTallies(counting: state.pane(.backups), .backups),
      snapshots: OwnerTallies(counting: state.pane(.snapshots), .snapshots))
  }

  /// What the view runs after a change: the tallies it keeps take the panes' logged
  /// changes (a pane is counted afresh only when its log lost track, or on the first run),
  /// and the logs restart. The result equals `derive`'s.
  public static func update(_ state: inout BrowserState) -> Result {
    // Taken out of the state while they change, and given back after the logs restart:
    // held twice, each change would copy an owner's members (or every owner's).
    var keptBackups = state.protection.backupTallies
    var keptSnapshots = state.protection.snapshotTallies
    state.protection.backupTallies = nil
    state.protection.snapshotTallies = nil
    let backups = upToDate(&keptBackups, state.pane(.backups), .backups)
    let snapshots = upToDate(&keptSnapshots, state.pane(.snapshots), .snapshots)
    state.withPane(.backups) { $0.ownerLog.restart() }
    state.withPane(.snapshots) { $0.ownerLog.restart() }
    state.protection.backupTallies = backups
    state.protection.snapshotTallies = snapshots
    return assemble(state, backups: backups, snapshots: snapshots)
  }

  /// The kept tallies with the pane's logged changes applied (in place), or the pane
  /// counted afresh when there are none or the log lost track.
  private static func upToDate(
    _ kept: inout OwnerTallies?, _ pane: PaneState, _ slots: OwnerShare.Slots
  ) -> OwnerTallies {
    if !pane.ownerLog.lost, kept?.apply(pane.ownerLog.entries, pane: pane) == true,
      let kept
    {
      return kept
    }
    return OwnerTallies(counting: pane, slots)
  }

  /// Every instance and volume of the regions in view, evaluated from the tallies (time
  /// enters only here, so ageing and missed schedules cost O(instances + volumes)).
  static func assemble(
    _ state: BrowserState, backups: OwnerTallies, snapshots: OwnerTallies
  ) -> Result {
    let regions = state.watchedRegions
    var instances: [String: [DatabaseInstance]] = [:]
    var volumes: [String: [Volume]] = [:]
    // One plain loop per pane (a generic helper taking a closure crashed the 6.3.1
    // optimiser in release builds).
    for row in state.pane(.instances).rows where counts(row) {
      if case .instance(let value) = row.resource {
        instances[row.id.region, default: []].append(value)
      }
    }
    for row in state.pane(.volumes).rows where counts(row) {
      if case .volume(let value) = row.resource {
        volumes[row.id.region, default: []].append(value)
      }
    }
    let backupPane = state.pane(.backups)
    let snapshotPane = state.pane(.snapshots)
    let thresholds = state.protection.thresholds
    var rows: [ProtectionRow] = []
    var orphans: [ProtectionOrphan] = []
    var totals: [ProtectionTotal] = []
    for region in regions {
      let regionInstances = instances[region] ?? []
      let regionVolumes = volumes[region] ?? []
      // The newest good backup of each instance in the other regions in view (its copies).
      var elsewhere: [String: Double] = [:]
      if thresholds.offRegion {
        for other in regions where other != region {
          for slot in backups.slots(in: other) {
            let tally = backups.tallies[slot]
            guard tally.newestGoodID != nil, tally.newestGoodDate.isFinite else { continue }
            let owner = backups.owners[slot].id
            elsewhere[owner] = max(elsewhere[owner] ?? -.infinity, tally.newestGoodDate)
          }
        }
      }
      let schedules: [BackupSchedule]? =
        state.protection.schedules[region] == .unsupported
        ? nil : state.protection.schedules(in: region)
      let scheduleByInstance = Dictionary(
        (schedules ?? []).map { ($0.instanceID, $0) }, uniquingKeysWith: { a, _ in a })
      var regionRows: [ProtectionRow] = []
      regionRows.reserveCapacity(regionInstances.count + regionVolumes.count)
      // Lower-cased once: the tallies' keys, and the orphans' test below.
      let instanceKeys = regionInstances.map { $0.id.lowercased() }
      for (instance, key) in zip(regionInstances, instanceKeys) {
        let tally = backups.tally(region: region, owner: key)
        // By position: `row(_:)` would copy the whole row, not only its backup.
        let newest = tally.newestGoodID.flatMap {
          backupPane.position(of: RowID(region: region, id: $0)).flatMap {
            backupPane.rows[$0].resource.backup
          }
        }
        regionRows.append(
          ProtectionReport.instanceRow(
            instance, region: region, tally: tally.report, newest: newest,
            chainIsWhole: { chainIsWhole($0, region: region, backupPane) },
            schedule: scheduleByInstance[instance.id], thresholds: thresholds, now: state.now,
            elsewhere: elsewhere[key].map { Date(timeIntervalSince1970: $0) }))
      }
      for volume in regionVolumes {
        let tally = snapshots.tally(region: region, owner: volume.id.lowercased())
        let newest = tally.newestGoodCreated
        let verdict = ProtectionReport.verdictFor(
          jobCount: tally.count, newestGood: newest, newestFailed: tally.newestEndedFailed,
          now: state.now, threshold: thresholds.snapshot)
        regionRows.append(
          ProtectionRow(
            kind: .volume, id: volume.id, name: volume.name.isEmpty ? volume.id : volume.name,
            region: region, verdict: verdict, newestGood: newest, count: tally.count,
            totalSize: tally.goodSize, newestIsIncremental: false))
      }
      rows += regionRows
      // Orphans only once both owner lists of the region were read.
      var regionOrphans: [ProtectionOrphan] = []
      if loaded(state.pane(.instances), region), loaded(state.pane(.volumes), region) {
        regionOrphans = Self.orphans(
          region: region, backups: backups, backupPane,
          instanceKeys: Set(instanceKeys), snapshots: snapshots,
          snapshotPane, volumeKeys: Set(regionVolumes.map { $0.id.lowercased() }))
      }
      orphans += regionOrphans
      var total = ProtectionTotal(region: region)
      for row in regionRows {
        if row.kind == .instance {
          total.backupGB += row.totalSize
        } else {
          total.snapshotGB += row.totalSize
        }
      }
      total.orphanGB = regionOrphans.reduce(0) { $0 + $1.size }
      totals.append(total)
    }
    rows = worstFirst(rows)
    // A backup of an instance that lives in another region in view is a copy, not an orphan.
    if regions.count > 1 {
      let everyInstance = Set(instances.values.flatMap { $0.map { $0.id.lowercased() } })
      func isCopy(_ orphan: ProtectionOrphan) -> Bool {
        orphan.kind == .backup && everyInstance.contains(orphan.ownerID.lowercased())
      }
      let copies = orphans.filter(isCopy)
      if !copies.isEmpty {
        orphans.removeAll(where: isCopy)
        for copy in copies {
          if let t = totals.firstIndex(where: { $0.region == copy.region }) {
            totals[t].orphanGB -= copy.size
            totals[t].backupGB += copy.size
          }
        }
      }
    }
    return Result(rows: rows, orphans: orphans, totals: totals)
  }

  /// The rows in `ProtectionReport.worstFirst` order. Sorting the rows themselves moved
  /// thousands of ~200-byte values many times (half of an incremental recompute): their
  /// positions are sorted instead, by verdict and date first, and the rows placed once.
  static func worstFirst(_ rows: [ProtectionRow]) -> [ProtectionRow] {
    struct Key {
      var verdict: Int
      var newest: Double
      var index: Int
    }
    var keys: [Key] = []
    keys.reserveCapacity(rows.count)
    for (index, row) in rows.enumerated() {
      let newest = (row.newestGood ?? .distantPast).timeIntervalSinceReferenceDate
      keys.append(Key(verdict: row.verdict.rawValue, newest: newest, index: index))
    }
    keys.sort { a, b in
      if a.verdict != b.verdict { return a.verdict < b.verdict }
      if a.newest != b.newest { return a.newest < b.newest }
      return ProtectionReport.worstFirst(rows[a.index], rows[b.index])
    }
    var sorted: [ProtectionRow] = []
    sorted.reserveCapacity(rows.count)
    for key in keys { sorted.append(rows[key.index]) }
    return sorted
  }

  /// The counted backups (snapshots) of a region whose instance (volume) is not listed,
  /// oldest first.
  static func orphans(
    region: String, backups: OwnerTallies, _ backupPane: PaneState, instanceKeys: Set<String>,
    snapshots: OwnerTallies, _ snapshotPane: PaneState, volumeKeys: Set<String>
  ) -> [ProtectionOrphan] {
    var found: [ProtectionOrphan] = []
    for slot in backups.slots(in: region) where !instanceKeys.contains(backups.owners[slot].id) {
      for member in backups.members[slot] where member.counted {
        guard let row = backupPane.row(RowID(region: region, id: member.id)), counts(row),
          let backup = row.resource.backup, let owner = backup.instanceID
        else { continue }
        found.append(
          ProtectionOrphan(
            kind: .backup, id: backup.id, name: backup.name, region: region, ownerID: owner,
            size: backup.size ?? 0, created: backup.created))
      }
    }
    for slot in snapshots.slots(in: region)
    where !volumeKeys.contains(snapshots.owners[slot].id) {
      for member in snapshots.members[slot] where member.counted {
        guard let row = snapshotPane.row(RowID(region: region, id: member.id)), counts(row),
          let snapshot = row.resource.snapshot
        else { continue }
        found.append(
          ProtectionOrphan(
            kind: .snapshot, id: snapshot.id, name: snapshot.name, region: region,
            ownerID: snapshot.volumeID, size: Double(snapshot.size ?? 0),
            created: snapshot.created))
      }
    }
    return found.sorted(by: ProtectionOrphan.oldestFirst)
  }

  /// Whether every parent of an incremental backup is listed and COMPLETED (by the pane's
  /// own ID index, so no table of 200,000 IDs is built).
  static func chainIsWhole(_ backup: Backup, region: String, _ pane: PaneState) -> Bool {
    var current = backup
    var seen: Set<String> = [backup.id]
    while let parentID = current.parentID {
      // By position: `row(_:)` would copy the whole row, not only its backup.
      guard let index = pane.position(of: RowID(region: region, id: parentID)),
        let parent = pane.rows[index].resource.backup,
        parent.status == .completed, seen.insert(parentID).inserted
      else { return false }
      current = parent
    }
    return true
  }

  static func loaded(_ pane: PaneState, _ region: String) -> Bool {
    pane.lists[region]?.lastLoaded != nil
  }

  /// Rows going away and creates not yet confirmed are not part of the picture.
  static func counts(_ row: Row) -> Bool {
    row.change?.kind != .gone && row.pending != .creating
  }
}
