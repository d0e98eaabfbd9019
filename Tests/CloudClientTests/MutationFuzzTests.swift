import Foundation
import Testing

@testable import CloudClient

/// A seeded mutation fuzzer over the real captured list, get and error bodies (issue 13):
/// truncated, flipped, spliced, keys doubled, values of the wrong type. Whatever comes in,
/// the decoders end with an error or a page whose values are honest, and never crash.
@Suite("Mutated real bodies")
struct MutationFuzzTests {
  /// SplitMix64: small, fast and the same on every machine, so a failure names its seed.
  struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
  }

  static let keys = [
    "id", "name", "size", "status", "progress", "os-extended-snapshot-attributes:progress",
    "snapshots", "backups", "links", "snapshots_links", "href", "rel", "metadata", "datastore",
    "created", "created_at", "description", "volume_id", "instance_id",
  ]
  static let wrongValues = [
    "null", "42", "-7", "1e308", "-1e308", "\"huge\"", "\"150%\"", "[]", "{}", "true",
    "\"\\u0000\\u001b]0;x\\u0007\"", "[1,[2,[3]]]", "\"\\ud800\"", "0.5", "\"\"",
  ]

  static func bodies() throws -> [(name: String, data: Data)] {
    try Fixtures.realFiles().filter { $0.hasSuffix(".json") }.map { ($0, try Fixtures.data($0)) }
  }

  /// One mutation of `body`, chosen by `random`.
  static func mutate(_ body: Data, others: [Data], _ random: inout SeededGenerator) -> Data {
    var bytes = [UInt8](body)
    guard !bytes.isEmpty else { return body }
    switch Int.random(in: 0..<6, using: &random) {
    case 0:  // truncate
      bytes.removeLast(Int.random(in: 1...bytes.count, using: &random))
    case 1:  // flip bits in a few bytes
      for _ in 0..<Int.random(in: 1...8, using: &random) {
        bytes[Int.random(in: 0..<bytes.count, using: &random)] ^= UInt8.random(
          in: 1...255, using: &random)
      }
    case 2:  // splice a piece of another body in
      let other = [UInt8](others.randomElement(using: &random) ?? body)
      if !other.isEmpty {
        let start = Int.random(in: 0..<other.count, using: &random)
        let end = min(other.count, start + Int.random(in: 1...400, using: &random))
        bytes.insert(
          contentsOf: other[start..<end], at: Int.random(in: 0...bytes.count, using: &random))
      }
    case 3:  // a key given twice
      let key = keys.randomElement(using: &random)!
      let value = wrongValues.randomElement(using: &random)!
      if let at = find(Array("\"\(key)\":".utf8), in: bytes, using: &random) {
        bytes.insert(contentsOf: Array("\"\(key)\": \(value), ".utf8), at: at)
      }
    case 4:  // a value of the wrong type
      let key = keys.randomElement(using: &random)!
      let value = wrongValues.randomElement(using: &random)!
      let pattern = Array("\"\(key)\":".utf8)
      if let at = find(pattern, in: bytes, using: &random) {
        var end = at + pattern.count
        while end < bytes.count, bytes[end] == 0x20 { end += 1 }
        let valueEnd = scanValue(bytes, from: end)
        bytes.replaceSubrange(end..<valueEnd, with: Array(value.utf8))
      }
    default:  // nesting far deeper than any reply
      let depth = Int.random(in: 100...3000, using: &random)
      let at = Int.random(in: 0...bytes.count, using: &random)
      bytes.insert(
        contentsOf: [UInt8](repeating: UInt8(ascii: "["), count: depth)
          + [UInt8](repeating: UInt8(ascii: "]"), count: depth), at: at)
    }
    return Data(bytes)
  }

  /// The start of a random occurrence of `pattern`.
  static func find(_ pattern: [UInt8], in bytes: [UInt8], using random: inout SeededGenerator)
    -> Int?
  {
    guard bytes.count >= pattern.count else { return nil }
    var found: [Int] = []
    for i in 0...(bytes.count - pattern.count) where bytes[i] == pattern[0] {
      if Array(bytes[i..<i + pattern.count]) == pattern { found.append(i) }
    }
    return found.randomElement(using: &random)
  }

  /// Roughly where a JSON value starting at `start` ends (a string, a scalar, or a
  /// balanced bracket run): good enough to replace it.
  static func scanValue(_ bytes: [UInt8], from start: Int) -> Int {
    guard start < bytes.count else { return start }
    var i = start
    if bytes[i] == UInt8(ascii: "\"") {
      i += 1
      while i < bytes.count, bytes[i] != UInt8(ascii: "\"") { i += bytes[i] == 0x5C ? 2 : 1 }
      return min(bytes.count, i + 1)
    }
    if bytes[i] == UInt8(ascii: "[") || bytes[i] == UInt8(ascii: "{") {
      var depth = 0
      while i < bytes.count {
        if bytes[i] == UInt8(ascii: "[") || bytes[i] == UInt8(ascii: "{") { depth += 1 }
        if bytes[i] == UInt8(ascii: "]") || bytes[i] == UInt8(ascii: "}") { depth -= 1 }
        i += 1
        if depth == 0 { break }
      }
      return i
    }
    while i < bytes.count, !",}] \n".utf8.contains(bytes[i]) { i += 1 }
    return i
  }

  /// What any value that decoded must be: strings capped, numbers possible.
  static func honest(_ snapshot: Snapshot) -> Bool {
    [snapshot.id, snapshot.name, snapshot.volumeID, snapshot.description ?? ""].allSatisfy {
      $0.utf8.count <= WireText.maxStringBytes + 3
    } && (snapshot.size ?? 0) >= 0 && (snapshot.progress.map { (0...100).contains($0) } ?? true)
  }

  static func honest(_ backup: Backup) -> Bool {
    [backup.id, backup.name, backup.description ?? ""].allSatisfy {
      $0.utf8.count <= WireText.maxStringBytes + 3
    } && (backup.size.map { $0.isFinite && $0 >= 0 } ?? true)
  }

  @Test("3,000 seeded mutations: no crash, an error or an honest (maybe partial) page")
  func mutations() throws {
    let all = try Self.bodies()
    let corpus = all.map(\.data)
    var random = SeededGenerator(state: 0x1313_2026)
    var pages = 0
    var errors = 0
    for iteration in 0..<3000 {
      let (name, body) = all[iteration % all.count]
      let mutated = Self.mutate(body, others: corpus, &random)
      let context = "iteration \(iteration) of \(name)"
      let snapshots = try? ListPageDecoder.snapshots(mutated)
      let backups = try? ListPageDecoder.backups(mutated)
      if let snapshots { #expect(snapshots.items.allSatisfy(Self.honest), "\(context)") }
      if let backups { #expect(backups.items.allSatisfy(Self.honest), "\(context)") }
      if snapshots != nil || backups != nil { pages += 1 } else { errors += 1 }
      if let one = try? JSONDecoder().decode(SnapshotWire.One.self, from: mutated) {
        #expect(Self.honest(one.snapshot.value), "\(context)")
      }
      if let one = try? JSONDecoder().decode(BackupWire.One.self, from: mutated) {
        #expect(Self.honest(one.backup.value), "\(context)")
      }
      if let error = ErrorBody(mutated) {
        #expect((error.message ?? "").count <= ErrorBody.maxMessage + 1, "\(context)")
        #expect(!(error.message ?? "").unicodeScalars.contains(where: TerminalSafe.isUnsafe))
      }
      _ = PageLinks.next(in: mutated)
    }
    // Both outcomes were exercised: the mutations neither all broke nor all kept the shape.
    #expect(pages > 100 && errors > 100, "pages \(pages), errors \(errors)")
  }
}
