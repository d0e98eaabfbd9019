import Logging

/// How a `CloudSession` reaches a cloud: where to authenticate, with what, and how patient
/// to be.
public struct ClientConfiguration: Sendable {
  /// Identity endpoint, e.g. `https://identity.api.rackspacecloud.com/v2.0` or
  /// `https://keystone.example/v3`. Nil with `.token` (noauth).
  public var identityURL: String?
  /// The credentials; never printed (see `AuthMethod.description`).
  public var auth: AuthMethod
  /// Which catalog URL to use: public, or internal (Rackspace ServiceNet).
  public var interface: EndpointInterface
  /// Explicit endpoints; they win over the catalog and are used for every region. Required
  /// with `.token`. Example: `[.blockStorage: "http://127.0.0.1:8776/v3/PROJECT"]`.
  public var endpointOverrides: [ServiceKind: String]
  /// Regions reported by `regions()` when there is no catalog (noauth).
  public var staticRegions: [String]
  /// Seconds to establish a connection.
  public var connectTimeout: Double
  /// Seconds without a byte from the server before the request fails.
  public var readTimeout: Double
  /// Seconds for one attempt's whole reply, headers and body: a server that drips its body
  /// ends as `.timeout` (not retried) instead of holding the request forever.
  public var requestDeadline: Double
  /// The biggest reply body read, in bytes; a larger one is `.malformedResponse` ("reply too
  /// large"), never retried.
  public var maxReplyBytes: Int
  /// The most pages one list follows; more is an error (a server whose next links never end).
  public var maxPages: Int
  /// The most items one list collects; more is an error.
  public var maxItems: Int
  /// Extra attempts for a GET after a 5xx or connection error, and for any method after a
  /// 413/429 that says when to come back.
  public var maxRetries: Int
  /// First back-off delay in seconds; doubles each attempt, with jitter.
  public var retryBaseDelay: Double
  /// Longest back-off delay in seconds.
  public var retryMaxDelay: Double
  /// Longest `Retry-After` the session waits out by itself; longer ones are thrown as
  /// `.rateLimited` with `retryAfter` set so the caller can schedule.
  public var maxRetryAfter: Double
  /// The clock the session waits on: retry back-off and the `waitUntil…` polls. Tests pass
  /// one they move, so nothing races the wall clock.
  public var clock: any Clock<Duration>
  /// Seeds the back-off jitter (a fixed sequence of delays); nil draws at random.
  public var jitterSeed: UInt64?
  /// Page size asked of list calls.
  public var pageSize: Int
  /// The highest Cinder v3 microversion rackwatch asks for; the server's maximum, if lower,
  /// wins.
  public var maxVolumeMicroversion: String
  /// Renew the token this many seconds before it expires.
  public var tokenRenewalMargin: Double
  /// Turns TLS certificate verification off. Only for test clouds with self-signed certs.
  public var insecure: Bool
  /// A PEM file of CA certificates to trust instead of the system's (clouds.yaml `cacert`).
  public var caCertificateFile: String?
  /// Catalog service types to prefer over the usual ones (clouds.yaml
  /// `database_service_type: rax:database`, `block_storage_service_type`).
  public var preferredServiceTypes: [ServiceKind: String] = [:]
  /// Sent as `User-Agent`.
  public var userAgent: String
  /// Request lines go here at debug level: method, path, status, duration. Never secrets.
  public var logger: Logger

  /// A configuration with quick-failing defaults: short back-off (tests stay fast), 60 s cap
  /// on `Retry-After`, 1,000-item pages.
  public init(
    identityURL: String?, auth: AuthMethod, interface: EndpointInterface = .public,
    endpointOverrides: [ServiceKind: String] = [:], staticRegions: [String] = ["RegionOne"],
    connectTimeout: Double = 10, readTimeout: Double = 30, requestDeadline: Double = 120,
    maxReplyBytes: Int = 256 * 1024 * 1024, maxPages: Int = 10_000, maxItems: Int = 2_000_000,
    maxRetries: Int = 3,
    retryBaseDelay: Double = 0.05, retryMaxDelay: Double = 2, maxRetryAfter: Double = 60,
    clock: any Clock<Duration> = ContinuousClock(), jitterSeed: UInt64? = nil,
    pageSize: Int = 1000, maxVolumeMicroversion: String = "3.71",
    tokenRenewalMargin: Double = 120, insecure: Bool = false, caCertificateFile: String? = nil,
    userAgent: String = "rackwatch/0.1",
    logger: Logger = Logger(label: "rackwatch.cloud", factory: { _ in SwiftLogNoOpLogHandler() })
  ) {
    self.identityURL = identityURL
    self.auth = auth
    self.interface = interface
    self.endpointOverrides = endpointOverrides
    self.staticRegions = staticRegions
    self.connectTimeout = connectTimeout
    self.readTimeout = readTimeout
    self.requestDeadline = requestDeadline
    self.maxReplyBytes = maxReplyBytes
    self.maxPages = maxPages
    self.maxItems = maxItems
    self.maxRetries = maxRetries
    self.retryBaseDelay = retryBaseDelay
    self.retryMaxDelay = retryMaxDelay
    self.maxRetryAfter = maxRetryAfter
    self.clock = clock
    self.jitterSeed = jitterSeed
    self.pageSize = pageSize
    self.maxVolumeMicroversion = maxVolumeMicroversion
    self.tokenRenewalMargin = tokenRenewalMargin
    self.insecure = insecure
    self.caCertificateFile = caCertificateFile
    self.userAgent = userAgent
    self.logger = logger
  }

