import CloudClient
import Foundation
import Logging

/// Turns a resolved profile into the client's configuration: picks the auth method, runs a
/// secret command if the profile names one, and says clearly what is missing.
enum ClientSettings {
  static func configuration(for profile: Profile, logger: Logger) throws
    -> ClientConfiguration
  {
    guard let kind = profile.effectiveAuthKind else {
      throw CommandFailure(
        message: "no credentials found",
        hint: "Run 'rackwatch profiles' or try 'rackwatch --demo'.",
        code: ExitStatus.auth)
    }
    func require(_ value: String?, _ what: String) throws -> String {
      guard let value, !value.isEmpty else {
        throw CommandFailure(
          message: "profile '\(profile.name)' (\(profile.source)) has no \(what)",
          hint:
            "Add it to the profile or pass it as a flag; 'rackwatch profiles' shows what is set.",
          code: ExitStatus.auth)
      }
      return value
    }
    let auth: AuthMethod
    switch kind {
    case .apiKey:
      let key = try profile.apiKey?.revealed ?? runSecretCommand(profile)
      auth = .rackspaceAPIKey(
        username: try require(profile.username, "username"), apiKey: try require(key, "API key"),
        tenantID: profile.tenantID)
    case .password:
      let password = try profile.password?.revealed ?? runSecretCommand(profile)
      auth = .rackspacePassword(
        username: try require(profile.username, "username"),
        password: try require(password, "password"), tenantID: profile.tenantID ?? profile.projectID
      )
    case .v3Password:
      let password = try profile.password?.revealed ?? runSecretCommand(profile)
      auth = .keystonePassword(
        username: try require(profile.username, "username"),
        password: try require(password, "password"), userDomain: profile.userDomain ?? "Default",
        projectName: profile.projectName, projectID: profile.projectID,
        projectDomain: profile.projectDomain ?? profile.userDomain ?? "Default")
    case .v3ApplicationCredential:
      let secret = try profile.applicationCredentialSecret?.revealed ?? runSecretCommand(profile)
      auth = .applicationCredential(
        id: try require(profile.applicationCredentialID, "application credential ID"),
        secret: try require(secret, "application credential secret"))
    case .token:
      auth = .token(try require(profile.token?.revealed, "token"))
      if profile.endpoints.isEmpty {
        throw CommandFailure(
          message: "a fixed token needs explicit endpoints",
          hint: "Pass --endpoint database=URL and/or --endpoint volume=URL.", code: ExitStatus.usage
        )
      }
    }
    if kind != .token, profile.identityURL == nil {
      throw CommandFailure(
        message: "profile '\(profile.name)' has no identity URL",
        hint: "Set identity_url (e.g. https://identity.api.rackspacecloud.com/v2.0) or --auth-url.",
        code: ExitStatus.usage)
    }
    var overrides: [ServiceKind: String] = [:]
    if let url = profile.endpoints["database"] { overrides[.database] = url }
    if let url = profile.endpoints["volume"] { overrides[.blockStorage] = url }
    let staticRegions = profile.regions.filter { $0.lowercased() != "all" }
    return ClientConfiguration(
      identityURL: kind == .token ? nil : profile.identityURL, auth: auth,
      interface: profile.interface == "internal" ? .internal : .public,
      endpointOverrides: overrides,
      staticRegions: staticRegions.isEmpty ? ["RegionOne"] : staticRegions,
      insecure: profile.insecure, userAgent: "rackwatch/\(RackwatchVersion.current)", logger: logger
    )
  }

  /// Runs the profile's secret command (a password manager) and returns its first line.
  static func runSecretCommand(_ profile: Profile) throws -> String? {
    guard let command = profile.secretCommand else { return nil }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", command]
    let output = Pipe()
    process.standardOutput = output
    process.standardInput = FileHandle.nullDevice
    do { try process.run() } catch {
      throw CommandFailure(
        message: "profile '\(profile.name)': could not run its secret command: \(error)",
        code: ExitStatus.auth)
    }
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
      throw CommandFailure(
        message:
          "profile '\(profile.name)': its secret command exited with \(process.terminationStatus)",
        hint: "Run the command by hand to see why: \(command)", code: ExitStatus.auth)
    }
    let text = String(decoding: data, as: UTF8.self)
    return text.split(whereSeparator: \.isNewline).first.map(String.init)
  }
}
