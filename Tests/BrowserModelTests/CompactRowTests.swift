import CloudClient
import Foundation
import PropertyBased
import Testing

@testable import BrowserModel

/// A row keeps backups and snapshots compact (`StoredResource`); these hold it to giving back
/// exactly what it was given, and to comparing as the resources compare.
@Suite("Compact rows give back the value they were given")
struct CompactRowTests {
  /// A small deterministic generator, so each property input is one seed.
  struct Mix {
    var random: SplitMix
    init(_ seed: Int) { random = SplitMix(state: UInt64(bitPattern: Int64(seed))) }
    mutating func next() -> UInt64 { random.next() }
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    mutating func pick<T>(_ list: [T]) -> T { list[below(list.count)] }
    mutating func maybe<T>(_ value: T) -> T? { below(3) == 0 ? nil : value }
  }

  static let ids = [
    "3f2a9c1e-5b7d-4e8f-a1b2-c3d4e5f60718", "x", "ÄÖ-id-ü", "0b5a2f1e-6c1d-4b7e-9d2a-3f4e5a6b7c8d",
  ]
  static let texts = ["", "nightly", "Nightly Backup", "データベース", "🔥 prod", "a\u{1}b", "MiXeD-42"]

  static func location(_ mix: inout Mix, id: String) -> String? {
    switch mix.below(6) {
    case 0: nil
    case 1:
      "https://snet-storage101.dfw1.clouddrive.com/v1/MossoCloudFS_1/z_CLOUDDB_BACKUPS/\(id)_0.xbstream.gz.enc"
    case 2: "\(id)/tail"
    case 3: "head/\(id)"
    case 4: "no id here: " + mix.pick(texts)
    default: "\(id)-twice-\(id)"
    }
  }

  static func backup(_ seed: Int) -> Backup {
    var mix = Mix(seed)
    let id = mix.pick(ids)
    let statuses: [BackupStatus] = [
      .new, .building, .completed, .failed, .deleteFailed, .other("RESTORING"),
    ]
    return Backup(
      id: id, name: mix.pick(texts), description: mix.maybe(mix.pick(texts)),
      locationRef: location(&mix, id: id), instanceID: mix.maybe(mix.pick(ids)),
      parentID: mix.maybe(mix.pick(ids)), size: mix.maybe(Double(mix.below(1000)) / 7),
      status: mix.pick(statuses),
      created: mix.maybe(Date(timeIntervalSince1970: Double(mix.below(1 << 30)) + 0.25)),
      updated: mix.maybe(Date(timeIntervalSince1970: Double(mix.below(1 << 30)))),
      datastore: mix.maybe(
        Datastore(
          type: mix.pick(texts), version: mix.maybe("8.0"), versionID: mix.maybe(mix.pick(ids)))),
      isAutomated: mix.maybe(mix.below(2) == 0),
      type: mix.maybe(mix.pick(["full", "incremental"])),
      projectID: mix.maybe(mix.pick(ids)))
  }

  static func snapshot(_ seed: Int) -> Snapshot {
    var mix = Mix(seed)
    let statuses: [SnapshotStatus] = [
      .creating, .available, .deleting, .error, .errorDeleting, .other("backing-up"),
    ]
    return Snapshot(
      id: mix.pick(ids), name: mix.pick(texts), description: mix.maybe(mix.pick(texts)),
      volumeID: mix.pick(ids), status: mix.pick(statuses), size: mix.maybe(mix.below(2000)),
      created: mix.maybe(Date(timeIntervalSince1970: Double(mix.below(1 << 30)))),
      updated: mix.maybe(Date(timeIntervalSince1970: Double(mix.below(1 << 30)) + 0.5)),
      progress: mix.maybe(Double(mix.below(10001)) / 100), projectID: mix.maybe(mix.pick(ids)),
      metadata: mix.below(2) == 0 ? [:] : [mix.pick(texts): mix.pick(texts)])
  }

  static func resource(_ seed: Int) -> Resource {
    seed % 2 == 0 ? .backup(backup(seed / 2)) : .snapshot(snapshot(seed / 2))
  }

