import Foundation
import Testing

@testable import CloudClient

/// A snapshot page read into a sink (issue 17: `list --format json` writes most snapshots
/// straight from the page's bytes) must hand over exactly the snapshots `snapshots` decodes,
/// in order, with the same paging facts, whichever way each snapshot came.
@Suite("Snapshot pages as bytes")
struct SnapshotBytesTests {
  /// Keeps what it is given as values, and how many came as bytes.
  struct Collect: SnapshotPageSink {
    var items: [Snapshot] = []
    var asBytes = 0

    mutating func add(_ snapshot: SnapshotBytes) {
      items.append(snapshot.value)
      asBytes += 1
    }

    mutating func add(_ snapshot: Snapshot) { items.append(snapshot) }
  }

  /// The sink's page, or nil when the body is refused (as `snapshots` refuses it).
  func sunk(_ body: Data) -> PageRead<Collect>? {
    try? ListPageDecoder.snapshots(body) { Collect() }
  }

  /// Both readings agree: both refuse the body, or give the same items and paging facts.
  /// Returns the sink's page.
  @discardableResult
  func expectAgree(_ body: Data, _ context: String) -> PageRead<Collect>? {
    let values = try? ListPageDecoder.snapshots(body)
    let page = sunk(body)
    #expect((values == nil) == (page == nil), "\(context)")
    guard let values, let page else { return page }
    #expect(page.content.items == values.items, "\(context)")
    #expect(page.count == values.items.count, "\(context)")
    #expect(page.next == values.next, "\(context)")
    #expect(page.unreadable == values.unreadable, "\(context)")
    #expect(page.nullList == values.nullList, "\(context)")
    return page
  }

