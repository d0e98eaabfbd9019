/// Rackspace Identity v2.0 (`POST /v2.0/tokens`) and Keystone v3 (`POST /v3/auth/tokens`),
/// with one catalog listing every region's Cloud Databases and Cloud Block Storage.
enum IdentityAPI {
  /// Where to find the services: `http://host`.
  struct Catalog {
    let base: String
    let configuration: SimulatorConfiguration

    func trove(_ region: String) -> String {
      "\(base)/\(region.lowercased())/database/v1.0/\(configuration.tenantID)"
    }
    func cinderV1(_ region: String) -> String {
      "\(base)/\(region.lowercased())/volume/v1/\(configuration.tenantID)"
    }
    func cinderV3(_ region: String) -> String {
      "\(base)/\(region.lowercased())/volume/v3/\(configuration.tenantID)"
    }
  }

  // MARK: v2.0

  static func tokensV2(
    _ req: SimRequest, _ world: inout SimulatorWorld, base: String
  ) -> SimResponse {
    let config = world.configuration
    guard let root = RequestJSON.object(req.body), let auth = root["auth"] as? [String: Any]
    else { return .badRequest("Invalid json request body") }
    var method = "APIKEY"
    if let key = auth["RAX-KSKEY:apiKeyCredentials"] as? [String: Any] {
      guard key["username"] as? String == config.username, key["apiKey"] as? String == config.apiKey
      else { return .fault(401, "unauthorized", "Username or api key is invalid.") }
    } else if let password = auth["passwordCredentials"] as? [String: Any] {
      method = "PASSWORD"
      guard password["username"] as? String == config.username,
        password["password"] as? String == config.password
      else {
        return .fault(401, "unauthorized", "Unable to authenticate user with credentials provided.")
      }
    } else {
      return .badRequest("Invalid json request body")
    }
    // An optional tenant must be ours.
    if let tenant = (auth["tenantId"] ?? auth["tenantName"]) as? String,
      tenant != config.tenantID, tenant != config.tenantName
    {
      return .fault(
        401, "unauthorized", "Token doesn't belong to Tenant with Id/Name: '\(tenant)'")
    }
    let token = world.issueToken()
    let catalog = Catalog(base: base, configuration: config)
    var w = JSONWriter(capacity: 4096)
    w.beginObject()
    w.beginObject("access")
    w.beginObject("token")
    w.field("id", token.id)
    w.field("expires", WireDate.identityV2(token.expires))
    w.beginObject("tenant")
    w.field("id", config.tenantID)
    w.field("name", config.tenantName)
    w.endObject()
    w.beginArray("RAX-AUTH:authenticatedBy")
    w.element(method)
    w.endArray()
    w.endObject()
    w.beginArray("serviceCatalog")
    v2Service(&w, "cloudDatabases", "rax:database", config, catalog.trove)
    v2Service(&w, "cloudBlockStorage", "volume", config, catalog.cinderV1)
    // Global services have no region (fixtures/docs/rax-identity-v2-auth-response-full.json);
    // one is listed so clients meet that case. Nothing is served there.
    w.beginObject()
    w.field("name", "cloudDNS")
    w.beginArray("endpoints")
    w.beginObject()
    w.field("tenantId", config.tenantID)
    w.field("publicURL", "\(base)/dns/v1.0/\(config.tenantID)")
    w.endObject()
    w.endArray()
    w.field("type", "rax:dns")
    w.endObject()
    w.endArray()
    w.beginObject("user")
    w.field("id", "10040791")
    w.beginArray("roles")
    w.beginObject()
    w.field("id", "3")
    w.field("description", "User Admin Role.")
    w.field("name", "identity:user-admin")
    w.endObject()
    w.endArray()
    w.field("name", config.username)
    w.field("RAX-AUTH:defaultRegion", config.regions.first ?? "")
    w.endObject()
    w.endObject()
    w.endObject()
    return .json(200, w)
  }

  private static func v2Service(
    _ w: inout JSONWriter, _ name: String, _ type: String, _ config: SimulatorConfiguration,
    _ url: (String) -> String
  ) {
    w.beginObject()
    w.field("name", name)
    w.beginArray("endpoints")
    for region in config.regions {
      w.beginObject()
      w.field("region", region)
      w.field("tenantId", config.tenantID)
      w.field("publicURL", url(region))
      // Loopback has no service net: the internal URL is the same address.
      w.field("internalURL", url(region))
      w.endObject()
    }
    w.endArray()
    w.field("type", type)
    w.endObject()
  }

