import CloudClient
import Foundation

/// What the operator does with the history, notifications and the events view: one case of
/// `Action` (`.watch`), so the other reducers need not know these.
public enum WatchAction: Sendable, Hashable {
  /// `n`: notify when the selected row's job finishes (again: stop).
  case toggleNotify
  /// `E`, `:events`: open or close the events view.
  case toggleEvents
  case closeEvents
  case eventsMove(by: Int)
  case eventsFirst, eventsLast
  /// `/` in the events view.
  case eventsBeginFilter
  case eventsEditFilter(TextEdit)
  case eventsCommitFilter
  case eventsCancelFilter
  /// Enter in the events view: focus the event's pane and select its row.
  case eventsJump
  /// Esc on the digest panel.
  case dismissDigest
}

/// A desktop notification the terminal shows (OSC 9 / 777, or the bell): sanitised text.
public struct DesktopNotification: Sendable, Hashable {
  public var title: String
  public var body: String

  public init(title: String, body: String) {
    self.title = Self.clean(title, limit: 64)
    self.body = Self.clean(body, limit: 240)
  }

  /// Visible placeholders for control, escape and bidi characters (as everything from the
  /// network), no line breaks, and a bounded length: a name cannot end the escape sequence
  /// that carries it, nor flood the desktop.
  static func clean(_ text: String, limit: Int) -> String {
    let safe = TerminalSafe.sanitize(text)
    return safe.count > limit ? String(safe.prefix(limit - 1)) + "…" : safe
  }
}
