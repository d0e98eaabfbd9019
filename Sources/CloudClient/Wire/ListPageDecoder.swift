import Foundation

/// One page of a list: its items, the href of the `next` link as the server wrote it, and
/// what could not be read of it.
public struct ListPage<Item: Sendable>: Sendable {
  public var items: [Item]
  public var next: String?
  /// Items left out because they could not be read (no `id`, not an object, ...).
  public var unreadable: Int
  /// The list itself was `null` (read as empty).
  public var nullList: Bool

  public init(items: [Item], next: String?, unreadable: Int = 0, nullList: Bool = false) {
    self.items = items
    self.next = next
    self.unreadable = unreadable
    self.nullList = nullList
  }
}

/// One page as a list's producer reads it: what it hands on (`content`: the items, or a
/// sink they were written into) and what paging needs to know of it.
struct PageRead<Content: Sendable>: Sendable {
  var content: Content
  /// Items read.
  var count: Int
  var next: String?
  var unreadable: Int
  var nullList: Bool

  init(content: Content, count: Int, next: String?, unreadable: Int, nullList: Bool) {
    self.content = content
    self.count = count
    self.next = next
    self.unreadable = unreadable
    self.nullList = nullList
  }

  /// `page` with its counts, holding `content`.
  init<Item>(_ page: ListPage<Item>, content: Content) {
    self.init(
      content: content, count: page.items.count, next: page.next, unreadable: page.unreadable,
      nullList: page.nullList)
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
    let body = WireText.repairingUTF8(body)
    if let page = fastSnapshots(body) { return page }
    return try snapshotsWithJSONDecoder(body)
  }

  /// A snapshot page handed to a sink as it is read (issue 17), for `snapshotPages(into:)`:
  /// snapshots in the usual shape as bytes, every other one as the `Snapshot` `snapshots`
  /// makes of it, in page order. A page the fast reader gives up on is decoded as
  /// `snapshots` decodes it, into a new sink.
  static func snapshots<Sink: SnapshotPageSink>(_ body: Data, into make: () -> Sink) throws
    -> PageRead<Sink>
  {
    let body = WireText.repairingUTF8(body)
    var sink = make()
    let shape = body.withUnsafeBytes { raw in
      readPage(raw.bindMemory(to: UInt8.self), itemsKey: "snapshots") { reader in
        try snapshot(&reader, into: &sink)
      }
    }
    if let shape {
      return PageRead(
        content: sink, count: shape.count, next: shape.next, unreadable: shape.unreadable,
        nullList: shape.nullList)
    }
    let page = try snapshotsWithJSONDecoder(body)
    sink = make()
    for snapshot in page.items { sink.add(snapshot) }
    return PageRead(page, content: sink)
  }

  /// `{"backups": [...], "links": [...]}` (Trove, Rackspace Cloud Databases).
  public static func backups(_ body: Data) throws -> ListPage<Backup> {
    let body = WireText.repairingUTF8(body)
    if let page = fastBackups(body) { return page }
    return try backupsWithJSONDecoder(body)
  }

  /// A snapshot page through the `Decodable` wire types alone: the path odd shapes and
  /// malformed bodies take, public so benchmarks can compare the two.
  public static func snapshotsWithJSONDecoder(_ body: Data) throws -> ListPage<Snapshot> {
    let page = try JSONDecoder().decode(SnapshotWire.Page.self, from: body)
    return ListPage(
      items: page.items, next: PageLinks.next(in: body), unreadable: page.unreadable,
      nullList: page.nullList)
  }

  /// A backup page through the `Decodable` wire types alone (see
  /// `snapshotsWithJSONDecoder`).
  public static func backupsWithJSONDecoder(_ body: Data) throws -> ListPage<Backup> {
    let page = try JSONDecoder().decode(BackupWire.Page.self, from: body)
    return ListPage(
      items: page.items, next: PageLinks.next(in: body), unreadable: page.unreadable,
      nullList: page.nullList)
  }

  /// The fast path alone: nil when it gives up (tests check it does not on real bodies).
  static func fastSnapshots(_ body: Data) -> ListPage<Snapshot>? {
    read(body, itemsKey: "snapshots", item: snapshot)
  }

