/// Decides, per request, whether a switched-on fault hits it, and writes the answer the real
/// service would give.
enum FaultInjector {
  enum Decision: Sendable {
    case none
    /// Close the connection without answering.
    case drop
    /// Answer this instead of the real answer.
    case replace(SimResponse)
    /// Answer normally, but corrupt the body if it is successful JSON.
    case corrupt
  }

  static func decide(_ kind: ServiceKind, _ world: inout SimulatorWorld) -> Decision {
    let faults = world.faults
    guard kind != .control else { return .none }
    if faults.rateLimitEvery > 0 {
      world.rateLimitCounter += 1
      if world.rateLimitCounter % faults.rateLimitEvery == 0 {
        return .replace(rateLimited(kind, retryAfter: faults.retryAfter))
      }
    }
    if world.faultGenerator.chance(faults.dropConnectionRate) { return .drop }
    if world.faultGenerator.chance(faults.errorRate) {
      return .replace(serverError(kind, unavailable: world.faultGenerator.chance(0.5)))
    }
    if world.faultGenerator.chance(faults.malformedBodyRate) { return .corrupt }
    return .none
  }

  /// 413 (or 429 on v3) `overLimit` with `retryAfter` in the body and a `Retry-After` header
  /// (fixtures/docs/jclouds-overLimit-real-retryAfter-JAVADOC.json: retryAfter is a string).
  static func rateLimited(_ kind: ServiceKind, retryAfter: Int) -> SimResponse {
    let status = kind.rateLimitStatus
    var w = JSONWriter()
    w.beginObject()
    w.beginObject("overLimit")
    w.field("message", "This request was rate-limited.")
    w.field("code", status)
    w.field("retryAfter", String(retryAfter))
    w.field("details", "Only 60 request(s) can be made to \"*\" every minute.")
    w.endObject()
    w.endObject()
    return .json(status, w, headers: [("Retry-After", String(retryAfter))])
  }

  /// 500 or 503 in the service's own fault shape
  /// (fixtures/docs/rax-cdb-fault-instanceFault-500.json for Trove).
  static func serverError(_ kind: ServiceKind, unavailable: Bool) -> SimResponse {
    let message =
      "The server has either erred or is incapable of performing the requested operation."
    if unavailable {
      return .fault(503, "serviceUnavailable", "Service Unavailable")
    }
    switch kind {
    case .trove: return .fault(500, "instanceFault", message)
    case .identityV3, .identityRoot:
      return IdentityAPI.keystoneError(500, "Internal Server Error", message)
    case .identityV2: return .fault(500, "identityFault", message)
    default: return .fault(500, "computeFault", message)
    }
  }

  /// A successful body cut short, or with its closing braces swapped for garbage.
  static func corrupt(_ response: SimResponse, _ world: inout SimulatorWorld) -> SimResponse {
    guard response.isJSONSuccess else { return response }
    var broken = response
    if world.faultGenerator.chance(0.5) {
      broken.body = Array(response.body.prefix(max(1, response.body.count / 2)))
    } else {
      broken.body = Array(response.body.dropLast(2)) + Array(",]".utf8)
    }
    return broken
  }
}
