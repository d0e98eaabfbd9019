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
  @Option(name: .customLong("backup-age"), help: "Newest backup older than this is ageing (26h).")
  var backupAge = DurationArgument(seconds: 26 * 3600)
  @Option(
    name: .customLong("snapshot-age"), help: "Newest snapshot older than this is ageing (8d).")
  var snapshotAge = DurationArgument(seconds: 8 * 86400)
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
    do {
      let regions = try await connection.regions(allRegions: allRegions)
      rows = try await Self.evaluate(
        connection.session, regions: regions,
        thresholds: ProtectionThresholds(backup: backupAge.seconds, snapshot: snapshotAge.seconds)
      ).filter { row in instance.map { row.name == $0 || row.id == $0 } ?? true }
    } catch {
      try? await connection.session.shutdown()
      let reason = (error as? CloudError)?.summary ?? "\(error)"
      print("PROTECTION UNKNOWN - \(TerminalSafe.sanitize(reason))")
      throw ExitCode(Status.unknown.rawValue)
    }
    try? await connection.session.shutdown()
    let status = Self.status(of: rows)
    switch format {
    case .text: print(Self.text(rows, status: status, now: Date()), terminator: "")
    case .json: print(Self.json(rows, status: status))
    }
    if status != .ok { throw ExitCode(status.rawValue) }
  }

  /// Lists what the verdicts need in every region, concurrently per region.
  static func evaluate(
    _ session: CloudSession, regions: [String], thresholds: ProtectionThresholds
  ) async throws -> [ProtectionRow] {
    var rows: [ProtectionRow] = []
    for region in regions {
      async let instances = session.listInstances(region: region)
      async let backups = session.listBackups(region: region)
      async let volumes = session.listVolumes(region: region)
      async let snapshots = session.listSnapshots(region: region)
      rows += ProtectionReport.evaluate(
        region: region, instances: try await instances, backups: try await backups,
        volumes: try await volumes, snapshots: try await snapshots, now: Date(),
        thresholds: thresholds)
    }
    return rows.sorted { $0.verdict < $1.verdict }
  }

  static func status(of rows: [ProtectionRow]) -> Status {
    switch rows.map(\.verdict.severity).max() ?? .ok {
    case .ok: .ok
    case .warning: .warning
    case .critical: .critical
    }
  }

  /// `PROTECTION CRITICAL - 2 unprotected, 1 ageing, 9 protected`, then a line per problem.
  static func text(_ rows: [ProtectionRow], status: Status, now: Date) -> String {
    let label = ["OK", "WARNING", "CRITICAL", "UNKNOWN"][Int(status.rawValue)]
    let counts = ProtectionVerdict.allCases.compactMap { verdict -> String? in
      let n = rows.filter { $0.verdict == verdict }.count
      return n == 0 ? nil : "\(n) \(verdict.words)"
    }
    var text =
      "PROTECTION \(label) - "
      + (counts.isEmpty ? "nothing to protect" : counts.joined(separator: ", ")) + "\n"
    for row in rows where row.verdict != .protected {
      let level = row.verdict.severity == .critical ? "CRITICAL" : "WARNING"
      text += "\(level) " + TerminalSafe.sanitize(row.line(now: now)) + "\n"
    }
    return text
  }

  static func json(_ rows: [ProtectionRow], status: Status) -> String {
    let objects: [[String: Any]] = rows.map { row in
      var object: [String: Any] = [
        "kind": row.kind.rawValue, "id": row.id, "name": row.name, "region": row.region,
        "verdict": row.verdict.words, "count": row.count, "total_gb": row.totalSize,
        "newest_is_incremental": row.newestIsIncremental,
      ]
      object["newest_good"] = row.newestGood.map { Formatting.iso8601($0) } ?? NSNull()
      return object
    }
    let document: [String: Any] = ["status": status.rawValue, "items": objects]
    let data =
      (try? JSONSerialization.data(withJSONObject: document, options: [.sortedKeys])) ?? Data()
    return String(decoding: data, as: UTF8.self)
  }
}