  /// Every secret in this configuration, for `Redactor`.
  var secrets: [String] { auth.secrets }
}

/// The credentials a session authenticates with.
public enum AuthMethod: Sendable, CustomStringConvertible {
  /// Rackspace Identity v2.0 with an API key (`RAX-KSKEY:apiKeyCredentials`).
  case rackspaceAPIKey(username: String, apiKey: String, tenantID: String?)
  /// Identity v2.0 `passwordCredentials`.
  case rackspacePassword(username: String, password: String, tenantID: String?)
  /// Keystone v3 password, project-scoped (by name + domain, or by ID).
  case keystonePassword(
    username: String, password: String, userDomain: KeystoneDomain, projectName: String?,
    projectID: String?, projectDomain: KeystoneDomain)
  /// Keystone v3 application credential.
  case applicationCredential(id: String, secret: String)
  /// Keystone v3 `token` method: an existing token exchanged for a project-scoped one with a
  /// catalog (openstacksdk's `v3token`).
  case keystoneToken(
    token: String, projectName: String?, projectID: String?, projectDomain: KeystoneDomain)
  /// A fixed token and no identity service (noauth setups); needs endpoint overrides.
  case token(String)

  /// Every secret this method holds, for redaction in logs and messages.
  public var secrets: [String] {
    switch self {
    case .rackspaceAPIKey(_, let key, _): [key]
    case .rackspacePassword(_, let password, _): [password]
    case .keystonePassword(_, let password, _, _, _, _): [password]
    case .applicationCredential(_, let secret): [secret]
    case .keystoneToken(let token, _, _, _): [token]
    case .token(let token): [token]
    }
  }

  /// Names the method and user, never the secret.
  public var description: String {
    switch self {
    case .rackspaceAPIKey(let user, _, _): "Rackspace API key for \(user)"
    case .rackspacePassword(let user, _, _): "identity v2.0 password for \(user)"
    case .keystonePassword(let user, _, _, _, _, _): "keystone v3 password for \(user)"
    case .applicationCredential(let id, _): "application credential \(id)"
    case .keystoneToken: "keystone v3 token"
    case .token: "fixed token"
    }
  }
}

/// A keystone domain, named or by ID (clouds.yaml `user_domain_name` / `user_domain_id`).
public enum KeystoneDomain: Sendable, Hashable, ExpressibleByStringLiteral {
  case name(String)
  case id(String)

  public init(stringLiteral value: String) { self = .name(value) }

  /// The request body's `domain` object: `{"name": …}` or `{"id": …}`.
  var body: [String: String] {
    switch self {
    case .name(let name): ["name": name]
    case .id(let id): ["id": id]
    }
  }
}

/// Which catalog URL to use.
public enum EndpointInterface: String, Sendable, Hashable {
  case `public`
  /// Rackspace ServiceNet (`internalURL`) or keystone `internal`.
  case `internal`
  /// Keystone `admin` (v2.0 `adminURL`).
  case admin
}

/// The two services rackwatch speaks to.
public enum ServiceKind: String, Sendable, Hashable, CaseIterable {
  /// Trove / Cloud Databases.
  case database
  /// Cinder / Cloud Block Storage.
  case blockStorage

  /// Catalog `type`s and `name`s that mean this service, best first.
  var catalogTypes: [String] {
    switch self {
    case .database: ["rax:database", "database"]
    case .blockStorage: ["volumev3", "block-storage", "volumev2", "volume"]
    }
  }
  var catalogNames: [String] {
    switch self {
    case .database: ["clouddatabases", "trove"]
    case .blockStorage: ["cloudblockstorage", "cinderv3", "cinderv2", "cinder"]
    }
  }
  var displayName: String {
    switch self {
    case .database: "Cloud Databases"
    case .blockStorage: "Cloud Block Storage"
    }
  }
}
