import CloudSimulator
import Foundation
import Testing

@testable import CloudClient
@testable import rackwatch

/// `list snapshots --format json` writes most snapshots straight from the page's bytes
/// (issue 17): over HTTP, from the simulator, the text must be byte for byte what the
/// descriptor's records give for the same snapshots (the schema's own path).
@Suite("list --format json from page bytes, over HTTP", .timeLimit(.minutes(2)))
struct ListJSONFromBytesTests {
  @Test("3,000 snapshots, hostile names, jobs in motion, metadata: the bytes of the records")
  func sameBytesAsRecords() async throws {
    var config = SimulatorConfiguration()
    config.port = 0
    config.regions = ["DFW"]
    config.snapshotsPerRegion = 3_000
    config.backupsPerRegion = 5
    config.hostileNames = true
    config.inMotion = 10
    config.speed = 0  // the clock moves only when the test says: both lists see one state
    config.deleteDuration = 3600
    let sim = try await SimulatorServer.start(config)
    let session = CloudSession.signingIn(to: sim, config)
    do {
      let listed = try await session.listSnapshots(region: "DFW")
      // Metadata on a few, hostile text included: written from the page's bytes too.
      for (i, snapshot) in listed.prefix(40).enumerated() where i % 4 == 1 {
        _ = try await session.setSnapshotMetadata(
          snapshotID: snapshot.id, ["b": "x\u{1B}[31m\u{202E}", "a": "é \"q\" \\", "k\(i)": ""],
          replace: true, region: "DFW")
      }
      let snapshots = try await session.listSnapshots(region: "DFW")
      #expect(snapshots.count == 3_000)
      #expect(snapshots.contains { !$0.metadata.isEmpty })
      #expect(snapshots.contains { $0.name.unicodeScalars.contains(where: TerminalSafe.isUnsafe) })
      #expect(snapshots.contains { $0.isInMotion })
      let records = RecordWriter(format: .json, sanitize: { TerminalSafe.sanitize($0) })
        .jsonBytes(snapshots.map { ResourceRecords.snapshot($0, region: "DFW") })
      let direct = try await ListCommand.json(.snapshots, region: "DFW", from: session, keep: nil)
      #expect(direct.count == 4)  // one buffer per page, then the end
      #expect(direct.flatMap { $0 } == records)
      // A filter keeps the record path: every item kept, the same bytes again.
      let filtered = try await ListCommand.json(
        .snapshots, region: "DFW", from: session, keep: { _ in true })
      #expect(filtered.flatMap { $0 } == records)
    } catch {
      try? await session.shutdown()
      await sim.shutdown()
      throw error
    }
    try await session.shutdown()
    await sim.shutdown()
  }

  @Test("hostile and odd snapshots of one page: the bytes of the values they decode to")
  func hostilePage() throws {
    let hostile = #"x\u001b[31m \u009b\u202e \"q\" \\ \n\r\t\u007f é日🙂 \ud83d\ude00"#
    let items = [
      #"{"id":"a","name":"\#(hostile)","description":"\#(hostile)","status":"available","size":10,"volume_id":"v","created_at":"2026-11-23T08:02:56.585537","updated_at":null,"os-extended-snapshot-attributes:progress":"100%","metadata":{"z":"\#(hostile)","\#(hostile)":"k"}}"#,
      #"{"id":"b","display_name":"raw \#u{9B}\#u{202E}\#u{7F}","status":"creating","size":"3","os-extended-snapshot-attributes:progress":"25.39%","created_at":"0999-01-01T00:00:00Z"}"#,
      #"{"id":" c ","name":"spaced id","status":"ERROR","size":-1}"#,
      #"{"id":"d","name":42,"status":"error_deleting","os-extended-snapshot-attributes:progress":"150%"}"#,
      #"{"name":"no id"}"#,
    ]
    let body = Data(#"{"snapshots":[\#(items.joined(separator: ","))]}"#.utf8)
    let values = try ListPageDecoder.snapshots(body).items
    #expect(values.count == 4)
    var records = JSONArrayText()
    for s in values { records.append(ResourceRecords.snapshot(s, region: "r\u{1B}")) }
    let page = try ListPageDecoder.snapshots(body) { SnapshotJSONPage(region: "r\u{1B}") }
    var direct = JSONArrayText()
    direct.append(objects: page.content.text.bytes, count: page.content.count)
    #expect(page.content.count == 4)
    #expect(
      String(decoding: direct.finish(), as: UTF8.self)
        == String(decoding: records.finish(), as: UTF8.self))
  }

  @Test("no snapshots: an empty array, as before")
  func empty() async throws {
    var config = SimulatorConfiguration()
    config.port = 0
    config.regions = ["DFW"]
    config.snapshotsPerRegion = 0
    config.inMotion = 0
    let sim = try await SimulatorServer.start(config)
    let session = CloudSession.signingIn(to: sim, config)
    let direct = try? await ListCommand.json(.snapshots, region: "DFW", from: session, keep: nil)
    try? await session.shutdown()
    await sim.shutdown()
    #expect(direct?.flatMap { $0 } == Array("[]\n".utf8))
  }
}
