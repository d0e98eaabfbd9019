import Foundation
import Testing

@testable import BrowserModel
@testable import TerminalUI

@Suite("formatting")
struct FormattingTests {
  @Test("dates are shown in UTC, leap days and pre-1970 included")
  func dates() {
    #expect(Formatting.date(Date(timeIntervalSince1970: 1_795_000_000)) == "2026-11-18 11:06")
    #expect(
      Formatting.fullDate(Date(timeIntervalSince1970: 1_795_000_000)) == "2026-11-18 11:06:40 UTC")
    #expect(
      Formatting.fullDate(Date(timeIntervalSince1970: 951_782_400)) == "2000-02-29 00:00:00 UTC")
    #expect(Formatting.fullDate(Date(timeIntervalSince1970: -86401)) == "1969-12-30 23:59:59 UTC")
    #expect(Formatting.date(nil) == "")
    #expect(Formatting.fullDate(nil) == "—")
  }

  @Test("durations, sizes, counts and percentages")
  func values() {
    #expect(Formatting.duration(45) == "45s")
    #expect(Formatting.duration(125) == "2m05s")
    #expect(Formatting.duration(3 * 3600 + 60 * 7) == "3h07m")
    #expect(Formatting.duration(2 * 86400 + 3600 * 4) == "2d04h")
    #expect(Formatting.duration(-5) == "0s")
    #expect(Formatting.gigabytes(0.12) == "0.12 GB")
    #expect(Formatting.gigabytes(1.5) == "1.50 GB")
    #expect(Formatting.gigabytes(12.34) == "12.3 GB")
    #expect(Formatting.gigabytes(230.4) == "230 GB")
    #expect(Formatting.gigabytes(Double?.none) == "")
    #expect(Formatting.gigabytes(Double.nan) == "? GB")
    #expect(Formatting.gigabytes(50) == "50 GB")
    #expect(Formatting.count(1_234_567) == "1,234,567")
    #expect(Formatting.count(999) == "999")
    #expect(Formatting.percent(25.39) == "25%")
  }
}
