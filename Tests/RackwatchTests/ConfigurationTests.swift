import Foundation
import Testing

@testable import rackwatch

/// A private temporary home with the given files, removed afterwards.
struct TempHome {
  let root: String

  init(files: [String: String], mode: Int = 0o600) throws {
    root = NSTemporaryDirectory() + "rackwatch-test-" + UUID().uuidString
    for (relative, text) in files {
      let path = root + "/" + relative
      try FileManager.default.createDirectory(
        atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
      try text.write(toFile: path, atomically: true, encoding: .utf8)
      try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
    }
  }

  func resolver(env: [String: String] = [:]) -> ProfileResolver {
    var environment = env
    environment["HOME"] = root
    return ProfileResolver(
      paths: ConfigPaths(environment: environment, currentDirectory: root + "/cwd"),
      environment: environment)
  }

  func remove() { try? FileManager.default.removeItem(atPath: root) }
}

let sampleConfig = """
  default_profile: prod
  theme: light
  profiles:
    prod:
      auth: apikey
      identity_url: https://identity.api.rackspacecloud.com/v2.0
      username: ops
      api_key: 0123456789abcdef
      regions: [DFW, ORD]
      readonly: true
      header_color: red
      refresh: { fast: 3, slow: 45, whole: 900 }
    lab:
      auth: v3password
      identity_url: http://keystone.lab:5000/v3
      username: alice
      password_command: echo s3cret-from-command
      project_name: lab
      regions: all
      admin: true
  """

let sampleClouds = """
  clouds:
    devstack:
      auth_type: password
      region_name: RegionOne
      auth:
        auth_url: http://127.0.0.1/identity/v3
        username: admin
        password: devstack-pass
        project_name: admin
        user_domain_name: Default
        project_domain_name: Default
  """

let sampleRack = """
  [default]
  username = rackuser
  api-key = rack-key-value-123
  region = iad

  [staging]
  username = stager
  api-key = staging-key-456
  region = LON
  """

@Suite("configuration files and precedence")
struct ConfigurationTests {
  @Test("config.yaml profiles are read with every field")
  func readsRackwatchConfig() throws {
    let home = try TempHome(files: [".config/rackwatch/config.yaml": sampleConfig])
    defer { home.remove() }
    let found = try home.resolver().discover()
    let config = try #require(found.rackwatch)
    #expect(config.defaultProfile == "prod")
    #expect(config.theme == "light")
    let prod = try #require(config.profiles.first { $0.name == "prod" })
    #expect(prod.authKind == .apiKey)
    #expect(prod.username == "ops")
    #expect(prod.apiKey?.revealed == "0123456789abcdef")
    #expect(prod.regions == ["DFW", "ORD"])
    #expect(prod.readOnly)
    #expect(prod.headerColor == "red")
    #expect(prod.refreshFast == 3 && prod.refreshSlow == 45 && prod.refreshWhole == 900)
    let lab = try #require(config.profiles.first { $0.name == "lab" })
    #expect(lab.effectiveAuthKind == .v3Password)
    #expect(lab.regions == ["all"])
    #expect(lab.secretCommand == "echo s3cret-from-command")
    // `admin: true` offers Cinder's admin actions; absent means no.
    #expect(lab.admin)
    #expect(!prod.admin)
  }

  @Test("the default profile is chosen and the theme falls back to the file's")
  func defaultProfile() throws {
    let home = try TempHome(files: [".config/rackwatch/config.yaml": sampleConfig])
    defer { home.remove() }
    let resolver = home.resolver()
    let profile = try resolver.resolve(
      requested: nil, cloud: nil, flags: nil, in: resolver.discover())
    #expect(profile.name == "prod")
    #expect(profile.theme == "light")
  }

  @Test("flags beat the environment, which beats the profile")
  func precedence() throws {
    let home = try TempHome(files: [".config/rackwatch/config.yaml": sampleConfig])
    defer { home.remove() }
    let resolver = home.resolver(env: ["OS_USERNAME": "from-env", "OS_REGION_NAME": "IAD"])
    var flags = Profile(name: "flags", source: .flags)
    flags.regions = ["LON"]
    let found = try resolver.discover()
    let profile = try resolver.resolve(requested: "prod", cloud: nil, flags: flags, in: found)
    #expect(profile.username == "from-env")  // env over profile
    #expect(profile.regions == ["LON"])  // flag over env
    #expect(profile.apiKey?.revealed == "0123456789abcdef")  // profile where nothing overrides
  }

  @Test("clouds.yaml is found on the standard path and chosen with OS_CLOUD")
  func cloudsYAML() throws {
    let home = try TempHome(files: [".config/openstack/clouds.yaml": sampleClouds])
    defer { home.remove() }
    let resolver = home.resolver(env: ["OS_CLOUD": "devstack"])
    let profile = try resolver.resolve(
      requested: nil, cloud: nil, flags: nil, in: resolver.discover())
    #expect(profile.name == "devstack")
    #expect(profile.authKind == .password)  // openstacksdk's generic password...
    #expect(profile.effectiveAuthKind == .v3Password)  // ...is v3 at a /v3 URL
    #expect(profile.identityURL == "http://127.0.0.1/identity/v3")
    #expect(profile.projectName == "admin")
    #expect(profile.userDomain == "Default")
    #expect(profile.regions == ["RegionOne"])
  }

