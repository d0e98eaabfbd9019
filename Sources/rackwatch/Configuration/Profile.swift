/// How a profile authenticates, in openstacksdk's `auth_type` vocabulary plus Rackspace's
/// API key.
enum AuthKind: String, Sendable, CaseIterable {
  /// Rackspace Identity v2.0 with username + API key (RAX-KSKEY).
  case apiKey = "apikey"
  /// openstacksdk's generic `password`: identity v2.0 when the URL says `/v2.0`, else v3.
  case password
  /// Identity v2.0 with username + password.
  case v2Password = "v2password"
  /// Keystone v3 password, project-scoped.
  case v3Password = "v3password"
  /// Keystone v3 application credential.
  case v3ApplicationCredential = "v3applicationcredential"
  /// openstacksdk's generic `token`: exchanged with keystone when there is an identity URL,
  /// else used as it is.
  case token
  /// A keystone v3 token exchanged for a project-scoped token with a catalog.
  case v3Token = "v3token"
  /// A fixed token sent as it is to explicit endpoints (noauth setups, `admin_token`).
  case adminToken = "admin_token"

  /// Accepts the spellings used by clouds.yaml, `OS_AUTH_TYPE` and our own config.
  init?(loose value: String) {
    switch value.lowercased().replacingOccurrences(of: "_", with: "")
      .replacingOccurrences(of: "-", with: "")
    {
    case "apikey", "raxkskey", "rackspaceapikey": self = .apiKey
    case "password": self = .password
    case "v2password": self = .v2Password
    case "v3password": self = .v3Password
    case "v3applicationcredential", "applicationcredential": self = .v3ApplicationCredential
    case "token", "v2token": self = .token
    case "v3token": self = .v3Token
    case "admintoken", "noauth", "none": self = .adminToken
    default: return nil
    }
  }

  /// The names accepted in files, for error messages.
  static let spellings =
    "apikey, password, v2password, v3password, v3applicationcredential, token, v3token, admin_token"
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

/// A profile value, named as `rackwatch profiles` shows it; the key of `Profile.origins`.
enum ProfileField: String, Sendable, CaseIterable {
  case auth, identity, username
  case apiKey = "api key"
  case password
  case secretCommand = "secret command"
  case tenant, project
  case projectID = "project id"
  case userDomain = "user domain"
  case projectDomain = "project domain"
  case applicationCredential = "application credential"
  case applicationCredentialSecret = "application credential secret"
  case token, regions, endpoints, interface, readonly, admin
  case headerColor = "header colour"
  case refresh, theme
  case notifications
  case notifyFailures = "notify failures"
  case protection
  case verify
  case caCertificate = "cacert"
  case serviceTypes = "service types"
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
  /// Keystone domains: a name, or an ID when the file said `*_domain_id`.
  var userDomain: String?
  var userDomainIsID = false
  var projectDomain: String?
  var projectDomainIsID = false
  var applicationCredentialID: String?
  var applicationCredentialSecret: Secret?
  var token: Secret?
  /// Regions to show; empty means the account's default, `["all"]` means every region.
  var regions: [String] = []
  /// The regions a clouds.yaml cloud declares (`regions:`), in order; `--region` must be one
  /// of them when there are any.
  var knownRegions: [String] = []
  /// Values a clouds.yaml `regions: [{name, values}]` entry sets for its region only.
  var regionValues: [String: RegionValues] = [:]
  /// Explicit endpoints by service (`database`, `volume`); they win over the catalog.
  var endpoints: [String: String] = [:]
  /// Catalog types to prefer by service (`database`, `volume`), e.g. `rax:database`.
  var serviceTypes: [String: String] = [:]
  /// `public`, `internal` (ServiceNet) or `admin`.
  var interface: String?
  var readOnly: Bool = false
  /// Offer Cinder's admin actions (reset a snapshot's status, force delete).
  var admin: Bool = false
  /// Header colour, e.g. `red` for production.
  var headerColor: String?
  var refreshFast: Double?
  var refreshSlow: Double?
  /// Longest interval between whole lists (seconds), for accounts costly to list whole.
  var refreshWhole: Double?
  /// How jobs finishing are announced: `osc9`, `osc777`, `bell` or `none`.
  var notifications: String?
  /// Notify about every failed job, not only the ones asked for with `n`.
  var notifyFailures: Bool?
  var theme: String?
  /// `protection: { backup: 26h, snapshot: 8d, grace: 1h, off_region: true }` (seconds).
  var protectionBackup: Double?
  var protectionSnapshot: Double?
  var protectionGrace: Double?
  var protectionOffRegion: Bool?
  var insecure: Bool = false
  /// A PEM bundle of CA certificates to trust (clouds.yaml `cacert`, `OS_CACERT`).
  var caCertificateFile: String?
  /// Where each value came from: `file:line key`, an environment variable or a flag.
  var origins: [ProfileField: String] = [:]

