/// Faults the simulator injects into its answers; all off by default.
///
/// Switch them at start (``SimulatorConfiguration/faults``), with
/// ``SimulatorServer/setFaults(_:)``, or at run time with `POST /_sim/faults` and a JSON body
/// using these property names.
public struct SimulatorFaults: Sendable, Codable, Equatable {
  /// Seconds added before every response.
  public var latency: Double = 0
  /// Fraction of requests answered 500 or 503.
  public var errorRate: Double = 0
  /// Every Nth request is rate limited: 413 on v1 and Trove paths, 429 on Cinder v3; 0 is off.
  public var rateLimitEvery: Int = 0
  /// Seconds announced in `Retry-After` and in the body's `retryAfter`.
  public var retryAfter: Int = 5
  /// Fraction of requests whose connection is closed without an answer.
  public var dropConnectionRate: Double = 0
  /// Fraction of successful bodies sent truncated or malformed.
  public var malformedBodyRate: Double = 0

  /// No faults.
  public init() {}

  /// Decodes fault settings; a missing property means "off" (and `retryAfter` 5), so
  /// `POST /_sim/faults` with `{}` switches everything off.
  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    latency = try c.decodeIfPresent(Double.self, forKey: .latency) ?? 0
    errorRate = try c.decodeIfPresent(Double.self, forKey: .errorRate) ?? 0
    rateLimitEvery = try c.decodeIfPresent(Int.self, forKey: .rateLimitEvery) ?? 0
    retryAfter = try c.decodeIfPresent(Int.self, forKey: .retryAfter) ?? 5
    dropConnectionRate = try c.decodeIfPresent(Double.self, forKey: .dropConnectionRate) ?? 0
    malformedBodyRate = try c.decodeIfPresent(Double.self, forKey: .malformedBodyRate) ?? 0
  }
}
