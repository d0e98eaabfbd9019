import Foundation

/// Identity request bodies and token responses: Rackspace Identity v2.0 and Keystone v3.
enum IdentityWire {
  /// A token with its expiry and catalog, whichever identity version issued it.
  struct Grant: Sendable {
    var token: String
    var expires: Date?
    var catalog: ServiceCatalog
    var defaultRegion: String?
  }

  /// The URL to POST credentials to.
  static func tokensURL(identityURL: String, auth: AuthMethod) -> String {
    var base = identityURL
    while base.hasSuffix("/") { base.removeLast() }
    switch auth {
    case .rackspaceAPIKey, .rackspacePassword:
      return base.hasSuffix("/tokens") ? base : base + "/tokens"
    case .keystonePassword, .applicationCredential, .keystoneToken:
      return base.hasSuffix("/auth/tokens") ? base : base + "/auth/tokens"
    case .token:
      return base
    }
  }

  /// The credentials body (rax-identity-v2-tokens-apikey-request.json,
  /// keystone-v3-auth-project-name-password-request.json). Never logged.
  static func requestBody(_ auth: AuthMethod) throws -> Data {
    let body: [String: Any]
    switch auth {
    case .rackspaceAPIKey(let user, let key, let tenant):
      var inner: [String: Any] = [
        "RAX-KSKEY:apiKeyCredentials": ["username": user, "apiKey": key]
      ]
      if let tenant { inner["tenantId"] = tenant }
      body = ["auth": inner]
    case .rackspacePassword(let user, let password, let tenant):
      var inner: [String: Any] = ["passwordCredentials": ["username": user, "password": password]]
      if let tenant { inner["tenantId"] = tenant }
      body = ["auth": inner]
    case .keystonePassword(
      let user, let password, let userDomain, let projectName, let projectID, let projectDomain):
      let identity: [String: Any] = [
        "methods": ["password"],
        "password": [
          "user": ["name": user, "domain": userDomain.body, "password": password]
        ],
      ]
      var auth: [String: Any] = ["identity": identity]
      auth["scope"] = projectScope(name: projectName, id: projectID, domain: projectDomain)
      body = ["auth": auth]
    case .keystoneToken(let token, let projectName, let projectID, let projectDomain):
      var auth: [String: Any] = [
        "identity": ["methods": ["token"], "token": ["id": token]]
      ]
      auth["scope"] = projectScope(name: projectName, id: projectID, domain: projectDomain)
      body = ["auth": auth]
    case .applicationCredential(let id, let secret):
      body = [
        "auth": [
          "identity": [
            "methods": ["application_credential"],
            "application_credential": ["id": id, "secret": secret],
          ]
        ]
      ]
    case .token:
      body = [:]
    }
    return try JSONSerialization.data(withJSONObject: body, options: [.sortedKeys])
  }

  /// `{"project": {"id"}}` or `{"project": {"name", "domain"}}`; nil (unscoped: keystone
  /// picks the user's default project) when neither is given.
  private static func projectScope(name: String?, id: String?, domain: KeystoneDomain)
    -> [String: Any]?
  {
    if let id { return ["project": ["id": id]] }
    if let name { return ["project": ["name": name, "domain": domain.body]] }
    return nil
  }

  /// `access.token`, `access.serviceCatalog` of a v2.0 reply
  /// (rax-identity-v2-tokens-apikey-response-200.json).
  static func decodeV2(_ data: Data) throws -> Grant {
    struct Reply: Decodable {
      struct Access: Decodable {
        struct Token: Decodable {
          var id: String
          var expires: String?
        }
        struct Service: Decodable {
          struct Endpoint: Decodable {
            var region: String?
            var publicURL: String?
            var internalURL: String?
            var adminURL: String?
          }
          var name: String?
          var type: String?
          var endpoints: [Endpoint]?
        }
        struct User: Decodable {
          var defaultRegion: String?
          enum CodingKeys: String, CodingKey { case defaultRegion = "RAX-AUTH:defaultRegion" }
        }
        var token: Token
        var serviceCatalog: [Service]?
        var user: User?
      }
      var access: Access
    }
    let reply = try JSONDecoder().decode(Reply.self, from: data)
    var entries: [ServiceCatalog.Entry] = []
    for service in reply.access.serviceCatalog ?? [] {
      for endpoint in service.endpoints ?? [] {
        let common = (type: service.type ?? "", name: service.name ?? "", region: endpoint.region)
        if let url = endpoint.publicURL {
          entries.append(
            .init(
              type: common.type, name: common.name, region: common.region, interface: .public,
              url: url))
        }
        if let url = endpoint.internalURL {
          entries.append(
            .init(
              type: common.type, name: common.name, region: common.region, interface: .internal,
              url: url))
        }
        if let url = endpoint.adminURL {
          entries.append(
            .init(
              type: common.type, name: common.name, region: common.region, interface: .admin,
              url: url))
        }
      }
    }
    return Grant(
      token: reply.access.token.id,
      expires: reply.access.token.expires.flatMap(WireDate.parse),
      catalog: ServiceCatalog(entries: entries),
      defaultRegion: reply.access.user?.defaultRegion)
  }

  /// `token.catalog` of a v3 reply; the token itself is the `X-Subject-Token` header
  /// (keystone-v3-auth-response-headers-HTTP.txt).
  static func decodeV3(_ data: Data, subjectToken: String) throws -> Grant {
    struct Reply: Decodable {
      struct Token: Decodable {
        struct Service: Decodable {
          struct Endpoint: Decodable {
            var interface: String?
            var url: String?
            var region: String?
            var region_id: String?
          }
          var type: String?
          var name: String?
          var endpoints: [Endpoint]?
        }
        var expires_at: String?
        var catalog: [Service]?
      }
      var token: Token
    }
    let reply = try JSONDecoder().decode(Reply.self, from: data)
    var entries: [ServiceCatalog.Entry] = []
    for service in reply.token.catalog ?? [] {
      for endpoint in service.endpoints ?? [] {
        guard let url = endpoint.url else { continue }
        let interface: EndpointInterface
        switch endpoint.interface?.lowercased() {
        case "public", nil: interface = .public
        case "internal": interface = .internal
        case "admin": interface = .admin
        default: continue
        }
        entries.append(
          .init(
            type: service.type ?? "", name: service.name ?? "",
            region: endpoint.region_id ?? endpoint.region, interface: interface, url: url))
      }
    }
    return Grant(
      token: subjectToken, expires: reply.token.expires_at.flatMap(WireDate.parse),
      catalog: ServiceCatalog(entries: entries), defaultRegion: nil)
  }
}
