/// How often lists are refreshed: fast while anything moves, slow when settled, backing off
/// on errors. Pure arithmetic; the reducer applies it to each list, the store's clock wakes
/// it up.
public struct RefreshPolicy: Sendable, Hashable {
  /// Interval while a row is in motion (NEW, BUILDING, creating, deleting, progress < 100%).
  public var fast: Duration
  /// Interval when everything is settled.
  public var slow: Duration
  /// Longest interval between whole lists (`WholeListSchedule`): a list that costs little is
  /// read whole at the slow interval, a costly one less often, never less often than this.
  public var wholeLongest: Duration
  /// First back-off delay after an error; doubles per consecutive failure.
  public var backoffBase: Duration
  /// Longest back-off.
  public var backoffMax: Duration
  /// How long added/changed/gone marks stay on a row.
  public var highlight: Duration
  /// How long a message stays.
  public var messageLifetime: Duration
  /// Most changed rows one reducer step merges. A refresh that changes more (10,000 jobs
  /// finishing at once) is merged over several steps, so keys and frames go on in between:
  /// each changed row costs about a microsecond of memory latency.
  public var mergeStep: Int

  public init(
    fast: Duration = .seconds(2), slow: Duration = .seconds(30),
    wholeLongest: Duration = .seconds(600),
    backoffBase: Duration = .seconds(2), backoffMax: Duration = .seconds(300),
    highlight: Duration = .seconds(5), messageLifetime: Duration = .seconds(8),
    mergeStep: Int = 2_000
  ) {
    self.mergeStep = max(1, mergeStep)
    self.fast = fast
    self.slow = slow
    self.wholeLongest = wholeLongest
    self.backoffBase = backoffBase
    self.backoffMax = backoffMax
    self.highlight = highlight
    self.messageLifetime = messageLifetime
  }

  /// Delay before the next request of a list that just succeeded.
  public func delayAfterSuccess(inMotion: Bool) -> Duration { inMotion ? fast : slow }

  /// Delay before retrying a list that failed `failures` times in a row (1 = first failure):
  /// base × 2^(failures-1), capped, never shorter than the server's Retry-After.
  public func delayAfterFailure(failures: Int, retryAfter: Double?) -> Duration {
    let exponent = min(max(failures - 1, 0), 20)
    var delay = backoffBase * (1 << exponent)
    if delay > backoffMax { delay = backoffMax }
    if let retryAfter, retryAfter.isFinite, retryAfter > 0 {
      let server = Duration.milliseconds(Int64(min(retryAfter, 86_400) * 1000))
      if server > delay { delay = server }
    }
    return delay
  }
}

extension Duration {
  /// Seconds as a Double, for Date arithmetic.
  var seconds: Double {
    let parts = components
    return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
  }
}
