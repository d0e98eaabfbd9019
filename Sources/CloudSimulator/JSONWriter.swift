/// Builds JSON bytes by hand, the way the real services print them.
///
/// Hand-built rather than `JSONEncoder` because a 1,000-row detail page must be cheap, and
/// because the output copies Python's `json.dumps` defaults that the real servers use: `", "` and
/// `": "` separators, key order as written, non-ASCII as `\uXXXX` (see
/// fixtures/real/cinder-29/volume-create-unicode.json: sent as UTF-8, returned \u-escaped).
struct JSONWriter {
  private(set) var bytes: [UInt8] = []
  private var needsComma: [Bool] = [false]

  init(capacity: Int = 256) { bytes.reserveCapacity(capacity) }

  private mutating func separate() {
    if needsComma[needsComma.count - 1] {
      bytes.append(UInt8(ascii: ","))
      bytes.append(UInt8(ascii: " "))
    }
    needsComma[needsComma.count - 1] = true
  }

  private mutating func writeKey(_ key: String) {
    separate()
    writeString(key)
    bytes.append(UInt8(ascii: ":"))
    bytes.append(UInt8(ascii: " "))
    needsComma.append(false)  // the value that follows must not add a comma
  }

  private mutating func endValue() { needsComma.removeLast() }

  // MARK: containers

  mutating func beginObject(_ key: String? = nil) {
    if let key { writeKey(key); endValue() } else { separate() }
    bytes.append(UInt8(ascii: "{"))
    needsComma.append(false)
  }

  mutating func endObject() {
    needsComma.removeLast()
    bytes.append(UInt8(ascii: "}"))
  }

  mutating func beginArray(_ key: String? = nil) {
    if let key { writeKey(key); endValue() } else { separate() }
    bytes.append(UInt8(ascii: "["))
    needsComma.append(false)
  }

  mutating func endArray() {
    needsComma.removeLast()
    bytes.append(UInt8(ascii: "]"))
  }

  // MARK: fields

  mutating func field(_ key: String, _ value: String?) {
    writeKey(key)
    if let value { writeString(value) } else { writeNull() }
    endValue()
  }

  mutating func field(_ key: String, _ value: Int?) {
    writeKey(key)
    if let value { writeRaw(String(value)) } else { writeNull() }
    endValue()
  }

  mutating func field(_ key: String, _ value: Double?) {
    writeKey(key)
    if let value { writeRaw(Self.number(value)) } else { writeNull() }
    endValue()
  }

  mutating func field(_ key: String, _ value: Bool) {
    writeKey(key)
    writeRaw(value ? "true" : "false")
    endValue()
  }

  /// An array element that is a string.
  mutating func element(_ value: String) {
    separate()
    writeString(value)
  }

  /// An empty object `{}` under `key`.
  mutating func emptyObject(_ key: String) {
    beginObject(key)
    endObject()
  }

  /// A `{"k": "v", ...}` object of string pairs, in the given order.
  mutating func stringMap(_ key: String, _ pairs: [(String, String)]) {
    beginObject(key)
    for (k, v) in pairs { field(k, v) }
    endObject()
  }

  // MARK: scalars

  private mutating func writeNull() { writeRaw("null") }

  private mutating func writeRaw(_ text: String) { bytes.append(contentsOf: text.utf8) }

  /// Python's repr of a float: shortest round-trip digits, always with a fraction part.
  static func number(_ value: Double) -> String {
    if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) + ".0" }
    return value.description
  }

  private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

  private mutating func writeString(_ string: String) {
    bytes.append(UInt8(ascii: "\""))
    for unit in string.utf16 {
      switch unit {
      case 0x22: bytes.append(contentsOf: [0x5C, 0x22])
      case 0x5C: bytes.append(contentsOf: [0x5C, 0x5C])
      case 0x0A: bytes.append(contentsOf: [0x5C, UInt8(ascii: "n")])
      case 0x0D: bytes.append(contentsOf: [0x5C, UInt8(ascii: "r")])
      case 0x09: bytes.append(contentsOf: [0x5C, UInt8(ascii: "t")])
      case 0x08: bytes.append(contentsOf: [0x5C, UInt8(ascii: "b")])
      case 0x0C: bytes.append(contentsOf: [0x5C, UInt8(ascii: "f")])
      case 0x20..<0x7F: bytes.append(UInt8(unit))
      default:
        bytes.append(contentsOf: [0x5C, UInt8(ascii: "u")])
        bytes.append(Self.hex[Int(unit >> 12) & 0xF])
        bytes.append(Self.hex[Int(unit >> 8) & 0xF])
        bytes.append(Self.hex[Int(unit >> 4) & 0xF])
        bytes.append(Self.hex[Int(unit) & 0xF])
      }
    }
    bytes.append(UInt8(ascii: "\""))
  }
}
