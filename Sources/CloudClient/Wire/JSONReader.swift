import Foundation

/// A forward-only reader over the bytes of a JSON document, for the list pages only.
///
/// It never guesses: whatever it does not expect (a malformed document, an invalid escape,
/// a value of an unexpected type) makes it give up (`Unexpected`), and the caller decodes
/// the body with `JSONDecoder` instead, which then produces exactly the values, or the
/// errors, it always has. Values it skips are still checked, so a document `JSONDecoder`
/// rejects is never accepted here.
struct JSONReader {
  /// Thrown to give up; never shown to anyone.
  struct Unexpected: Error {}

  let bytes: UnsafeBufferPointer<UInt8>
  var position = 0
  /// Values that repeat down a page, made once (see `internedString`).
  private var interned: [Int: [String]] = [:]

  init(_ bytes: UnsafeBufferPointer<UInt8>) {
    self.bytes = bytes
  }

  // MARK: - Structure

  mutating func skipSpace() {
    while position < bytes.count {
      switch bytes[position] {
      case 0x20, 0x0A, 0x0D, 0x09: position += 1
      default: return
      }
    }
  }

  /// The next byte after white space, without consuming it.
  mutating func peek() throws -> UInt8 {
    skipSpace()
    guard position < bytes.count else { throw Unexpected() }
    return bytes[position]
  }

  mutating func expect(_ byte: UInt8) throws {
    guard try peek() == byte else { throw Unexpected() }
    position += 1
  }

  /// True (and consumed) when the next value is `null`.
  mutating func null() throws -> Bool {
    guard try peek() == UInt8(ascii: "n") else { return false }
    try literal("null")
    return true
  }

  /// Calls `member` with each key of an object; `member` must read or skip the value.
  mutating func object(_ member: (inout JSONReader, Key) throws -> Void) throws {
    try expect(UInt8(ascii: "{"))
    if try peek() == UInt8(ascii: "}") {
      position += 1
      return
    }
    while true {
      guard try peek() == UInt8(ascii: "\"") else { throw Unexpected() }
      let key = try keyBytes()
      try expect(UInt8(ascii: ":"))
      try member(&self, key)
      switch try peek() {
      case UInt8(ascii: ","): position += 1
      case UInt8(ascii: "}"):
        position += 1
        return
      default: throw Unexpected()
      }
    }
  }

  /// Calls `element` for each element of an array; `element` must read or skip it.
  mutating func array(_ element: (inout JSONReader) throws -> Void) throws {
    try expect(UInt8(ascii: "["))
    if try peek() == UInt8(ascii: "]") {
      position += 1
      return
    }
    while true {
      try element(&self)
      switch try peek() {
      case UInt8(ascii: ","): position += 1
      case UInt8(ascii: "]"):
        position += 1
        return
      default: throw Unexpected()
      }
    }
  }

  /// Checks that nothing but white space follows the document.
  mutating func end() throws {
    skipSpace()
    guard position == bytes.count else { throw Unexpected() }
  }

  // MARK: - Keys

  /// An object key as it appears in the body (keys with escapes are given up on: no wire
  /// name we read has one).
  struct Key {
    let bytes: UnsafeBufferPointer<UInt8>

    static func == (key: Key, name: StaticString) -> Bool {
      guard key.bytes.count == name.utf8CodeUnitCount else { return false }
      return memcmp(key.bytes.baseAddress!, name.utf8Start, key.bytes.count) == 0
    }
  }

  private mutating func keyBytes() throws -> Key {
    position += 1  // opening quote
    let start = position
    while position < bytes.count {
      let byte = bytes[position]
      if byte == UInt8(ascii: "\"") {
        let key = Key(bytes: UnsafeBufferPointer(rebasing: bytes[start..<position]))
        position += 1
        return key
      }
      // Escapes and control characters: give up; non-ASCII keys are skipped unread.
      if byte == UInt8(ascii: "\\") || byte < 0x20 || byte >= 0x80 { throw Unexpected() }
      position += 1
    }
    throw Unexpected()
  }

