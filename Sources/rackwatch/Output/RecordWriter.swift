import CloudClient
import Foundation

/// Writes records as an aligned table, JSON (an array of objects, keys in schema order) or
/// CSV (RFC 4180 quoting). Every format is inert on a terminal (`TerminalSafe`): table and
/// CSV cells show control characters as visible placeholders (CSV keeps line breaks and
/// tabs, inside quotes), and JSON escapes the same characters as `\uXXXX`, so the data
/// stays exact for a parser.
struct RecordWriter {
  var format: OutputFormat
  var header: Bool = true
  /// Columns shown by `table` (JSON and CSV always carry every field).
  var tableColumns: [String]?
  /// Makes a network string safe to print to a terminal.
  var sanitize: @Sendable (String) -> String

  func render(_ records: [Record]) -> String {
    switch format {
    case .json: json(records)
    case .csv: csv(records)
    case .table: table(records)
    }
  }

  private func json(_ records: [Record]) -> String {
    String(decoding: jsonBytes(records), as: UTF8.self)
  }

  /// JSON as UTF-8 bytes: written straight into one buffer (20,000 snapshots are 9 MB;
  /// appending them to a `String` one scalar at a time cost most of `list`'s CPU).
  func jsonBytes(_ records: [Record]) -> [UInt8] {
    var array = JSONArrayText(capacity: records.count * 450 + 4)
    for record in records { array.append(record) }
    return array.finish()
  }

  private func csv(_ records: [Record]) -> String {
    guard let first = records.first else { return "" }
    var lines: [String] = []
    if header { lines.append(first.fields.map { Self.csvField($0.name) }.joined(separator: ",")) }
    for record in records {
      lines.append(
        record.fields.map {
          Self.csvField(TerminalSafe.sanitize(Record.text($0.value), keepingLineBreaks: true))
        }.joined(separator: ","))
    }
    return lines.joined(separator: "\n") + "\n"
  }

  static func csvField(_ text: String) -> String {
    guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else {
      return text
    }
    return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }

  private func table(_ records: [Record]) -> String {
    guard let first = records.first else { return header ? "(none)\n" : "" }
    let names = tableColumns ?? first.fields.map(\.name)
    let rows = records.map { record in
      names.map { name in sanitize(record[name].map(Record.text) ?? "") }
    }
    var widths = names.map { header ? $0.count : 0 }
    for row in rows {
      for (i, cell) in row.enumerated() { widths[i] = min(max(widths[i], cell.count), 60) }
    }
    func line(_ cells: [String]) -> String {
      cells.enumerated().map { i, cell in
        let clipped = cell.count > widths[i] ? String(cell.prefix(widths[i] - 1)) + "…" : cell
        return i == cells.count - 1
          ? clipped : clipped.padding(toLength: widths[i], withPad: " ", startingAt: 0)
      }.joined(separator: "  ")
    }
    var out: [String] = []
    if header { out.append(line(names.map { $0.uppercased() })) }
    out += rows.map(line)
    return out.joined(separator: "\n") + "\n"
  }
}

/// A JSON array of records written one record at a time, so `list` can turn each page into
/// text while the next page travels (the same bytes as `RecordWriter.jsonBytes`).
///
/// With a `chunkBytes` limit the text is kept as a list of buffers of about that size
/// rather than one growing buffer: 20,000 snapshots are 7 MB, and doubling one buffer
/// copied and faulted in twice that (issue 17).
struct JSONArrayText {
  private var out: JSONText
  private var full: [[UInt8]] = []
  private var count = 0
  private let chunkBytes: Int

  init(capacity: Int = 0, chunkBytes: Int = .max) {
    self.chunkBytes = chunkBytes
    out = JSONText(capacity: chunkBytes == .max ? capacity : chunkBytes + Self.slack)
  }

  /// Room left in a chunk for the record that crosses its limit, so it is rarely copied.
  private static let slack = 64 * 1024

  mutating func append(_ record: Record) {
    object { out in
      for (fieldIndex, field) in record.fields.enumerated() {
        if fieldIndex > 0 { out.raw(", ") }
        out.string(field.name)
        out.raw(": ")
        out.value(field.value)
      }
    }
  }

  /// One object of the array: `fields` writes its members (`"key": value, ...`).
  mutating func object(_ fields: (inout JSONText) -> Void) {
    if out.count >= chunkBytes {
      full.append(out.take())
      out = JSONText(capacity: chunkBytes + Self.slack)
    }
    out.raw(count == 0 ? "[\n  {" : ",\n  {")
    count += 1
    fields(&out)
    out.raw("}")
  }

  /// `count` objects already written as text, each as `,\n  {…}` (`SnapshotJSONPage`), kept
  /// as a buffer of their own.
  mutating func append(objects text: [UInt8], count objects: Int) {
    guard objects > 0 else { return }
    var text = text
    if count == 0 { text[0] = UInt8(ascii: "[") }
    if out.count > 0 { full.append(out.take()) }
    full.append(text)
    count += objects
  }