  static func fastBackups(_ body: Data) -> ListPage<Backup>? {
    read(body, itemsKey: "backups", item: backup)
  }

  // MARK: - Pages

  /// The page, or nil to give up (see `readPage`).
  private static func read<Item: Sendable>(
    _ body: Data, itemsKey: StaticString, item: (inout JSONReader) throws -> Item?
  ) -> ListPage<Item>? {
    var list: [Item] = []
    list.reserveCapacity(1000)
    let shape = body.withUnsafeBytes { raw in
      readPage(raw.bindMemory(to: UInt8.self), itemsKey: itemsKey) { reader in
        guard let read = try item(&reader) else { return false }
        list.append(read)
        return true
      }
    }
    guard let shape else { return nil }
    return ListPage(
      items: list, next: shape.next, unreadable: shape.unreadable, nullList: shape.nullList)
  }

  /// What a page holds besides its items.
  struct PageShape {
    /// Items read (not those left out).
    var count = 0
    var unreadable = 0
    var nullList = false
    var next: String?
  }

  /// Walks a page, calling `item` for each element of the `itemsKey` list (true when it read
  /// an item, false when it left it out as unreadable); nil to give up. The next link is
  /// looked for under `links`, then `snapshots_links`, then `volumes_links`, whatever the
  /// list (as `PageLinks.next`).
  private static func readPage(
    _ bytes: UnsafeBufferPointer<UInt8>, itemsKey: StaticString,
    item: (inout JSONReader) throws -> Bool
  ) -> PageShape? {
    var reader = JSONReader(bytes)
    var shape = PageShape()
    var sawItems = false
    var next: [String??] = [nil, nil, nil]
    do {
      try reader.object { reader, key in
        if key == itemsKey {
          guard !sawItems, !shape.nullList else { throw JSONReader.Unexpected() }
          if try reader.null() {
            shape.nullList = true
            return
          }
          try reader.array { reader in
            if try item(&reader) { shape.count += 1 } else { shape.unreadable += 1 }
          }
          sawItems = true
        } else if let which = LinkList.all.firstIndex(where: { key == $0.wire }) {
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
    guard sawItems || shape.nullList else { return nil }
    shape.next = next.lazy.compactMap { $0 ?? nil }.first
    return shape
  }

  /// `[{"rel": "next", "href": "…"}, …]`: the href of the first `next` link.
  private static func links(_ reader: inout JSONReader) throws -> String? {
    if try reader.null() { return nil }
    var next: String??
    try reader.array { reader in
      var rel: String?
      var href: String?
      try reader.fields(LinkField.self) { reader, field in
        switch field {
        case .rel: rel = try reader.lenientString(numbers: false)
        case .href: href = try reader.lenientString(numbers: false)
        }
      }
      if next == nil, rel?.lowercased() == "next" { next = .some(href) }
    }
    return next ?? nil
  }

  // MARK: - Items

  /// One snapshot, read through `SnapshotField` like `SnapshotWire`; nil without an `id`.
  private static func snapshot(_ reader: inout JSONReader) throws -> Snapshot? {
    try reader.resource(SnapshotFields.self)
  }

  /// One snapshot into `sink`: as bytes when it has the usual shape, else read through
  /// `SnapshotFields` again from its start (exactly as `snapshot`); false without an `id`.
  private static func snapshot<Sink: SnapshotPageSink>(
    _ reader: inout JSONReader, into sink: inout Sink
  ) throws -> Bool {
    let start = reader.position
    var fields = SnapshotByteFields()
    let read: Void? = try? reader.fields(SnapshotField.self) { reader, field in
      try fields.read(field, &reader)
    }
    if read != nil, let plain = fields.plain {
      sink.add(plain)
      return true
    }
    reader.position = start
    guard let snapshot = try snapshot(&reader) else { return false }
    sink.add(snapshot)
    return true
  }

  /// One backup, read through `BackupField` like `BackupWire`; nil without an `id`.
  private static func backup(_ reader: inout JSONReader) throws -> Backup? {
    try reader.resource(BackupFields.self)
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

  /// `lenientPercent`: the same values as `lenientDouble` for the shapes read here. A whole
  /// percentage in a string (`"100%"`, the usual value) is read without making the string.
  mutating func lenientPercent() throws -> Double? {
    guard try peek() == UInt8(ascii: "\"") else { return try lenientDouble() }
    return try stringBody { raw in
      Self.wholePercent(raw)
        ?? KeyedDecodingContainer<WireKey>.number(in: WireText.string(raw))
    }
  }

  /// Up to 15 digits and an optional `%`: the number `KeyedDecodingContainer.number(in:)`
  /// reads from that text (a whole number is exact as a `Double`); nil for any other text.
  static func wholePercent(_ raw: UnsafeBufferPointer<UInt8>) -> Double? {
    var end = raw.count
    if end > 0, raw[end - 1] == UInt8(ascii: "%") { end -= 1 }
    guard end > 0, end <= 15 else { return nil }
    var value = 0
    for i in 0..<end {
      let digit = raw[i] &- UInt8(ascii: "0")
      guard digit < 10 else { return nil }
      value = value * 10 + Int(digit)
    }
    return Double(value)
  }

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
    // The JSON grammar was checked: an optional minus, then digits (no leading zeros).
    var value = 0
    for byte in text where byte != UInt8(ascii: "-") { value = value * 10 + Int(byte &- 0x30) }
    return text.first == UInt8(ascii: "-") ? -value : value
  }

  /// `datastore{type,version,version_id}`; nil without a type, as `DatastoreWire`.
  mutating func datastore() throws -> Datastore? {
    if try null() { return nil }
    guard try peek() == UInt8(ascii: "{") else { throw Unexpected() }
    var type: String?
    var version: String?
    var versionID: String?
    try fields(DatastoreField.self) { reader, field in
      switch field {
      case .type: type = try reader.lenientString(interned: true)
      case .version: version = try reader.lenientString(interned: true)
      case .versionID: versionID = try reader.lenientString(interned: true)
      }
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
      let name = WireText.string(key.bytes)
      guard result.updateValue(value, forKey: name) == nil else { throw Unexpected() }
    }
    return valid ? result : [:]
  }
}

// MARK: - Wire fields

/// The known keys of one kind of object, in a fixed order: `JSONReader.fields` matches a key
/// against them and gives up on one given twice.
protocol WireField: Sendable {
  /// Every field, made once (a `CaseIterable.allCases` would be built anew for every key).
  static var all: [Self] { get }
  /// The `Decodable` path's keys, in the order of `all`, made once.
  static var keys: [WireKey] { get }
  var wire: StaticString { get }
}

extension WireField {
  /// The coding keys of `fields`, for a type's `keys`.
  static func codingKeys(_ fields: [Self]) -> [WireKey] {
    fields.map { WireKey(String(describing: $0.wire)) }
  }
}

extension JSONReader {
  /// Reads an object, calling `read` once for each known field present; other keys are
  /// skipped, and a known field given twice makes the reader give up (`JSONDecoder` decides
  /// what that means).
  mutating func fields<Field: WireField>(
    _: Field.Type, _ read: (inout JSONReader, Field) throws -> Void
  ) throws {
    var seen: UInt64 = 0
    try object { reader, key in
      guard let index = Field.all.firstIndex(where: { key == $0.wire }) else {
        try reader.skip()
        return
      }
      let bit = UInt64(1) << UInt64(index)
      guard seen & bit == 0 else { throw Unexpected() }
      seen |= bit
      try read(&reader, Field.all[index])
    }
  }
}

/// `datastore{}` keys, as `DatastoreWire` reads them.
enum DatastoreField: CaseIterable, WireField {
  case type, version, versionID

  static let all = allCases
  static let keys = codingKeys(all)

  var wire: StaticString {
    switch self {
    case .type: "type"
    case .version: "version"
    case .versionID: "version_id"
    }
  }
}

/// `links[]` keys.
enum LinkField: CaseIterable, WireField {
  case rel, href

  static let all = allCases
  static let keys = codingKeys(all)

  var wire: StaticString {
    switch self {
    case .rel: "rel"
    case .href: "href"
    }
  }
}
