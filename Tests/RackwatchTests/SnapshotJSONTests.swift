import BrowserModel
import CloudClient
import Foundation
import Testing

@testable import rackwatch

/// `list --format json` writes snapshots straight from the decoded value (issue 17): the bytes
/// must be exactly those of the descriptor's record through `JSONArrayText.append`.
@Suite("Snapshot JSON")
struct SnapshotJSONTests {
  /// The array of `snapshots` through records (the schema's own path) and through
  /// `SnapshotJSON`.
  func bothWays(_ snapshots: [Snapshot], region: String = "DFW") -> (String, String) {
    var records = JSONArrayText()
    var direct = JSONArrayText()
    for s in snapshots {
      records.append(ResourceRecords.snapshot(s, region: region))
      direct.object { SnapshotJSON.write(s, region: region, into: &$0) }
    }
    return (
      String(decoding: records.finish(), as: UTF8.self),
      String(decoding: direct.finish(), as: UTF8.self)
    )
  }

  func snapshot(
    name: String = "db-1", size: Int? = 10, progress: Double? = 100, created: Date? = nil,
    updated: Date? = nil, description: String? = nil, metadata: [String: String] = [:],
    status: String = "available"
  ) -> Snapshot {
    Snapshot(
      id: "e4cc48b9-4112-4d52-8e9d-061c8fcc428a", name: name, description: description,
      volumeID: "084235b6-2dc6-4cba-8257-7fcef4571016", status: SnapshotStatus(wire: status),
      size: size, created: created, updated: updated, progress: progress,
      projectID: "p", metadata: metadata)
  }

  @Test("the descriptor declares the keys the direct writer writes, in its order")
  func keysMatchTheDescriptor() {
    #expect(SnapshotJSON.matchesDescriptor)
  }

  @Test("edge values: absent fields, odd numbers, dates outside four-digit years, hostile text")
  func edgeValues() {
    let hostile = "x\u{1B}[31m\"q\"\\\n\r\t\u{7F}\u{9B}\u{202E}é日🙂"
    let samples = [
      snapshot(),
      snapshot(size: nil, progress: nil, description: nil),
      snapshot(size: 0, progress: 0), snapshot(size: -3, progress: -0.0),
      snapshot(size: Int.max, progress: 52), snapshot(progress: 25.39),
      snapshot(progress: 100.5), snapshot(progress: 1e-5), snapshot(progress: .nan),
      snapshot(progress: .infinity), snapshot(progress: 99.99999999),
      snapshot(created: Date(timeIntervalSince1970: 0), updated: Date(timeIntervalSince1970: -1)),
      snapshot(
        created: Date(timeIntervalSince1970: 1_764_595_052.724), updated: .distantFuture),
      snapshot(created: .distantPast, updated: Date(timeIntervalSince1970: -40_000_000_000)),
      snapshot(
        created: Date(timeIntervalSince1970: 253_402_300_799),
        updated: Date(timeIntervalSince1970: 253_402_300_800)),
      snapshot(
        created: Date(timeIntervalSince1970: 1e14), updated: Date(timeIntervalSince1970: .nan)),
      snapshot(
        name: hostile, description: hostile,
        metadata: ["b": hostile, "a": "1", hostile: "k", "": ""], status: "weird\u{1B}"),
      snapshot(name: "", description: "", metadata: ["only": "one"], status: "ERROR"),
    ]
    let (records, direct) = bothWays(samples, region: "r\u{1B}gn")
    #expect(direct == records)
  }

  @Test("random snapshots: the same bytes both ways")
  func randomSnapshots() {
    var rng = SystemRandomNumberGenerator()
    let statuses = ["available", "creating", "deleting", "error", "error_deleting", "Odd"]
    let samples = (0..<2000).map { i -> Snapshot in
      let stamp = Double.random(in: -70_000_000_000...300_000_000_000, using: &rng)
      let progress: Double? =
        switch i % 4 {
        case 0: nil
        case 1: Double(Int.random(in: 0...100, using: &rng))
        case 2: (Double.random(in: 0...100, using: &rng) * 100).rounded() / 100
        default: Double.random(in: -1...101, using: &rng)
        }
      var metadata: [String: String] = [:]
      for k in 0..<Int.random(in: 0...3, using: &rng) { metadata["k\(k)\(i % 3)"] = "v\(i)" }
      return snapshot(
        name: "name-\(i)", size: i % 7 == 0 ? nil : Int.random(in: -5...5000, using: &rng),
        progress: progress, created: Date(timeIntervalSince1970: stamp),
        updated: i % 5 == 0 ? nil : Date(timeIntervalSince1970: stamp + Double(i)),
        description: i % 3 == 0 ? nil : "d\(i)", metadata: metadata,
        status: statuses[i % statuses.count])
    }
    let (records, direct) = bothWays(samples)
    #expect(direct == records)
  }

  @Test("text kept in chunks is the same text as one buffer, and is split")
  func chunks() {
    let samples = (0..<300).map { snapshot(name: "n\($0)") }
    var one = JSONArrayText()
    var split = JSONArrayText(chunkBytes: 4096)
    for s in samples {
      one.append(ResourceRecords.snapshot(s, region: "DFW"))
      split.append(ResourceRecords.snapshot(s, region: "DFW"))
    }
    let chunks = split.finishChunks()
    #expect(chunks.count > 10)
    #expect(chunks.flatMap { $0 } == one.finish())
    var empty = JSONArrayText(chunkBytes: 4096)
    #expect(empty.finishChunks() == [Array("[]\n".utf8)])
  }

  @Test("digits: zero, padding, the largest Int")
  func digits() {
    var out = JSONText()
    out.digits(0)
    out.raw(" ")
    out.digits(7, width: 2)
    out.raw(" ")
    out.digits(123, width: 2)
    out.raw(" ")
    out.digits(Int.max)
    #expect(String(decoding: out.bytes, as: UTF8.self) == "0 07 123 \(Int.max)")
  }
}
