import CloudClient
import Foundation

/// How long a newest good backup or snapshot may be before its database or volume counts as
/// ageing; twice that, and it is unprotected. Defaults: backups 26 h (a nightly job plus
/// slack), snapshots 8 days (a weekly one plus slack).
public struct ProtectionThresholds: Sendable, Equatable {
  public var backup: TimeInterval
  public var snapshot: TimeInterval

  public init(backup: TimeInterval = 26 * 3600, snapshot: TimeInterval = 8 * 86400) {
    self.backup = backup
    self.snapshot = snapshot
  }
}

/// Whether one database instance or volume is protected, worst first.
public enum ProtectionVerdict: Int, Sendable, Comparable, CaseIterable {
  /// No backup or snapshot at all.
  case neverBackedUp
  /// The newest job failed.
  case lastJobFailed
  /// The newest good copy is older than twice the threshold, or there is none.
  case unprotected
  /// The newest good copy is an incremental whose parent failed or is gone.
  case brokenChain
  /// The newest good copy is older than the threshold.
  case ageing
  case protected

  public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }

  /// Red, amber or green: what a monitoring check exits with (2, 1, 0).
  public var severity: Severity {
    switch self {
    case .neverBackedUp, .lastJobFailed, .unprotected: .critical
    case .brokenChain, .ageing: .warning
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
    case .unprotected: "unprotected"
    case .brokenChain: "broken chain"
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

  /// One line for a person or a log: `instance orders-db (DFW): ageing, newest good 30h ago`.
  public func line(now: Date) -> String {
    var text = "\(kind.rawValue) \(name) (\(region)): \(verdict.words)"
    if let newestGood { text += ", newest good \(Formatting.age(newestGood, now: now)) ago" }
    return text
  }
}

/// The verdicts for every instance and volume of one region, worst first (then the oldest
/// newest copy first, then by name).
public enum ProtectionReport {
  public static func evaluate(
    region: String, instances: [DatabaseInstance], backups: [Backup], volumes: [Volume],
    snapshots: [Snapshot], now: Date, thresholds: ProtectionThresholds = .init()
  ) -> [ProtectionRow] {
    let byInstance = Dictionary(grouping: backups.filter { $0.instanceID != nil }) {
      $0.instanceID!
    }
    let backupsByID = Dictionary(backups.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    let byVolume = Dictionary(grouping: snapshots, by: \.volumeID)
    var rows: [ProtectionRow] = []
    for instance in instances {
      let jobs = byInstance[instance.id] ?? []
      let good = jobs.filter { $0.status == .completed }
      let newest = good.max { ($0.created ?? .distantPast) < ($1.created ?? .distantPast) }
      let newestJob = jobs.filter { !$0.isInMotion }
        .max { ($0.created ?? .distantPast) < ($1.created ?? .distantPast) }
      var verdict = verdictFor(
        jobCount: jobs.count, newestGood: newest?.created,
        newestFailed: newestJob.map { $0.status == .failed } ?? false, now: now,
        threshold: thresholds.backup)
      if verdict > .brokenChain, let newest, !chainIsWhole(newest, backupsByID) {
        verdict = .brokenChain
      }
      rows.append(
        ProtectionRow(
          kind: .instance, id: instance.id, name: instance.name, region: region, verdict: verdict,
          newestGood: newest?.created, count: jobs.count,
          totalSize: good.reduce(0) { $0 + ($1.size ?? 0) },
          newestIsIncremental: newest?.parentID != nil))
    }
    for volume in volumes {
      let jobs = byVolume[volume.id] ?? []
      let good = jobs.filter { $0.status == .available }
      let newest = good.max { ($0.created ?? .distantPast) < ($1.created ?? .distantPast) }
      let newestJob = jobs.filter { !$0.isInMotion }
        .max { ($0.created ?? .distantPast) < ($1.created ?? .distantPast) }
      let verdict = verdictFor(
        jobCount: jobs.count, newestGood: newest?.created,
        newestFailed: newestJob.map { $0.status == .error } ?? false, now: now,
        threshold: thresholds.snapshot)
      rows.append(
        ProtectionRow(
          kind: .volume, id: volume.id, name: volume.name.isEmpty ? volume.id : volume.name,
          region: region, verdict: verdict, newestGood: newest?.created, count: jobs.count,
          totalSize: good.reduce(0) { $0 + Double($1.size ?? 0) }, newestIsIncremental: false))
    }
    return rows.sorted {
      if $0.verdict != $1.verdict { return $0.verdict < $1.verdict }
      let a = $0.newestGood ?? .distantPast
      let b = $1.newestGood ?? .distantPast
      if a != b { return a < b }
      return $0.name < $1.name
    }
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
  static func chainIsWhole(_ backup: Backup, _ byID: [String: Backup]) -> Bool {
    var current = backup
    var seen: Set<String> = [backup.id]
    while let parentID = current.parentID {
      guard let parent = byID[parentID], parent.status == .completed,
        seen.insert(parentID).inserted
      else { return false }
      current = parent
    }
    return true
  }
}
