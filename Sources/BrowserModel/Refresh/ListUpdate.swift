import Foundation

/// Names one list result the effect runner has seen, so the next result of the same list can
/// be sent as the difference from it.
public struct ListVersion: Sendable, Hashable, CustomStringConvertible {
  public let value: UInt64

  public init(_ value: UInt64) { self.value = value }

  public var description: String { "v\(value)" }
}

/// A successful list result, prepared off the reducer: rows already sanitised and keyed, and
/// (when the pane holds the previous result) only what changed. A refresh of 100,000 settled
/// rows then costs the reducer nothing but a version check.
public struct ListUpdate: Sendable {
  public enum Change: Sendable {
    /// The whole list: the first load, or the pane does not hold the version the runner
    /// knows.
    case full([Row])
    /// Rows added or changed since `base`, and the (sanitised) IDs no longer listed.
    case delta(base: ListVersion, changed: [Row], removed: [String])
  }

  /// The version this result becomes; the next request names it to get a difference.
  public var version: ListVersion
  public var change: Change
  /// Items the server listed.
  public var count: Int

  public init(version: ListVersion, change: Change, count: Int) {
    self.version = version
    self.change = change
    self.count = count
  }
}
