import Foundation

/// One page of a list: its items and the href of the `next` link as the server wrote it.
public struct ListPage<Item: Sendable>: Sendable {
  public var items: [Item]
  public var next: String?

  public init(items: [Item], next: String?) {
    self.items = items
    self.next = next
  }
}

/// Decodes snapshot and backup list pages: the hot path of every refresh.
///
/// A byte-level reader handles the shapes real servers send (several times faster than
/// `JSONDecoder` on Linux); anything else, including every malformed body, goes through the
/// `Decodable` wire types, so odd shapes and errors behave exactly as they always have.
public enum ListPageDecoder {
  /// `{"snapshots": [...], "snapshots_links": [...]}` (Cinder v1/v2/v3, Rackspace).
  public static func snapshots(_ body: Data) throws -> ListPage<Snapshot> {
    if let page = fastSnapshots(body) { return page }
    return try snapshotsWithJSONDecoder(body)
  }

  /// `{"backups": [...], "links": [...]}` (Trove, Rackspace Cloud Databases).
  public static func backups(_ body: Data) throws -> ListPage<Backup> {
    if let page = fastBackups(body) { return page }
    return try backupsWithJSONDecoder(body)
  }

  /// A snapshot page through the `Decodable` wire types alone: the path odd shapes and
  /// malformed bodies take, public so benchmarks can compare the two.
  public static func snapshotsWithJSONDecoder(_ body: Data) throws -> ListPage<Snapshot> {
    let items = try JSONDecoder().decode(SnapshotWire.Page.self, from: body).items
    return ListPage(items: items, next: PageLinks.next(in: body))
  }

  /// A backup page through the `Decodable` wire types alone (see
  /// `snapshotsWithJSONDecoder`).
  public static func backupsWithJSONDecoder(_ body: Data) throws -> ListPage<Backup> {
    let items = try JSONDecoder().decode(BackupWire.Page.self, from: body).items
    return ListPage(items: items, next: PageLinks.next(in: body))
  }

  /// The fast path alone: nil when it gives up (tests check it does not on real bodies).
  static func fastSnapshots(_ body: Data) -> ListPage<Snapshot>? {
    read(body, itemsKey: "snapshots", item: snapshot)
  }

  static func fastBackups(_ body: Data) -> ListPage<Backup>? {
    read(body, itemsKey: "backups", item: backup)
  }

  // MARK: - Pages

  /// The page, or nil to give up. The next link is looked for under `links`, then
  /// `snapshots_links`, then `volumes_links`, whatever the list (as `PageLinks.next`).
  private static func read<Item: Sendable>(
    _ body: Data, itemsKey: StaticString, item: (inout JSONReader) throws -> Item
  ) -> ListPage<Item>? {
    body.withUnsafeBytes { raw -> ListPage<Item>? in
      var reader = JSONReader(raw.bindMemory(to: UInt8.self))
      var items: [Item]?
      var next: [String??] = [nil, nil, nil]
      do {
        try reader.object { reader, key in
          if key == itemsKey {
            guard items == nil else { throw JSONReader.Unexpected() }
            var list: [Item] = []
            list.reserveCapacity(1000)
            try reader.array { reader in list.append(try item(&reader)) }
            items = list
          } else if let which = ["links", "snapshots_links", "volumes_links"].firstIndex(where: {
            key == $0
          }) {
            guard next[which] == nil else { throw JSONReader.Unexpected() }
            next[which] = .some(try links(&reader))
          } else {
            try reader.skip()
          }
        }
        try reader.end()
      } catch {
        return nil
      }
      guard let items else { return nil }
      return ListPage(items: items, next: next.lazy.compactMap { $0 ?? nil }.first)
    }
  }

  /// `[{"rel": "next", "href": "…"}, …]`: the href of the first `next` link.
  private static func links(_ reader: inout JSONReader) throws -> String? {
    if try reader.null() { return nil }
    var next: String??
    try reader.array { reader in
      var rel: String?
      var href: String?
      var seen = Fields()
      try reader.object { reader, key in
        if key == "rel" {
          try seen.first(0)
          rel = try reader.lenientString(numbers: false)
        } else if key == "href" {
          try seen.first(1)
          href = try reader.lenientString(numbers: false)
        } else {
          try reader.skip()
        }
      }
      if next == nil, rel?.lowercased() == "next" { next = .some(href) }
    }
    return next ?? nil
  }

  // MARK: - Items

