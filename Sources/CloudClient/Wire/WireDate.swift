import Foundation

/// Parses the timestamps OpenStack and Rackspace send, by hand (no `DateFormatter` per value:
/// list pages hold thousands of dates and must decode at tens of MB/s).
///
/// Accepted: `2026-11-23T08:02:56.585537` (Cinder, no zone: UTC), `2026-11-23T06:25:40`
/// (Trove), `2015-11-12T14:22:42Z`, `2014-01-30T15:30:58.000000Z`, `+01:00`/`-0500` offsets,
/// `2012-11-14T21:51:28UTC` (the jclouds overLimit `retryAt` sample), a space instead of
/// `T`, and stray surrounding spaces (rax-cbs-capture-volumes-list-200.json).
enum WireDate {
  /// The date, or nil when the text is not a timestamp we understand.
  static func parse(_ text: String) -> Date? {
    var text = text
    return text.withUTF8 { parse(bytes: $0) }
  }

  static func parse(bytes raw: UnsafeBufferPointer<UInt8>) -> Date? {
    var start = 0
    var end = raw.count
    while start < end, raw[start] == 0x20 { start += 1 }
    while end > start, raw[end - 1] == 0x20 { end -= 1 }
    var i = start

    func digits(_ count: Int) -> Int? {
      guard i + count <= end else { return nil }
      var value = 0
      for _ in 0..<count {
        let c = raw[i]
        guard c >= 0x30, c <= 0x39 else { return nil }
        value = value * 10 + Int(c - 0x30)
        i += 1
      }
      return value
    }
    func expect(_ c: UInt8) -> Bool {
      guard i < end, raw[i] == c else { return false }
      i += 1
      return true
    }

    guard let year = digits(4), expect(0x2D), let month = digits(2), expect(0x2D),
      let day = digits(2)
    else { return nil }
    guard (1...12).contains(month), (1...31).contains(day) else { return nil }
    var hour = 0
    var minute = 0
    var second = 0
    var fraction = 0.0
    if i < end, raw[i] == 0x54 || raw[i] == 0x20 || raw[i] == 0x74 {
      i += 1
      guard let h = digits(2), expect(0x3A), let m = digits(2) else { return nil }
      hour = h
      minute = m
      if expect(0x3A) {
        guard let s = digits(2) else { return nil }
        second = s
        if i < end, raw[i] == 0x2E || raw[i] == 0x2C {
          i += 1
          // Whole digits over a power of ten: ".637" is exactly 637/1000, as Foundation reads it.
          var numerator = 0
          var denominator = 1
          let first = i
          while i < end, raw[i] >= 0x30, raw[i] <= 0x39 {
            if denominator < 1_000_000_000 {
              numerator = numerator * 10 + Int(raw[i] - 0x30)
              denominator *= 10
            }
            i += 1
          }
          guard i > first else { return nil }
          fraction = Double(numerator) / Double(denominator)
        }
      }
    }
    guard hour < 24, minute < 60, second < 61 else { return nil }

    var offset = 0
    if i < end {
      let c = raw[i]
      if c == 0x5A || c == 0x7A {  // Z
        i += 1
      } else if c == 0x2B || c == 0x2D {  // + -
        let sign = c == 0x2D ? -1 : 1
        i += 1
        guard let oh = digits(2) else { return nil }
        _ = expect(0x3A)
        let om = digits(2) ?? 0
        offset = sign * (oh * 3600 + om * 60)
      } else if end - i == 3, raw[i] | 0x20 == 0x75, raw[i + 1] | 0x20 == 0x74,
        raw[i + 2] | 0x20 == 0x63
      {  // UTC
        i += 3
      } else if end - i == 4, raw[i] == 0x20 {
        i += 4  // " UTC"/" GMT" style suffix: treat as UTC
      }
    }
    guard i == end else { return nil }

    let days = daysFromCivil(year: year, month: month, day: day)
    let seconds = days * 86_400 + hour * 3600 + minute * 60 + second - offset
    return Date(timeIntervalSince1970: Double(seconds) + fraction)
  }

  /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
  static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let mp = (month + 9) % 12
    let doy = (153 * mp + 2) / 5 + day - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146_097 + doe - 719_468
  }

  /// An RFC 7231 HTTP date (`Wed, 21 Oct 2015 07:28:00 GMT`), as `Retry-After` may carry.
  static func parseHTTPDate(_ text: String) -> Date? {
    let parts = text.split(separator: " ")
    guard parts.count >= 5 else { return nil }
    let months = [
      "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ]
    guard let day = Int(parts[1]), let monthIndex = months.firstIndex(of: parts[2].lowercased()),
      let year = Int(parts[3])
    else { return nil }
    let time = parts[4].split(separator: ":")
    guard time.count == 3, let h = Int(time[0]), let m = Int(time[1]), let s = Int(time[2]) else {
      return nil
    }
    let days = daysFromCivil(year: year, month: monthIndex + 1, day: day)
    return Date(timeIntervalSince1970: Double(days * 86_400 + h * 3600 + m * 60 + s))
  }
}
