import Foundation
import Testing

@testable import CloudClient

@Suite("Timestamps")
struct WireDateTests {
  @Test(
    "every shape servers send parses to the same instant",
    arguments: [
      "2026-11-23T08:02:56", "2026-11-23T08:02:56Z", "2026-11-23T08:02:56.000000",
      "2026-11-23T08:02:56.000Z", "2026-11-23 08:02:56", " 2026-11-23T08:02:56.000000 ",
      "2026-11-23T09:02:56+01:00", "2026-11-23T03:02:56-0500", "2026-11-23T08:02:56UTC",
      "2026-11-23T08:02:56+00:00",
    ])
  func shapes(text: String) {
    #expect(WireDate.parse(text) == Fixtures.utc(2026, 11, 23, 8, 2, 56))
  }

  @Test("fractions are kept")
  func fractions() throws {
    let date = try #require(WireDate.parse("2026-11-23T08:02:56.585537"))
    #expect(abs(date.timeIntervalSince(Fixtures.utc(2026, 11, 23, 8, 2, 56)) - 0.585537) < 1e-6)
  }

  @Test(
    "garbage is nil, not a crash",
    arguments: [
      "", "null", "2026-13-01T00:00:00", "2026-11-23T08:02:56Q", "yesterday", "2026-11-23T08",
    ])
  func garbage(text: String) {
    #expect(WireDate.parse(text) == nil)
  }

  @Test("HTTP dates for Retry-After")
  func httpDate() {
    #expect(
      WireDate.parseHTTPDate("Wed, 21 Oct 2015 07:28:00 GMT")
        == Fixtures.utc(2015, 10, 21, 7, 28, 0))
  }
}
