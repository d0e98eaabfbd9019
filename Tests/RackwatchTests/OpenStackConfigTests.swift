import CloudClient
import CloudSimulator
import Foundation
import Logging
import Testing

@testable import rackwatch

/// openstacksdk's configuration rules (openstack/config/loader.py), one test each: the files
/// it searches and merges, vendor profiles, regions, interface, TLS, auth types and the
/// environment cloud, and where `rackwatch profiles` says each value came from.
@Suite("clouds.yaml as openstacksdk reads it")
struct OpenStackConfigTests {
  static func resolve(
    _ home: TempHome, env: [String: String] = [:], cloud: String? = nil, flags: Profile? = nil
  ) throws -> Profile {
    let resolver = home.resolver(env: env)
    return try resolver.resolve(requested: nil, cloud: cloud, flags: flags, in: resolver.discover())
  }

  static func client(_ profile: Profile) throws -> ClientConfiguration {
    try ClientSettings.configuration(for: profile, logger: Logger(label: "test"))
  }

  static let keystoneCloud = """
    clouds:
      lab:
        auth:
          auth_url: http://keystone.lab:5000/v3
          username: demo
          project_name: demo
          user_domain_name: Default
          project_domain_name: Default
        regions: [RegionOne, RegionTwo]
    """

  @Test("OS_CLIENT_CONFIG_FILE goes to the front of the search list")
  func configFileVariable() throws {
    let home = try TempHome(files: [
      ".config/openstack/clouds.yaml": "clouds:\n  other:\n    auth: {auth_url: http://x/v3}\n",
      "elsewhere/my-clouds.yaml": Self.keystoneCloud,
    ])
    defer { home.remove() }
    let profile = try Self.resolve(
      home, env: ["OS_CLIENT_CONFIG_FILE": home.root + "/elsewhere/my-clouds.yaml"], cloud: "lab")
    #expect(profile.name == "lab")
    #expect(profile.source == .cloudsYAML(path: home.root + "/elsewhere/my-clouds.yaml"))
    // Without the variable the same cloud is not found, and the error says where we looked.
    #expect(throws: ConfigError.self) { try Self.resolve(home, cloud: "lab") }
  }

  @Test("clouds.yml, clouds.json and $XDG_CONFIG_HOME/openstack are searched too")
  func otherNamesAndPlaces() throws {
    let home = try TempHome(files: [
      "xdg/openstack/clouds.json":
        #"{"clouds": {"j": {"auth": {"auth_url": "http://k/v3", "username": "u"}}}}"#
    ])
    defer { home.remove() }
    let profile = try Self.resolve(home, env: ["XDG_CONFIG_HOME": home.root + "/xdg"], cloud: "j")
    #expect(profile.username == "u")
    let yml = try TempHome(files: [".config/openstack/clouds.yml": Self.keystoneCloud])
    defer { yml.remove() }
    #expect(try Self.resolve(yml, cloud: "lab").username == "demo")
  }

  @Test("secure.yaml merges secrets into the cloud of the same name; OS_CLIENT_SECURE_FILE first")
  func secureFile() throws {
    let home = try TempHome(files: [
      ".config/openstack/clouds.yaml": Self.keystoneCloud,
      ".config/openstack/secure.yaml":
        "clouds:\n  lab:\n    auth:\n      password: from-secure-1\n",
      "vault/secure.yaml": "clouds:\n  lab:\n    auth:\n      password: from-variable-2\n",
    ])
    defer { home.remove() }
    let profile = try Self.resolve(home, cloud: "lab")
    #expect(profile.password?.revealed == "from-secure-1")
    #expect(profile.username == "demo")  // clouds.yaml's auth keys stay
    #expect(profile.origins[.password]?.contains("secure.yaml:4 clouds.lab.auth.password") == true)
    let viaVariable = try Self.resolve(
      home, env: ["OS_CLIENT_SECURE_FILE": home.root + "/vault/secure.yaml"], cloud: "lab")
    #expect(viaVariable.password?.revealed == "from-variable-2")
  }

