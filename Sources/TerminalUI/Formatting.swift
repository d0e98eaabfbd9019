import Foundation

/// Text forms of values shared by the table and the detail view. Dates are shown in UTC so
/// screens read the same for everyone on a shared incident channel (and tests are stable).
public enum Formatting {
  /// `2026-11-23 17:45` (UTC), or "" when nil.
  public static func date(_ date: Date?) -> String {
    guard let date else { return "" }
    var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
    var parts = tm()
    gmtime_r(&seconds, &parts)
    return String(
      format: "%04d-%02d-%02d %02d:%02d", Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1,
      Int(parts.tm_mday), Int(parts.tm_hour), Int(parts.tm_min))
  }

  /// `2026-11-23 17:45:07 UTC` for the detail view.
  public static func fullDate(_ date: Date?) -> String {
    guard let date else { return "—" }
    var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
    var parts = tm()
    gmtime_r(&seconds, &parts)
    return String(
      format: "%04d-%02d-%02d %02d:%02d:%02d UTC", Int(parts.tm_year) + 1900,
      Int(parts.tm_mon) + 1, Int(parts.tm_mday), Int(parts.tm_hour), Int(parts.tm_min),
      Int(parts.tm_sec))
  }

  /// A short duration: `45s`, `3m07s`, `2h05m`, `3d04h`.
  public static func duration(_ interval: TimeInterval) -> String {
    let s = max(0, Int(interval))
    if s < 60 { return "\(s)s" }
    if s < 3600 { return "\(s / 60)m" + String(format: "%02ds", s % 60) }
    if s < 86400 { return "\(s / 3600)h" + String(format: "%02dm", (s % 3600) / 60) }
    return "\(s / 86400)d" + String(format: "%02dh", (s % 86400) / 3600)
  }

  /// "12s ago" style age.
  public static func age(since date: Date, now: Date) -> String {
    duration(now.timeIntervalSince(date)) + " ago"
  }

  /// Backup sizes come as fractional GB: `0.12 GB`, `1.5 GB`, `230 GB`.
  public static func gigabytes(_ size: Double?) -> String {
    guard let size else { return "" }
    if size >= 100 { return String(format: "%.0f GB", size) }
    if size >= 10 { return String(format: "%.1f GB", size) }
    return String(format: "%.2f GB", size)
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