  /// One snapshot, with the rules of `SnapshotWire`.
  private static func snapshot(_ reader: inout JSONReader) throws -> Snapshot {
    var id: String?
    var name: String?
    var displayName: String?
    var description: String?
    var displayDescription: String?
    var volumeID: String?
    var status: String?
    var size: Int?
    var created: Date?
    var updated: Date?
    var progress: Double?
    var projectID: String?
    var metadata: [String: String] = [:]
    var seen = Fields()
    try reader.object { reader, key in
      if key == "id" {
        try seen.first(0)
        id = try reader.lenientString()
      } else if key == "name" {
        try seen.first(1)
        name = try reader.lenientString()
      } else if key == "status" {
        try seen.first(2)
        status = try reader.lenientString()
      } else if key == "size" {
        try seen.first(3)
        size = try reader.lenientInt()
      } else if key == "volume_id" {
        try seen.first(4)
        volumeID = try reader.lenientString(interned: true)
      } else if key == "created_at" {
        try seen.first(5)
        created = try reader.lenientDate()
      } else if key == "updated_at" {
        try seen.first(6)
        updated = try reader.lenientDate()
      } else if key == "os-extended-snapshot-attributes:progress" {
        try seen.first(7)
        progress = try reader.lenientPercent()
      } else if key == "os-extended-snapshot-attributes:project_id" {
        try seen.first(8)
        projectID = try reader.lenientString(interned: true)
      } else if key == "description" {
        try seen.first(9)
        description = try reader.lenientString(interned: true)
      } else if key == "display_name" {
        try seen.first(10)
        displayName = try reader.lenientString()
      } else if key == "display_description" {
        try seen.first(11)
        displayDescription = try reader.lenientString(interned: true)
      } else if key == "metadata" {
        try seen.first(12)
        metadata = try reader.stringDictionary()
      } else {
        try reader.skip()
      }
    }
    guard let id else { throw JSONReader.Unexpected() }
    return Snapshot(
      id: id.trimmedSpaces, name: name ?? displayName ?? "",
      description: description ?? displayDescription, volumeID: volumeID ?? "",
      status: SnapshotStatus(wire: status ?? ""), size: size ?? 0, created: created,
      updated: updated, progress: progress, projectID: projectID, metadata: metadata)
  }

  /// One backup, with the rules of `BackupWire`.
  private static func backup(_ reader: inout JSONReader) throws -> Backup {
    var id: String?
    var name: String?
    var description: String?
    var locationRef: String?
    var instanceID: String?
    var parentID: String?
    var size: Double?
    var status: String?
    var created: Date?
    var updated: Date?
    var datastore: Datastore?
    var isAutomated: Bool?
    var type: String?
    var projectID: String?
    var tenantID: String?
    var seen = Fields()
    try reader.object { reader, key in
      if key == "id" {
        try seen.first(0)
        id = try reader.lenientString()
      } else if key == "name" {
        try seen.first(1)
        name = try reader.lenientString()
      } else if key == "status" {
        try seen.first(2)
        status = try reader.lenientString()
      } else if key == "size" {
        try seen.first(3)
        size = try reader.lenientDouble()
      } else if key == "instance_id" {
        try seen.first(4)
        instanceID = try reader.lenientString(interned: true)
      } else if key == "created" {
        try seen.first(5)
        created = try reader.lenientDate()
      } else if key == "updated" {
        try seen.first(6)
        updated = try reader.lenientDate()
      } else if key == "datastore" {
        try seen.first(7)
        datastore = try reader.datastore()
      } else if key == "description" {
        try seen.first(8)
        description = try reader.lenientString(interned: true)
      } else if key == "locationRef" {
        try seen.first(9)
        locationRef = try reader.lenientString()
      } else if key == "parent_id" {
        try seen.first(10)
        parentID = try reader.lenientString()
      } else if key == "is_automated" {
        try seen.first(11)
        isAutomated = try reader.lenientBool()
      } else if key == "type" {
        try seen.first(12)
        type = try reader.lenientString(interned: true)
      } else if key == "project_id" {
        try seen.first(13)
        projectID = try reader.lenientString(interned: true)
      } else if key == "tenant_id" {
        try seen.first(14)
        tenantID = try reader.lenientString(interned: true)
      } else {
        try reader.skip()
      }
    }
    guard let id else { throw JSONReader.Unexpected() }
    return Backup(
      id: id, name: name ?? "", description: description, locationRef: locationRef,
      instanceID: instanceID, parentID: parentID, size: size,
      status: BackupStatus(wire: status ?? ""), created: created, updated: updated,
      datastore: datastore, isAutomated: isAutomated, type: type,
      projectID: projectID ?? tenantID)
  }

  /// Which known fields an object had: a field given twice is left to `JSONDecoder`.
  private struct Fields {
    var mask: UInt32 = 0

    mutating func first(_ field: Int) throws {
      let bit = UInt32(1) << UInt32(field)
      guard mask & bit == 0 else { throw JSONReader.Unexpected() }
      mask |= bit
    }
  }
}