  @Test("profile: rackspace brings identity v2.0, its regions and rax:database")
  func rackspaceVendorProfile() throws {
    let home = try TempHome(files: [
      ".config/openstack/clouds.yaml": """
      clouds:
        rax:
          profile: rackspace
          auth: {username: ops, api_key: 0123456789abcdef}
          region_name: ORD
      """
    ])
    defer { home.remove() }
    let profile = try Self.resolve(home, cloud: "rax")
    #expect(profile.identityURL == "https://identity.api.rackspacecloud.com/v2.0/")
    #expect(profile.effectiveAuthKind == .apiKey)
    #expect(profile.knownRegions == ["DFW", "HKG", "IAD", "ORD", "SYD", "LON"])
    #expect(profile.regions == ["ORD"])
    #expect(profile.serviceTypes["database"] == "rax:database")
    #expect(profile.origins[.identity]?.contains("built-in vendor profile 'rackspace'") == true)
    #expect(try Self.client(profile).preferredServiceTypes[.database] == "rax:database")
  }

  @Test(
    "clouds-public.yaml vendors win over the built-in ones; an unknown one is a warning with its line"
  )
  func publicClouds() throws {
    let home = try TempHome(files: [
      ".config/openstack/clouds-public.yaml": """
      public-clouds:
        rackspace:
          auth: {auth_url: "https://identity.example/v2.0"}
          regions: [XYZ]
      """,
      ".config/openstack/clouds.yaml": """
      clouds:
        rax:
          profile: rackspace
          auth: {username: ops, api_key: k}
      """,
    ])
    defer { home.remove() }
    let profile = try Self.resolve(home, cloud: "rax")
    #expect(profile.identityURL == "https://identity.example/v2.0")
    #expect(profile.regions == ["XYZ"])
    let broken = try TempHome(files: [
      ".config/openstack/clouds.yaml": "clouds:\n  bad:\n    profile: nowhere\n"
    ])
    defer { broken.remove() }
    // openstacksdk warns and goes on; so does rackwatch, naming the file and line.
    let warnings = try broken.resolver().discover().warnings
    #expect(warnings.contains { $0.contains("clouds.yaml:3") && $0.contains("'nowhere'") })
  }

