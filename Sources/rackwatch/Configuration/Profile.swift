/// How a profile authenticates.
enum AuthKind: String, Sendable, CaseIterable {
  /// Rackspace Identity v2.0 with username + API key (RAX-KSKEY).
  case apiKey = "apikey"
  /// Identity v2.0 with username + password.
  case password
  /// Keystone v3 password, project-scoped.
  case v3Password = "v3password"
  /// Keystone v3 application credential.
  case v3ApplicationCredential = "v3applicationcredential"
  /// A fixed token with explicit endpoints (noauth setups).
  case token

  /// Accepts the spellings used by clouds.yaml and OS_AUTH_TYPE as well as our own.
  init?(loose value: String) {
    switch value.lowercased().replacingOccurrences(of: "_", with: "") {
    case "apikey", "raxkskey", "rackspaceapikey": self = .apiKey
    case "password", "v2password": self = .password
    case "v3password": self = .v3Password
    case "v3applicationcredential", "applicationcredential": self = .v3ApplicationCredential
    case "token", "v3token", "v2token", "admintoken", "noauth": self = .token
    default: return nil
    }
  }
}

/// Where a profile was found; shown by `rackwatch profiles`.
enum ProfileSource: Sendable, Equatable, CustomStringConvertible {
  case rackwatchConfig(path: String)
  case cloudsYAML(path: String)
  case rackConfig(path: String)
  case environment
  case flags
  case demo

  var description: String {
    switch self {
    case .rackwatchConfig(let path): "rackwatch config (\(path))"
    case .cloudsYAML(let path): "clouds.yaml (\(path))"
    case .rackConfig(let path): "rack CLI config (\(path))"
    case .environment: "environment (OS_* / RS_*)"
    case .flags: "command-line flags"
    case .demo: "embedded simulator (--demo)"
    }
  }
}

/// Everything needed to reach one cloud account, merged from files, environment and flags.
struct Profile: Sendable, Equatable {
  var name: String
  var source: ProfileSource
  var authKind: AuthKind?
  var identityURL: String?
  var username: String?
  var apiKey: Secret?
  var password: Secret?
  /// A shell command that prints the password or API key (a password manager).
  var secretCommand: String?
  var tenantID: String?
  var projectName: String?
  var projectID: String?
  var userDomain: String?
  var projectDomain: String?
  var applicationCredentialID: String?
  var applicationCredentialSecret: Secret?
  var token: Secret?
  /// Regions to show; empty means the account's default, `["all"]` means every region.
  var regions: [String] = []
  /// Explicit endpoints by service (`database`, `volume`); they win over the catalog.
  var endpoints: [String: String] = [:]
  /// `public` or `internal` (ServiceNet).
  var interface: String?
  var readOnly: Bool = false
  /// Header colour, e.g. `red` for production.
  var headerColor: String?
  var refreshFast: Double?
  var refreshSlow: Double?
  var theme: String?
  var insecure: Bool = false

  init(name: String, source: ProfileSource) {
    self.name = name
    self.source = source
  }

  /// The auth kind stated, or the one the present fields imply.
  var effectiveAuthKind: AuthKind? {
    if let authKind { return authKind }
    if token != nil { return .token }
    if applicationCredentialID != nil { return .v3ApplicationCredential }
    if apiKey != nil { return .apiKey }
    if password != nil || secretCommand != nil {
      if let identityURL, identityURL.contains("/v3") { return .v3Password }
      if projectName != nil || userDomain != nil || projectDomain != nil { return .v3Password }
      return .password
    }
    return nil
  }

  /// Whether this profile names any credential at all.
  var hasCredentials: Bool {
    apiKey != nil || password != nil || secretCommand != nil || token != nil
      || applicationCredentialSecret != nil
  }

  /// Overlays every field `other` sets onto this profile (used for flags > env > profile).
  mutating func overlay(_ other: Profile) {
    if let v = other.authKind { authKind = v }
    if let v = other.identityURL { identityURL = v }
    if let v = other.username { username = v }
    if let v = other.apiKey { apiKey = v }
    if let v = other.password { password = v }
    if let v = other.secretCommand { secretCommand = v }
    if let v = other.tenantID { tenantID = v }
    if let v = other.projectName { projectName = v }
    if let v = other.projectID { projectID = v }
    if let v = other.userDomain { userDomain = v }
    if let v = other.projectDomain { projectDomain = v }
    if let v = other.applicationCredentialID { applicationCredentialID = v }
    if let v = other.applicationCredentialSecret { applicationCredentialSecret = v }
    if let v = other.token { token = v }
    if !other.regions.isEmpty { regions = other.regions }
    endpoints.merge(other.endpoints) { _, new in new }
    if let v = other.interface { interface = v }
    if other.readOnly { readOnly = true }
    if let v = other.headerColor { headerColor = v }
    if let v = other.refreshFast { refreshFast = v }
    if let v = other.refreshSlow { refreshSlow = v }
    if let v = other.theme { theme = v }
    if other.insecure { insecure = true }
  }

  /// True when no field is set (an empty overlay).
  var isEmpty: Bool {
    var blank = Profile(name: name, source: source)
    blank.name = name
    return self == blank
  }
}
