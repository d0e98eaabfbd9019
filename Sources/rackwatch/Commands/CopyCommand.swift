import ArgumentParser
import BrowserModel
import CloudClient
import Foundation

/// `rackwatch copy backup ID --to REGION [--name N] [--description D]`: a copy of a
/// COMPLETED backup in another region (Rackspace `copy-backup`), the CLI twin of `C` in the
/// Protection view. Exits 0 once the cloud accepted it (202).
struct CopyCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "copy", abstract: "Copy a backup to another region.")

  enum Kind: String, ExpressibleByArgument { case backup }

  @Argument(help: "backup") var kind: Kind
  @Argument(help: "The backup ID.") var id: String
  @Option(help: "The region to copy it to (e.g. IAD).") var to: String
  @Option(help: "Name of the copy (default: the backup's).") var name: String?
  @Option(help: "Description of the copy.") var description: String?
  @OptionGroup var connection: ConnectionOptions

  func run() async throws {
    let connection = try CloudConnection.openForChange(connection, command: "copy")
    let session = connection.session
    do {
      let region = try await connection.regions(allRegions: false)[0]
      try await session.copyBackup(
        id: id, to: to, name: name, description: description, region: region)
      print(
        "copy of backup \(TerminalSafe.sanitize(id)) to \(TerminalSafe.sanitize(to.uppercased())) requested"
      )
      try? await session.shutdown()
    } catch let error as CloudError {
      try? await session.shutdown()
      throw CommandFailure.from(error, doing: "Copying backup \(id)").exit()
    }
  }
}