  /// The whole array: `[]` when nothing was appended.
  mutating func finish() -> [UInt8] {
    finishChunks().flatMap { $0 }
  }

  /// The whole array as the buffers it was written in, to be written out in order.
  mutating func finishChunks() -> [[UInt8]] {
    out.raw(count == 0 ? "[]\n" : "\n]\n")
    full.append(out.take())
    return full
  }
}

/// Minimal JSON text writer into UTF-8 bytes (faster than JSONSerialization for large lists,
/// and keeps the schema's key order). Strings are copied a run of plain ASCII at a time;
/// quotes, backslashes and `\n \r \t` get their short escapes, and every character
/// `TerminalSafe.isUnsafe` names (all in the BMP) becomes `\uXXXX`.
struct JSONText {
  private(set) var bytes: [UInt8] = []

  init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

  /// Bytes written so far.
  var count: Int { bytes.count }

  /// The bytes written, leaving this empty.
  mutating func take() -> [UInt8] {
    defer { bytes = [] }
    return bytes
  }

  /// Bytes known to need no escaping (digits, punctuation).
  mutating func ascii(_ byte: UInt8) { bytes.append(byte) }

  /// A non-negative integer's digits, without a `String` in between.
  mutating func digits(_ value: Int, width: Int = 1) {
    precondition(value >= 0)
    var scratch: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes: Int.max has 19 digits
    withUnsafeMutableBytes(of: &scratch) { buffer in
      var end = buffer.count
      var rest = value
      repeat {
        end -= 1
        buffer[end] = UInt8(ascii: "0") + UInt8(rest % 10)
        rest /= 10
      } while rest > 0 || buffer.count - end < width
      bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: buffer[end...]))
    }
  }

  mutating func raw(_ text: StaticString) {
    text.withUTF8Buffer { bytes.append(contentsOf: $0) }
  }

  mutating func value(_ value: Record.Value) {
    switch value {
    case .string(let s): string(s)
    case .number(let d): plain(d.isFinite ? String(d) : "null")
    case .integer(let i): plain(String(i))
    case .bool(let b): raw(b ? "true" : "false")
    case .null: raw("null")
    case .strings(let list):
      raw("[")
      for (i, s) in list.enumerated() {
        if i > 0 { raw(", ") }
        string(s)
      }
      raw("]")
    case .object(let pairs):
      raw("{")
      for (i, pair) in pairs.enumerated() {
        if i > 0 { raw(", ") }
        string(pair.0)
        raw(": ")
        string(pair.1)
      }
      raw("}")
    }
  }

  /// Text known to need no escaping (numbers).
  private mutating func plain(_ text: String) {
    var text = text
    text.withUTF8 { bytes.append(contentsOf: $0) }
  }

  mutating func string(_ text: String) {
    var text = text
    text.withUTF8 { string(utf8: $0) }
  }

  /// A string from its UTF-8 bytes, which must be valid UTF-8 (a `String`'s, or a page's
  /// `WireBytes`), written as `string` writes the `String`.
  mutating func string(utf8: UnsafeBufferPointer<UInt8>) {
    bytes.append(UInt8(ascii: "\""))
    var start = 0
    var i = 0
    let count = utf8.count
    while i < count {
      let byte = utf8[i]
      if byte >= 0x20, byte < 0x7F, byte != UInt8(ascii: "\""), byte != UInt8(ascii: "\\") {
        i += 1
        continue
      }
      bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<i]))
      var length = 1
      switch byte {
      case UInt8(ascii: "\""): raw("\\\"")
      case UInt8(ascii: "\\"): raw("\\\\")
      case UInt8(ascii: "\n"): raw("\\n")
      case UInt8(ascii: "\r"): raw("\\r")
      case UInt8(ascii: "\t"): raw("\\t")
      case ..<0x80: escape(UInt32(byte))  // other C0 controls and DEL
      default:
        // A valid scalar (Swift strings are valid UTF-8): its length from the lead byte.
        length = byte >= 0xF0 ? 4 : (byte >= 0xE0 ? 3 : 2)
        var value = UInt32(byte) & (byte >= 0xF0 ? 0x07 : (byte >= 0xE0 ? 0x0F : 0x1F))
        for k in 1..<length { value = value << 6 | UInt32(utf8[i + k] & 0x3F) }
        if let scalar = Unicode.Scalar(value), TerminalSafe.isUnsafe(scalar) {
          escape(value)
        } else {
          bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[i..<(i + length)]))
        }
      }
      i += length
      start = i
    }
    bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<count]))
    bytes.append(UInt8(ascii: "\""))
  }

  /// `\uXXXX`, lower-case hex, as `String(format: "\\u%04x")` wrote it.
  private mutating func escape(_ value: UInt32) {
    let hex: [UInt8] = Array("0123456789abcdef".utf8)
    raw("\\u")
    for shift in stride(from: 12, through: 0, by: -4) {
      bytes.append(hex[Int((value >> UInt32(shift)) & 0xF)])
    }
  }
}
