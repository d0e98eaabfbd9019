import BrowserModel
import Foundation

/// Top line: product, cloud/profile (in the profile's colour), region, READ-ONLY and DEMO
/// badges on the left; freshness (updated Ns ago, or a stale warning) and the spinner on the
/// right.
enum HeaderBar {
  /// What the header shows, and nothing else of the state.
  struct Model {
    var profile: ProfileInfo
    var region: String
    var connection: ConnectionStatus
    var now: Date
    var spinner: Character?
    var paused: Bool
    /// `↻ 5s/30s` once `:refresh` changed the intervals.
    var intervals: String?

    init(_ state: BrowserState, spinner: Character?) {
      paused = state.watch.paused
      intervals =
        state.watch.intervalsChanged
        ? "↻ \(Formatting.interval(state.refresh.fast))/\(Formatting.interval(state.refresh.slow))"
        : nil
      profile = state.profile
      region = state.region.title
      connection = state.connection
      // Paused on purpose: old data is expected, not a stale warning.
      if paused && connection.lastError == nil { connection.stale = false }
      now = state.now
      self.spinner = spinner
    }
  }

  static func draw(_ state: Model, in area: Rect, frame: inout Frame) {
    guard !area.isEmpty else { return }
    let base = Style(.header)
    frame.fill(area, style: base)
    var x = area.x
    x += frame.put(" rackwatch ", x: x, y: area.y, style: Style(.header, bold: true), clip: area)
    let profileColor = state.profile.headerColor.flatMap { ThemeColor(parsing: $0) }
    let profile = "\(state.profile.cloudName)/\(state.profile.profileName)"
    x += frame.put(" ", x: x, y: area.y, style: base, clip: area)
    x += frame.put(
      profile, x: x, y: area.y, style: Style(.header, bold: true, foreground: profileColor),
      clip: area)
    x += frame.put("  " + state.region + " ", x: x, y: area.y, style: base, clip: area)
    if state.profile.readOnly {
      x += frame.put(" ", x: x, y: area.y, style: base, clip: area)
      x += frame.put(" READ-ONLY ", x: x, y: area.y, style: Style(.badgeWarning), clip: area)
    }
    if state.profile.isDemo {
      x += frame.put(" ", x: x, y: area.y, style: base, clip: area)
      x += frame.put(" DEMO ", x: x, y: area.y, style: Style(.badge), clip: area)
    }
    if state.paused {
      x += frame.put(" ", x: x, y: area.y, style: base, clip: area)
      x += frame.put(" PAUSED ", x: x, y: area.y, style: Style(.badgeWarning), clip: area)
    } else if let intervals = state.intervals {
      x += frame.put(" " + intervals, x: x, y: area.y, style: base, clip: area)
    }
    let (status, role) = freshness(state)
    var right = status
    if let spinner = state.spinner { right = "\(spinner) " + right }
    right += " "
    let rightWidth = DisplayWidth.of(right)
    let start = area.maxX - rightWidth
    if start > x + 1 {
      frame.put(right, x: start, y: area.y, style: Style(role), clip: area)
    } else if x + 2 < area.maxX {
      frame.put(
        TextLayout.truncate(right, to: area.maxX - x - 1), x: x + 1, y: area.y, style: Style(role),
        clip: area)
    }
  }

  /// "updated 3s ago", "loading…", or "⚠ stale: <error>".
  static func freshness(_ state: Model) -> (String, StyleRole) {
    let connection = state.connection
    if connection.stale {
      var text = "⚠ stale"
      if let success = connection.lastSuccess {
        text += " (updated " + Formatting.age(since: success, now: state.now) + ")"
      }
      if let error = connection.lastError { text += ": " + error }
      return (text, .badgeWarning)
    }
    if let success = connection.lastSuccess {
      return ("updated " + Formatting.age(since: success, now: state.now), .header)
    }
    return ("loading…", .header)
  }
}
