import ArgumentParser
import CloudClient
import Foundation

/// `rackwatch`: a terminal browser for database backups and volume snapshots.
@main
struct Rackwatch: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "rackwatch",
    abstract: "Watch and manage database backups and volume snapshots on Rackspace and OpenStack.",
    discussion: """
      Without a subcommand, rackwatch opens the terminal UI. Try it with no account:

        rackwatch --demo

      Credentials come from flags, then OS_* / RS_* environment variables, then a profile in
      ~/.config/rackwatch/config.yaml, clouds.yaml (--os-cloud) or ~/.rack/config.
      Exit codes: 0 ok, 1 job failed, 2 usage or configuration, 3 authentication,
      4 not found, 5 timeout, network or server trouble.
      """,
    version: RackwatchVersion.current,
    subcommands: [
      BrowseCommand.self, ListCommand.self, ShowCommand.self, WaitCommand.self,
      RestoreCommand.self, CreateCommand.self, CheckCommand.self,
      SimulatorCommand.self, ProfilesCommand.self, ThemesCommand.self, EventsCommand.self,
      CopyCommand.self,
    ],
    defaultSubcommand: BrowseCommand.self
  )

  /// Runs the parsed command; usage errors exit 2 (our documented code) rather than
  /// ArgumentParser's 64.
  static func main() async {
    do {
      var command = try parseAsRoot()
      if var asyncCommand = command as? AsyncParsableCommand {
        try await asyncCommand.run()
      } else {
        try command.run()
      }
    } catch let error as CloudError {
      // A cloud error no command caught still gets its documented code and an inert line.
      exit(withError: CommandFailure.from(error).exit())
    } catch {
      if exitCode(for: error) == .validationFailure {
        StandardError.write(fullMessage(for: error) + "\n")
        Foundation.exit(ExitStatus.usage)
      }
      exit(withError: error)
    }
  }
}

/// The version printed by `--version`.
enum RackwatchVersion {
  static let current = "0.1.0"
}
