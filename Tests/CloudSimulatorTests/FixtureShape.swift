import Foundation
import Testing

/// The real server bodies in `Tests/Fixtures/real/` and a comparison of shapes: same keys,
/// same value types (null may stand for any type), same date formats.
enum FixtureShape {
  static let root: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()  // CloudSimulatorTests
    .deletingLastPathComponent()  // Tests
    .appendingPathComponent("Fixtures/real")

  static func data(_ name: String) throws -> Data {
    try Data(contentsOf: root.appendingPathComponent(name))
  }

  static func json(_ name: String) throws -> JSONValue {
    try JSONDecoder().decode(JSONValue.self, from: data(name))
  }

  /// Every round-1 fixture file of one service directory (`trove-26`, `cinder-29`); the
  /// files INDEX.md lists under "# Round 2" are left to the issues that model them.
  static func files(_ directory: String) throws -> Set<String> {
    let names = try FileManager.default.contentsOfDirectory(
      atPath: root.appendingPathComponent(directory).path)
    let later = try roundTwoFiles()
    return Set(names.filter { !later.contains($0) }.map { "\(directory)/\($0)" })
  }

  /// The file names INDEX.md lists in its tables after the "# Round 2" heading.
  static func roundTwoFiles() throws -> Set<String> {
    let index = try String(contentsOf: root.appendingPathComponent("INDEX.md"), encoding: .utf8)
    guard let start = index.range(of: "\n# Round 2") else { return [] }
    var names: Set<String> = []
    for line in index[start.upperBound...].split(separator: "\n") where line.hasPrefix("| `") {
      names.insert(String(line.dropFirst(3).prefix { $0 != "`" }))
    }
    return names
  }

  /// Free-form maps whose keys are data, not schema.
  static let freeForm: Set<String> = ["metadata"]

  /// Where our body differs in shape from the fixture's; empty when they match.
  static func differences(_ ours: JSONValue, _ theirs: JSONValue, at path: String = "$")
    -> [String]
  {
    if ours.isNull || theirs.isNull { return [] }
    guard ours.kind == theirs.kind else {
      return ["\(path): \(ours.kind) where the server has \(theirs.kind)"]
    }
    switch (ours, theirs) {
    case (.object(let a), .object(let b)):
      if freeForm.contains(String(path.split(separator: ".").last ?? "")) { return [] }
      var found: [String] = []
      for key in Set(b.keys).subtracting(a.keys).sorted() {
        found.append("\(path): missing \(key)")
      }
      for key in Set(a.keys).subtracting(b.keys).sorted() { found.append("\(path): extra \(key)") }
      for key in Set(a.keys).intersection(b.keys).sorted() {
        found += differences(a[key] ?? .null, b[key] ?? .null, at: "\(path).\(key)")
      }
      return found
    case (.array(let a), .array(let b)):
      // Element i is compared with the server's element i (or its last one): lists of links
      // hold different kinds of entries in a fixed order.
      guard !b.isEmpty else { return [] }
      return a.prefix(50).enumerated().flatMap {
        differences($1, b[min($0, b.count - 1)], at: "\(path)[\($0)]")
      }
    case (.string(let a), .string(let b)):
      let (pa, pb) = (datePattern(a), datePattern(b))
      if let pa, let pb, pa != pb { return ["\(path): date \(a) is not like \(b)"] }
      if (pa == nil) != (pb == nil), path.hasSuffix("_at") || path.hasSuffix("created") {
        return ["\(path): \(a) and \(b) are not both dates"]
      }
      return []
    default:
      return []
    }
  }

  /// `2026-11-23T08:03:29` -> `9999-99-99T99:99:99`, or nil when not a timestamp.
  static func datePattern(_ text: String) -> String? {
    let digits = text.map { $0.isNumber ? "9" : String($0) }.joined()
    guard digits.hasPrefix("9999-99-99T99:99:99") else { return nil }
    return digits
  }
}

/// Records which fixture files a scenario compared, so a test can prove every file is covered.
final class FixtureLedger: @unchecked Sendable {
  private var names: Set<String> = []
  private let lock = NSLock()

  var checked: Set<String> {
    lock.lock()
    defer { lock.unlock() }
    return names
  }

  /// Compares status and shape of `reply` with fixture `name` (a path under fixtures/real).
  func expect(
    _ reply: Reply, matches name: String, status: Int,
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    lock.lock()
    names.insert(name)
    lock.unlock()
    #expect(reply.status == status, "\(name): status", sourceLocation: sourceLocation)
    if name.hasSuffix(".txt") {
      #expect(
        reply.body == (try FixtureShape.data(name)), "\(name): body", sourceLocation: sourceLocation
      )
      return
    }
    let ours = try need(reply.json, "\(name): our body is not JSON: \(reply.text.prefix(200))")
    let diffs = FixtureShape.differences(ours, try FixtureShape.json(name))
    #expect(
      diffs.isEmpty, "\(name): \(diffs.joined(separator: "; "))", sourceLocation: sourceLocation)
  }

  /// Also demands the same bytes as the fixture, for bodies with nothing run-specific in them.
  func expectExact(
    _ reply: Reply, matches name: String, status: Int, replacing: [(String, String)] = [],
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    try expect(reply, matches: name, status: status, sourceLocation: sourceLocation)
    var expected = String(decoding: try FixtureShape.data(name), as: UTF8.self)
    for (old, new) in replacing { expected = expected.replacingOccurrences(of: old, with: new) }
    #expect(reply.text == expected, "\(name): exact body", sourceLocation: sourceLocation)
  }
}