  // MARK: - Scalars

  /// A string value with its escapes decoded; gives up on invalid escapes, lone surrogates
  /// and raw control characters, as `JSONDecoder` rejects them. Invalid UTF-8 becomes
  /// U+FFFD and a value over `WireText.maxStringBytes` is cut (as `WireText.capped`).
  mutating func string() throws -> String {
    guard try peek() == UInt8(ascii: "\"") else { throw Unexpected() }
    return try stringBody { raw in WireText.string(raw) }
  }

  /// A string value that is likely to repeat down the page (the project, an instance or
  /// volume ID, a datastore version): equal values share one String, so 1,000 rows hold one
  /// copy of their project ID instead of 1,000.
  mutating func internedString() throws -> String {
    guard try peek() == UInt8(ascii: "\"") else { throw Unexpected() }
    var table = interned
    interned = [:]  // moved out while the string is read: one owner, no copy
    defer { interned = table }
    return try stringBody { raw in
      guard raw.count <= 64, raw.allSatisfy({ $0 < 0x80 }) else { return WireText.string(raw) }
      var hasher = Hasher()
      hasher.combine(bytes: UnsafeRawBufferPointer(raw))
      let hash = hasher.finalize()
      for candidate in table[hash] ?? [] where Self.equal(candidate, raw) {
        return candidate
      }
      let text = String(decoding: raw, as: UTF8.self)
      table[hash, default: []].append(text)
      return text
    }
  }

  /// True when `text`'s UTF-8 is `raw` (one `memcmp`; comparing the views element by element
  /// cost 3% of listing 20,000 snapshots).
  private static func equal(_ text: String, _ raw: UnsafeBufferPointer<UInt8>) -> Bool {
    var text = text
    return text.withUTF8 { utf8 in
      utf8.count == raw.count
        && (raw.isEmpty || memcmp(utf8.baseAddress!, raw.baseAddress!, raw.count) == 0)
    }
  }

  /// Reads a string and hands its decoded UTF-8 bytes to `body` (no String made when the
  /// caller only parses them, like dates).
  mutating func stringBody<T>(_ body: (UnsafeBufferPointer<UInt8>) throws -> T) throws -> T {
    switch try stringText() {
    case .inPlace(let raw): return try body(raw)
    case .decoded(var decoded):
      return try decoded.withUnsafeMutableBufferPointer { try body(UnsafeBufferPointer($0)) }
    }
  }

  /// A string's text: the page's own bytes when it has no escapes (most), else decoded.
  enum StringText {
    case inPlace(UnsafeBufferPointer<UInt8>)
    case decoded([UInt8])
  }

  /// Reads the string at `position` (its opening quote). Fails on bad escapes, raw control
  /// characters and a missing closing quote.
  mutating func stringText() throws -> StringText {
    position += 1  // opening quote
    let start = position
    while position < bytes.count {
      let byte = bytes[position]
      if byte == UInt8(ascii: "\"") {
        let raw = UnsafeBufferPointer(rebasing: bytes[start..<position])
        position += 1
        return .inPlace(raw)
      }
      if byte == UInt8(ascii: "\\") {
        position = start
        return .decoded(try unescape())
      }
      if byte < 0x20 { throw Unexpected() }
      position += 1
    }
    throw Unexpected()
  }