  func page(_ items: [String], links: String = #"[{"rel":"next","href":"http://h/n?marker=x"}]"#)
    -> Data
  {
    Data(#"{"snapshots":[\#(items.joined(separator: ","))],"snapshots_links":\#(links)}"#.utf8)
  }

  /// A snapshot in the usual shape with `fields` added (a progress given there replaces
  /// the usual one: a key given twice would send the whole page the slow way).
  func item(_ fields: String) -> String {
    let progress =
      fields.contains("progress") ? "" : #""os-extended-snapshot-attributes:progress":"100%","#
    return
      #"{"id":"e4cc48b9","volume_id":"v1","status":"available","size":10,"created_at":"2026-11-23T08:02:56.585537",\#(progress)\#(fields)}"#
  }

  @Test("every fixture with snapshots: the same snapshots, real pages as bytes")
  func fixtures() throws {
    var pages = 0
    for file in try Fixtures.realFiles().filter({ $0.hasSuffix(".json") }) {
      let body = try Fixtures.data(file)
      guard let page = expectAgree(body, file), page.count > 0 else { continue }
      pages += 1
      #expect(page.content.asBytes > 0, "\(file): no snapshot came as bytes")
    }
    #expect(pages >= 5)
  }

  @Test("hostile text, odd shapes and every field rule: bytes or values, the same snapshots")
  func oddItems() throws {
    let long = String(repeating: "é", count: WireText.maxStringBytes / 2 + 10)
    let items = [
      item(#""name":"plain""#),
      item(#""name":"esc\u001b[31mred \u009b bidi\u202e \ud83d\ude00 \"q\" \/ \\ \b\f\n\r\t""#),
      item(#""name":"raw é 日本 🙂 \#u{9B} \#u{202E}""#),
      item(#""name":"nul\u0000""#),
      item(#""display_name":"v1 name","display_description":"v1 desc""#),
      item(#""name":null,"display_name":"fallback","description":null"#),
      item(#""name":"n","display_name":"ignored","description":"d","display_description":"x""#),
      item(#""name":12345"#),  // a number as a name: its digits
      item(#""name":"\#(long)""#),  // cut with an ellipsis
      item(#""metadata":{"b":"2","a":"1","c":"\u001b"}"#),
      item(#""metadata":{"a":1}"#),
      item(#""metadata":null,"project_id":"p""#),
      item(#""os-extended-snapshot-attributes:project_id":"proj","name":"x""#),
      item(#""name":"x","os-extended-snapshot-attributes:progress":"25.39%""#),
      item(#""name":"x","os-extended-snapshot-attributes:progress":" 7 ""#),
      item(#""name":"x","os-extended-snapshot-attributes:progress":"007%""#),
      item(#""name":"x","os-extended-snapshot-attributes:progress":"150%""#),
      item(#""name":"x","os-extended-snapshot-attributes:progress":"%""#),
      item(#""name":"x","os-extended-snapshot-attributes:progress":"""#),
      item(#""name":"x","os-extended-snapshot-attributes:progress":54"#),
      item(#""name":"x","os-extended-snapshot-attributes:progress":null"#),
      item(#""name":"x","os-extended-snapshot-attributes:progress":"999999999999999%""#),
      item(#""name":"x","os-extended-snapshot-attributes:progress":"1000000000000000""#),
      #"{"id":"s","status":"AVAILABLE","size":-3}"#,
      #"{"id":"s","status":"Érror","size":"12.7"}"#,
      #"{"id":"s","status":"err\u001bor","size":"1e3"}"#,
      #"{"id":"s","status":null,"size":null,"volume_id":null}"#,
      #"{"id":" spaced ","name":"x"}"#,
      #"{"id":"tail ","name":"x"}"#,
      #"{"id":"\u0020lead","name":"x"}"#,
      #"{"id":"\ttab\t","name":"x"}"#,
      #"{"id":"","name":""}"#,
      #"{"id":7,"name":"numeric id"}"#,
      #"{"id":"s","size":-0,"created_at":"junk","updated_at":"2014-01-30T15:30:58.000000Z"}"#,
      #"{"id":"s","size":9999999999999999}"#,
      #"{"name":"no id"}"#,
      #"{"id":null}"#,
      #"{"id":"s","unknown":{"deep":[1,2,{"x":null}]},"name":"after"}"#,
    ]
    var asBytes = 0
    for (index, one) in items.enumerated() {
      let page = expectAgree(page([one]), "item \(index): \(one.prefix(120))")
      asBytes += page?.content.asBytes ?? 0
    }
    // All of them together, in one page: the order holds across the two ways.
    let all = try #require(expectAgree(page(items), "all items"))
    #expect(all.content.asBytes == asBytes)
    #expect(asBytes >= 10 && asBytes < items.count)
    #expect(all.unreadable == 2)
  }

  @Test("pages refused or read the slow way: the same as `snapshots`")
  func pageShapes() throws {
    let bodies = [
      #"{"snapshots":null}"#, #"{"snapshots":[]}"#, #"{"snapshots":[],"snapshots_links":null}"#,
      #"{"snapshots_links":[]}"#, #"{"snapshots":[{"id":"a"}],"snapshots":[]}"#,
      #"{"snapshots":[{"id":"a","name":"x","name":"y"}]}"#,
      #"{"snapshots":[{"id":"a","name":"x","os-extended-snapshot-attributes:progress":"1%","os-extended-snapshot-attributes:progress":"2%"}]}"#,
      #"{"snapshots":[{"id":"a","name":"\ud800"}]}"#, #"{"snapshots":[{"id":"a"}]} x"#,
      #"{"snapshots":[{"id":"a","size":01}]}"#, #"{"snapshots":{"id":"a"}}"#,
      #"{"links":[{"rel":"next","href":"L"}],"snapshots":[{"id":"a"}],"volumes_links":[]}"#,
      #"{"snapshots":[{"id":"a","metadata":[]}]}"#,
      #"{"snapshots":[{"id":"a"},[1],{"id":"b"}]}"#, #"{"snapshots":[{"id":"a","size":1e3}]}"#,
    ]
    for body in bodies { expectAgree(Data(body.utf8), body) }
    // Invalid UTF-8 is repaired before either reading.
    var bad = Data(#"{"snapshots":[{"id":"a","name":"x"#.utf8)
    bad.append(contentsOf: [0xFF, 0xC3])
    bad.append(contentsOf: Array(#"y"}]}"#.utf8))
    let page = try #require(expectAgree(bad, "invalid UTF-8"))
    #expect(page.content.asBytes == 1)
    #expect(page.content.items.first?.name == "x\u{FFFD}\u{FFFD}y")
  }

  @Test("3,000 seeded mutations of real bodies: the same outcome both ways")
  func mutations() throws {
    let all = try MutationFuzzTests.bodies()
    let corpus = all.map(\.data)
    var random = MutationFuzzTests.SeededGenerator(state: 0x17_2026)
    var read = 0
    for iteration in 0..<3000 {
      let (name, body) = all[iteration % all.count]
      let mutated = MutationFuzzTests.mutate(body, others: corpus, &random)
      if expectAgree(mutated, "iteration \(iteration) of \(name)") != nil { read += 1 }
    }
    #expect(read > 100)
  }

  @Test("1,000 snapshots from the simulator over HTTP, hostile names included")
  func simulatorPage() async throws {
    try await SimulatorHarness.run(simulator: {
      $0.snapshotsPerRegion = 1000
      $0.hostileNames = true
    }) { h in
      let volume = try await h.session.endpoint(.blockStorage, region: h.region)
      let response = try await h.session.send(
        .GET, volume.url + "/snapshots/detail?limit=1000", service: volume, kind: .blockStorage,
        operation: "test")
      let page = try #require(expectAgree(response.body, "simulator page"))
      #expect(page.count == 1000)
      #expect(page.content.asBytes > 900)
      #expect(
        page.content.items.contains {
          $0.name.unicodeScalars.contains(where: TerminalSafe.isUnsafe)
        })
    }
  }

  @Test("snapshotPages(into:) pages the whole list as snapshotPages does")
  func sessionPages() async throws {
    try await SimulatorHarness.run(simulator: {
      SimulatorHarness.still(&$0)
      $0.snapshotsPerRegion = 2500
      $0.hostileNames = true
    }) { h in
      var values: [Snapshot] = []
      for try await page in h.session.snapshotPages(region: h.region) { values += page }
      var sunk: [Snapshot] = []
      var pages = 0
      for try await page in h.session.snapshotPages(region: h.region, into: { Collect() }) {
        sunk += page.items
        pages += 1
      }
      #expect(values.count == 2500)
      #expect(sunk == values)
      #expect(pages == 3)
    }
  }
}
