import Foundation

/// The secrets the session holds (configured credentials and the live tokens), for
/// `Redactor`. Read synchronously from log and error paths, so it is a lock, not an actor.
///
/// Bounded: a token is kept until the one after its replacement arrives (the grace for
/// requests still in flight with it), so a session that signs in every few seconds for a
/// day holds two tokens, not thousands.
final class SecretBook: @unchecked Sendable {
  /// Issued tokens kept: the current one and the one it replaced.
  static let keptTokens = 2

  private let lock = NSLock()
  private let configured: [String]
  private var tokens: [String] = []

  init(_ initial: [String]) { configured = initial }

  /// Records a freshly issued token; the oldest beyond `keptTokens` is forgotten.
  func add(_ token: String) {
    lock.lock()
    defer { lock.unlock() }
    guard !configured.contains(token), !tokens.contains(token) else { return }
    tokens.append(token)
    if tokens.count > Self.keptTokens { tokens.removeFirst(tokens.count - Self.keptTokens) }
  }

  var all: [String] {
    lock.lock()
    defer { lock.unlock() }
    return configured + tokens
  }
}
