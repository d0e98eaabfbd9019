import CloudClient
import Foundation

/// The Protection view's rows, orphans and totals, derived from the four panes' rows.
///
/// The backups pane can hold 200,000 rows and this runs after every refresh while the view
/// is open, so its pass reads only what each row already caches for sorting (instance ID,
/// created, size, status) instead of copying every backup out of its row, and finds the
/// instance by a 64-bit key of the ID's bytes. Only the newest good backup of each instance
/// is looked into. Rows going away (`gone` marks) and unconfirmed creates are left out.
public enum ProtectionDerivation {
  public struct Result: Sendable {
    public var rows: [ProtectionRow]
    public var orphans: [ProtectionOrphan]
    public var totals: [ProtectionTotal]
  }

  public static func derive(_ state: BrowserState) -> Result {
    let regions = state.watchedRegions
    var instances: [String: [DatabaseInstance]] = [:]
    var volumes: [String: [Volume]] = [:]
    var snapshots: [String: [Snapshot]] = [:]
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
    for row in state.pane(.snapshots).rows where counts(row) {
      if case .snapshot(let value) = row.resource {
        snapshots[row.id.region, default: []].append(value)
      }
    }
    let backups = BackupPass(state.pane(.backups), regions: regions, instances: instances)
    let thresholds = state.protection.thresholds
    var rows: [ProtectionRow] = []
    var orphans: [ProtectionOrphan] = []
    var totals: [ProtectionTotal] = []
    for (r, region) in regions.enumerated() {
      let regionInstances = instances[region] ?? []
      var elsewhere: [String: Date] = [:]
      if thresholds.offRegion {
        for (o, other) in regions.enumerated() where o != r {
          for (slot, instance) in (instances[other] ?? []).enumerated() {
            guard let date = backups.newestGood(region: o, slot: slot)?.created else { continue }
            elsewhere[instance.id] = max(elsewhere[instance.id] ?? .distantPast, date)
          }
          // Copies of this region's instances kept in the other region show as its orphans.
          for index in backups.orphanRows[o] {
            guard let b = backups.pane.rows[index].resource.backup, b.status == .completed,
              let owner = b.instanceID, let created = b.created
            else { continue }
            elsewhere[owner] = max(elsewhere[owner] ?? .distantPast, created)
          }
        }
      }
      let schedules: [BackupSchedule]? =
        state.protection.schedules[region] == .unsupported
        ? nil : state.protection.schedules(in: region)
      let scheduleByInstance = Dictionary(
        (schedules ?? []).map { ($0.instanceID, $0) }, uniquingKeysWith: { a, _ in a })
      var regionRows: [ProtectionRow] = []
      for (slot, instance) in regionInstances.enumerated() {
        regionRows.append(
          ProtectionReport.instanceRow(
            instance, region: region, tally: backups.tallies[r][slot],
            newest: backups.newestGood(region: r, slot: slot),
            chainIsWhole: { backups.chainIsWhole($0, region: region) },
            schedule: scheduleByInstance[instance.id], thresholds: thresholds, now: state.now,
            elsewhere: elsewhere))
      }
      // Volumes by their snapshots: the report's own pass (volumes are few).
      regionRows += ProtectionReport.evaluate(
        region: region, instances: [], backups: [], volumes: volumes[region] ?? [],
        snapshots: snapshots[region] ?? [], now: state.now, thresholds: thresholds)
      rows += regionRows
      // Orphans only once both owner lists of the region were read.
      var regionOrphans: [ProtectionOrphan] = []
      if loaded(state.pane(.instances), region), loaded(state.pane(.volumes), region) {
        regionOrphans = ProtectionReport.orphans(
          region: region, instances: regionInstances,
          backups: backups.orphanRows[r].compactMap { backups.pane.rows[$0].resource.backup },
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
    // A backup of an instance that lives in another region in view is a copy, not an orphan.
    if regions.count > 1 {
      let everyInstance = Set(instances.values.flatMap { $0.map(\.id) })
      let copies = orphans.filter { $0.kind == .backup && everyInstance.contains($0.ownerID) }
      if !copies.isEmpty {
        orphans.removeAll { $0.kind == .backup && everyInstance.contains($0.ownerID) }
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

  static func loaded(_ pane: PaneState, _ region: String) -> Bool {
    pane.lists[region]?.lastLoaded != nil
  }

  /// Rows going away and creates not yet confirmed are not part of the picture.
  static func counts(_ row: Row) -> Bool {
    row.change?.kind != .gone && row.pending != .creating
  }
}

/// One pass over the backups pane: a tally per instance of each region in view, and the
/// rows whose instance is not listed.
struct BackupPass {
  let pane: PaneState
  /// Per region (in `regions` order), per instance (in the instances list's order).
  var tallies: [[ProtectionReport.Tally]]
  /// Rows of backups whose instance is not in their region's list.
  var orphanRows: [[Int]]

  init(_ pane: PaneState, regions: [String], instances: [String: [DatabaseInstance]]) {
    self.pane = pane
    tallies = regions.map {
      [ProtectionReport.Tally](repeating: .init(), count: instances[$0]?.count ?? 0)
    }
    orphanRows = regions.map { _ in [] }
    // Instance slots by key, per region; a key two IDs share is resolved by the full ID.
    var slotByKey: [OwnerTable] = []
    var ids: [[String]] = []
    for region in regions {
      let list = instances[region] ?? []
      var table = OwnerTable(capacity: list.count)
      for (slot, instance) in list.enumerated() { table.insert(Self.key(instance.id), slot) }
      slotByKey.append(table)
      ids.append(list.map(\.id))
    }
    let slots = PaneKind.backups.descriptor.sortSlots
    guard case .text(let owner)? = slots[.instance], case .number(let created)? = slots[.created],
      case .number(let size)? = slots[.size]
    else { return }
    let single = regions.count == 1 ? regions[0] : nil
    pane.rows.withUnsafeBufferPointer { rows in
      for index in rows.indices {
        if rows[index].change?.kind == .gone || rows[index].pending == .creating { continue }
        let r: Int
        if let single {
          guard rows[index].id.region == single else { continue }
          r = 0
        } else {
          guard let found = regions.firstIndex(of: rows[index].id.region) else { continue }
          r = found
        }
        let ownerID = rows[index].texts[owner]
        if ownerID.isEmpty { continue }
        var slot = slotByKey[r].find(Self.key(ownerID))
        if slot == -1 { slot = ids[r].firstIndex(of: ownerID) ?? -2 }
        guard slot >= 0, ids[r][slot] == ownerID else {
          orphanRows[r].append(index)
          continue
        }
        let status = rows[index].statusKey
        let seconds = rows[index].numbers[created]
        let gigabytes = rows[index].numbers[size]
        tallies[r][slot].add(
          index: index, created: seconds.isNaN ? nil : Date(timeIntervalSince1970: seconds),
          good: status == "completed", failed: status == "failed",
          moving: rows[index].resourceInMotion, size: gigabytes.isNaN ? 0 : gigabytes)
      }
    }
  }

  /// The newest good backup of an instance: the only one looked into.
  func newestGood(region r: Int, slot: Int) -> Backup? {
    tallies[r][slot].newestGood.flatMap { pane.rows[$0].resource.backup }
  }

  /// Whether every parent of an incremental backup is listed and COMPLETED (by the pane's
  /// own ID index, so no table of 200,000 IDs is built).
  func chainIsWhole(_ backup: Backup, region: String) -> Bool {
    var current = backup
    var seen: Set<String> = [backup.id]
    while let parentID = current.parentID {
      guard let parent = pane.row(RowID(region: region, id: parentID))?.resource.backup,
        parent.status == .completed, seen.insert(parentID).inserted
      else { return false }
      current = parent
    }
    return true
  }

  /// The first and last eight bytes of the ID and its length: UUIDs differ in both.
  static func key(_ id: String) -> UInt64 {
    if let key = id.utf8.withContiguousStorageIfAvailable({ key(UnsafeRawBufferPointer($0)) }) {
      return key
    }
    return Array(id.utf8).withUnsafeBytes { key($0) }
  }

  static func key(_ raw: UnsafeRawBufferPointer) -> UInt64 {
    guard raw.count >= 8 else {
      var value = UInt64(raw.count) << 56
      for (i, byte) in raw.enumerated() { value |= UInt64(byte) << (8 * UInt64(i)) }
      return value
    }
    let head = raw.loadUnaligned(as: UInt64.self)
    let tail = raw.loadUnaligned(fromByteOffset: raw.count - 8, as: UInt64.self)
    return (head &* 0x9E37_79B9_7F4A_7C15) ^ tail ^ UInt64(raw.count)
  }
}

/// Instance slots by 64-bit key: open addressing with a multiplicative hash, a few
/// nanoseconds a lookup where `Dictionary` spends tens on hashing (200,000 lookups a pass).
struct OwnerTable {
  private var keys: [UInt64]
  private var slots: [Int32]
  private let mask: Int

  init(capacity: Int) {
    var size = 16
    while size < capacity * 2 { size <<= 1 }
    keys = [UInt64](repeating: 0, count: size)
    slots = [Int32](repeating: -2, count: size)
    mask = size - 1
  }

  private func start(_ key: UInt64) -> Int {
    Int(truncatingIfNeeded: (key &* 0xFF51_AFD7_ED55_8CCD) >> 32) & mask
  }

  /// A key inserted twice maps to -1 (ambiguous: look the ID up in full).
  mutating func insert(_ key: UInt64, _ slot: Int) {
    var i = start(key)
    while slots[i] != -2 {
      if keys[i] == key {
        slots[i] = -1
        return
      }
      i = (i + 1) & mask
    }
    keys[i] = key
    slots[i] = Int32(slot)
  }

  /// The slot, -1 when ambiguous, -2 when absent.
  func find(_ key: UInt64) -> Int {
    var i = start(key)
    while slots[i] != -2 {
      if keys[i] == key { return Int(slots[i]) }
      i = (i + 1) & mask
    }
    return -2
  }
}
