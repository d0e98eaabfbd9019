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

  static func describe(_ p: Profile, chosen: Bool) -> String {
    var lines = ["\(chosen ? "*" : " ") \(p.name)  [\(p.source)]\(chosen ? "  (in use)" : "")"]
    func add(_ key: String, _ value: String?) {
      if let value, !value.isEmpty { lines.append("      \(key): \(value)") }
    }
    add("auth", p.effectiveAuthKind?.rawValue ?? "none")
    add("identity", p.identityURL)
    add("username", p.username)
    add("api key", p.apiKey?.masked)
    add("password", p.password?.masked)
    add("secret command", p.secretCommand)
    add("project", p.projectName ?? p.projectID ?? p.tenantID)
    add("domains", p.userDomain.map { "user \($0), project \(p.projectDomain ?? $0)" })
    add("application credential", p.applicationCredentialID)
    add("token", p.token?.masked)
    add("regions", p.regions.isEmpty ? "account default" : p.regions.joined(separator: ", "))
    add(
      "endpoints",
      p.endpoints.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " "))
    add("interface", p.interface)
    if p.readOnly { add("readonly", "yes") }
    add("header colour", p.headerColor)
    add("theme", p.theme)
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
