import Foundation
import Testing

@testable import CloudClient

/// The fast list-page reader must give exactly what the `Decodable` wire types give, take
/// the fast path on every real body, and leave every malformed body to `JSONDecoder`.
@Suite("List page decoder")
struct ListPageDecoderTests {
  /// The `Decodable` path alone, as before the fast reader.
  func slowSnapshots(_ body: Data) -> ListPage<Snapshot>? {
    try? ListPageDecoder.snapshotsWithJSONDecoder(body)
  }

  func slowBackups(_ body: Data) -> ListPage<Backup>? {
    try? ListPageDecoder.backupsWithJSONDecoder(body)
  }

  /// Every fixture file, real and documentation.
  func allFixtures() throws -> [String] {
    let docs = try FileManager.default.contentsOfDirectory(
      atPath: Fixtures.root.appendingPathComponent("docs").path
    ).filter { $0.hasSuffix(".json") }.map { "docs/\($0)" }
    return try Fixtures.realFiles().filter { $0.hasSuffix(".json") } + docs.sorted()
  }

  @Test("every fixture: the fast reader equals the Decodable path, or leaves the body to it")
  func fixturesAgree() throws {
    var fastSnapshotPages = 0
    var fastBackupPages = 0
    for file in try allFixtures() {
      let body = try Fixtures.data(file)
      let slowS = slowSnapshots(body)
      if let fast = ListPageDecoder.fastSnapshots(body) {
        fastSnapshotPages += 1
        #expect(slowS != nil, "\(file): fast accepted what JSONDecoder rejects")
        #expect(fast.items == slowS?.items, "\(file)")
        #expect(fast.next == slowS?.next, "\(file)")
      } else if file.hasPrefix("real/"), slowS != nil,
        String(decoding: body, as: UTF8.self).contains(#""snapshots""#)
      {
        Issue.record("\(file): the fast reader gave up on a real snapshot page")
      }
      let slowB = slowBackups(body)
      if let fast = ListPageDecoder.fastBackups(body) {
        fastBackupPages += 1
        #expect(slowB != nil, "\(file): fast accepted what JSONDecoder rejects")
        #expect(fast.items == slowB?.items, "\(file)")
        #expect(fast.next == slowB?.next, "\(file)")
      } else if file.hasPrefix("real/"), slowB != nil,
        String(decoding: body, as: UTF8.self).contains(#""backups""#)
      {
        // (A singular `{"backup": {...}}` is a Rackspace doc quirk left to JSONDecoder.)
        Issue.record("\(file): the fast reader gave up on a real backup page")
      }
      // The public entry gives the same whichever path it took.
      #expect((try? ListPageDecoder.snapshots(body))?.items == slowS?.items, "\(file)")
      #expect((try? ListPageDecoder.backups(body))?.items == slowB?.items, "\(file)")
    }
    #expect(fastSnapshotPages >= 10)
    #expect(fastBackupPages >= 8)
  }

  @Test("hostile strings decode as JSONDecoder decodes them")
  func hostileStrings() throws {
    let names = [
      #"esc\u001b[31mred"#, #"nul\u0000byte"#, #"bell\u0007"#, #"cr\rlf\n"#, #"tab\t"#,
      #"bidi\u202eevil"#, #"emoji \ud83d\ude00 ok"#, #"quote \" slash \/ back \\"#, "raw é 日本",
      #"\u00e9\u65e5"#, #"ctrl \b\f"#,
    ]
    for name in names {
      let body = Data(
        #"{"snapshots":[{"id":" s1 ","name":"\#(name)","status":"available","size":"10","volume_id":"v","os-extended-snapshot-attributes:progress":"25.39%","created_at":"2026-11-23T08:02:56.585537","metadata":{"k":"\#(name)"}}],"snapshots_links":[{"rel":"NEXT","href":"http://h/next?marker=\#(name)"}]}"#
          .utf8)
      let fast = try #require(ListPageDecoder.fastSnapshots(body), "gave up on \(name)")
      let slow = try #require(slowSnapshots(body))
      #expect(fast.items == slow.items)
      #expect(fast.next == slow.next)
      #expect(fast.items.first?.id == "s1" && fast.items.first?.progress == 25.39)
    }
  }

  @Test(
    "lone surrogates, bad escapes and raw control characters are left to JSONDecoder")
  func invalidStrings() throws {
    let bad: [[UInt8]] = [
      Array(#"{"backups":[{"id":"a","name":"\ud800"}]}"#.utf8),
      Array(#"{"backups":[{"id":"a","name":"\udc00x"}]}"#.utf8),
      Array(#"{"backups":[{"id":"a","name":"\x"}]}"#.utf8),
      Array(#"{"backups":[{"id":"a","name":"\u12"}]}"#.utf8),
      Array(#"{"backups":[{"id":"a","name":"tab"#.utf8) + [0x09] + Array(#"raw"}]}"#.utf8),
      Array(#"{"backups":[{"id":"a","size":01}]}"#.utf8),
      Array(#"{"backups":[{"id":"a","size":1.}]}"#.utf8),
      Array(#"{"backups":[{"id":"a","size":-}]}"#.utf8),
      Array(#"{"backups":[{"id":"a"}]} x"#.utf8),
      Array(#"{"backups":[{"id":"a",}]}"#.utf8),
      Array(#"{"backups":[{"id":"a"}],}"#.utf8),
      Array(#"{"backup":{"id":"singular"}}"#.utf8),
    ]
    for bytes in bad {
      let body = Data(bytes)
      #expect(ListPageDecoder.fastBackups(body) == nil, "\(String(decoding: bytes, as: UTF8.self))")
      // Whatever JSONDecoder makes of it is what the public entry gives.
      #expect(
        (try? ListPageDecoder.backups(body))?.items == slowBackups(body)?.items,
        "\(String(decoding: bytes, as: UTF8.self))")
    }
  }

  @Test("bad UTF-8, items without an id and null lists read alike on both paths (issue 13)")
  func partialPages() throws {
    let cases: [([UInt8], names: [String], unreadable: Int, null: Bool)] = [
      (
        Array(#"{"backups":[{"id":"a","name":"caf"#.utf8) + [0xC3, 0x28] + Array(#""}]}"#.utf8),
        ["caf\u{FFFD}("], 0, false
      ),
      (
        Array(#"{"backups":[{"id":"a","unknown":""#.utf8) + [0xFF] + Array(#""}]}"#.utf8),
        [""], 0, false
      ),
      (Array(#"{"backups":[{"name":"no id"},{"id":"b","name":"b"}]}"#.utf8), ["b"], 1, false),
      (Array(#"{"backups":[{"id":"a","name":"a"},7,"x",null]}"#.utf8), ["a"], 3, false),
      (Array(#"{"backups":null}"#.utf8), [], 0, true),
    ]
    for (bytes, names, unreadable, null) in cases {
      let body = Data(bytes)
      let page = try ListPageDecoder.backups(body)
      let slow = try ListPageDecoder.backupsWithJSONDecoder(WireText.repairingUTF8(body))
      for read in [page, slow] {
        #expect(read.items.map(\.name) == names, "\(String(decoding: bytes, as: UTF8.self))")
        #expect(read.unreadable == unreadable)
        #expect(read.nullList == null)
      }
    }
  }

  @Test("the first byte over 0x7F is found wherever it is, eight at a time or not")
  func firstNonASCII() {
    for length in [0, 1, 7, 8, 9, 15, 16, 17, 64, 65] {
      let plain = [UInt8](repeating: UInt8(ascii: "a"), count: length)
      #expect(plain.withUnsafeBytes { WireText.firstNonASCII($0) } == nil)
      for at in 0..<length {
        for high: UInt8 in [0x80, 0xC3, 0xFF] {
          var bytes = plain
          bytes[at] = high
          if at + 1 < length { bytes[length - 1] = 0xE2 }
          #expect(bytes.withUnsafeBytes { WireText.firstNonASCII($0) } == at)
        }
      }
    }
  }

  @Test("lenient fields: numbers as strings, integers as ids, flags as 0/1, null everywhere")
  func lenientFields() throws {
    let body = Data(
      #"""
      {"links":[{"rel":"self","href":"x"},{"rel":"next","href":"https://h/v1.0/t/backups?marker=2"}],
       "backups":[
        {"id":12,"name":null,"size":"1.5","status":"completed","is_automated":1,"created":"2014-01-30T15:30:58Z","datastore":{"type":"mysql","version":null,"extra":[1,{"a":true}]},"tenant_id":"t"},
        {"id":"b","size":2,"is_automated":"yes","datastore":{"version":"5.6"},"updated":"not a date","project_id":"p","tenant_id":"t","locationRef":null,"deep":{"x":[[[]]],"y":-1.5e-3}},
        {"id":"c","is_automated":false,"size":null,"datastore":null,"created":"2012-11-14T21:51:28UTC"}
       ]}
      """#.utf8)
    let fast = try #require(ListPageDecoder.fastBackups(body))
    let slow = try #require(slowBackups(body))
    #expect(fast.items == slow.items)
    #expect(fast.next == slow.next && fast.next == "https://h/v1.0/t/backups?marker=2")
    #expect(fast.items.map(\.id) == ["12", "b", "c"])
    #expect(fast.items[1].datastore == nil && fast.items[1].projectID == "p")
  }

  @Test("every truncation of a real page is an error, never a crash, and never half a page")
  func truncated() throws {
    let body = try Fixtures.data("real/trove-26/backups-page1.json")
    for cut in stride(from: 0, to: body.count - 1, by: 7) {
      let part = body.prefix(cut)
      #expect(ListPageDecoder.fastBackups(part) == nil)
      #expect(throws: (any Error).self) { try ListPageDecoder.backups(part) }
    }
  }

  @Test("a 1,000-item page from the simulator, hostile names included, decodes alike")
  func simulatorPages() async throws {
    try await SimulatorHarness.run(simulator: {
      $0.backupsPerRegion = 1000
      $0.snapshotsPerRegion = 1000
      $0.hostileNames = true
    }) { h in
      let volume = try await h.session.endpoint(.blockStorage, region: h.region)
      let snapshots = try await h.session.send(
        .GET, volume.url + "/snapshots/detail?limit=1000", service: volume, kind: .blockStorage,
        operation: "test")
      let fastS = try #require(ListPageDecoder.fastSnapshots(snapshots.body))
      #expect(fastS.items.count == 1000)
      #expect(fastS.items == slowSnapshots(snapshots.body)?.items)
      #expect(fastS.next == slowSnapshots(snapshots.body)?.next)
      let database = try await h.session.endpoint(.database, region: h.region)
      let backups = try await h.session.send(
        .GET, database.url + "/backups?limit=1000", service: database, kind: .database,
        operation: "test")
      let fastB = try #require(ListPageDecoder.fastBackups(backups.body))
      #expect(fastB.items.count == 1000)
      #expect(fastB.items == slowBackups(backups.body)?.items)
      #expect(fastB.next == slowBackups(backups.body)?.next)
    }
  }
}
