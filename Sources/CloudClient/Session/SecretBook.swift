import Foundation

/// Every secret the session has seen (configured credentials and each issued token), for
/// `Redactor`. Read synchronously from log and error paths, so it is a lock, not an actor.
final class SecretBook: @unchecked Sendable {
  private let lock = NSLock()
  private var secrets: [String]

  init(_ initial: [String]) { secrets = initial }

  func add(_ secret: String) {
    lock.lock()
    defer { lock.unlock() }
    if !secrets.contains(secret) { secrets.append(secret) }
  }

  var all: [String] {
    lock.lock()
    defer { lock.unlock() }
    return secrets
  }
}
