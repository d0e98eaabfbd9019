import ArgumentParser
import BrowserModel
import CloudClient
import Foundation

/// `rackwatch list backups|snapshots|instances|volumes`: the scriptable twin of the panes.
struct ListCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list",
    abstract: "List backups, snapshots, instances or volumes (table, JSON or CSV).")

  @Argument(help: "backups, snapshots, instances or volumes") var kind: ListedKind
  @OptionGroup var connection: ConnectionOptions
  @Option(help: "table, json or csv") var format: OutputFormat = .table
  @Flag(name: .customLong("no-header"), help: "Leave out the header line (table, csv).")
  var noHeader = false
  @Option(help: "Only this status (case-insensitive).") var status: String?
  @Option(help: "Only backups/instances of this datastore, e.g. mysql.") var datastore: String?
  @Option(help: "Only backups of this instance ID.") var instance: String?
  @Option(help: "Only snapshots of this volume ID.") var volume: String?
  @Flag(name: .customLong("all-regions"), help: "Every region in the catalog.") var allRegions =
    false

  func run() async throws {
    let connection = try CloudConnection.open(connection)
    defer { Task { try? await connection.session.shutdown() } }
    do {
      let regions = try await connection.regions(allRegions: allRegions)
      let report = ListReport()
      if format == .json, regions.count == 1 {
        // One region as JSON: each page becomes text while the next one travels.
        let keep = hasFilter ? matches : nil
        let json = try await ListReport.$current.withValue(report) {
          try await Self.json(kind, region: regions[0], from: connection.session, keep: keep)
        }
        Self.warn(report)
        StandardOutput.write(json)
      } else {
        let records = try await ListReport.$current.withValue(report) {
          try await Self.fetch(kind, regions: regions, from: connection.session)
        }.filter(matches)
        Self.warn(report)
        let writer = RecordWriter(
          format: format, header: !noHeader, tableColumns: tableColumns,
          sanitize: { TerminalSafe.sanitize($0) })
        FileHandle.standardOutput.write(
          format == .json ? Data(writer.jsonBytes(records)) : Data(writer.render(records).utf8))
      }
    } catch let error as CloudError {
      try? await connection.session.shutdown()
      throw CommandFailure.from(error, doing: "Listing \(kind.rawValue)").exit()
    }
    try? await connection.session.shutdown()
  }

  private var tableColumns: [String] {
    switch kind {
    case .backups: ResourceRecords.backupTable
    case .snapshots: ResourceRecords.snapshotTable
    case .instances: ResourceRecords.instanceTable
    case .volumes: ResourceRecords.volumeTable
    }
  }

  /// Lists every region concurrently, keeping the regions in the order asked.
  static func fetch(_ kind: ListedKind, regions: [String], from service: some CloudService)
    async throws -> [Record]
  {
    try await withThrowingTaskGroup(of: (Int, [Record]).self) { group in
      for (index, region) in regions.enumerated() {
        group.addTask {
          switch kind {
          case .backups:
            (
              index,
              try await service.listBackups(region: region).map {
                ResourceRecords.backup($0, region: region)
              }
            )
          case .snapshots:
            (
              index,
              try await service.listSnapshots(region: region).map {
                ResourceRecords.snapshot($0, region: region)
              }
            )
          case .instances:
            (
              index,
              try await service.listInstances(region: region).map {
                ResourceRecords.instance($0, region: region)
              }
            )
          case .volumes:
            (
              index,
              try await service.listVolumes(region: region).map {
                ResourceRecords.volume($0, region: region)
              }
            )
          }
        }
      }
      var byRegion: [Int: [Record]] = [:]
      for try await (index, records) in group { byRegion[index] = records }
      return regions.indices.flatMap { byRegion[$0] ?? [] }
    }
  }

  /// True when an option leaves some items out.
  private var hasFilter: Bool {
    status != nil || datastore != nil || instance != nil || volume != nil
  }

  private func matches(_ record: Record) -> Bool {
    func equal(_ field: String, _ wanted: String?) -> Bool {
      guard let wanted else { return true }
      guard let value = record[field] else { return false }
      return Record.text(value).lowercased() == wanted.lowercased()
    }
    return equal("status", status) && equal("datastore", datastore)
      && equal("instance_id", instance) && equal("volume_id", volume)
  }
}
