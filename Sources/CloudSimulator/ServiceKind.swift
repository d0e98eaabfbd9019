/// Which service a path belongs to; decides error shapes and fault flavours.
enum ServiceKind: Sendable, Equatable {
  case identityRoot, identityV2, identityV3, trove, cinderV1, cinderV3, control, unknown

  init(_ segments: [String], regions: Set<String>) {
    guard let first = segments.first else {
      self = .identityRoot
      return
    }
    switch first {
    case "_sim": self = .control
    case "v2.0": self = .identityV2
    case "v3": self = .identityV3
    default:
      guard regions.contains(first.lowercased()), segments.count >= 2 else {
        self = .unknown
        return
      }
      switch segments[1] {
      case "database": self = .trove
      case "volume": self = segments.count >= 3 && segments[2] == "v3" ? .cinderV3 : .cinderV1
      default: self = .unknown
      }
    }
  }

  /// Newer clouds rate limit with 429; Rackspace's v1 and Trove endpoints with 413.
  var rateLimitStatus: Int { self == .cinderV3 || self == .identityV3 ? 429 : 413 }
}
