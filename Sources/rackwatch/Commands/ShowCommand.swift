import ArgumentParser
import BrowserModel
import CloudClient
import Foundation

/// `rackwatch show backup|snapshot ID`.
struct ShowCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "show", abstract: "Show one backup or snapshot.")

  @Argument(help: "backup or snapshot") var kind: SingleKind
  @Argument(help: "The backup or snapshot ID.") var id: String
  @OptionGroup var connection: ConnectionOptions
  @Option(help: "table, json or csv") var format: OutputFormat = .table

  func run() async throws {
    let connection = try CloudConnection.open(connection)
    do {
      let region = try await connection.regions(allRegions: false)[0]
      let record: Record =
        switch kind {
        case .backup:
          ResourceRecords.backup(
            try await connection.session.backup(id: id, region: region), region: region)
        case .snapshot:
          ResourceRecords.snapshot(
            try await connection.session.snapshot(id: id, region: region), region: region)
        }
      try? await connection.session.shutdown()
      RecordPrinter.print(record, format: format)
    } catch let error as CloudError {
      try? await connection.session.shutdown()
      throw CommandFailure.from(error, doing: "Showing \(kind.rawValue) \(id)").exit()
    }
  }
}
