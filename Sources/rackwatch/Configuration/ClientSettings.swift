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
    let userDomain: KeystoneDomain =
      profile.userDomainIsID
      ? .id(profile.userDomain ?? "default") : .name(profile.userDomain ?? "Default")
    let projectDomain: KeystoneDomain =
      if let domain = profile.projectDomain {
        profile.projectDomainIsID ? .id(domain) : .name(domain)
      } else {
        userDomain
      }
    let auth: AuthMethod
    switch kind {
    case .apiKey:
      let key = try profile.apiKey?.revealed ?? runSecretCommand(profile)
      auth = .rackspaceAPIKey(
        username: try require(profile.username, "username"), apiKey: try require(key, "API key"),
        tenantID: profile.tenantID)
    case .password, .v2Password:
      let password = try profile.password?.revealed ?? runSecretCommand(profile)
      auth = .rackspacePassword(
        username: try require(profile.username, "username"),
        password: try require(password, "password"), tenantID: profile.tenantID ?? profile.projectID
      )
    case .v3Password:
      let password = try profile.password?.revealed ?? runSecretCommand(profile)
      auth = .keystonePassword(
        username: try require(profile.username, "username"),
        password: try require(password, "password"), userDomain: userDomain,
        projectName: profile.projectName, projectID: profile.projectID,
        projectDomain: projectDomain)
    case .v3ApplicationCredential:
      let secret = try profile.applicationCredentialSecret?.revealed ?? runSecretCommand(profile)
      auth = .applicationCredential(
        id: try require(profile.applicationCredentialID, "application credential ID"),
        secret: try require(secret, "application credential secret"))
    case .token, .v3Token:
      auth = .keystoneToken(
        token: try require(profile.token?.revealed, "token"), projectName: profile.projectName,
        projectID: profile.projectID, projectDomain: projectDomain)
    case .adminToken:
      auth = .token(try require(profile.token?.revealed, "token"))
      if profile.endpoints.isEmpty {
        throw CommandFailure(
          message: "a fixed token needs explicit endpoints",
          hint: "Pass --endpoint database=URL and/or --endpoint volume=URL.", code: ExitStatus.usage
        )
      }
    }
    let signsIn = kind != .adminToken
    if signsIn, profile.identityURL == nil {
      throw CommandFailure(
        message: "profile '\(profile.name)' has no identity URL",
        hint: "Set identity_url (e.g. https://identity.api.rackspacecloud.com/v2.0) or --auth-url.",
        code: ExitStatus.usage)
    }
    var overrides: [ServiceKind: String] = [:]
    if let url = profile.endpoints["database"] { overrides[.database] = url }
    if let url = profile.endpoints["volume"] { overrides[.blockStorage] = url }
    let staticRegions = profile.regions.filter { $0.lowercased() != "all" }
    var configuration = ClientConfiguration(
      identityURL: signsIn ? profile.identityURL.map { versioned($0, for: auth) } : nil, auth: auth,
      interface: EndpointInterface(rawValue: profile.interface ?? "public") ?? .public,
      endpointOverrides: overrides,
      staticRegions: staticRegions.isEmpty ? ["RegionOne"] : staticRegions,
      insecure: profile.insecure, caCertificateFile: profile.caCertificateFile,
      userAgent: "rackwatch/\(RackwatchVersion.current)", logger: logger
    )
    if let type = profile.serviceTypes["database"] {
      configuration.preferredServiceTypes[.database] = type
    }
    if let type = profile.serviceTypes["volume"] {
      configuration.preferredServiceTypes[.blockStorage] = type
    }
    return configuration
  }

  /// An identity URL with the version the auth method speaks when it names none
  /// (`http://keystone:5000` -> `http://keystone:5000/v3`), as openstacksdk's discovery would
  /// find it.
  static func versioned(_ url: String, for auth: AuthMethod) -> String {
    guard ServiceVersionPath.version(in: url) == nil else { return url }
    switch auth {
    case .rackspaceAPIKey, .rackspacePassword: return ServiceVersionPath.appending("v2.0", to: url)
    default: return ServiceVersionPath.appending("v3", to: url)
    }
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
