import Foundation

/// Finds every profile rackwatch can see and picks the one to use:
/// flags > environment > profile (from config.yaml, clouds.yaml or ~/.rack/config).
struct ProfileResolver {
  var paths: ConfigPaths
  var environment: [String: String]

  /// Everything found on disk and in the environment, plus problems worth telling the user.
  struct Discovery {
    var rackwatch: RackwatchConfig?
    var clouds: CloudsYAML?
    var rack: RackCLIConfig?
    var environmentProfile: Profile?
    /// Permission warnings, as ssh gives them.
    var warnings: [String] = []

    var allProfiles: [Profile] {
      (rackwatch?.profiles ?? []) + (clouds?.profiles ?? []) + (rack?.profiles ?? [])
        + (environmentProfile.map { [$0] } ?? [])
    }
  }

  /// Reads every source. A broken file is an error naming file and line.
  func discover() throws -> Discovery {
    var found = Discovery()
    found.rackwatch = try RackwatchConfig.load(path: paths.rackwatchConfig)
    found.clouds = try CloudsYAML.load(files: paths.openStack)
    found.rack = try RackCLIConfig.load(path: paths.rackCLIConfig)
    found.environmentProfile = EnvironmentProfile.read(environment)
    if let config = found.rackwatch, config.holdsSecrets {
      found.warnings += Self.permissionWarning(path: config.path)
    }
    found.warnings += found.clouds?.warnings ?? []
    if let clouds = found.clouds, clouds.holdsSecrets {
      found.warnings += Self.permissionWarning(path: clouds.path)
    }
    if let clouds = found.clouds, clouds.secureHoldsSecrets, let secure = clouds.securePath {
      found.warnings += Self.permissionWarning(path: secure)
    }
    if let rack = found.rack, !rack.profiles.isEmpty {
      found.warnings += Self.permissionWarning(path: rack.path)
    }
    return found
  }

  /// The profile to use. `requested` is `--profile`; `cloud` is `--os-cloud`.
  func resolve(requested: String?, cloud: String?, flags: Profile?, in found: Discovery)
    throws -> Profile
  {
    var base: Profile
    var envAlreadyBase = false
    if let requested {
      guard let match = found.allProfiles.first(where: { $0.name == requested }) else {
        throw ConfigError(
          message: "no profile named '\(requested)'. Known profiles: "
            + Self.names(found.allProfiles) + ". Run 'rackwatch profiles' to see them all.")
      }
      base = match
    } else if let cloud = cloud ?? environment["OS_CLOUD"].flatMap({ $0.isEmpty ? nil : $0 }) {
      if let match = found.clouds?.profiles.first(where: { $0.name == cloud }) {
        base = match
      } else if let env = found.environmentProfile, env.name == cloud {
        base = env
        envAlreadyBase = true
      } else {
        throw ConfigError(message: Self.noCloud(cloud, found: found, files: paths.openStack))
      }
    } else if let env = found.environmentProfile, env.hasCredentials {
      base = env
      envAlreadyBase = true
    } else if let name = found.rackwatch?.defaultProfile {
      guard let match = found.rackwatch?.profiles.first(where: { $0.name == name }) else {
        throw ConfigError(
          file: found.rackwatch?.path,
          message: "default_profile '\(name)' is not one of its profiles")
      }
      base = match
    } else if let first = found.rackwatch?.profiles.first {
      base = first
    } else if let rackDefault = found.rack?.profiles.first(where: { $0.name == "default" }) {
      base = rackDefault
    } else if let only = found.clouds?.profiles.first, found.clouds?.profiles.count == 1 {
      base = only
    } else {
      base = Profile(name: "command line", source: .flags)
    }
    // A region's own values (clouds.yaml `regions: [{name, values}]`) apply under the
    // environment and flags, for the region they finally choose.
    let region =
      flags?.regions.first ?? found.environmentProfile?.regions.first ?? base.regions.first
    if let region {
      try Self.checkRegion(region, of: base)
      base.applyRegionValues(for: region)
    }
    if !envAlreadyBase, let env = found.environmentProfile { base.overlay(env) }
    if let flags { base.overlay(flags) }
    if base.theme == nil { base.theme = found.rackwatch?.theme }
    return base
  }

  /// openstacksdk refuses a region a cloud does not list; so does rackwatch (`all` aside).
  private static func checkRegion(_ region: String, of profile: Profile) throws {
    guard !profile.knownRegions.isEmpty, region.lowercased() != "all",
      !profile.knownRegions.contains(region)
    else { return }
    throw ConfigError(
      message: "region '\(region)' is not a region of cloud '\(profile.name)'; it lists "
        + profile.knownRegions.joined(separator: ", ") + " (region names are case sensitive)")
  }

  /// Says which file was read and which clouds it has, or where none was found.
  private static func noCloud(_ cloud: String, found: Discovery, files: OpenStackFiles) -> String {
    guard let clouds = found.clouds else {
      let searched = files.clouds.filter { !$0.hasSuffix(".yml") && !$0.hasSuffix(".json") }
      return "no cloud named '\(cloud)': no clouds.yaml found (searched "
        + searched.joined(separator: ", ") + "; OS_CLIENT_CONFIG_FILE names another)"
    }
    var known = clouds.profiles.map(\.name)
    if let env = found.environmentProfile { known.append(env.name) }
    return "no cloud named '\(cloud)' in \(clouds.path); it has "
      + (known.isEmpty ? "none" : known.joined(separator: ", "))
  }

  private static func names(_ profiles: [Profile]) -> String {
    profiles.isEmpty ? "none" : profiles.map(\.name).joined(separator: ", ")
  }

  /// A warning when a file holding secrets can be read by group or others.
  static func permissionWarning(path: String) -> [String] {
    guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
      let mode = attributes[.posixPermissions] as? NSNumber
    else { return [] }
    let bits = mode.uint16Value & 0o777
    guard bits & 0o077 != 0 else { return [] }
    return [
      "WARNING: \(path) holds credentials and is readable by others (mode "
        + String(bits, radix: 8) + "). Run: chmod 600 \(path)"
    ]
  }
}
