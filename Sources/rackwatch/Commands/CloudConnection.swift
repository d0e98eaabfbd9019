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
    let resolver = ProfileResolver.current()
    let profile: Profile
    do {
      let found = try resolver.discover()
      for warning in found.warnings { StandardError.write(warning + "\n") }
      profile = try resolver.resolve(
        requested: options.profile, cloud: options.osCloud, flags: try options.overlay(), in: found)
      if !profile.hasCredentials, found.allProfiles.isEmpty {
        StandardError.write(NoCredentialsHelp.text(paths: resolver.paths) + "\n")
        throw ExitCode(ExitStatus.auth)
      }
    } catch let error as ConfigError {
      throw CommandFailure.from(error).exit()
    }
    let sink = LogSetup.start(path: options.logFile ?? resolver.paths.logFile, debug: options.debug)
    for secret in [
      profile.apiKey, profile.password, profile.token, profile.applicationCredentialSecret,
    ] {
      if let secret { sink.redact(secret.revealed) }
    }
    let configuration: ClientConfiguration
    do {
      configuration = try ClientSettings.configuration(
        for: profile, logger: Logger(label: "rackwatch.cloud"))
    } catch { throw CommandFailure.from(error).exit() }
    for secret in configuration.auth.secretsForRedaction { sink.redact(secret) }
    return CloudConnection(
      profile: profile, session: CloudSession(configuration: configuration), logSink: sink)
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

extension AuthMethod {
  /// Secrets to blank in the log file.
  var secretsForRedaction: [String] {
    switch self {
    case .rackspaceAPIKey(_, let key, _): [key]
    case .rackspacePassword(_, let password, _): [password]
    case .keystonePassword(_, let password, _, _, _, _): [password]
    case .applicationCredential(_, let secret): [secret]
    case .token(let token): [token]
    }
  }
}
