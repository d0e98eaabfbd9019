import Foundation

/// Times as a person reads them: "2h ago", "in 14m", "Tue 18:02 UTC".
extension Formatting {
  /// "2h ago" for the past, "in 14m" for the future, "now" within a second.
  public static func relative(_ date: Date, now: Date) -> String {
    let seconds = date.timeIntervalSince(now)
    if abs(seconds) < 1 { return "now" }
    let span = age(Date(timeIntervalSince1970: 0), now: Date(timeIntervalSince1970: abs(seconds)))
    return seconds < 0 ? "\(span) ago" : "in \(span)"
  }

  /// `2026-11-23 17:45:07 UTC (2h ago)`: the detail view's dates, absolute and relative.
  public static func fullDate(_ date: Date?, now: Date) -> String {
    guard let date else { return "—" }
    return fullDate(date) + " (" + relative(date, now: now) + ")"
  }

  /// `Tue 18:02 UTC`, or with the date when more than six days ago (`2026-11-23 18:02 UTC`).
  public static func weekdayTime(_ date: Date, now: Date) -> String {
    guard let parts = utc(date) else { return "" }
    let clock = "\(two(parts.hour)):\(two(parts.minute)) UTC"
    guard now.timeIntervalSince(date) < 6 * 86_400 else { return self.date(date) + " UTC" }
    // 1970-01-01 was a Thursday.
    let days = Int((date.timeIntervalSince1970 / 86_400).rounded(.down))
    let names = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"]
    return names[((days % 7) + 7) % 7] + " " + clock
  }

  /// `5s`, `2m`, `1m30s`, `500ms`: a refresh interval as `:refresh` takes it.
  public static func interval(_ duration: Duration) -> String {
    let parts = duration.components
    let ms = parts.seconds * 1000 + parts.attoseconds / 1_000_000_000_000_000
    if ms < 1000 { return "\(ms)ms" }
    if ms % 1000 != 0 { return "\(Double(ms) / 1000)s" }
    let s = ms / 1000
    if s < 60 || s % 60 != 0 { return s < 60 ? "\(s)s" : "\(s / 60)m\(s % 60)s" }
    return s % 3600 == 0 ? "\(s / 3600)h" : "\(s / 60)m"
  }
}