  init(name: String, source: ProfileSource) {
    self.name = name
    self.source = source
  }

  /// The concrete auth kind: the one stated, with openstacksdk's generic `password` and
  /// `token` made specific by the identity URL, or the one the present fields imply.
  var effectiveAuthKind: AuthKind? {
    switch authKind {
    case .password?:
      return identityURL?.contains("/v2.0") == true ? .v2Password : .v3Password
    case .token?:
      return identityURL == nil || !endpoints.isEmpty ? .adminToken : .v3Token
    case let kind?:
      return kind
    case nil:
      break
    }
    if token != nil { return identityURL == nil || !endpoints.isEmpty ? .adminToken : .v3Token }
    if applicationCredentialID != nil { return .v3ApplicationCredential }
    if apiKey != nil { return .apiKey }
    if password != nil || secretCommand != nil {
      if let identityURL, identityURL.contains("/v2.0") { return .v2Password }
      if let identityURL, identityURL.contains("/v3") { return .v3Password }
      if projectName != nil || userDomain != nil || projectDomain != nil { return .v3Password }
      return .v2Password
    }
    return nil
  }

  /// Whether this profile names any credential at all.
  var hasCredentials: Bool {
    apiKey != nil || password != nil || secretCommand != nil || token != nil
      || applicationCredentialSecret != nil
  }

  /// Overlays every field `other` sets onto this profile (used for flags > env > profile),
  /// with the origin of each value taken over.
  mutating func overlay(_ other: Profile) {
    take(\.authKind, .auth, from: other)
    take(\.identityURL, .identity, from: other)
    take(\.username, .username, from: other)
    take(\.apiKey, .apiKey, from: other)
    take(\.password, .password, from: other)
    take(\.secretCommand, .secretCommand, from: other)
    take(\.tenantID, .tenant, from: other)
    take(\.projectName, .project, from: other)
    take(\.projectID, .projectID, from: other)
    if other.userDomain != nil { userDomainIsID = other.userDomainIsID }
    take(\.userDomain, .userDomain, from: other)
    if other.projectDomain != nil { projectDomainIsID = other.projectDomainIsID }
    take(\.projectDomain, .projectDomain, from: other)
    take(\.applicationCredentialID, .applicationCredential, from: other)
    take(\.applicationCredentialSecret, .applicationCredentialSecret, from: other)
    take(\.token, .token, from: other)
    if !other.regions.isEmpty {
      regions = other.regions
      origins[.regions] = other.origins[.regions]
    }
    if !other.endpoints.isEmpty {
      endpoints.merge(other.endpoints) { _, new in new }
      origins[.endpoints] = other.origins[.endpoints]
    }
    if !other.serviceTypes.isEmpty {
      serviceTypes.merge(other.serviceTypes) { _, new in new }
      origins[.serviceTypes] = other.origins[.serviceTypes]
    }
    take(\.interface, .interface, from: other)
    if other.readOnly {
      readOnly = true
      origins[.readonly] = other.origins[.readonly]
    }
    if other.admin {
      admin = true
      origins[.admin] = other.origins[.admin]
    }
    take(\.headerColor, .headerColor, from: other)
    take(\.refreshFast, .refresh, from: other)
    take(\.refreshSlow, .refresh, from: other)
    take(\.refreshWhole, .refresh, from: other)
    take(\.notifications, .notifications, from: other)
    take(\.notifyFailures, .notifyFailures, from: other)
    take(\.theme, .theme, from: other)
    take(\.protectionBackup, .protection, from: other)
    take(\.protectionSnapshot, .protection, from: other)
    take(\.protectionGrace, .protection, from: other)
    take(\.protectionOffRegion, .protection, from: other)
    if other.insecure {
      insecure = true
      origins[.verify] = other.origins[.verify]
    }
    take(\.caCertificateFile, .caCertificate, from: other)
  }

  private mutating func take<Value>(
    _ field: WritableKeyPath<Profile, Value?>, _ name: ProfileField, from other: Profile
  ) {
    guard let value = other[keyPath: field] else { return }
    self[keyPath: field] = value
    origins[name] = other.origins[name]
  }

  /// Applies what a clouds.yaml `regions:` entry sets for `region`, if it sets anything.
  mutating func applyRegionValues(for region: String) {
    guard let values = regionValues[region] else { return }
    overlay(values.profile)
  }

  /// True when no field is set (an empty overlay).
  var isEmpty: Bool {
    var blank = Profile(name: name, source: source)
    blank.origins = origins
    return self == blank
  }
}

/// The values one clouds.yaml region entry overrides (`{name: R, values: {...}}`), kept as a
/// partial profile so they overlay like everything else.
struct RegionValues: Sendable, Equatable {
  var profile: Profile
}
