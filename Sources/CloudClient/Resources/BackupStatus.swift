/// The status of a Trove backup. Real servers send upper case; a value is normalised to
/// upper case once, when decoded, so plain `==` and hashing compare statuses.
public enum BackupStatus: Sendable, Hashable, CustomStringConvertible {
  case new, building, completed, failed, deleteFailed
  /// A value this version of rackwatch does not know, in upper case.
  case other(String)

  /// Parses case-insensitively (`completed`, `COMPLETED` and `Completed` are the same).
  public init(wire: String) {
    switch wire.uppercased() {
    case "NEW": self = .new
    case "BUILDING": self = .building
    case "COMPLETED": self = .completed
    case "FAILED": self = .failed
    case "DELETE_FAILED": self = .deleteFailed
    default: self = .other(wire.uppercased())
    }
  }

  /// The value as the server spells it.
  public var wire: String {
    switch self {
    case .new: "NEW"
    case .building: "BUILDING"
    case .completed: "COMPLETED"
    case .failed: "FAILED"
    case .deleteFailed: "DELETE_FAILED"
    case .other(let value): value
    }
  }

  public var description: String { wire }

  /// NEW and BUILDING are jobs still running.
  public var isInMotion: Bool { self == .new || self == .building }
}
