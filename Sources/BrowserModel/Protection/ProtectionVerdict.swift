import CloudClient
import Foundation

/// How long a newest good backup or snapshot may be before its database or volume counts as
/// ageing; twice that, and it is unprotected. Defaults: backups 26 h (a nightly job plus
/// slack), snapshots 8 days (a weekly one plus slack). `grace` is how long after its time a
/// scheduled backup may start before the run counts as missed; `offRegion` asks for a copy of
/// each instance's newest backup in another region.
///
/// Profiles set them as `protection: { backup: 26h, snapshot: 8d, grace: 1h, off_region: true }`.
public struct ProtectionThresholds: Sendable, Equatable {
  public var backup: TimeInterval
  public var snapshot: TimeInterval
  public var grace: TimeInterval
  public var offRegion: Bool

  public init(
    backup: TimeInterval = 26 * 3600, snapshot: TimeInterval = 8 * 86400,
    grace: TimeInterval = 3600, offRegion: Bool = false
  ) {
    self.backup = backup
    self.snapshot = snapshot
    self.grace = grace
    self.offRegion = offRegion
  }
}

/// Whether one database instance or volume is protected, worst first.
public enum ProtectionVerdict: Int, Sendable, Comparable, CaseIterable {
  /// No backup or snapshot at all.
  case neverBackedUp
  /// The newest job failed.
  case lastJobFailed
  /// A schedule's time plus the grace period passed with no new backup.
  case scheduleMissed
  /// The newest good copy is older than twice the threshold, or there is none.
  case unprotected
  /// The newest good copy is an incremental whose parent failed or is gone.
  case brokenChain
  /// The profile asks for off-region copies and the newest backup is in one region only.
  case noOffRegionCopy
  /// The newest good copy is older than the threshold.
  case ageing
  case protected

  public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }

  /// Red, amber or green: what a monitoring check exits with (2, 1, 0).
  public var severity: Severity {
    switch self {
    case .neverBackedUp, .lastJobFailed, .scheduleMissed, .unprotected: .critical
    case .brokenChain, .noOffRegionCopy, .ageing: .warning
    case .protected: .ok
    }
  }

  public enum Severity: Int, Sendable, Comparable {
    case ok, warning, critical
    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
  }

  /// The words an operator reads: "never backed up", "last job failed", ...
  public var words: String {
    switch self {
    case .neverBackedUp: "never backed up"
    case .lastJobFailed: "last job failed"
    case .scheduleMissed: "schedule missed"
    case .unprotected: "unprotected"
    case .brokenChain: "broken chain"
    case .noOffRegionCopy: "no off-region copy"
    case .ageing: "ageing"
    case .protected: "protected"
    }
  }
}

/// One database instance or volume and what protects it.
public struct ProtectionRow: Sendable, Equatable {
  public enum Kind: String, Sendable { case instance, volume }
  public var kind: Kind
  public var id: String
  public var name: String
  public var region: String
  public var verdict: ProtectionVerdict
  /// When the newest good backup or snapshot was taken.
  public var newestGood: Date?
  /// Backups or snapshots of it, in any state.
  public var count: Int
  /// GB held by its good copies.
  public var totalSize: Double
  /// Whether the newest good backup is incremental (snapshots: never).
  public var newestIsIncremental: Bool
  /// The instance's backup schedule, if the cloud has one for it.
  public var schedule: BackupSchedule? = nil
  /// The scheduled run that passed (plus grace) with no new backup.
  public var missedRun: Date? = nil

  /// One line for a person or a log: `instance orders-db (DFW): ageing, newest good 30h ago`.
  public func line(now: Date) -> String {
    var text = "\(kind.rawValue) \(name) (\(region)): \(verdict.words)"
    if let missedRun { text += ", no backup since the run due \(Formatting.iso8601(missedRun))" }
    if let newestGood { text += ", newest good \(Formatting.age(newestGood, now: now)) ago" }
    return text
  }
}

