/// Sends a request to the service its path names, after the checks every real endpoint makes
/// (token, tenant, microversion). Runs inside the world's lock.
enum SimulatorRouter {
  static func route(_ req: SimRequest, _ kind: ServiceKind, _ world: inout SimulatorWorld)
    -> SimResponse
  {
    let base = "http://\(req.host)"
    let s = req.segments
    switch kind {
    case .identityRoot:
      return req.method == "GET" ? IdentityAPI.versionsDocument(base: base) : notFound()
    case .identityV2:
      if s.count == 1, req.method == "GET" {
        return IdentityAPI.versionDocument(v3: false, base: base)
      }
      if s.count == 2, s[1] == "tokens", req.method == "POST" {
        return IdentityAPI.tokensV2(req, &world, base: base)
      }
      return notFound()
    case .identityV3:
      if s.count == 1, req.method == "GET" {
        return IdentityAPI.versionDocument(v3: true, base: base)
      }
      if s.count == 3, s[1] == "auth", s[2] == "tokens", req.method == "POST" {
        return IdentityAPI.tokensV3(req, &world, base: base)
      }
      return IdentityAPI.keystoneError(404, "Not Found", "The resource could not be found.")
    case .trove, .cinderV1, .cinderV3:
      return regional(req, kind, &world)
    case .control:
      return SimulatorControl.handle(req, &world)
    case .unknown:
      return notFound()
    }
  }

  private static func notFound() -> SimResponse { .notFound("The resource could not be found.") }

  /// keystonemiddleware's answer to a missing, unknown or expired token.
  static func unauthorized(_ base: String) -> SimResponse {
    var response = IdentityAPI.unauthorizedV3()
    response.headers.append(("WWW-Authenticate", "Keystone uri=\"\(base)/v3\""))
    return response
  }

  private static func regional(
    _ req: SimRequest, _ kind: ServiceKind, _ world: inout SimulatorWorld
  ) -> SimResponse {
    let s = req.segments
    let key = s[0].lowercased()
    let now = world.clock.now()
    guard let regionName = world.regions[key]?.name else { return notFound() }
    let ctx = ServiceContext(
      now: now, configuration: world.configuration, region: regionName, host: req.host)
    // Version documents need no token: `/dfw/database/`, `/dfw/volume/`, `/dfw/volume/v3/`.
    if s.count <= 3, req.method == "GET" {
      switch kind {
      case .trove: return .json(200, TroveWire.versions(ctx))
      case .cinderV3 where s.count == 3:
        return .json(200, CinderWire.versions(ctx), headers: cinderHeaders("3.0"))
      case .cinderV1 where s.count == 3:
        return .json(200, CinderWire.versions(ctx))
      default:
        return .json(300, CinderWire.versions(ctx), headers: cinderHeaders("3.0"))
      }
    }
    guard s.count >= 4 else { return notFound() }
    guard world.isValid(token: req.header("x-auth-token")) else {
      return unauthorized("http://\(req.host)")
    }
    guard s[3] == world.configuration.tenantID else { return unauthorized("http://\(req.host)") }
    let rest = s[4...]
    // Take the region out of the dictionary while it changes, so its 100,000-row arrays stay
    // uniquely owned and are mutated in place instead of copied.
    guard var data = world.regions.removeValue(forKey: key) else { return notFound() }
    data.settle(at: now)
    data.fireSchedules(at: now, world.configuration, &world.idGenerator)
    defer { world.regions[key] = data }
    switch kind {
    case .trove:
      guard s[2] == "v1.0" else { return notFound() }
      let response = TroveAPI.handle(req, rest, &data, ctx, &world.idGenerator)
      BackupCopies.deliver(&data, into: &world)
      return response
    case .cinderV1:
      guard s[2] == "v1" else { return notFound() }
      return CinderAPI.handle(req, rest, .v1, &data, ctx, &world.idGenerator)
    default:
      switch CinderMicroversion.negotiate(req.header("openstack-api-version")) {
      case .failure(let failure):
        var response = failure.response
        if let echo = failure.echo { response.headers += cinderHeaders(echo) }
        return response
      case .success(let version):
        var response = CinderAPI.handle(req, rest, .v3(version), &data, ctx, &world.idGenerator)
        response.headers += cinderHeaders(version.text)
        return response
      }
    }
  }

  private static func cinderHeaders(_ version: String) -> [(String, String)] {
    [("OpenStack-API-Version", "volume \(version)"), ("Vary", "OpenStack-API-Version")]
  }
}