  // MARK: v3

  /// Keystone's error shape (`{"error": {"code", "title", "message"}}`).
  static func keystoneError(_ code: Int, _ title: String, _ message: String) -> SimResponse {
    var w = JSONWriter()
    w.beginObject()
    w.beginObject("error")
    w.field("code", code)
    w.field("title", title)
    w.field("message", message)
    w.endObject()
    w.endObject()
    return .json(code, w)
  }

  static func unauthorizedV3() -> SimResponse {
    keystoneError(401, "Unauthorized", "The request you have made requires authentication.")
  }

  private static func domainMatches(_ domain: Any?, _ config: SimulatorConfiguration) -> Bool {
    guard let domain = domain as? [String: Any] else { return false }
    if let name = domain["name"] as? String { return name == config.domain }
    if let id = domain["id"] as? String { return id.lowercased() == config.domain.lowercased() }
    return false
  }

  /// What signed a v3 request in.
  private enum V3Method: String {
    case password
    case applicationCredential = "application_credential"
    case token
  }

  /// `POST /v3/auth/tokens` as keystone 30 answers it (keystone/token-*.json): password,
  /// application credential or token method; a request without `scope` is scoped to the
  /// user's default project (the demo project here), catalog included; the token is only
  /// in `X-Subject-Token`. Errors: 401 for wrong secrets, 404 for an unknown application
  /// credential (keystone/error-404-unknown-application-credential.json).
  static func tokensV3(
    _ req: SimRequest, _ world: inout SimulatorWorld, base: String
  ) -> SimResponse {
    let config = world.configuration
    guard let root = RequestJSON.object(req.body), let auth = root["auth"] as? [String: Any],
      let identity = auth["identity"] as? [String: Any]
    else {
      return keystoneError(
        400, "Bad Request", "The request body is not valid JSON or is missing 'auth'.")
    }
    let methods = identity["methods"] as? [String] ?? []
    guard let method = methods.first.flatMap(V3Method.init(rawValue:)) else {
      return keystoneError(
        400, "Bad Request", "Attempted to authenticate with an unsupported method.")
    }
    switch method {
    case .password:
      guard let password = identity["password"] as? [String: Any],
        let user = password["user"] as? [String: Any]
      else { return unauthorizedV3() }
      let nameOK =
        (user["name"] as? String == config.username && domainMatches(user["domain"], config))
        || user["id"] as? String == userID
      guard nameOK, user["password"] as? String == config.password else {
        return unauthorizedV3()
      }
    case .applicationCredential:
      guard let credential = identity["application_credential"] as? [String: Any] else {
        return unauthorizedV3()
      }
      let id = credential["id"] as? String ?? ""
      guard id == config.applicationCredentialID else {
        return keystoneError(404, "Not Found", "Could not find Application Credential: \(id).")
      }
      guard credential["secret"] as? String == config.applicationCredentialSecret else {
        return unauthorizedV3()
      }
    case .token:
      let presented = (identity["token"] as? [String: Any])?["id"] as? String
      guard world.isValid(token: presented) else { return unauthorizedV3() }
    }
    // An application credential carries its own project; a scope names one explicitly.
    if method != .applicationCredential, let scope = auth["scope"] as? [String: Any] {
      guard let project = scope["project"] as? [String: Any] else { return unauthorizedV3() }
      let byID = project["id"] as? String == config.tenantID
      let byName =
        project["name"] as? String == config.tenantName && domainMatches(project["domain"], config)
      guard byID || byName else { return unauthorizedV3() }
    }
    let issued = world.clock.now()
    let token = world.issueToken()
    var w = JSONWriter(capacity: 8192)
    w.beginObject()
    w.beginObject("token")
    w.beginArray("methods")
    w.element(method.rawValue)
    w.endArray()
    w.beginObject("user")
    domain(&w, config)
    w.field("id", userID)
    w.field("name", config.username)
    w.field("password_expires_at", nil as String?)
    w.endObject()
    w.beginArray("audit_ids")
    w.element(String(token.id.prefix(22)))
    w.endArray()
    w.field("expires_at", WireDate.keystone(token.expires))
    w.field("issued_at", WireDate.keystone(issued))
    w.beginObject("project")
    domain(&w, config)
    w.field("id", config.tenantID)
    w.field("name", config.tenantName)
    w.endObject()
    w.field("is_domain", false)
    w.beginArray("roles")
    for (id, name) in [
      ("51cc68287d524c759f47c811e6463340", "member"),
      ("9fe2ff9ee4384b1894a90878d3e92bab", "reader"),
    ] {
      w.beginObject()
      w.field("id", id)
      w.field("name", name)
      w.endObject()
    }
    w.endArray()
    v3Catalog(&w, Catalog(base: base, configuration: config))
    if method == .applicationCredential {
      w.beginObject("application_credential")
      w.field("id", config.applicationCredentialID)
      w.field("name", "rackwatch-simulator")
      w.field("restricted", true)
      w.endObject()
    }
    w.endObject()
    w.endObject()
    return .json(201, w, headers: [("X-Subject-Token", token.id)])
  }