/// The lenient field rules of `Lenient.swift`, on the fast reader. Where `JSONDecoder`'s
/// behaviour would take guessing (a fraction where an integer is expected, very long
/// numbers), the reader gives up instead.
extension JSONReader {
  /// `lenientString`: a string, an integer as its digits, nil for null.
  mutating func lenientString(numbers: Bool = true, interned: Bool = false) throws -> String? {
    switch try peek() {
    case UInt8(ascii: "\""): return interned ? try internedString() : try string()
    case UInt8(ascii: "n"):
      _ = try null()
      return nil
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
      guard numbers, let value = try integer() else { throw Unexpected() }
      return String(value)
    default: throw Unexpected()
    }
  }

  /// `lenientDate`: a timestamp string (unparseable text is nil, as before).
  mutating func lenientDate() throws -> Date? {
    switch try peek() {
    case UInt8(ascii: "\""): return try stringBody { WireDate.parse(bytes: $0) }
    case UInt8(ascii: "n"):
      _ = try null()
      return nil
    default: throw Unexpected()
    }
  }

  /// `lenientDouble`: a number, or a string holding one (`"54"`, `"25.39%"`).
  mutating func lenientDouble() throws -> Double? {
    switch try peek() {
    case UInt8(ascii: "\""): return KeyedDecodingContainer<WireKey>.number(in: try string())
    case UInt8(ascii: "n"):
      _ = try null()
      return nil
    default:
      let (text, _) = try number()
      guard let value = Double(String(decoding: text, as: UTF8.self)), value.isFinite else {
        throw Unexpected()
      }
      return value
    }
  }

  /// `lenientPercent`: the same values as `lenientDouble` for the shapes read here.
  mutating func lenientPercent() throws -> Double? { try lenientDouble() }

  /// `lenientInt`: an integer, or a string holding a number (cut to its whole part).
  mutating func lenientInt() throws -> Int? {
    switch try peek() {
    case UInt8(ascii: "\""):
      guard let value = KeyedDecodingContainer<WireKey>.number(in: try string()) else {
        return nil
      }
      return value.isFinite && abs(value) < 1e15 ? Int(value) : nil
    case UInt8(ascii: "n"):
      _ = try null()
      return nil
    default:
      guard let value = try integer() else { throw Unexpected() }
      return value
    }
  }

  /// `lenientBool`: `true`/`false`, an integer (non-zero is true), or a string such as
  /// `"true"`, `"0"`, `"yes"`.
  mutating func lenientBool() throws -> Bool? {
    switch try peek() {
    case UInt8(ascii: "t"), UInt8(ascii: "f"): return try bool()
    case UInt8(ascii: "n"):
      _ = try null()
      return nil
    case UInt8(ascii: "\""):
      switch try string().trimmingCharacters(in: .whitespaces).lowercased() {
      case "true", "1", "yes": return true
      case "false", "0", "no": return false
      default: return nil
      }
    default:
      guard let value = try integer() else { throw Unexpected() }
      return value != 0
    }
  }

  /// An integer of at most 15 digits; nil for anything else (a fraction, an exponent).
  mutating func integer() throws -> Int? {
    let (text, isInteger) = try number()
    guard isInteger, text.count <= 16 else { return nil }
    return Int(String(decoding: text, as: UTF8.self))
  }

  /// `datastore{type,version,version_id}`; nil without a type, as `DatastoreWire`.
  mutating func datastore() throws -> Datastore? {
    if try null() { return nil }
    guard try peek() == UInt8(ascii: "{") else { throw Unexpected() }
    var type: String?
    var version: String?
    var versionID: String?
    var seen: UInt8 = 0
    try object { reader, key in
      let field: UInt8
      if key == "type" {
        field = 1
        type = try reader.lenientString(interned: true)
      } else if key == "version" {
        field = 2
        version = try reader.lenientString(interned: true)
      } else if key == "version_id" {
        field = 4
        versionID = try reader.lenientString(interned: true)
      } else {
        try reader.skip()
        return
      }
      guard seen & field == 0 else { throw Unexpected() }
      seen |= field
    }
    guard let type else { return nil }
    return Datastore(type: type, version: version, versionID: versionID)
  }

  /// Snapshot `metadata`: string values only, else empty (as `[String: String]` decoding
  /// failing under `try?`); null is empty.
  mutating func stringDictionary() throws -> [String: String] {
    if try null() { return [:] }
    guard try peek() == UInt8(ascii: "{") else { throw Unexpected() }
    var result: [String: String] = [:]
    var valid = true
    try object { reader, key in
      guard try reader.peek() == UInt8(ascii: "\"") else {
        valid = false
        try reader.skip()
        return
      }
      let value = try reader.string()
      let name = String(decoding: key.bytes, as: UTF8.self)
      guard result.updateValue(value, forKey: name) == nil else { throw Unexpected() }
    }
    return valid ? result : [:]
  }
}