  @Test(
    "regions: the first is the default, region_name or --region picks another, others are refused")
  func regionsList() throws {
    let home = try TempHome(files: [".config/openstack/clouds.yaml": Self.keystoneCloud])
    defer { home.remove() }
    #expect(try Self.resolve(home, cloud: "lab").regions == ["RegionOne"])
    var flags = Profile(name: "flags", source: .flags)
    flags.regions = ["RegionTwo"]
    #expect(try Self.resolve(home, cloud: "lab", flags: flags).regions == ["RegionTwo"])
    #expect(
      try Self.resolve(home, env: ["OS_REGION_NAME": "RegionTwo"], cloud: "lab").regions == [
        "RegionTwo"
      ])
    flags.regions = ["all"]
    #expect(try Self.resolve(home, cloud: "lab", flags: flags).regions == ["all"])
    flags.regions = ["regionone"]
    do {
      _ = try Self.resolve(home, cloud: "lab", flags: flags)
      Issue.record("expected an error")
    } catch let error as ConfigError {
      #expect(error.message.contains("RegionOne, RegionTwo"))
    }
    let picked = try TempHome(files: [
      ".config/openstack/clouds.yaml": Self.keystoneCloud + "\n    region_name: RegionTwo\n"
    ])
    defer { picked.remove() }
    let profile = try Self.resolve(picked, cloud: "lab")
    #expect(profile.regions == ["RegionTwo"])
    #expect(profile.knownRegions == ["RegionOne", "RegionTwo"])
  }

  @Test("regions as {name, values}: a region's values apply when that region is chosen")
  func regionValues() throws {
    let home = try TempHome(files: [
      ".config/openstack/clouds.yaml": """
      clouds:
        split:
          auth: {auth_url: "http://one/v3", username: demo, password: p}
          regions:
            - RegionOne
            - name: RegionTwo
              values:
                auth: {auth_url: "http://two/v3"}
                interface: internal
      """
    ])
    defer { home.remove() }
    let one = try Self.resolve(home, cloud: "split")
    #expect(one.identityURL == "http://one/v3")
    #expect(one.interface == nil)
    var flags = Profile(name: "flags", source: .flags)
    flags.regions = ["RegionTwo"]
    let two = try Self.resolve(home, cloud: "split", flags: flags)
    #expect(two.identityURL == "http://two/v3")
    #expect(two.interface == "internal")
    #expect(two.password?.revealed == "p")
    let bad = try TempHome(files: [
      ".config/openstack/clouds.yaml":
        "clouds:\n  x:\n    regions:\n      - name: R\n        colour: blue\n"
    ])
    defer { bad.remove() }
    #expect(throws: ConfigError.self) { try bad.resolver().discover() }
  }

  @Test("interface, verify and cacert reach the client")
  func interfaceAndTLS() throws {
    let home = try TempHome(files: [
      ".config/openstack/clouds.yaml": Self.keystoneCloud + """

            interface: admin
            verify: false
          tls:
            auth: {auth_url: "https://k/v3", username: u, password: p}
            cacert: /etc/ssl/lab-ca.pem
        """
    ])
    defer { home.remove() }
    var lab = try Self.resolve(home, cloud: "lab")
    lab.password = Secret("p")
    let labClient = try Self.client(lab)
    #expect(labClient.interface == .admin)
    #expect(labClient.insecure)
    let tls = try Self.client(try Self.resolve(home, cloud: "tls"))
    #expect(tls.caCertificateFile == "/etc/ssl/lab-ca.pem")
    #expect(!tls.insecure)
  }

  @Test(
    "auth_type as openstacksdk spells it",
    arguments: [
      ("password", "http://k:5000/v3", "keystone v3 password"),
      ("password", "https://identity.api.rackspacecloud.com/v2.0", "identity v2.0 password"),
      ("v2password", "http://k/v2.0", "identity v2.0 password"),
      ("v3password", "http://k:5000/v3", "keystone v3 password"),
      ("v3applicationcredential", "http://k:5000/v3", "application credential"),
      ("token", "http://k:5000/v3", "keystone v3 token"),
      ("v3token", "http://k:5000/v3", "keystone v3 token"),
      ("admin_token", "", "fixed token"),
    ])
  func authTypes(type: String, url: String, expected: String) throws {
    let endpoint = url.isEmpty ? "\n    block_storage_endpoint_override: http://c/v3/p" : ""
    let authURL = url.isEmpty ? "" : "auth_url: \"\(url)\", "
    let home = try TempHome(files: [
      ".config/openstack/clouds.yaml": """
      clouds:
        c:
          auth_type: \(type)
          auth: {\(authURL)username: u, password: p, token: t, application_credential_id: i, application_credential_secret: s}\(endpoint)
      """
    ])
    defer { home.remove() }
    let client = try Self.client(try Self.resolve(home, cloud: "c"))
    #expect(client.auth.description.hasPrefix(expected), "\(type) gave \(client.auth)")
  }

  @Test("an unversioned auth_url gets the version identity_api_version states, or v3")
  func unversionedURL() throws {
    let home = try TempHome(files: [
      ".config/openstack/clouds.yaml": """
      clouds:
        bare:
          auth: {auth_url: "http://k:5000", username: u, password: p, project_name: x}
        two:
          identity_api_version: 2
          auth: {auth_url: "http://k:5000/", username: u, password: p}
      """
    ])
    defer { home.remove() }
    #expect(
      try Self.client(try Self.resolve(home, cloud: "bare")).identityURL == "http://k:5000/v3")
    let two = try Self.resolve(home, cloud: "two")
    #expect(two.identityURL == "http://k:5000/v2.0")
    #expect(two.effectiveAuthKind == .v2Password)
  }

  @Test("user_domain_id is sent as a domain id, user_domain_name as a name")
  func domainIDs() throws {
    let home = try TempHome(files: [
      ".config/openstack/clouds.yaml": """
      clouds:
        ids:
          auth: {auth_url: "http://k/v3", username: u, password: p, project_name: x, user_domain_id: default, project_domain_id: default}
      """
    ])
    defer { home.remove() }
    let client = try Self.client(try Self.resolve(home, cloud: "ids"))
    guard case .keystonePassword(_, _, let userDomain, _, _, let projectDomain) = client.auth else {
      Issue.record("expected a keystone password, got \(client.auth)")
      return
    }
    #expect(userDomain == .id("default"))
    #expect(projectDomain == .id("default"))
  }

  @Test("the environment cloud is 'envvars', or OS_CLOUD_NAME, and --os-cloud picks it")
  func environmentCloudName() throws {
    let home = try TempHome(files: [".config/openstack/clouds.yaml": Self.keystoneCloud])
    defer { home.remove() }
    let env = [
      "OS_AUTH_URL": "http://env/v3", "OS_USERNAME": "env-user", "OS_PASSWORD": "env-pass",
      "OS_CLOUD_NAME": "from-env",
    ]
    let picked = try Self.resolve(home, env: env, cloud: "from-env")
    #expect(picked.name == "from-env")
    #expect(picked.identityURL == "http://env/v3")
    var plain = env
    plain["OS_CLOUD_NAME"] = nil
    #expect(try Self.resolve(home, env: plain, cloud: "envvars").username == "env-user")
    do {
      _ = try Self.resolve(home, env: env, cloud: "nope")
      Issue.record("expected an error")
    } catch let error as ConfigError {
      #expect(error.message.contains("lab") && error.message.contains("from-env"))
    }
  }

  @Test("rackwatch profiles says where every value came from, secrets masked")
  func provenance() throws {
    let home = try TempHome(files: [
      ".config/openstack/clouds.yaml": Self.keystoneCloud,
      ".config/openstack/secure.yaml":
        "clouds:\n  lab:\n    auth:\n      password: secret-password-123\n",
    ])
    defer { home.remove() }
    var flags = Profile(name: "flags", source: .flags)
    flags.regions = ["RegionTwo"]
    flags.origins[.regions] = "--region"
    let profile = try Self.resolve(
      home, env: ["OS_USERNAME": "env-user"], cloud: "lab", flags: flags)
    let text = ProfilesCommand.describe(profile, chosen: true)
    #expect(text.contains("username: env-user  <- OS_USERNAME"))
    #expect(text.contains("regions: RegionTwo  <- --region"))
    #expect(text.contains("clouds.yaml:4 clouds.lab.auth.auth_url"))
    #expect(text.contains("secure.yaml:4 clouds.lab.auth.password"))
    #expect(text.contains("project: demo  <- "))
    #expect(!text.contains("secret-password-123"))
    #expect(text.contains("password: ****23"))
  }

  @Test(
    "the binary lists through a clouds.yaml named by OS_CLIENT_CONFIG_FILE, per region, both logins"
  )
  func binaryThroughConfigFile() async throws {
    var config = SimulatorConfiguration()
    config.regions = ["DFW", "ORD"]
    config.backupsPerRegion = 7
    config.snapshotsPerRegion = 5
    config.inMotion = 0  // counts stay put however slow the run
    let sim = try await SimulatorServer.start(config)
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    let file = runner.home + "/elsewhere/clouds.yaml"
    try FileManager.default.createDirectory(
      atPath: runner.home + "/elsewhere", withIntermediateDirectories: true)
    try """
    clouds:
      sim-password:
        auth: {auth_url: "\(sim.baseURL)", username: demo, password: demo, project_name: demo,
               user_domain_name: Default, project_domain_name: Default}
        identity_api_version: 3
        regions: [DFW, ORD]
      sim-appcred:
        auth_type: v3applicationcredential
        auth: {auth_url: "\(sim.identityV3URL)", application_credential_id: \(config.applicationCredentialID),
               application_credential_secret: \(config.applicationCredentialSecret)}
        regions: [DFW, ORD]
    """.write(toFile: file, atomically: true, encoding: .utf8)
    let env = ["OS_CLIENT_CONFIG_FILE": file]
    for cloud in ["sim-password", "sim-appcred"] {
      for (region, kind, count) in [("DFW", "backups", 7), ("ORD", "snapshots", 5)] {
        let result = try await runner.run(
          ["list", kind, "--os-cloud", cloud, "--region", region, "--format", "json"],
          environment: env)
        #expect(result.status == 0, "\(cloud) \(region): \(result.stderr)")
        let rows = try CommandTests.json(result.stdout)
        #expect(rows.count == count, "\(cloud) \(region) \(kind)")
        #expect(rows.allSatisfy { $0["region"] as? String == region })
      }
    }
    // The default region is the first one listed.
    let first = try await runner.run(
      ["list", "backups", "--os-cloud", "sim-password", "--format", "json"], environment: env)
    #expect(try CommandTests.json(first.stdout).allSatisfy { $0["region"] as? String == "DFW" })
    // profiles shows the file and key of each value, the secret masked.
    let profiles = try await runner.run(
      ["profiles", "--os-cloud", "sim-appcred"], environment: env)
    await sim.shutdown()
    #expect(profiles.stdout.contains("* sim-appcred"))
    #expect(
      profiles.stdout.contains("clouds.yaml:9 clouds.sim-appcred.auth.application_credential_id"))
    #expect(!profiles.stdout.contains(config.applicationCredentialSecret))
  }
}
