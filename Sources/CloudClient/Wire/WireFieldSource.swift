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
