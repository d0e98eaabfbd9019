import Foundation

/// When and how long to wait before trying a request again.
struct RetryPolicy: Sendable {
  var maxRetries: Int
  var baseDelay: Double
  var maxDelay: Double
  var maxRetryAfter: Double

  /// Exponential back-off with jitter: base * 2^attempt, capped, times 0.5...1.
  func backoff(attempt: Int) -> Double {
    let raw = min(maxDelay, baseDelay * pow(2, Double(min(attempt, 20))))
    return raw * Double.random(in: 0.5...1)
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
