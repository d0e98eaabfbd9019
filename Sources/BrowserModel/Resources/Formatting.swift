import Foundation

/// Text forms of values shared by the table, the detail view and the CLI: the one UTC date
/// formatter and the one size/percent formatter. Dates are shown in UTC so screens read the
/// same for everyone on a shared incident channel (and tests are stable).
public enum Formatting {
  /// `2026-11-23 17:45` (UTC), or "" when nil.
  public static func date(_ date: Date?) -> String {
    guard let date, let parts = utc(date) else { return "" }
    return
      "\(parts.year)-\(two(parts.month))-\(two(parts.day)) \(two(parts.hour)):\(two(parts.minute))"
  }

  /// `2026-11-23 17:45:07 UTC` for the detail view.
  public static func fullDate(_ date: Date?) -> String {
    guard let date, let parts = utc(date) else { return "—" }
    return "\(parts.year)-\(two(parts.month))-\(two(parts.day)) "
      + "\(two(parts.hour)):\(two(parts.minute)):\(two(parts.second)) UTC"
  }

  /// `2026-11-23T17:45:07Z`: scriptable output and logs.
  public static func iso8601(_ date: Date) -> String {
    guard let parts = utc(date) else { return "" }
    let year =
      parts.year < 1000
      ? String(repeating: "0", count: 4 - String(parts.year).count) + "\(parts.year)"
      : "\(parts.year)"
    return "\(year)-\(two(parts.month))-\(two(parts.day))T"
      + "\(two(parts.hour)):\(two(parts.minute)):\(two(parts.second))Z"
  }

  /// A short age for a table cell: `45s`, `12m`, `3h`, `2d` (the unit that counts).
  public static func age(_ date: Date, now: Date) -> String {
    let s = max(0, Int(now.timeIntervalSince(date)))
    if s < 60 { return "\(s)s" }
    if s < 3600 { return "\(s / 60)m" }
    if s < 86400 { return "\(s / 3600)h" }
    return "\(s / 86400)d"
  }

  /// Calendar fields in UTC. Hand-rolled (days-from-civil) rather than `String(format:)` or
  /// a formatter: a table formats a date per visible row on every frame. Public so
  /// `list --format json` can write `iso8601`'s digits straight into its bytes.
  public static func utc(_ date: Date) -> (
    year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int
  )? {
    let interval = date.timeIntervalSince1970
    guard interval.isFinite, abs(interval) < 1e13 else { return nil }
    let seconds = Int(interval.rounded(.down))
    var days = seconds / 86400
    var rest = seconds % 86400
    if rest < 0 {
      rest += 86400
      days -= 1
    }
    // Howard Hinnant's civil_from_days.
    let z = days + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let day = doy - (153 * mp + 2) / 5 + 1
    let month = mp < 10 ? mp + 3 : mp - 9
    let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
    return (year, month, day, rest / 3600, (rest % 3600) / 60, rest % 60)
  }

  static func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

  /// A short duration: `45s`, `3m07s`, `2h05m`, `3d04h`.
  public static func duration(_ interval: TimeInterval) -> String {
    let s = max(0, Int(interval))
    if s < 60 { return "\(s)s" }
    if s < 3600 { return "\(s / 60)m" + two(s % 60) + "s" }
    if s < 86400 { return "\(s / 3600)h" + two((s % 3600) / 60) + "m" }
    return "\(s / 86400)d" + two((s % 86400) / 3600) + "h"
  }

  /// "12s ago" style age.
  public static func age(since date: Date, now: Date) -> String {
    duration(now.timeIntervalSince(date)) + " ago"
  }

  /// Backup sizes come as fractional GB: `0.12 GB`, `1.5 GB`, `230 GB`.
  public static func gigabytes(_ size: Double?) -> String {
    guard let size else { return "" }
    guard size.isFinite, size >= 0, size < 1e12 else { return "? GB" }
    if size >= 100 { return "\(Int(size.rounded())) GB" }
    if size >= 10 {
      let tenths = Int((size * 10).rounded())
      return "\(tenths / 10).\(tenths % 10) GB"
    }
    let hundredths = Int((size * 100).rounded())
    return "\(hundredths / 100).\(two(hundredths % 100)) GB"
  }

  /// A pane's total: `0.50 GB`, `350 GB`, from 1,000 GB on `1.2 TB` (decimal, as the clouds
  /// count GB).
  public static func totalSize(_ gigabytes: Double) -> String {
    guard gigabytes.isFinite, gigabytes >= 1000 else {
      return gigabytes == gigabytes.rounded() && gigabytes.isFinite
        ? "\(Int(gigabytes)) GB" : self.gigabytes(gigabytes)
    }
    let tenths = Int((gigabytes / 100).rounded())
    return "\(tenths / 10).\(tenths % 10) TB"
  }

  /// Cinder sizes are whole GB.
  public static func gigabytes(_ size: Int?) -> String {
    guard let size else { return "" }
    return "\(size) GB"
  }

  /// `1,234` with thousands separators (no locale: stable).
  public static func count(_ n: Int) -> String {
    let digits = String(abs(n))
    var out = ""
    for (i, c) in digits.enumerated() {
      if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
      out.append(c)
    }
    return (n < 0 ? "-" : "") + out
  }

  /// `42%` from 0...100.
  public static func percent(_ value: Double) -> String {
    "\(Int(min(100, max(0, value)).rounded(.down)))%"
  }
}
