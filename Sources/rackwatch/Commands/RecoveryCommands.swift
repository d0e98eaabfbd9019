import ArgumentParser
import BrowserModel
import CloudClient
import Foundation

/// `rackwatch restore backup ID --name N [--flavor F] [--size GB] [--wait]`: a new database
/// instance from a COMPLETED backup. Flavor and size default to the source instance's (size
/// at least the backup's). Exits 0 (with `--wait`: ACTIVE), 1 when the build ends in ERROR.
struct RestoreCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "restore", abstract: "Restore a backup to a new database instance.")

  enum Kind: String, ExpressibleByArgument { case backup }

  @Argument(help: "backup") var kind: Kind
  @Argument(help: "The backup ID.") var id: String
  @Option(help: "Name of the new instance.") var name: String
  @Option(help: "Flavor ID or name (default: the source instance's).") var flavor: String?
  @Option(help: "Volume size in GB (default: the source instance's, at least the backup's).")
  var size: Int?
  @Flag(help: "Wait until the new instance is ACTIVE (or ERROR).") var wait = false
  @Option(help: "Give up waiting after this long.") var timeout = DurationArgument(seconds: 1800)
  @OptionGroup var connection: ConnectionOptions
  @Option(help: "table, json or csv") var format: OutputFormat = .table

  func run() async throws {
    let connection = try CloudConnection.openForChange(connection, command: "restore")
    let session = connection.session
    do {
      let region = try await connection.regions(allRegions: false)[0]
      let backup = try await session.backup(id: id, region: region)
      var source: DatabaseInstance? = nil
      if let instanceID = backup.instanceID {
        source = try? await session.instance(id: instanceID, region: region)
      }
      let flavors = try await session.listFlavors(region: region)
      let flavorID = try Self.flavorID(flavor, source: source, flavors: flavors)
      let backupGB = Int((backup.size ?? 0).rounded(.up))
      let volumeSize = size ?? max(source?.volumeSize ?? 1, backupGB, 1)
      let made = try await session.restoreBackup(
        RestoreRequest(
          backupID: id, name: name, flavorID: flavorID, volumeSize: volumeSize,
          datastore: backup.datastore),
        region: region)
      RecordPrinter.print(ResourceRecords.instance(made, region: region), format: format)
      let code =
        wait
        ? try await NewResourceWatch.follow(
          "instance \(made.id)", first: made.status,
          session.waitUntilBuilt(
            instanceID: made.id, region: region, timeout: .seconds(timeout.seconds)),
          status: \.status, succeeded: "ACTIVE") : ExitStatus.ok
      try? await session.shutdown()
      if code != ExitStatus.ok { throw ExitCode(code) }
    } catch let error as CloudError {
      try? await session.shutdown()
      throw CommandFailure.from(error, doing: "Restoring backup \(id)").exit()
    } catch let failure as CommandFailure {
      try? await session.shutdown()
      throw failure.exit()
    }
  }

  /// The flavor asked for (by ID or name), else the source instance's, else the smallest.
  static func flavorID(_ wanted: String?, source: DatabaseInstance?, flavors: [Flavor]) throws
    -> String
  {
    if let wanted {
      if let match = flavors.first(where: {
        $0.id == wanted || $0.name.caseInsensitiveCompare(wanted) == .orderedSame
      }) {
        return match.id
      }
      throw CommandFailure(
        message: "no flavor '\(wanted)'; the cloud offers "
          + flavors.map { "\($0.id) (\($0.name))" }.joined(separator: ", "),
        code: ExitStatus.usage)
    }
    if let id = source?.flavorID, flavors.contains(where: { $0.id == id }) { return id }
    guard let smallest = flavors.min(by: { ($0.ram ?? .max) < ($1.ram ?? .max) }) else {
      throw CommandFailure(message: "the cloud lists no flavors", code: ExitStatus.usage)
    }
    return smallest.id
  }
}

/// `rackwatch create volume --from-snapshot ID [--name N] [--size GB] [--type T] [--wait]`.
/// Exits 0 (with `--wait`: available), 1 when the volume ends in error.
struct CreateCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "create", abstract: "Create a volume from a snapshot.")

  enum Kind: String, ExpressibleByArgument { case volume }

  @Argument(help: "volume") var kind: Kind
  @Option(name: .customLong("from-snapshot"), help: "The snapshot to make the volume from.")
  var snapshotID: String
  @Option(help: "Name of the new volume (default: the snapshot's name with -restored).")
  var name: String?
  @Option(help: "Size in GB (default: the snapshot's; never less).") var size: Int?
  @Option(help: "Volume type (default: the cloud's).") var type: String?
  @Flag(help: "Wait until the volume is available (or in error).") var wait = false
  @Option(help: "Give up waiting after this long.") var timeout = DurationArgument(seconds: 1800)
  @OptionGroup var connection: ConnectionOptions
  @Option(help: "table, json or csv") var format: OutputFormat = .table

  func run() async throws {
    let connection = try CloudConnection.openForChange(connection, command: "create")
    let session = connection.session
    do {
      let region = try await connection.regions(allRegions: false)[0]
      var volumeName = name
      if volumeName == nil {
        let source = try await session.snapshot(id: snapshotID, region: region)
        volumeName = (source.name.isEmpty ? snapshotID : source.name) + "-restored"
      }
      let made = try await session.createVolume(
        VolumeFromSnapshotRequest(
          snapshotID: snapshotID, name: volumeName ?? "", size: size, volumeType: type),
        region: region)
      RecordPrinter.print(ResourceRecords.volume(made, region: region), format: format)
      let code =
        wait
        ? try await NewResourceWatch.follow(
          "volume \(made.id)", first: made.status,
          session.waitUntilCreated(
            volumeID: made.id, region: region, timeout: .seconds(timeout.seconds)),
          status: \.status, succeeded: "available") : ExitStatus.ok
      try? await session.shutdown()
      if code != ExitStatus.ok { throw ExitCode(code) }
    } catch let error as CloudError {
      try? await session.shutdown()
      throw CommandFailure.from(error, doing: "Creating a volume from snapshot \(snapshotID)")
        .exit()
    }
  }
}

/// Follows a resource a command just made until it settles, one stderr line per status.
enum NewResourceWatch {
  /// 0 when it settles as `succeeded` (any case), 1 otherwise.
  static func follow<Item: Sendable>(
    _ what: String, first: String, _ states: AsyncThrowingStream<Item, any Error>,
    status: (Item) -> String, succeeded: String
  ) async throws -> Int32 {
    var last = first
    for try await state in states {
      last = status(state)
      StandardError.write("\(what): \(TerminalSafe.sanitize(last))\n")
    }
    return last.caseInsensitiveCompare(succeeded) == .orderedSame
      ? ExitStatus.ok : ExitStatus.jobFailed
  }
}
