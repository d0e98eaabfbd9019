/// Formats simulated times (seconds since 1970, UTC) the way each service prints them.
///
/// Done by hand (civil-from-days) because `DateFormatter` is far too slow for 1,000-row pages.
enum WireDate {
  /// Trove: `2026-11-23T08:03:29`, no fraction, no zone (fixtures/real/trove-26/backups.json).
  static func trove(_ t: Double) -> String { format(t, fraction: 0, zone: false) }

  /// Cinder: `2026-11-23T08:02:56.585537`, microseconds, no zone
  /// (fixtures/real/cinder-29/snapshot-create.json).
  static func cinder(_ t: Double) -> String { format(t, fraction: 6, zone: false) }

  /// Rackspace identity: `2015-06-05T16:24:57.637Z`
  /// (fixtures/docs/rax-identity-v2-tokens-apikey-response-200.json).
  static func identityV2(_ t: Double) -> String { format(t, fraction: 3, zone: true) }

  /// Keystone: `2015-11-07T02:58:43.578887Z`
  /// (fixtures/docs/keystone-v3-auth-project-scoped-password-response.json).
  static func keystone(_ t: Double) -> String { format(t, fraction: 6, zone: true) }

  /// `Date`-free civil time formatting.
  static func format(_ t: Double, fraction: Int, zone: Bool) -> String {
    let micros = Int64((t * 1_000_000).rounded(.down))
    var seconds = micros / 1_000_000
    var subMicros = micros % 1_000_000
    if subMicros < 0 {
      subMicros += 1_000_000
      seconds -= 1
    }
    var days = seconds / 86_400
    var secOfDay = seconds % 86_400
    if secOfDay < 0 {
      secOfDay += 86_400
      days -= 1
    }
    // Howard Hinnant's days-to-civil.
    let z = days + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let day = doy - (153 * mp + 2) / 5 + 1
    let month = mp < 10 ? mp + 3 : mp - 9
    let year = yoe + era * 400 + (month <= 2 ? 1 : 0)

    var out = [UInt8]()
    out.reserveCapacity(28)
    func digits(_ value: Int64, _ width: Int) {
      var v = value
      var buf = [UInt8](repeating: UInt8(ascii: "0"), count: width)
      var i = width - 1
      while i >= 0 {
        buf[i] = UInt8(ascii: "0") + UInt8(v % 10)
        v /= 10
        i -= 1
      }
      out.append(contentsOf: buf)
    }
    digits(year, 4)
    out.append(UInt8(ascii: "-"))
    digits(month, 2)
    out.append(UInt8(ascii: "-"))
    digits(day, 2)
    out.append(UInt8(ascii: "T"))
    digits(secOfDay / 3600, 2)
    out.append(UInt8(ascii: ":"))
    digits(secOfDay / 60 % 60, 2)
    out.append(UInt8(ascii: ":"))
    digits(secOfDay % 60, 2)
    if fraction > 0 {
      out.append(UInt8(ascii: "."))
      var divisor: Int64 = 1
      for _ in 0..<(6 - fraction) { divisor *= 10 }
      digits(subMicros / divisor, fraction)
    }
    if zone { out.append(UInt8(ascii: "Z")) }
    return String(decoding: out, as: UTF8.self)
  }
}