  @Test("~/.rack/config default and named profiles")
  func rackConfig() throws {
    let home = try TempHome(files: [".rack/config": sampleRack])
    defer { home.remove() }
    let resolver = home.resolver()
    let found = try resolver.discover()
    #expect(found.rack?.profiles.map(\.name) == ["default", "staging"])
    let chosen = try resolver.resolve(requested: nil, cloud: nil, flags: nil, in: found)
    #expect(chosen.username == "rackuser")
    #expect(chosen.regions == ["IAD"])
    #expect(chosen.effectiveAuthKind == .apiKey)
    let staging = try resolver.resolve(requested: "staging", cloud: nil, flags: nil, in: found)
    #expect(staging.apiKey?.revealed == "staging-key-456")
  }

  @Test("RS_* variables alone make a profile")
  func rackEnvironment() throws {
    let home = try TempHome(files: [:])
    defer { home.remove() }
    let resolver = home.resolver(env: [
      "RS_USERNAME": "envuser", "RS_API_KEY": "env-key-789", "RS_REGION_NAME": "ord",
    ])
    let profile = try resolver.resolve(
      requested: nil, cloud: nil, flags: nil, in: resolver.discover())
    #expect(profile.source == .environment)
    #expect(profile.username == "envuser")
    #expect(profile.regions == ["ORD"])
  }

  @Test("a broken config.yaml names the file and line")
  func brokenYAML() throws {
    let home = try TempHome(files: [
      ".config/rackwatch/config.yaml": "profiles:\n  prod:\n    username: [unclosed\n"
    ])
    defer { home.remove() }
    #expect {
      try home.resolver().discover()
    } throws: { error in
      let text = String(describing: error)
      return text.contains("config.yaml:") && (error as? ConfigError)?.line != nil
    }
  }

  @Test("an unknown key names the file, line and key")
  func unknownKey() throws {
    let home = try TempHome(files: [
      ".config/rackwatch/config.yaml":
        "profiles:\n  prod:\n    username: x\n    colour_scheme: red\n"
    ])
    defer { home.remove() }
    do {
      _ = try home.resolver().discover()
      Issue.record("expected an error")
    } catch let error as ConfigError {
      #expect(error.line == 4)
      #expect(error.message.contains("colour_scheme"))
    }
  }

  @Test(
    "a refresh interval that is not a number of seconds up to a day is refused, by line",
    arguments: ["1e30", "-2", "0", "soon", "86401"])
  func refreshIntervalOutOfRange(value: String) throws {
    let home = try TempHome(files: [
      ".config/rackwatch/config.yaml":
        "profiles:\n  prod:\n    username: x\n    refresh: { fast: 2, whole: \(value) }\n"
    ])
    defer { home.remove() }
    do {
      _ = try home.resolver().discover()
      Issue.record("expected an error for \(value)")
    } catch let error as ConfigError {
      #expect(error.line == 4)
      #expect(error.message.contains("refresh.whole"))
    }
  }

  @Test("a broken ~/.rack/config names the line")
  func brokenRack() throws {
    let home = try TempHome(files: [".rack/config": "[default]\nusername rackuser\n"])
    defer { home.remove() }
    do {
      _ = try home.resolver().discover()
      Issue.record("expected an error")
    } catch let error as ConfigError {
      #expect(error.line == 2)
    }
  }

  @Test("a secret in a file others can read gets a warning, as ssh gives")
  func permissionWarning() throws {
    let home = try TempHome(files: [".config/rackwatch/config.yaml": sampleConfig], mode: 0o644)
    defer { home.remove() }
    let found = try home.resolver().discover()
    #expect(found.warnings.count == 1)
    #expect(found.warnings.first?.contains("chmod 600") == true)
    let tight = try TempHome(files: [".config/rackwatch/config.yaml": sampleConfig], mode: 0o600)
    defer { tight.remove() }
    #expect(try tight.resolver().discover().warnings.isEmpty)
  }

  @Test("an unknown --profile lists the known ones")
  func unknownProfile() throws {
    let home = try TempHome(files: [".config/rackwatch/config.yaml": sampleConfig])
    defer { home.remove() }
    let resolver = home.resolver()
    do {
      _ = try resolver.resolve(requested: "nope", cloud: nil, flags: nil, in: resolver.discover())
      Issue.record("expected an error")
    } catch let error as ConfigError {
      #expect(error.message.contains("prod") && error.message.contains("lab"))
    }
  }

  @Test("secrets are masked wherever a profile is described")
  func masking() throws {
    let home = try TempHome(files: [".config/rackwatch/config.yaml": sampleConfig])
    defer { home.remove() }
    let found = try home.resolver().discover()
    let text = found.allProfiles.map { ProfilesCommand.describe($0, chosen: false) }.joined()
    #expect(!text.contains("0123456789abcdef"))
    #expect(text.contains("****ef"))
    #expect(String(describing: found.allProfiles).contains("0123456789abcdef") == false)
  }

  @Test("durations read as people write them")
  func durations() {
    #expect(DurationArgument(argument: "90s")?.seconds == 90)
    #expect(DurationArgument(argument: "30m")?.seconds == 1800)
    #expect(DurationArgument(argument: "1h30m")?.seconds == 5400)
    #expect(DurationArgument(argument: "12")?.seconds == 12)
    #expect(DurationArgument(argument: "soon") == nil)
    #expect(DurationArgument(argument: "5x") == nil)
  }
}
