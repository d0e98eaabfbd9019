import ArgumentParser
import BrowserModel
import CloudClient
import Foundation

/// `rackwatch check`: is every database and volume protected? For cron and monitoring
/// systems, without a terminal. The first line is a summary, then one line per problem.
/// Exits as monitoring plugins expect: 0 all protected, 1 something ageing (or a broken
/// chain), 2 something unprotected, 3 unknown (the cloud could not be read).
struct CheckCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: "Check that every database instance and volume has a recent backup or snapshot.")

  @OptionGroup var connection: ConnectionOptions
  @Flag(name: .customLong("all-regions"), help: "Every region in the catalog.") var allRegions =
    false
  @Option(help: "Only the instance or volume with this name or ID.") var instance: String?
  @Option(
    name: .customLong("backup-age"),
    help: "Newest backup older than this is ageing (profile protection.backup, else 26h).")
  var backupAge: DurationArgument?
  @Option(
    name: .customLong("snapshot-age"),
    help: "Newest snapshot older than this is ageing (profile protection.snapshot, else 8d).")
  var snapshotAge: DurationArgument?
  @Option(
    help:
      "A scheduled backup may start this late before the run is missed (profile protection.grace, else 1h)."
  )
  var grace: DurationArgument?
  @Flag(
    name: .customLong("off-region"),
    help: "Ask for a copy of each instance's newest backup in another region.")
  var offRegion = false
  @Option(help: "text or json") var format: Format = .text

  enum Format: String, ExpressibleByArgument { case text, json }

  /// The monitoring-plugin exit codes.
  enum Status: Int32 {
    case ok = 0, warning = 1, critical = 2, unknown = 3
  }

  func run() async throws {
    let connection: CloudConnection
    do {
      connection = try CloudConnection.open(self.connection)
    } catch {
      // The reason is already printed; a check that cannot run is UNKNOWN, not CRITICAL.
      throw ExitCode(Status.unknown.rawValue)
    }
    let rows: [ProtectionRow]
    var orphans: [ProtectionOrphan] = []
    var thresholds = ProtectionSettings.thresholds(connection.profile)
    if let backupAge { thresholds.backup = backupAge.seconds }
    if let snapshotAge { thresholds.snapshot = snapshotAge.seconds }
    if let grace { thresholds.grace = grace.seconds }
    if offRegion { thresholds.offRegion = true }
    do {
      let regions = try await connection.regions(allRegions: allRegions)
      let found = try await Self.evaluateWithOrphans(
        connection.session, regions: regions, thresholds: thresholds)
      rows = found.rows.filter { row in instance.map { row.name == $0 || row.id == $0 } ?? true }
      // Orphans belong to no instance: an --instance check leaves them out.
      if instance == nil { orphans = found.orphans }
    } catch {
      try? await connection.session.shutdown()
      let reason = (error as? CloudError)?.summary ?? "\(error)"
      print("PROTECTION UNKNOWN - \(TerminalSafe.sanitize(reason))")
      throw ExitCode(Status.unknown.rawValue)
    }
    try? await connection.session.shutdown()
    let status = Self.status(of: rows, orphans: orphans)
    switch format {
    case .text:
      print(Self.text(rows, status: status, now: Date(), orphans: orphans), terminator: "")
    case .json: print(Self.json(rows, status: status, orphans: orphans))
    }
    if status != .ok { throw ExitCode(status.rawValue) }
  }

  /// Lists what the verdicts need in every region, concurrently per region.
  static func evaluate(
    _ session: CloudSession, regions: [String], thresholds: ProtectionThresholds
  ) async throws -> [ProtectionRow] {
    try await evaluateWithOrphans(session, regions: regions, thresholds: thresholds).rows
  }

  /// The verdicts and the orphans of every region. Schedules are read where the cloud has
  /// them (a 404 means none: the thresholds alone decide).
  static func evaluateWithOrphans(
    _ session: CloudSession, regions: [String], thresholds: ProtectionThresholds
  ) async throws -> (rows: [ProtectionRow], orphans: [ProtectionOrphan]) {
    struct Region {
      var instances: [DatabaseInstance]
      var backups: [Backup]
      var volumes: [Volume]
      var snapshots: [Snapshot]
      var schedules: [BackupSchedule]?
    }
    var read: [String: Region] = [:]
    for region in regions {
      async let instances = session.listInstances(region: region)
      async let backups = session.listBackups(region: region)
      async let volumes = session.listVolumes(region: region)
      async let snapshots = session.listSnapshots(region: region)
      async let schedules = session.listSchedules(region: region)
      read[region] = Region(
        instances: try await instances, backups: try await backups, volumes: try await volumes,
        snapshots: try await snapshots, schedules: try await schedules)
    }
    var rows: [ProtectionRow] = []
    var orphans: [ProtectionOrphan] = []
    let now = Date()
    for region in regions {
      guard let data = read[region] else { continue }
      var elsewhere: [String: Date] = [:]
      if thresholds.offRegion {
        for (other, otherData) in read where other != region {
          for b in otherData.backups where b.status == .completed {
            guard let owner = b.instanceID, let created = b.created else { continue }
            elsewhere[owner] = max(elsewhere[owner] ?? .distantPast, created)
          }
        }
      }
      rows += ProtectionReport.evaluate(
        region: region, instances: data.instances, backups: data.backups, volumes: data.volumes,
        snapshots: data.snapshots, now: now, thresholds: thresholds, schedules: data.schedules,
        elsewhere: elsewhere)
      orphans += ProtectionReport.orphans(
        region: region, instances: data.instances, backups: data.backups, volumes: data.volumes,
        snapshots: data.snapshots)
    }
    // A backup of an instance that lives in another region in view is a copy, not an orphan.
    let everyInstance = Set(read.values.flatMap { $0.instances.map(\.id) })
    orphans.removeAll { $0.kind == .backup && everyInstance.contains($0.ownerID) }
    return (rows.sorted(by: ProtectionReport.worstFirst), orphans)
  }

  /// Orphans cost storage but protect nothing: a warning.
  static func status(of rows: [ProtectionRow], orphans: [ProtectionOrphan] = []) -> Status {
    var worst = rows.map(\.verdict.severity).max() ?? .ok
    if !orphans.isEmpty { worst = max(worst, .warning) }
    switch worst {
    case .ok: return .ok
    case .warning: return .warning
    case .critical: return .critical
    }
  }

  /// `PROTECTION CRITICAL - 2 unprotected, 1 ageing, 9 protected`, then a line per problem.
  static func text(
    _ rows: [ProtectionRow], status: Status, now: Date, orphans: [ProtectionOrphan] = []
  ) -> String {
    let label = ["OK", "WARNING", "CRITICAL", "UNKNOWN"][Int(status.rawValue)]
    let counts =
      ProtectionVerdict.allCases.compactMap { verdict -> String? in
        let n = rows.filter { $0.verdict == verdict }.count
        return n == 0 ? nil : "\(n) \(verdict.words)"
      } + (orphans.isEmpty ? [] : ["\(orphans.count) orphan\(orphans.count == 1 ? "" : "s")"])
    var text =
      "PROTECTION \(label) - "
      + (counts.isEmpty ? "nothing to protect" : counts.joined(separator: ", ")) + "\n"
    for row in rows where row.verdict != .protected {
      let level = row.verdict.severity == .critical ? "CRITICAL" : "WARNING"
      text += "\(level) " + TerminalSafe.sanitize(row.line(now: now)) + "\n"
    }
    for orphan in orphans { text += "WARNING " + TerminalSafe.sanitize(orphan.line) + "\n" }
    return text
  }

  static func json(
    _ rows: [ProtectionRow], status: Status, orphans: [ProtectionOrphan] = []
  ) -> String {
    let objects: [[String: Any]] = rows.map { row in
      var object: [String: Any] = [
        "kind": row.kind.rawValue, "id": row.id, "name": row.name, "region": row.region,
        "verdict": row.verdict.words, "count": row.count, "total_gb": row.totalSize,
        "newest_is_incremental": row.newestIsIncremental,
      ]
      object["newest_good"] = row.newestGood.map { Formatting.iso8601($0) } ?? NSNull()
      object["schedule"] = row.schedule.map { $0.summary } ?? NSNull()
      object["missed_run"] = row.missedRun.map { Formatting.iso8601($0) } ?? NSNull()
      return object
    }
    let orphanObjects: [[String: Any]] = orphans.map { orphan in
      [
        "kind": orphan.kind.rawValue, "id": orphan.id, "name": orphan.name,
        "region": orphan.region, "owner_id": orphan.ownerID, "size_gb": orphan.size,
      ]
    }
    let document: [String: Any] = [
      "status": status.rawValue, "items": objects, "orphans": orphanObjects,
    ]
    let data =
      (try? JSONSerialization.data(withJSONObject: document, options: [.sortedKeys])) ?? Data()
    return String(decoding: data, as: UTF8.self)
  }
}
