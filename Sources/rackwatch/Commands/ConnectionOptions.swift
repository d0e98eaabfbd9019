import ArgumentParser

/// Flags that choose and override the cloud profile; shared by every command that talks to
/// a cloud. Flags win over the environment, which wins over profiles.
struct ConnectionOptions: ParsableArguments {
  @Option(help: "Profile from config.yaml, clouds.yaml or ~/.rack/config.")
  var profile: String?

  @Option(name: .customLong("os-cloud"), help: "Cloud name in clouds.yaml (as OS_CLOUD).")
  var osCloud: String?

  @Option(name: .customLong("auth-url"), help: "Identity URL (v2.0 or v3).")
  var authURL: String?

  @Option(help: "User name.")
  var username: String?

  @Option(name: .customLong("api-key"), help: "Rackspace API key (prefer a profile or RS_API_KEY).")
  var apiKey: String?

  @Option(help: "Password (prefer a profile with a password command, or OS_PASSWORD).")
  var password: String?

  @Option(name: .customLong("project"), help: "Keystone v3 project name.")
  var projectName: String?

  @Option(help: "Region to show, e.g. DFW; 'all' for every region.")
  var region: String?

  @Option(
    name: .customLong("endpoint"),
    help: ArgumentHelp(
      "Explicit service endpoint: database=URL or volume=URL.", valueName: "service=url"))
  var endpoints: [String] = []

  @Option(help: "A fixed token (noauth setups; use with --endpoint).")
  var token: String?

  @Option(
    name: .customLong("request-timeout"),
    help: "Longest one request may take, headers and body (e.g. 30s, 2m; default 2m).")
  var requestTimeout: DurationArgument?

  @Flag(help: "Refuse every create, rename and delete.")
  var readonly = false

  @Flag(help: "Do not verify TLS certificates.")
  var insecure = false

  @Option(
    name: .customLong("os-cacert"), help: "PEM file of CA certificates to trust (as OS_CACERT).")
  var caCertificate: String?

  @Option(
    name: .customLong("log-file"),
    help: "Log file (default ~/.local/state/rackwatch/rackwatch.log).")
  var logFile: String?

  @Flag(help: "Log every request line (method, path, status, duration).")
  var debug = false

  /// The flags as a profile overlay, each value marked with the flag that set it.
  func overlay() throws -> Profile {
    var p = Profile(name: "flags", source: .flags)
    func set<Value>(
      _ field: WritableKeyPath<Profile, Value?>, _ name: ProfileField, _ flag: String,
      _ value: Value?
    ) {
      guard let value else { return }
      p[keyPath: field] = value
      p.origins[name] = flag
    }
    set(\.identityURL, .identity, "--auth-url", authURL)
    set(\.username, .username, "--username", username)
    set(\.apiKey, .apiKey, "--api-key", apiKey.map(Secret.init))
    set(\.password, .password, "--password", password.map(Secret.init))
    set(\.projectName, .project, "--project", projectName)
    set(\.token, .token, "--token", token.map(Secret.init))
    set(\.caCertificateFile, .caCertificate, "--os-cacert", caCertificate)
    if let region {
      p.regions = region.lowercased() == "all" ? ["all"] : [region]
      p.origins[.regions] = "--region"
    }
    for item in endpoints {
      let parts = item.split(separator: "=", maxSplits: 1).map(String.init)
      guard parts.count == 2, ["database", "volume"].contains(parts[0]), !parts[1].isEmpty else {
        throw ValidationError("--endpoint takes database=URL or volume=URL, not '\(item)'")
      }
      p.endpoints[parts[0]] = parts[1]
      p.origins[.endpoints] = "--endpoint"
    }
    if token != nil {
      p.authKind = endpoints.isEmpty ? .token : .adminToken
      p.origins[.auth] = "--token"
    }
    if readonly {
      p.readOnly = true
      p.origins[.readonly] = "--readonly"
    }
    if insecure {
      p.insecure = true
      p.origins[.verify] = "--insecure"
    }
    return p
  }
}
