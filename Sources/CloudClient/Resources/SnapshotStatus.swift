/// The status of a Cinder snapshot. Real bodies are lower case, Rackspace prose writes
/// capitals: a value is normalised to lower case once, when decoded, so plain `==` and
/// hashing compare statuses.
public enum SnapshotStatus: Sendable, Hashable, CustomStringConvertible {
  case creating, available, deleting, error, errorDeleting
  /// A value this version of rackwatch does not know, in lower case.
  case other(String)

  public init(wire: String) {
    switch wire.lowercased() {
    case "creating": self = .creating
    case "available": self = .available
    case "deleting": self = .deleting
    case "error": self = .error
    case "error_deleting": self = .errorDeleting
    default: self = .other(wire.lowercased())
    }
  }

  public var wire: String {
    switch self {
    case .creating: "creating"
    case .available: "available"
    case .deleting: "deleting"
    case .error: "error"
    case .errorDeleting: "error_deleting"
    case .other(let value): value
    }
  }

  public var description: String { wire }

  public var isInMotion: Bool { self == .creating || self == .deleting }
}