  private static let userID = "ee4dfb6e5540447cb3741905149d9b6e"

  private static func domain(_ w: inout JSONWriter, _ config: SimulatorConfiguration) {
    w.beginObject("domain")
    w.field("id", config.domain == "Default" ? "default" : config.domain.lowercased())
    w.field("name", config.domain)
    w.endObject()
  }

  private static func v3Catalog(_ w: inout JSONWriter, _ catalog: Catalog) {
    let regions = catalog.configuration.regions
    let services: [(type: String, name: String, url: (String) -> String)] = [
      ("identity", "keystone", { _ in "\(catalog.base)/v3" }),
      ("database", "trove", catalog.trove),
      ("volume", "cinder", catalog.cinderV1),
      ("volumev3", "cinderv3", catalog.cinderV3),
      ("block-storage", "cinder-block-storage", catalog.cinderV3),
    ]
    var ids = SeededGenerator(seed: 0xCA7A_1065)
    w.beginArray("catalog")
    for service in services {
      w.beginObject()
      w.beginArray("endpoints")
      for region in regions {
        for interface in ["public", "internal", "admin"] {
          w.beginObject()
          w.field("id", ids.hex32())
          w.field("interface", interface)
          w.field("region", region)
          w.field("region_id", region)
          w.field("url", service.url(region))
          w.endObject()
        }
      }
      w.endArray()
      w.field("type", service.type)
      w.field("id", ids.hex32())
      w.field("name", service.name)
      w.endObject()
    }
    w.endArray()
  }

  // MARK: version documents

  private static func version(_ w: inout JSONWriter, id: String, status: String, href: String) {
    w.field("id", id)
    w.field("status", status)
    w.field("updated", id == "v3.14" ? "2020-04-07T00:00:00Z" : "2014-04-17T00:00:00Z")
    w.beginArray("links")
    w.beginObject()
    w.field("rel", "self")
    w.field("href", href)
    w.endObject()
    w.endArray()
    w.beginArray("media-types")
    w.beginObject()
    w.field("base", "application/json")
    w.field(
      "type",
      id == "v3.14"
        ? "application/vnd.openstack.identity-v3+json"
        : "application/vnd.openstack.identity-v2.0+json")
    w.endObject()
    w.endArray()
  }

  /// `GET /v3` or `GET /v2.0`: `{"version": {...}}`.
  static func versionDocument(v3: Bool, base: String) -> SimResponse {
    var w = JSONWriter()
    w.beginObject()
    w.beginObject("version")
    if v3 {
      version(&w, id: "v3.14", status: "stable", href: "\(base)/v3/")
    } else {
      version(&w, id: "v2.0", status: "deprecated", href: "\(base)/v2.0/")
    }
    w.endObject()
    w.endObject()
    return .json(200, w)
  }

  /// `GET /`: keystone's 300 with both versions.
  static func versionsDocument(base: String) -> SimResponse {
    var w = JSONWriter()
    w.beginObject()
    w.beginObject("versions")
    w.beginArray("values")
    w.beginObject()
    version(&w, id: "v3.14", status: "stable", href: "\(base)/v3/")
    w.endObject()
    w.beginObject()
    version(&w, id: "v2.0", status: "deprecated", href: "\(base)/v2.0/")
    w.endObject()
    w.endArray()
    w.endObject()
    w.endObject()
    return .json(300, w)
  }
}