  @Test(
    "a row's resource is exactly the one it was built from, and compact values compare as the resources do"
  )
  func roundTripAndEquality() async {
    await propertyCheck(count: 300, input: Gen.int(in: 0...1_000_000), Gen.int(in: 0...1_000_000)) {
      a, b in
      let first = Self.resource(a)
      let row = Row(region: "DFW", resource: first)
      #expect(row.resource == first)
      #expect(row.name == first.name)
      // Same ID, so the two compare by their other fields, as a refresh compares them.
      var second = Self.resource(b)
      if case .backup(var value) = second, first.pane == .backups {
        var mix = Mix(b)
        value.id = first.id
        value.locationRef = Self.location(&mix, id: first.id)
        second = .backup(value)
      } else if case .snapshot(var value) = second, first.pane == .snapshots {
        value.id = first.id
        second = .snapshot(value)
      }
      guard second.pane == first.pane else { return }
      let other = Row(region: "DFW", resource: second)
      #expect((row.stored == other.stored) == (first == second))
      #expect(other.resource == second)
      // Keys come from a shared box that another row may have made: they must be what this
      // value alone gives.
      for (made, value) in [(row, first), (other, second)] {
        #expect(made.stored.keys == Row.sharedKeys(value, value.pane.descriptor))
      }
    }
  }

  @Test("a changed copy of a value compares unequal, field by field")
  func everyFieldCounts() {
    let base = Backup(
      id: Self.ids[0], name: "nightly", description: "d", locationRef: "x/\(Self.ids[0])",
      instanceID: Self.ids[3], parentID: nil, size: 1.5, status: .completed,
      created: Date(timeIntervalSince1970: 1), updated: Date(timeIntervalSince1970: 2),
      datastore: Datastore(type: "mysql", version: "8.0"), isAutomated: false, type: "full",
      projectID: "p")
    var variants: [Backup] = []
    func vary(_ change: (inout Backup) -> Void) {
      var copy = base
      change(&copy)
      variants.append(copy)
    }
    vary { $0.name = "other" }
    vary { $0.description = nil }
    vary { $0.locationRef = "y/\(Self.ids[0])" }
    vary { $0.locationRef = nil }
    vary { $0.instanceID = nil }
    vary { $0.parentID = "p2" }
    vary { $0.size = nil }
    vary { $0.size = 1.25 }
    vary { $0.status = .building }
    vary { $0.created = nil }
    vary { $0.updated = Date(timeIntervalSince1970: 3) }
    vary { $0.datastore = nil }
    vary { $0.isAutomated = true }
    vary { $0.type = nil }
    vary { $0.projectID = "q" }
    func stored(_ backup: Backup) -> StoredResource {
      Row(region: "DFW", resource: .backup(backup)).stored
    }
    let original = stored(base)
    #expect(original == stored(base))
    for variant in variants {
      #expect(stored(variant) != original, "\(variant)")
      #expect(stored(variant).resource(id: base.id) == .backup(variant))
    }
  }

