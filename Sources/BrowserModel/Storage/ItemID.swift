/// A server's ID for an item, in 16 bytes when it is a canonical lower-case UUID (Trove and
/// Cinder issue nothing else), else the string itself.
///
/// A UUID as a `String` is 16 bytes inline plus 80 of heap, kept by the row and by the
/// runner's baseline of the last list: at 200,000 rows that is 16 MB for IDs alone (issue
/// 17: compact rows). Only the canonical spelling is packed, so two IDs are equal exactly
/// when their strings are, and the UUIDs' order is their strings' order.
struct ItemID: Sendable, Hashable {
  private enum Form: Sendable, Hashable {
    case uuid(UInt64, UInt64)
    case text(String)
  }

  private let form: Form

  init(_ string: String) {
    form = Self.packed(string).map { .uuid($0.0, $0.1) } ?? .text(string)
  }

  /// The ID as the server wrote it.
  var string: String {
    switch form {
    case .text(let text): return text
    case .uuid(let high, let low):
      return String(unsafeUninitializedCapacity: 36) { buffer in
        Self.write(high, low, into: buffer)
        return 36
      }
    }
  }

  /// Calls `body` with the ID's UTF-8 bytes, without allocating for a UUID.
  func withUTF8<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
    switch form {
    case .text(let text):
      if let result = text.utf8.withContiguousStorageIfAvailable(body) { return result }
      return Array(text.utf8).withUnsafeBufferPointer(body)
    case .uuid(let high, let low):
      return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 36) { buffer in
        Self.write(high, low, into: buffer)
        return body(UnsafeBufferPointer(buffer))
      }
    }
  }

  /// Whether the ID, ASCII-lower-cased, contains `needle` (already lower-cased). A UUID holds
  /// only hex digits and dashes: a word with any other byte is not looked for in its text,
  /// which a filter keystroke over 100,000 rows would otherwise spell out for each.
  func contains(lowered needle: [UInt8]) -> Bool {
    if case .uuid = form, !needle.allSatisfy(Self.isUUIDByte) { return false }
    return withUTF8 { FilterQuery.lowered($0, contains: needle) }
  }

  private static func isUUIDByte(_ byte: UInt8) -> Bool {
    (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
      || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte) || byte == UInt8(ascii: "-")
  }

  /// Whether `a`'s string comes before `b`'s, byte by byte.
  static func precedes(_ a: ItemID, _ b: ItemID) -> Bool {
    if case .uuid(let ah, let al) = a.form, case .uuid(let bh, let bl) = b.form {
      // Lower-case hex digits sort as their values, and the dashes sit at fixed places.
      return (ah, al) < (bh, bl)
    }
    return a.withUTF8 { x in b.withUTF8 { y in x.lexicographicallyPrecedes(y) } }
  }

  /// Positions of the dashes in `xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx`.
  private static func isDash(_ index: Int) -> Bool {
    index == 8 || index == 13 || index == 18 || index == 23
  }

  private static func packed(_ string: String) -> (UInt64, UInt64)? {
    var string = string
    return string.withUTF8 { bytes -> (UInt64, UInt64)? in
      guard bytes.count == 36 else { return nil }
      var high: UInt64 = 0
      var low: UInt64 = 0
      var digits = 0
      for index in 0..<36 {
        let byte = bytes[index]
        if isDash(index) {
          guard byte == UInt8(ascii: "-") else { return nil }
          continue
        }
        let value: UInt64
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): value = UInt64(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): value = UInt64(byte - UInt8(ascii: "a") + 10)
        default: return nil
        }
        if digits < 16 { high = high << 4 | value } else { low = low << 4 | value }
        digits += 1
      }
      return (high, low)
    }
  }

  private static func write(
    _ high: UInt64, _ low: UInt64, into buffer: UnsafeMutableBufferPointer<UInt8>
  ) {
    var digit = 0
    for index in 0..<36 {
      if isDash(index) {
        buffer[index] = UInt8(ascii: "-")
        continue
      }
      let word = digit < 16 ? high : low
      let shift = UInt64(60 - 4 * (digit % 16))
      let value = UInt8(truncatingIfNeeded: (word >> shift) & 0xF)
      buffer[index] = value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "a") + value - 10
      digit += 1
    }
  }
}
