import Foundation

/// Simulated wall-clock time: starts at a chosen date, runs at `speed` times real time, and can
/// be pushed forward by tests (``SimulatorServer/advanceClock(by:)``) instead of sleeping.
struct SimClock: Sendable {
  let realStart: ContinuousClock.Instant
  /// Simulated seconds since 1970 at `realStart`.
  let simStart: Double
  let speed: Double
  /// Seconds added by `advance(by:)`.
  var advanced: Double = 0

  init(simStart: Double, speed: Double) {
    realStart = ContinuousClock.now
    self.simStart = simStart
    self.speed = speed
  }

  /// Simulated seconds since 1970, now.
  func now() -> Double {
    let elapsed = ContinuousClock.now - realStart
    let seconds =
      Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    return simStart + seconds * speed + advanced
  }

  mutating func advance(by seconds: Double) { advanced += max(0, seconds) }
}
