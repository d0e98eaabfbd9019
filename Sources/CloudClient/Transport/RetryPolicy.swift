import Foundation

/// When and how long to wait before trying a request again.
struct RetryPolicy: Sendable {
  var maxRetries: Int
  var baseDelay: Double
  var maxDelay: Double
  var maxRetryAfter: Double
  /// The random factor of each delay; seeded, a schedule is the same on every run.
  var jitter = Jitter(seed: nil)

  /// Exponential back-off with jitter: base * 2^attempt, capped, times 0.5...1.
  func backoff(attempt: Int) -> Double {
    let raw = min(maxDelay, baseDelay * pow(2, Double(min(attempt, 20))))
    return raw * jitter.factor()
  }

  /// Seconds a 413/429 asks us to wait: `Retry-After` header (seconds or HTTP date), then
  /// body `retryAfter`, then body `retryAt`. Nil when the response says nothing.
  static func retryAfter(header: String?, body: ErrorBody?, now: Date = Date()) -> Double? {
    if let header = header?.trimmingCharacters(in: .whitespaces), !header.isEmpty {
      if let seconds = Double(header) { return max(0, seconds) }
      if let date = WireDate.parseHTTPDate(header) ?? WireDate.parse(header) {
        return max(0, date.timeIntervalSince(now))
      }
    }
    if let seconds = body?.retryAfter { return max(0, seconds) }
    if let date = body?.retryAt { return max(0, date.timeIntervalSince(now)) }
    return nil
  }

  /// A quota 413 is not a rate limit: waiting does not help (DESIGN.md: Retry-After 0 or
  /// "quota" in the message).
  static func isQuota(retryAfter: Double?, body: ErrorBody?) -> Bool {
    if retryAfter == 0 { return true }
    let text = ((body?.message ?? "") + " " + (body?.details ?? "")).lowercased()
    return text.contains("quota")
  }
}

/// The random part of back-off. With a seed (`ClientConfiguration.jitterSeed`) it is a fixed
/// sequence (SplitMix64), so tests can name the delays a session will ask its clock for.
final class Jitter: @unchecked Sendable {
  private let lock = NSLock()
  private var state: UInt64?

  init(seed: UInt64?) { state = seed }

  /// A factor in 0.5...1.
  func factor() -> Double {
    lock.withLock {
      guard var s = state else { return Double.random(in: 0.5...1) }
      s &+= 0x9E37_79B9_7F4A_7C15
      state = s
      var z = s
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      z ^= z >> 31
      return 0.5 + 0.5 * Double(z >> 11) / Double(UInt64(1) << 53)
    }
  }
}
