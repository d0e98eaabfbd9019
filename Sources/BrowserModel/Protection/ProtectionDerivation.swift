import CloudClient
import Foundation

/// The Protection view's rows, orphans and totals, derived from the four panes' rows.
///
/// One pass over each pane sorts its resources by region; then `ProtectionReport` does one
/// pass per region. Rows going away (`gone` marks) are left out.
public enum ProtectionDerivation {
  public struct Result: Sendable {
    public var rows: [ProtectionRow]
    public var orphans: [ProtectionOrphan]
    public var totals: [ProtectionTotal]
  }

  public static func derive(_ state: BrowserState) -> Result {
    let regions = state.watchedRegions
    var instances: [String: [DatabaseInstance]] = [:]
    var backups: [String: [Backup]] = [:]
    var volumes: [String: [Volume]] = [:]
    var snapshots: [String: [Snapshot]] = [:]
    // One plain loop per pane (a generic helper taking a closure crashed the 6.3.1
    // optimiser in release builds).
    for row in state.pane(.instances).rows where counts(row) {
      if case .instance(let value) = row.resource {
        instances[row.id.region, default: []].append(value)
      }
    }
    for row in state.pane(.backups).rows where counts(row) {
      if case .backup(let value) = row.resource {
        backups[row.id.region, default: []].append(value)
      }
    }
    for row in state.pane(.volumes).rows where counts(row) {
      if case .volume(let value) = row.resource {
        volumes[row.id.region, default: []].append(value)
      }
    }
    for row in state.pane(.snapshots).rows where counts(row) {
      if case .snapshot(let value) = row.resource {
        snapshots[row.id.region, default: []].append(value)
      }
    }
    let thresholds = state.protection.thresholds
    // Off-region copies: the newest good backup of each instance, per region.
    var newestByRegion: [String: [String: Date]] = [:]
    if thresholds.offRegion {
      for (region, list) in backups {
        var newest: [String: Date] = [:]
        for b in list where b.status == .completed {
          guard let owner = b.instanceID, let created = b.created else { continue }
          if created > newest[owner] ?? .distantPast { newest[owner] = created }
        }
        newestByRegion[region] = newest
      }
    }
    var rows: [ProtectionRow] = []
    var orphans: [ProtectionOrphan] = []
    var totals: [ProtectionTotal] = []
    for region in regions {
      var elsewhere: [String: Date] = [:]
      if thresholds.offRegion {
        for (other, newest) in newestByRegion where other != region {
          elsewhere.merge(newest) { max($0, $1) }
        }
      }
      let schedules: [BackupSchedule]? =
        state.protection.schedules[region] == .unsupported
        ? nil : state.protection.schedules(in: region)
      let regionRows = ProtectionReport.evaluate(
        region: region, instances: instances[region] ?? [], backups: backups[region] ?? [],
        volumes: volumes[region] ?? [], snapshots: snapshots[region] ?? [], now: state.now,
        thresholds: thresholds, schedules: schedules, elsewhere: elsewhere)
      rows += regionRows
      // Orphans only once both owner lists of the region were read.
      var regionOrphans: [ProtectionOrphan] = []
      if loaded(state.pane(.instances), region), loaded(state.pane(.volumes), region) {
        regionOrphans = ProtectionReport.orphans(
          region: region, instances: instances[region] ?? [], backups: backups[region] ?? [],
          volumes: volumes[region] ?? [], snapshots: snapshots[region] ?? [])
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
    rows.sort(by: ProtectionReport.worstFirst)
    return Result(rows: rows, orphans: orphans, totals: totals)
  }

  static func loaded(_ pane: PaneState, _ region: String) -> Bool {
    pane.lists[region]?.lastLoaded != nil
  }

  /// Rows going away and creates not yet confirmed are not part of the picture.
  static func counts(_ row: Row) -> Bool {
    row.change?.kind != .gone && row.pending != .creating
  }

}
