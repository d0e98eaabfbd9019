import Foundation

/// Decoding helpers for fields real servers send in more than one shape.
extension KeyedDecodingContainer {
  /// A string, or nil when missing, null or not a string.
  /// Values over `WireText.maxStringBytes` are cut (as the fast reader does).
  func lenientString(_ key: Key) -> String? {
    if let value = try? decodeIfPresent(String.self, forKey: key) { return WireText.capped(value) }
    if let value = try? decodeIfPresent(Int.self, forKey: key) { return String(value) }
    return nil
  }

  /// A date in any of the shapes `WireDate` accepts; nil when missing or unreadable.
  func lenientDate(_ key: Key) -> Date? {
    guard let text = try? decodeIfPresent(String.self, forKey: key) else { return nil }
    return WireDate.parse(text)
  }

  /// A number sent as a number or as a string (`"54"`, `"25.39%"`).
  func lenientDouble(_ key: Key) -> Double? {
    if let value = try? decodeIfPresent(Double.self, forKey: key) { return value }
    if let text = try? decodeIfPresent(String.self, forKey: key) {
      return Self.number(in: text)
    }
    return nil
  }

  /// Like `lenientDouble`, trying a string first: progress is always a string in real
  /// bodies, and a failed attempt costs an error allocation per row.
  func lenientPercent(_ key: Key) -> Double? {
    if let text = try? decodeIfPresent(String.self, forKey: key) { return Self.number(in: text) }
    if let value = try? decodeIfPresent(Double.self, forKey: key) { return value }
    return nil
  }

  /// A whole number sent as an integer, a float (`1.0`) or a string.
  func lenientInt(_ key: Key) -> Int? {
    if let value = try? decodeIfPresent(Int.self, forKey: key) { return value }
    if let value = lenientDouble(key), value.isFinite, abs(value) < 1e15 { return Int(value) }
    return nil
  }

  /// A flag sent as `true`, `"true"`/`"false"` (Cinder `bootable`) or `0`/`1` (Rackspace
  /// `is_automated`, rax-cdb-backup-list-response.json).
  func lenientBool(_ key: Key) -> Bool? {
    if let value = try? decodeIfPresent(Bool.self, forKey: key) { return value }
    if let value = try? decodeIfPresent(Int.self, forKey: key) { return value != 0 }
    if let text = try? decodeIfPresent(String.self, forKey: key) {
      switch text.trimmingCharacters(in: .whitespaces).lowercased() {
      case "true", "1", "yes": return true
      case "false", "0", "no": return false
      default: return nil
      }
    }
    return nil
  }

  static func number(in text: String) -> Double? {
    var trimmed = Substring(text)
    while trimmed.first == " " { trimmed = trimmed.dropFirst() }
    while trimmed.last == " " { trimmed = trimmed.dropLast() }
    if trimmed.last == "%" { trimmed = trimmed.dropLast() }
    return Double(trimmed)
  }
}

extension String {
  /// Without surrounding spaces, cheaply when there are none (the common case).
  var trimmedSpaces: String {
    guard first == " " || last == " " else { return self }
    return trimmingCharacters(in: .whitespaces)
  }
}

/// A coding key made from any string: wire names such as
/// `os-extended-snapshot-attributes:progress` do not fit Swift identifiers.
struct WireKey: CodingKey, Hashable {
  var stringValue: String
  var intValue: Int? { nil }
  init(_ string: String) { stringValue = string }
  init?(stringValue: String) { self.stringValue = stringValue }
  init?(intValue: Int) { nil }
}

/// A `rel`/`href` pair from `links` or `snapshots_links`.
struct LinkWire: Decodable, Sendable {
  var rel: String?
  var href: String?
}

extension [LinkWire] {
  /// The `next` link's href, if any.
  var nextHref: String? {
    first { $0.rel?.lowercased() == "next" }?.href
  }
}

/// The arrays a list page keeps its links in: Trove `links`, Cinder `snapshots_links` and
/// `volumes_links`. Named here once, for the fast reader, the `Decodable` pages and
/// `PageLinks`.
enum LinkList: CaseIterable, WireField {
  case links, snapshotsLinks, volumesLinks

  static let all = allCases
  static let keys = codingKeys(all)

  var wire: StaticString {
    switch self {
    case .links: "links"
    case .snapshotsLinks: "snapshots_links"
    case .volumesLinks: "volumes_links"
    }
  }

  var key: WireKey { Self.keys[Self.all.firstIndex(of: self)!] }
}

extension KeyedDecodingContainer where Key == WireKey {
  /// The `next` href of the link array `list`, if any.
  func nextHref(_ list: LinkList) -> String? {
    (try? decodeIfPresent([LinkWire].self, forKey: list.key))??.nextHref
  }
}

/// One element of a list that may not decode: the rest of the list is kept and the element
/// counted as unreadable (an item without an `id` must not lose the whole page).
struct Lossy<Wrapped: Decodable>: Decodable {
  var value: Wrapped?

  init(from decoder: any Decoder) throws {
    value = try? Wrapped(from: decoder)
  }
}

extension KeyedDecodingContainer {
  /// A list of items, skipping those that cannot be read: the items, how many were skipped,
  /// and whether the list was `null` (read as empty). A missing key or a value that is not a
  /// list still throws.
  func lossyList<Wire: Decodable, Item>(_: Wire.Type, _ key: Key, _ value: (Wire) -> Item)
    throws -> (items: [Item], unreadable: Int, nullList: Bool)
  {
    if try decodeNil(forKey: key) { return ([], 0, true) }
    let elements = try decode([Lossy<Wire>].self, forKey: key)
    let items = elements.compactMap { $0.value.map(value) }
    return (items, elements.count - items.count, false)
  }
}

/// Numbers the cloud sends that could not be true are unknown (nil), never 0 and never
/// shown as given: a size that is negative or beyond any disk, progress outside 0...100.
enum WireNumber {
  /// Larger than any volume a cloud offers (a million TB).
  static let maxGigabytes = 1_000_000_000.0

  static func size(_ gigabytes: Int?) -> Int? {
    guard let gigabytes, gigabytes >= 0, Double(gigabytes) <= maxGigabytes else { return nil }
    return gigabytes
  }

  static func size(_ gigabytes: Double?) -> Double? {
    guard let gigabytes, gigabytes.isFinite, gigabytes >= 0, gigabytes <= maxGigabytes else {
      return nil
    }
    return gigabytes
  }

  static func percent(_ value: Double?) -> Double? {
    guard let value, value.isFinite, (0...100).contains(value) else { return nil }
    return value
  }
}
