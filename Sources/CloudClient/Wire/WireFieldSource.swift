import Foundation

/// Where one field's value is read from: the fast byte reader (`JSONReader`) or a
/// `Decodable` container. Each resource's wire table (`SnapshotField`, `BackupField`) is read
/// through this, once, by both paths, so a field's name, type and the rules that assemble
/// the resource are written in one place.
protocol WireFieldSource {
  /// A string, an integer as its digits, nil for null (`Lenient.swift`'s rules).
  mutating func fieldText(interned: Bool) throws -> String?
  mutating func fieldInt() throws -> Int?
  mutating func fieldDouble() throws -> Double?
  mutating func fieldDate() throws -> Date?
  /// `"25.39%"`, `25.39` or `"25.39"`.
  mutating func fieldPercent() throws -> Double?
  mutating func fieldBool() throws -> Bool?
  /// String values only, else empty; null is empty.
  mutating func fieldDictionary() throws -> [String: String]
  mutating func fieldDatastore() throws -> Datastore?
}

extension JSONReader: WireFieldSource {
  mutating func fieldText(interned: Bool) throws -> String? {
    try lenientString(interned: interned)
  }
  mutating func fieldInt() throws -> Int? { try lenientInt() }
  mutating func fieldDouble() throws -> Double? { try lenientDouble() }
  mutating func fieldDate() throws -> Date? { try lenientDate() }
  mutating func fieldPercent() throws -> Double? { try lenientPercent() }
  mutating func fieldBool() throws -> Bool? { try lenientBool() }
  mutating func fieldDictionary() throws -> [String: String] { try stringDictionary() }
  mutating func fieldDatastore() throws -> Datastore? { try datastore() }
}

/// One key of a `Decodable` container, read with the container's lenient rules.
struct ContainerField: WireFieldSource {
  let container: KeyedDecodingContainer<WireKey>
  let key: WireKey

  mutating func fieldText(interned: Bool) throws -> String? { container.lenientString(key) }
  mutating func fieldInt() throws -> Int? { container.lenientInt(key) }
  mutating func fieldDouble() throws -> Double? { container.lenientDouble(key) }
  mutating func fieldDate() throws -> Date? { container.lenientDate(key) }
  mutating func fieldPercent() throws -> Double? { container.lenientPercent(key) }
  mutating func fieldBool() throws -> Bool? { container.lenientBool(key) }
  mutating func fieldDictionary() throws -> [String: String] {
    guard let raw = try? container.decodeIfPresent([String: String].self, forKey: key) else {
      return [:]
    }
    return Dictionary(
      raw.map { (WireText.capped($0.key), WireText.capped($0.value)) },
      uniquingKeysWith: { first, _ in first })
  }
  mutating func fieldDatastore() throws -> Datastore? {
    (try? container.decodeIfPresent(DatastoreWire.self, forKey: key))?.flatMap { $0.value }
  }
}

extension KeyedDecodingContainer where Key == WireKey {
  /// Reads every known field of `Field` present in this object through `read`.
  func readFields<Field: WireField>(
    _: Field.Type, _ read: (Field, inout ContainerField) throws -> Void
  ) throws {
    for (field, key) in zip(Field.all, Field.keys) {
      guard contains(key) else { continue }
      var source = ContainerField(container: self, key: key)
      try read(field, &source)
    }
  }
}

/// A resource's fields as read through its wire table, and the value they make.
protocol WireFields {
  associatedtype Field: WireField
  associatedtype Value
  init()
  /// Reads one field's value from either path.
  mutating func read(_ field: Field, _ source: inout some WireFieldSource) throws
  /// The value, or nil without the fields it cannot do without (an `id`).
  var value: Value? { get }
}

extension KeyedDecodingContainer where Key == WireKey {
  /// The resource this object holds; `keyNotFound` (named `what`) when it has no `id`.
  func resource<Fields: WireFields>(_: Fields.Type, what: String) throws -> Fields.Value {
    var fields = Fields()
    try readFields(Fields.Field.self) { field, source in try fields.read(field, &source) }
    guard let value = fields.value else {
      throw DecodingError.keyNotFound(
        WireKey("id"), .init(codingPath: codingPath, debugDescription: "\(what) without id"))
    }
    return value
  }
}

extension JSONReader {
  /// The resource the next object holds, or nil when it has no `id`.
  mutating func resource<Fields: WireFields>(_: Fields.Type) throws -> Fields.Value? {
    var fields = Fields()
    try self.fields(Fields.Field.self) { reader, field in try fields.read(field, &reader) }
    return fields.value
  }
}
