import Foundation

/// Limits on text from the network, applied as it is decoded so nothing downstream (the
/// sorter, the filter, the detail view, CLI output) ever handles more than a screenful per
/// value: a 200 MB name arrives as 64 KB and an ellipsis.
public enum WireText {
  /// The longest string value kept, in UTF-8 bytes; longer ones are cut and end in "…".
  public static let maxStringBytes = 64 * 1024
  /// Marks a value that was cut.
  public static let cutMark = "…"

  /// `text` cut to `maxStringBytes` (on a character boundary) with the cut mark, or as it is.
  public static func capped(_ text: String) -> String {
    guard text.utf8.count > maxStringBytes else { return text }
    var end = text.utf8.index(text.utf8.startIndex, offsetBy: maxStringBytes)
    while end > text.startIndex, end.samePosition(in: text.unicodeScalars) == nil {
      end = text.utf8.index(before: end)
    }
    return String(text[..<end]) + cutMark
  }

  /// The UTF-8 bytes of a string value cut to `maxStringBytes` at a scalar boundary, and
  /// whether they were cut.
  static func cap(_ raw: UnsafeBufferPointer<UInt8>) -> (UnsafeBufferPointer<UInt8>, cut: Bool) {
    guard raw.count > maxStringBytes else { return (raw, false) }
    var end = maxStringBytes
    // Back off continuation bytes (10xxxxxx) so no scalar is split.
    while end > 0, raw[end] & 0xC0 == 0x80 { end -= 1 }
    return (UnsafeBufferPointer(rebasing: raw[0..<end]), true)
  }

  /// The string for bytes that may hold invalid UTF-8: each bad sequence becomes U+FFFD
  /// rather than the whole value being lost; cut as `capped`.
  static func string(_ raw: UnsafeBufferPointer<UInt8>) -> String {
    let (kept, cut) = cap(raw)
    let text = String(decoding: kept, as: UTF8.self)
    return cut ? text + cutMark : text
  }

  /// `body` with invalid UTF-8 sequences replaced by U+FFFD, so a name with one bad byte
  /// keeps the rest of its characters in both decoders. Valid bodies (all real ones) are
  /// returned as they are after one scan.
  static func repairingUTF8(_ body: Data) -> Data {
    let valid = body.withUnsafeBytes { raw -> Bool in
      let bytes = raw.bindMemory(to: UInt8.self)
      guard let first = firstNonASCII(raw) else { return true }
      return String(validating: UnsafeBufferPointer(rebasing: bytes[first...]), as: UTF8.self)
        != nil
    }
    if valid { return body }
    return Data(String(decoding: body, as: UTF8.self).utf8)
  }

  /// The offset of the first byte >= 0x80, looking at eight bytes at a time (a byte at a
  /// time was 2.5% of listing 20,000 snapshots: every page is scanned once).
  static func firstNonASCII(_ raw: UnsafeRawBufferPointer) -> Int? {
    var i = 0
    while i + 8 <= raw.count {
      if raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 {
        break
      }
      i += 8
    }
    while i < raw.count {
      if raw[i] >= 0x80 { return i }
      i += 1
    }
    return nil
  }
}