  @Test(
    "backups of one instance point to one shared group of fields, and Trove's location URL is kept around the ID"
  )
  func repeatedFieldsAreShared() {
    let rows = (0..<3).map { n in
      let id = "aaaaaaaa-0000-0000-0000-00000000000\(n)"
      var backup = Backup(id: id, name: "nightly-\(n)", status: .completed)
      backup.instanceID = Self.ids[3]
      backup.locationRef =
        "https://storage.example/v1/MossoCloudFS_1/z_CLOUDDB_BACKUPS/\(id)_0.xbstream.gz.enc"
      backup.datastore = Datastore(type: "mysql", version: "8.0")
      return Row(region: "DFW", resource: Resource.backup(backup).sanitized())
    }
    guard case .backup(let a) = rows[0].stored, case .backup(let c) = rows[2].stored else {
      Issue.record("backups are kept compact")
      return
    }
    #expect(a.common === c.common)
    #expect(
      rows[2].resource.backup?.locationRef?.hasSuffix("00000000002_0.xbstream.gz.enc") == true)
    // A location that does not name the ID is the row's own: a box per row, never a table
    // entry (a hostile server inventing one per backup cannot grow the table).
    let own = (0..<2).map { n in
      var backup = Backup(id: "b\(n)", name: "x", status: .completed)
      backup.locationRef = "https://elsewhere.example/same"
      return Row(region: "DFW", resource: .backup(backup))
    }
    guard case .backup(let first) = own[0].stored, case .backup(let second) = own[1].stored else {
      Issue.record("backups are kept compact")
      return
    }
    #expect(first.common !== second.common && first.common == second.common)
  }

  @Test("a filter word finds the name, status, instance or ID in any case, as before")
  func filterWordsMatchEveryKey() async {
    await propertyCheck(count: 200, input: Gen.int(in: 0...1_000_000), Gen.int(in: 0...6)) {
      seed, pick in
      let resource = Self.resource(seed)
      let row = Row(region: "DFW", resource: resource)
      var words = [resource.name, resource.statusText, resource.id]
      words += row.kind.descriptor.searchWords(resource)
      let source = words[pick % words.count]
      // A piece of one of them, in upper case: the filter lower-cases what is typed.
      let piece = String(source.prefix(4)).uppercased()
      guard !piece.isEmpty, !piece.contains(" "), !piece.contains("\u{1}") else { return }
      // IDs are matched ASCII-case-insensitively where the row keeps them (they are ASCII).
      if source == resource.id, !piece.allSatisfy(\.isASCII) { return }
      let query = FilterQuery(text: piece)
      let matched = [row].withUnsafeBufferPointer { query.matches(in: $0, at: 0) }
      let expected = words.contains { $0.lowercased().contains(piece.lowercased()) }
      #expect(matched == expected, "\(piece) in \(words)")
    }
  }
}

extension CompactRowTests {
  @Test("a row's inline size stays compact")
  func inlineSize() {
    print(
      "layout: Row \(MemoryLayout<Row>.stride), StoredResource \(MemoryLayout<StoredResource>.stride), CompactBackup \(MemoryLayout<CompactBackup>.stride), CompactSnapshot \(MemoryLayout<CompactSnapshot>.stride), RowID \(MemoryLayout<RowID>.stride), RowChange? \(MemoryLayout<RowChange?>.stride), PendingOperation? \(MemoryLayout<PendingOperation?>.stride), Resource \(MemoryLayout<Resource>.stride)"
    )
    #expect(MemoryLayout<Row>.stride <= 320)
  }
}

extension CompactRowTests {
  static let hex = Array("0123456789abcdef")

  /// An ID: mostly canonical UUIDs, also upper-case ones, near misses and free text.
  static func someID(_ mix: inout Mix) -> String {
    var uuid = String((0..<32).map { _ in hex[mix.below(16)] })
    for dash in [8, 13, 18, 23] {
      uuid.insert("-", at: uuid.index(uuid.startIndex, offsetBy: dash))
    }
    switch mix.below(8) {
    case 0: return uuid.uppercased()
    case 1: return String(uuid.dropLast())
    case 2: return uuid.replacingOccurrences(of: "-", with: "g")
    case 3: return mix.pick(["x", "vol-1", "ÄÖ", "", "\(uuid) "])
    case 4: return String(uuid.prefix(10))
    default: return uuid
    }
  }

  @Test("packed IDs give back their string, are equal when their strings are, and sort as them")
  func packedIDs() async {
    await propertyCheck(count: 500, input: Gen.int(in: 0...1_000_000)) { seed in
      var mix = Mix(seed)
      let a = Self.someID(&mix)
      let b = mix.below(4) == 0 ? a : Self.someID(&mix)
      let (x, y) = (ItemID(a), ItemID(b))
      #expect(x.string == a && y.string == b)
      #expect((x == y) == (a == b))
      #expect((x.hashValue == y.hashValue) || a != b)
      #expect(ItemID.precedes(x, y) == a.utf8.lexicographicallyPrecedes(b.utf8), "\(a) \(b)")
      #expect(x.withUTF8 { Array($0) } == Array(a.utf8))
      for piece in [
        Array(b.utf8.suffix(3)), Array(a.utf8.dropFirst(9).prefix(4)), Array("zz".utf8),
      ] {
        let lowered = piece.map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }
        #expect(x.contains(lowered: lowered) == FilterQuery.lowered(a, contains: lowered))
      }
      let row = RowID(region: "DFW", id: a)
      #expect(row.id == a && row == RowID(region: "DFW", id: a))
    }
  }
}
