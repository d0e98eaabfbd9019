import Foundation

/// `:events`, `:pause`, `:resume`, `:refresh 5s`, `:notify`.
extension Reducer {
  /// `:events`, `:pause`, `:resume`, `:refresh 5s [30s]`, `:notify failures|off`.
  static func watchCommand(_ state: inout BrowserState, _ verb: String, _ argument: String)
    -> [Effect]
  {
    switch verb {
    case "events", "ev":
      state.watch.eventsView = EventsView()
      return []
    case "pause":
      state.watch.paused.toggle()
      post(
        &state, .info, state.watch.paused ? "Paused: no refresh until :pause or :resume" : "Resumed"
      )
      return state.watch.paused ? [] : refreshNow(&state)
    case "resume":
      state.watch.paused = false
      post(&state, .info, "Resumed")
      return refreshNow(&state)
    case "refresh":
      let words = argument.split(separator: " ").map(String.init)
      let parsed = words.map(Self.parseInterval)
      guard (1...2).contains(parsed.count), let fast = parsed[0], parsed.allSatisfy({ $0 != nil })
      else {
        post(&state, .error, "Usage: :refresh 5s [60s] (fast, and slow when settled)")
        return []
      }
      state.refresh.fast = fast
      if parsed.count == 2, let slow = parsed[1] {
        state.refresh.slow = slow
      } else if state.refresh.slow < fast {
        state.refresh.slow = fast
      }
      state.watch.intervalsChanged = true
      // Refreshes already scheduled move to the new interval.
      let now = state.now
      let policy = state.refresh
      for kind in PaneKind.allCases {
        state.withPane(kind) { pane in
          // Not lists backing off after errors: their delay is the server's business.
          for (region, var list) in pane.lists where !list.inFlight && list.failures == 0 {
            let moving = pane.anyInMotion(region: region)
            let interval = (moving ? policy.fast : policy.slow).seconds
            list.nextDue = (list.lastLoaded ?? now).addingTimeInterval(interval)
            pane.lists[region] = list
          }
        }
      }
      state.scheduledWakeup = nil
      post(
        &state, .info,
        "Refresh every \(Formatting.interval(state.refresh.fast)) in motion, \(Formatting.interval(state.refresh.slow)) settled"
      )
      return []
    case "notify":
      switch argument.lowercased() {
      case "failures", "failure", "on":
        state.watch.notifyFailures = true
        post(&state, .info, "Will notify about every failure")
      case "off", "none":
        state.watch.notifyFailures = false
        state.watch.notifyOnFinish.removeAll()
        post(&state, .info, "Notifications off")
      default:
        post(&state, .error, "Usage: :notify failures|off")
      }
      return []
    default:
      return []
    }
  }

  /// `5s`, `2m`, `1h`, `500ms`, or plain seconds; at least half a second.
  static func parseInterval(_ text: String) -> Duration? {
    let lower = text.lowercased()
    var number = lower
    var scale = 1.0
    for (suffix, factor) in [("ms", 0.001), ("s", 1.0), ("m", 60.0), ("h", 3600.0)]
    where lower.hasSuffix(suffix) {
      number = String(lower.dropLast(suffix.count))
      scale = factor
      break
    }
    guard let value = Double(number), value.isFinite, value * scale >= 0.5,
      value * scale <= 86_400
    else { return nil }
    return .milliseconds(Int64((value * scale * 1000).rounded()))
  }
}