  /// The string from `position` (after the opening quote) to its closing quote, escapes
  /// decoded.
  mutating func unescape() throws -> [UInt8] {
    var out: [UInt8] = []
    while position < bytes.count {
      let byte = bytes[position]
      position += 1
      switch byte {
      case UInt8(ascii: "\""):
        return out
      case UInt8(ascii: "\\"):
        guard position < bytes.count else { throw Unexpected() }
        let escape = bytes[position]
        position += 1
        switch escape {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(escape)
        case UInt8(ascii: "b"): out.append(0x08)
        case UInt8(ascii: "f"): out.append(0x0C)
        case UInt8(ascii: "n"): out.append(0x0A)
        case UInt8(ascii: "r"): out.append(0x0D)
        case UInt8(ascii: "t"): out.append(0x09)
        case UInt8(ascii: "u"):
          var scalar = try hex4()
          if (0xD800...0xDBFF).contains(scalar) {
            // A high surrogate must be followed by an escaped low one.
            guard position + 1 < bytes.count, bytes[position] == UInt8(ascii: "\\"),
              bytes[position + 1] == UInt8(ascii: "u")
            else { throw Unexpected() }
            position += 2
            let low = try hex4()
            guard (0xDC00...0xDFFF).contains(low) else { throw Unexpected() }
            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
          } else if (0xDC00...0xDFFF).contains(scalar) {
            throw Unexpected()
          }
          guard let unicode = Unicode.Scalar(scalar) else { throw Unexpected() }
          out.append(contentsOf: UTF8.encode(unicode)!)
        default:
          throw Unexpected()
        }
      default:
        if byte < 0x20 { throw Unexpected() }
        out.append(byte)
      }
    }
    throw Unexpected()
  }

  private mutating func hex4() throws -> UInt32 {
    guard position + 4 <= bytes.count else { throw Unexpected() }
    var value: UInt32 = 0
    for _ in 0..<4 {
      let c = bytes[position]
      position += 1
      let digit: UInt8
      switch c {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = c - UInt8(ascii: "0")
      case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = c - UInt8(ascii: "a") + 10
      case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = c - UInt8(ascii: "A") + 10
      default: throw Unexpected()
      }
      value = value << 4 | UInt32(digit)
    }
    return value
  }

  /// The text of a JSON number, checked against the JSON grammar; `isInteger` when it has
  /// no fraction and no exponent.
  mutating func number() throws -> (text: UnsafeBufferPointer<UInt8>, isInteger: Bool) {
    skipSpace()
    let start = position
    func digit() -> Bool {
      position < bytes.count && bytes[position] >= 0x30 && bytes[position] <= 0x39
    }
    if position < bytes.count, bytes[position] == UInt8(ascii: "-") { position += 1 }
    guard digit() else { throw Unexpected() }
    if bytes[position] == UInt8(ascii: "0") {
      position += 1
    } else {
      while digit() { position += 1 }
    }
    var isInteger = true
    if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
      isInteger = false
      position += 1
      guard digit() else { throw Unexpected() }
      while digit() { position += 1 }
    }
    if position < bytes.count, bytes[position] | 0x20 == UInt8(ascii: "e") {
      isInteger = false
      position += 1
      if position < bytes.count,
        bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-")
      {
        position += 1
      }
      guard digit() else { throw Unexpected() }
      while digit() { position += 1 }
    }
    return (UnsafeBufferPointer(rebasing: bytes[start..<position]), isInteger)
  }

  mutating func bool() throws -> Bool {
    switch try peek() {
    case UInt8(ascii: "t"):
      try literal("true")
      return true
    case UInt8(ascii: "f"):
      try literal("false")
      return false
    default: throw Unexpected()
    }
  }

  private mutating func literal(_ word: StaticString) throws {
    let count = word.utf8CodeUnitCount
    guard position + count <= bytes.count,
      memcmp(bytes.baseAddress! + position, word.utf8Start, count) == 0
    else { throw Unexpected() }
    position += count
  }

  /// Skips any value, checking it as `JSONDecoder` would.
  mutating func skip(depth: Int = 0) throws {
    guard depth < 64 else { throw Unexpected() }
    switch try peek() {
    case UInt8(ascii: "{"):
      try object { reader, _ in try reader.skip(depth: depth + 1) }
    case UInt8(ascii: "["):
      try array { reader in try reader.skip(depth: depth + 1) }
    case UInt8(ascii: "\""):
      try stringBody { raw in
        if !raw.allSatisfy({ $0 < 0x80 }), String(validating: raw, as: UTF8.self) == nil {
          throw Unexpected()
        }
      }
    case UInt8(ascii: "t"), UInt8(ascii: "f"):
      _ = try bool()
    case UInt8(ascii: "n"):
      try literal("null")
    default:
      _ = try number()
    }
  }
}
