/// The polling of `rackwatch wait`, apart from the command so a test clock can drive it.
///
/// The deadline is exact: the last sleep is shortened to end at the deadline and one final
/// check is made there, so `--timeout 6s` with 5 s polls looks at 0, 5 and 6 s (it used to
/// give up at 5 s, and `--timeout 5s` after one look).
struct WaitLoop<C: Clock<Duration>> {
  var clock: C
  var timeout: Duration
  var interval: Duration

  /// Calls `check` with the time since the start until it returns a result; nil when the
  /// deadline passed first.
  func run<Result>(_ check: (_ elapsed: Duration) async throws -> Result?) async throws
    -> Result?
  {
    let start = clock.now
    let deadline = start.advanced(by: timeout)
    while true {
      if let result = try await check(start.duration(to: clock.now)) { return result }
      let now = clock.now
      guard now < deadline else { return nil }
      try await clock.sleep(
        until: min(now.advanced(by: max(interval, .zero)), deadline), tolerance: nil)
    }
  }
}