/// The verdicts for every instance and volume of one region, worst first (then the oldest
/// newest copy first, then by name).
public enum ProtectionReport {
  /// `schedules` nil: the cloud has no `/schedules`, so the thresholds alone decide.
  /// `elsewhere`: per instance ID, the newest good backup of it in any other region (only
  /// read when the thresholds ask for off-region copies).
  ///
  /// One pass over the backups and one over the snapshots, keyed by owner: the Protection
  /// view recomputes this after every refresh (200,000 backups within a frame).
  public static func evaluate(
    region: String, instances: [DatabaseInstance], backups: [Backup], volumes: [Volume],
    snapshots: [Snapshot], now: Date, thresholds: ProtectionThresholds = .init(),
    schedules: [BackupSchedule]? = nil, elsewhere: [String: Date] = [:]
  ) -> [ProtectionRow] {
    var instanceSlot: [String: Int] = [:]
    instanceSlot.reserveCapacity(instances.count)
    for (i, instance) in instances.enumerated() { instanceSlot[instance.id] = i }
    var tallies = [Tally](repeating: Tally(), count: instances.count)
    var backupsByID: [String: Int] = [:]
    for (index, backup) in backups.enumerated() {
      guard let owner = backup.instanceID, let slot = instanceSlot[owner] else { continue }
      tallies[slot].add(
        index: index, created: backup.created, good: backup.status == .completed,
        failed: backup.status == .failed, moving: backup.isInMotion, size: backup.size ?? 0)
    }
    // Chains are walked only for newest good backups that are incremental, so the ID index
    // is built only when one exists.
    let needsChains = tallies.contains { t in
      t.newestGood.map { backups[$0].parentID != nil } ?? false
    }
    if needsChains {
      backupsByID.reserveCapacity(backups.count)
      for (index, backup) in backups.enumerated() { backupsByID[backup.id] = index }
    }
    let scheduleByInstance = Dictionary(
      (schedules ?? []).map { ($0.instanceID, $0) }, uniquingKeysWith: { a, _ in a })
    var rows: [ProtectionRow] = []
    rows.reserveCapacity(instances.count + volumes.count)
    for (slot, instance) in instances.enumerated() {
      let tally = tallies[slot]
      rows.append(
        instanceRow(
          instance, region: region, tally: tally, newest: tally.newestGood.map { backups[$0] },
          chainIsWhole: { chainIsWhole($0, backups, backupsByID) },
          schedule: scheduleByInstance[instance.id], thresholds: thresholds, now: now,
          elsewhere: elsewhere[instance.id]))
    }
    var volumeSlot: [String: Int] = [:]
    volumeSlot.reserveCapacity(volumes.count)
    for (i, volume) in volumes.enumerated() { volumeSlot[volume.id] = i }
    var volumeTallies = [Tally](repeating: Tally(), count: volumes.count)
    for (index, snapshot) in snapshots.enumerated() {
      guard let slot = volumeSlot[snapshot.volumeID] else { continue }
      volumeTallies[slot].add(
        index: index, created: snapshot.created, good: snapshot.status == .available,
        failed: snapshot.status == .error, moving: snapshot.isInMotion,
        size: Double(snapshot.size ?? 0))
    }
    for (slot, volume) in volumes.enumerated() {
      let tally = volumeTallies[slot]
      let newest = tally.newestGood.map { snapshots[$0].created } ?? nil
      let verdict = verdictFor(
        jobCount: tally.count, newestGood: newest, newestFailed: tally.newestEndedFailed, now: now,
        threshold: thresholds.snapshot)
      rows.append(
        ProtectionRow(
          kind: .volume, id: volume.id, name: volume.name.isEmpty ? volume.id : volume.name,
          region: region, verdict: verdict, newestGood: newest, count: tally.count,
          totalSize: tally.goodSize, newestIsIncremental: false))
    }
    return rows.sorted(by: worstFirst)
  }

