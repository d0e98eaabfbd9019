import Foundation
import Testing

@testable import CloudSimulator

@Suite("Wire formatting: dates and JSON text like the real services print them")
struct WireFormatTests {
  // 2026-11-23T08:02:56.585537Z
  static let instant = 1_795_420_800.0 + 176.585537

  @Test("Trove dates have no fraction and no zone; Cinder dates have microseconds")
  func dates() {
    #expect(WireDate.trove(Self.instant) == "2026-11-23T08:02:56")
    #expect(WireDate.cinder(Self.instant).hasPrefix("2026-11-23T08:02:56.58553"))
    #expect(WireDate.cinder(Self.instant).count == 26)
    #expect(WireDate.identityV2(Self.instant).hasSuffix("Z"))
    #expect(WireDate.identityV2(Self.instant).count == 24)
    #expect(WireDate.keystone(0) == "1970-01-01T00:00:00.000000Z")
    #expect(WireDate.trove(951_782_400) == "2000-02-29T00:00:00")  // a leap day
  }

  @Test("JSON uses Python's separators and escapes non-ASCII and control characters")
  func escaping() {
    var w = JSONWriter()
    w.beginObject()
    w.field("name", "evil\u{1B}[31m\n\"q\" ✓ 🚀 \\")
    w.field("size", 0.14)
    w.field("whole", 12.0)
    w.field("count", 3)
    w.field("none", nil as String?)
    w.field("flag", true)
    w.beginArray("list")
    w.element("a")
    w.element("b")
    w.endArray()
    w.emptyObject("access")
    w.endObject()
    let text = String(decoding: w.bytes, as: UTF8.self)
    #expect(
      text
        == #"{"name": "evil\u001b[31m\n\"q\" \u2713 \ud83d\ude80 \\", "size": 0.14, "whole": 12.0, "#
        + #""count": 3, "none": null, "flag": true, "list": ["a", "b"], "access": {}}"#)
  }

  @Test("snapshot progress is a percentage string with at most two decimals")
  func progress() {
    let s = SnapshotRecord(
      seq: 1, id: "x", name: nil, description: nil, volumeID: "v", size: 1, created: 0,
      duration: 100, fails: false)
    #expect(s.progress(at: 0) == "0%")
    #expect(s.progress(at: 25.39) == "25.39%")
    #expect(s.progress(at: 50) == "50%")
    #expect(s.progress(at: 100) == "100%")
    #expect(s.status(at: 99.9) == "creating")
    #expect(s.status(at: 100) == "available")
  }

  @Test("microversion negotiation")
  func microversions() throws {
    #expect(try CinderMicroversion.negotiate(nil).get() == .minimum)
    #expect(try CinderMicroversion.negotiate("volume latest").get() == .maximum)
    #expect(try CinderMicroversion.negotiate("compute 2.1, volume 3.60").get().minor == 60)
    #expect(throws: CinderMicroversion.Failure.self) {
      try CinderMicroversion.negotiate("volume 3.72").get()
    }
    #expect(throws: CinderMicroversion.Failure.self) {
      try CinderMicroversion.negotiate("volume 3.").get()
    }
  }
}
