import Foundation

/// A clock whose sleeps return at once, having moved time to the wake-up and noted how long
/// each was: a schedule of retries or polls is read without waiting for it.
public final class JumpingClock: Clock, @unchecked Sendable {
  private let lock = NSLock()
  private var current = ContinuousClock.Instant.now
  private var slept: [Duration] = []

  public init() {}

  public var now: ContinuousClock.Instant { lock.withLock { current } }
  public var minimumResolution: Duration { .zero }
  /// Every sleep asked for, in order.
  public var sleeps: [Duration] { lock.withLock { slept } }

  public func sleep(until deadline: ContinuousClock.Instant, tolerance: Duration?) async throws {
    lock.withLock {
      slept.append(current.duration(to: deadline))
      current = max(current, deadline)
    }
  }
}
