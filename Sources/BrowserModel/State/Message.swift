import Foundation

/// A line in the message area that disappears by itself.
public struct Message: Sendable, Hashable, Identifiable {
  public enum Level: Sendable, Hashable { case info, success, error }
  public var id: Int
  public var level: Level
  public var text: String
  public var expires: Date

  public init(id: Int, level: Level, text: String, expires: Date) {
    self.id = id
    self.level = level
    self.text = text
    self.expires = expires
  }
}

/// How fresh the data is, for the header's "updated Ns ago" and stale warning.
public struct ConnectionStatus: Sendable, Hashable {
  public var lastSuccess: Date?
  public var lastError: String?
  public var lastErrorAt: Date?
  /// True when the latest refresh failed, or nothing succeeded for a long time.
  public var stale: Bool

  public init() {
    lastSuccess = nil
    lastError = nil
    lastErrorAt = nil
    stale = false
  }
}

/// The `:` command line (named so it does not shadow the standard `CommandLine`).
public struct CommandPrompt: Sendable, Hashable {
  public var field = TextField()
  public var history: [String] = []
  /// Position while browsing history with up/down; nil when editing a new line.
  public var historyIndex: Int?

  public init() {}
}
