import Foundation

/// A clock that moves only when a test says so. Sleepers wake when `advance` passes their
/// deadline; cancelled sleepers throw.
final class TestClock: Clock, @unchecked Sendable {
  struct Instant: InstantProtocol {
    var offset: Duration
    func advanced(by duration: Duration) -> Instant { Instant(offset: offset + duration) }
    func duration(to other: Instant) -> Duration { other.offset - offset }
    static func < (lhs: Instant, rhs: Instant) -> Bool { lhs.offset < rhs.offset }
  }

  private struct Sleeper {
    var deadline: Instant
    var continuation: CheckedContinuation<Void, any Error>
  }

  private let lock = NSLock()
  private var current = Instant(offset: .zero)
  private var sleepers: [Int: Sleeper] = [:]
  private var cancelled: Set<Int> = []
  private var nextID = 0
  /// Wall-clock date at offset zero.
  let epoch: Date

  init(epoch: Date = Date(timeIntervalSince1970: 1_800_000_000)) {
    self.epoch = epoch
  }

  var now: Instant { lock.withLock { current } }
  var minimumResolution: Duration { .zero }

  /// The wall-clock date matching `now`.
  var date: Date {
    let offset = now.offset.components
    return epoch.addingTimeInterval(Double(offset.seconds) + Double(offset.attoseconds) / 1e18)
  }

  /// Number of tasks sleeping on this clock.
  var sleeperCount: Int { lock.withLock { sleepers.count } }

  func sleep(until deadline: Instant, tolerance: Duration?) async throws {
    let id = lock.withLock { () -> Int in
      nextID += 1
      return nextID
    }
    try await withTaskCancellationHandler {
      try await withCheckedThrowingContinuation {
        (continuation: CheckedContinuation<Void, any Error>) in
        lock.lock()
        if cancelled.remove(id) != nil {
          lock.unlock()
          continuation.resume(throwing: CancellationError())
        } else if deadline <= current {
          lock.unlock()
          continuation.resume()
        } else {
          sleepers[id] = Sleeper(deadline: deadline, continuation: continuation)
          lock.unlock()
        }
      }
    } onCancel: {
      lock.lock()
      if let sleeper = sleepers.removeValue(forKey: id) {
        lock.unlock()
        sleeper.continuation.resume(throwing: CancellationError())
      } else {
        cancelled.insert(id)
        lock.unlock()
      }
    }
  }

  /// Moves time forward and wakes every sleeper whose deadline passed.
  func advance(by duration: Duration) {
    lock.lock()
    current = current.advanced(by: duration)
    let due = sleepers.filter { $0.value.deadline <= current }
    for id in due.keys { sleepers[id] = nil }
    lock.unlock()
    for sleeper in due.values { sleeper.continuation.resume() }
  }
}
