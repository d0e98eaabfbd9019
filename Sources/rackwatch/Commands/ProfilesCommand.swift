import ArgumentParser
import Foundation

/// `rackwatch profiles`: every profile found, where it came from and what it would use.
struct ProfilesCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "profiles",
    abstract: "List the profiles found in config files and the environment (secrets masked).")

  @OptionGroup var connection: ConnectionOptions

  func run() throws {
    let resolver = ProfileResolver.current()
    let found: ProfileResolver.Discovery
    do { found = try resolver.discover() } catch { throw CommandFailure.from(error).exit() }
    for warning in found.warnings { StandardError.write(warning + "\n") }
    let chosen = try? resolver.resolve(
      requested: connection.profile, cloud: connection.osCloud, flags: connection.overlay(),
      in: found)
    let profiles = found.allProfiles
    if profiles.isEmpty {
      print(NoCredentialsHelp.text(paths: resolver.paths))
      return
    }
    for profile in profiles {
      let mark = chosen.map { $0.name == profile.name && $0.source == profile.source } ?? false
      print(Self.describe(profile, chosen: mark))
    }
    if let chosen,
      !profiles.contains(where: { $0.name == chosen.name && $0.source == chosen.source })
    {
      print(Self.describe(chosen, chosen: true))
    }
  }

  /// The profile, one value a line, each with where it came from (file:line and key, an
  /// environment variable or a flag); secrets masked.
  static func describe(_ p: Profile, chosen: Bool) -> String {
    var lines = ["\(chosen ? "*" : " ") \(p.name)  [\(p.source)]\(chosen ? "  (in use)" : "")"]
    func add(_ field: ProfileField?, _ label: String, _ value: String?) {
      guard let value, !value.isEmpty else { return }
      var origin = field.flatMap { p.origins[$0] }.map { "  <- \($0)" } ?? ""
      if field == .auth, origin.isEmpty, authKind != nil {
        origin = "  <- inferred from the identity URL and the credentials given"
      }
      lines.append("      \(label): \(value)\(origin)")
    }
    let authKind = p.effectiveAuthKind
    add(
      .auth, "auth",
      authKind.map(\.rawValue).map { kind in
        p.authKind.map { $0 != authKind ? "\(kind) (from \($0.rawValue))" : kind } ?? kind
      } ?? "none")
    add(.identity, "identity", p.identityURL)
    add(.username, "username", p.username)
    add(.apiKey, "api key", p.apiKey?.masked)
    add(.password, "password", p.password?.masked)
    add(.secretCommand, "secret command", p.secretCommand)
    add(.tenant, "tenant", p.tenantID)
    add(.project, "project", p.projectName)
    add(.projectID, "project id", p.projectID)
    add(.userDomain, "user domain", p.userDomain.map { p.userDomainIsID ? "id \($0)" : $0 })
    add(
      .projectDomain, "project domain",
      p.projectDomain.map { p.projectDomainIsID ? "id \($0)" : $0 })
    add(.applicationCredential, "application credential", p.applicationCredentialID)
    add(
      .applicationCredentialSecret, "application credential secret",
      p.applicationCredentialSecret?.masked)
    add(.token, "token", p.token?.masked)
    add(
      .regions, "regions", p.regions.isEmpty ? "account default" : p.regions.joined(separator: ", ")
    )
    if p.knownRegions.count > 1 {
      add(nil, "known regions", p.knownRegions.joined(separator: ", "))
    }
    add(
      .endpoints, "endpoints",
      p.endpoints.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " "))
    add(
      .serviceTypes, "service types",
      p.serviceTypes.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(
        separator: " "))
    add(.interface, "interface", p.interface)
    if p.insecure { add(.verify, "verify", "no (TLS certificates not checked)") }
    add(.caCertificate, "cacert", p.caCertificateFile)
    if p.readOnly { add(.readonly, "readonly", "yes") }
    if p.admin { add(.admin, "admin", "yes (reset status, force delete)") }
    add(.headerColor, "header colour", p.headerColor)
    add(.theme, "theme", p.theme)
    add(.notifications, "notifications", p.notifications)
    add(.notifyFailures, "notify failures", p.notifyFailures.map { $0 ? "yes" : "no" })
    return lines.joined(separator: "\n")
  }
}

extension ProfileResolver {
  /// The resolver for this process's environment and working directory.
  static func current() -> ProfileResolver {
    let env = ProcessInfo.processInfo.environment
    return ProfileResolver(
      paths: ConfigPaths(
        environment: env, currentDirectory: FileManager.default.currentDirectoryPath),
      environment: env)
  }
}