  /// Worst verdict first, then the oldest newest copy, then by name.
  public static func worstFirst(_ a: ProtectionRow, _ b: ProtectionRow) -> Bool {
    if a.verdict != b.verdict { return a.verdict < b.verdict }
    let x = a.newestGood ?? .distantPast
    let y = b.newestGood ?? .distantPast
    if x != y { return x < y }
    if a.name != b.name { return a.name < b.name }
    if a.region != b.region { return a.region < b.region }
    if a.kind != b.kind { return a.kind == .instance }
    return a.id < b.id
  }

  /// What one pass learns of one instance's backups or one volume's snapshots.
  struct Tally {
    var count = 0
    var goodSize = 0.0
    /// Index of the newest good one.
    var newestGood: Int?
    var newestGoodDate = Date.distantPast
    /// The newest job that ended, and whether it failed.
    var newestEndedDate = Date.distantPast
    var newestEndedFailed = false
    /// The newest job of any state (a scheduled run counts once it started).
    var newestStarted: Date?

    mutating func add(
      index: Int, created: Date?, good: Bool, failed: Bool, moving: Bool, size: Double
    ) {
      count += 1
      let date = created ?? .distantPast
      if good {
        goodSize += size
        if newestGood == nil || date > newestGoodDate {
          newestGood = index
          newestGoodDate = date
        }
      }
      if !moving, newestEndedDate == .distantPast || date > newestEndedDate {
        newestEndedDate = date
        newestEndedFailed = failed
      }
      if let created, created > (newestStarted ?? .distantPast) { newestStarted = created }
    }
  }

  /// One instance's row from what a pass over its backups learned: the one verdict logic of
  /// `evaluate` and of the Protection view's pass over the pane rows.
  static func instanceRow(
    _ instance: DatabaseInstance, region: String, tally: Tally, newest: Backup?,
    chainIsWhole: (Backup) -> Bool, schedule: BackupSchedule?, thresholds: ProtectionThresholds,
    now: Date, elsewhere: Date?
  ) -> ProtectionRow {
    var verdict = verdictFor(
      jobCount: tally.count, newestGood: newest?.created, newestFailed: tally.newestEndedFailed,
      now: now, threshold: thresholds.backup)
    var missed: Date?
    if let schedule, verdict > .scheduleMissed {
      missed = ScheduleTimes(schedule).missedRun(
        newestStarted: tally.newestStarted, now: now, grace: thresholds.grace)
      if missed != nil { verdict = .scheduleMissed }
    }
    if verdict > .brokenChain, let newest, newest.parentID != nil, !chainIsWhole(newest) {
      verdict = .brokenChain
    }
    if thresholds.offRegion, verdict > .noOffRegionCopy, let newestDate = newest?.created {
      let copied = elsewhere.map {
        $0 >= newestDate.addingTimeInterval(-thresholds.backup)
      }
      if copied != true { verdict = .noOffRegionCopy }
    }
    return ProtectionRow(
      kind: .instance, id: instance.id, name: instance.name, region: region, verdict: verdict,
      newestGood: newest?.created, count: tally.count, totalSize: tally.goodSize,
      newestIsIncremental: newest?.parentID != nil, schedule: schedule, missedRun: missed)
  }

  static func verdictFor(
    jobCount: Int, newestGood: Date?, newestFailed: Bool, now: Date, threshold: TimeInterval
  ) -> ProtectionVerdict {
    if jobCount == 0 { return .neverBackedUp }
    if newestFailed { return .lastJobFailed }
    guard let newestGood else { return .unprotected }
    let age = now.timeIntervalSince(newestGood)
    if age > 2 * threshold { return .unprotected }
    if age > threshold { return .ageing }
    return .protected
  }

  /// Whether every parent up the chain of an incremental backup exists and is COMPLETED.
  static func chainIsWhole(_ backup: Backup, _ backups: [Backup], _ byID: [String: Int]) -> Bool {
    var current = backup
    var seen: Set<String> = [backup.id]
    while let parentID = current.parentID {
      guard let i = byID[parentID], backups[i].status == .completed,
        seen.insert(parentID).inserted
      else { return false }
      current = backups[i]
    }
    return true
  }
}
