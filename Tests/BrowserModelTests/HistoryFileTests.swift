import Foundation
import Testing

@testable import BrowserModel

/// The history on disk: JSON lines, append-only, rotated by size and age, and readable
/// whatever a kill mid-write left behind. Every test writes into its own temporary
/// directory, never the real state directory.
@Suite("event history: the file")
struct HistoryFileTests {
  static let t0 = Fixtures.t0

  static func directory() throws -> URL {
    let url = URL(fileURLWithPath: NSTemporaryDirectory())
      .appendingPathComponent("rw-history-" + UUID().uuidString.prefix(8))
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  static func event(_ i: Int, at seconds: Double = 0, name: String? = nil) -> HistoryEvent {
    HistoryEvent(
      at: t0.addingTimeInterval(seconds), change: .completed, kind: .backups, region: "ORD",
      id: "b\(i)", name: name ?? "backup-\(i)", from: "BUILDING", to: "COMPLETED", size: 1.5,
      created: t0.addingTimeInterval(seconds - 60), updated: t0.addingTimeInterval(seconds))
  }

  @Test("events written come back in order, one JSON object a line, per profile")
  func roundTrip() throws {
    let dir = try Self.directory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let file = HistoryFile(directory: dir, profile: "prod")
    let events = (0..<5).map { Self.event($0, at: Double($0)) }
    try file.write(Array(events.prefix(2)))
    file.append(Array(events.suffix(3)))
    #expect(file.load(now: Self.t0) == events)
    let text = try String(contentsOf: file.current, encoding: .utf8)
    #expect(text.split(separator: "\n").count == 5)
    #expect(file.current.path.hasSuffix("/history/prod.jsonl"))
    // Another profile has its own file; a hostile profile name stays inside the folder.
    #expect(HistoryFile(directory: dir, profile: "dev").load(now: Self.t0).isEmpty)
    let hostile = HistoryFile(directory: dir, profile: "../../etc/x")
    #expect(hostile.current.deletingLastPathComponent().path == dir.path + "/history")
  }

  @Test("a kill at any byte of a write loses only the torn event, and later writes read fine")
  func tornWrites() throws {
    let dir = try Self.directory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let file = HistoryFile(directory: dir, profile: "p")
    let kept = (0..<3).map { Self.event($0, at: Double($0)) }
    try file.write(kept)
    let whole = try Data(contentsOf: file.current)
    let torn = try HistoryFile.encoder.encode(Self.event(99, at: 50, name: "torn ✓ ☃"))
    // Every prefix of the next line, as a kill between write(2) calls could leave it (the
    // writer makes one write per batch, but a full disk or a signal can still cut it).
    for cut in 0...torn.count {
      try (whole + torn.prefix(cut)).write(to: file.current)
      let read = file.load(now: Self.t0)
      #expect(read.prefix(3) == kept[...], "cut at \(cut)")
      #expect(read.count == (cut == torn.count ? 4 : 3), "cut at \(cut)")
      // The next write starts on a line of its own: nothing glues to the torn bytes.
      try file.write([Self.event(7, at: 60)])
      let after = file.load(now: Self.t0)
      #expect(after.last == Self.event(7, at: 60), "cut at \(cut)")
      #expect(after.count == read.count + 1, "cut at \(cut)")
    }
  }

  @Test("garbage lines are skipped, not fatal")
  func garbage() throws {
    let dir = try Self.directory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let file = HistoryFile(directory: dir, profile: "p")
    try file.write([Self.event(1)])
    let handle = try FileHandle(forWritingTo: file.current)
    try handle.seekToEnd()
    try handle.write(contentsOf: Data("{\"not\":\"an event\"}\n\u{0}\u{1B}[2J\n".utf8))
    try handle.close()
    try file.write([Self.event(2)])
    #expect(file.load(now: Self.t0).map(\.id) == ["b1", "b2"])
  }

  @Test("rotation by size keeps two generations: never more than twice the limit on disk")
  func rotationBySize() throws {
    let dir = try Self.directory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let file = HistoryFile(
      directory: dir, profile: "p", limits: HistoryLimits(maxBytes: 2_000, maxAge: 86_400))
    for i in 0..<200 { try file.write([Self.event(i, at: Double(i))]) }
    let size = { (url: URL) in
      ((try? FileManager.default.attributesOfItem(atPath: url.path))?[.size] as? NSNumber)?
        .intValue ?? 0
    }
    #expect(size(file.current) <= 2_000)
    #expect(size(file.previous) <= 2_000)
    #expect(size(file.previous) > 0)
    let read = file.load(now: Self.t0.addingTimeInterval(200))
    // The newest events are all there, in order, ending with the last one.
    #expect(read.last?.id == "b199")
    #expect(read.map(\.at) == read.map(\.at).sorted())
    #expect(read.count < 200 && read.count > 10)
  }

  @Test("rotation by age: old events are not read back, and an old file is rotated away")
  func rotationByAge() throws {
    let dir = try Self.directory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let day = 86_400.0
    let file = HistoryFile(
      directory: dir, profile: "p", limits: HistoryLimits(maxBytes: 1_000_000, maxAge: 7 * day))
    try file.write([Self.event(1, at: 0)])
    try file.write([Self.event(2, at: 3 * day)])
    #expect(file.load(now: Self.t0.addingTimeInterval(8 * day)).map(\.id) == ["b2"])
    // A write more than maxAge after the file's first event starts a new file.
    try file.write([Self.event(3, at: 8 * day)])
    #expect(HistoryFile.read(file.current).map(\.id) == ["b3"])
    #expect(HistoryFile.read(file.previous).map(\.id) == ["b1", "b2"])
    try file.write([Self.event(4, at: 16 * day)])
    #expect(HistoryFile.read(file.previous).map(\.id) == ["b3"])  // b1, b2 gone for good
    #expect(file.load(now: Self.t0.addingTimeInterval(15 * day)).map(\.id) == ["b3", "b4"])
  }
}
