import ArgumentParser
import CloudClient
import Foundation
import Logging

/// What a cloud command needs: the chosen profile, a session, and the log sink that redacts
/// the profile's secrets.
struct CloudConnection {
  var profile: Profile
  var session: CloudSession
  var logSink: LogSink

  /// Resolves the profile (flags > environment > profile), starts logging and opens a session.
  static func open(_ options: ConnectionOptions) throws -> CloudConnection {
    try open(options, changing: nil)
  }

  /// `open`, for a command that changes the cloud (`command` names it): a read-only profile
  /// refuses it, exit 2, before a session exists (an HTTP client must be shut down, and
  /// nothing has been sent).
  static func openForChange(_ options: ConnectionOptions, command: String) throws
    -> CloudConnection
  {
    try open(options, changing: command)
  }

  private static func open(_ options: ConnectionOptions, changing command: String?) throws
    -> CloudConnection
  {
    let resolver = ProfileResolver.current()
    let (profile, found) = try chooseProfile(options, resolver: resolver)
    if let command, profile.readOnly {
      throw CommandFailure(
        message: "\(command) refused: the profile is read-only", code: ExitStatus.usage
      ).exit()
    }
    if !profile.hasCredentials, found.allProfiles.isEmpty {
      StandardError.write(NoCredentialsHelp.text(paths: resolver.paths) + "\n")
      throw ExitCode(ExitStatus.auth)
    }
    let sink = LogSetup.start(path: options.logFile ?? resolver.paths.logFile, debug: options.debug)
    return CloudConnection(
      profile: profile,
      session: try session(
        for: profile, redactingInto: sink, requestTimeout: options.requestTimeout?.seconds),
      logSink: sink)
  }

  /// Reads every profile source, prints permission warnings and picks the profile the flags
  /// ask for; a broken file ends the command with its file and line.
  static func chooseProfile(_ options: ConnectionOptions, resolver: ProfileResolver) throws
    -> (Profile, ProfileResolver.Discovery)
  {
    do {
      let found = try resolver.discover()
      for warning in found.warnings { StandardError.write(warning + "\n") }
      let profile = try resolver.resolve(
        requested: options.profile, cloud: options.osCloud, flags: try options.overlay(), in: found)
      return (profile, found)
    } catch let error as ConfigError {
      throw CommandFailure.from(error).exit()
    }
  }

  /// A session for `profile`. Every secret it uses, including one printed by a secret
  /// command, is registered with the log sink first so no log line can carry it.
  static func session(
    for profile: Profile, redactingInto sink: LogSink, requestTimeout: Double? = nil
  ) throws -> CloudSession {
    for secret in [
      profile.apiKey, profile.password, profile.token, profile.applicationCredentialSecret,
    ] {
      if let secret { sink.redact(secret.revealed) }
    }
    var configuration: ClientConfiguration
    do {
      configuration = try ClientSettings.configuration(
        for: profile, logger: Logger(label: "rackwatch.cloud"))
    } catch { throw CommandFailure.from(error).exit() }
    if let requestTimeout, requestTimeout > 0 { configuration.requestDeadline = requestTimeout }
    for secret in configuration.auth.secrets { sink.redact(secret) }
    return CloudSession(configuration: configuration)
  }

  /// The regions to query: the flag or profile's list, every region for `all`, else the
  /// first region the catalog offers.
  func regions(allRegions: Bool) async throws -> [String] {
    let wanted = profile.regions
    if allRegions || wanted.contains(where: { $0.lowercased() == "all" }) {
      return try await session.regions()
    }
    if !wanted.isEmpty { return wanted }
    let available = try await session.regions()
    guard let first = available.first else {
      throw CloudError(
        kind: .noEndpoint, summary: "the catalog offers no region for backups or snapshots")
    }
    return [first]
  }
}
