import Foundation
import Testing

@testable import rackwatch

/// The byte-level JSON writer of `list --format json` (issue 17): exact, inert, valid.
@Suite("JSON text")
struct JSONTextTests {
  func written(_ text: String) -> String {
    var out = JSONText()
    out.string(text)
    return String(decoding: out.bytes, as: UTF8.self)
  }

  @Test("quotes, backslashes and line breaks get short escapes; unsafe characters \\uXXXX")
  func escapes() {
    #expect(written("plain name-1") == #""plain name-1""#)
    #expect(written("a\"b\\c\nd\re\tf") == #""a\"b\\c\nd\re\tf""#)
    #expect(written("\u{1B}[31mred\u{7F}\u{0}") == #""\u001b[31mred\u007f\u0000""#)
    #expect(
      written("x\u{9B}y\u{202E}z\u{2066}\u{200B}\u{FEFF}")
        == #""x\u009by\u202ez\u2066\u200b\ufeff""#)
    // Characters that are safe stay as they are, in UTF-8.
    #expect(written("é 日本 🙂 ä̈") == "\"é 日本 🙂 ä̈\"")
  }

  @Test("any string round-trips through a JSON parser and the output is inert")
  func roundTrip() throws {
    var samples = [
      "", "\"", "\\", "é\u{1B}x", "🙂\u{202E}", String(repeating: "ab\u{7}", count: 100),
    ]
    for scalar in [0x0, 0x1F, 0x7F, 0x80, 0x9F, 0xA0, 0x2028, 0xFFF9, 0x1F600] {
      samples.append("<\(Unicode.Scalar(scalar).map(String.init) ?? "")>")
    }
    var out = JSONText()
    out.raw("[")
    for (i, sample) in samples.enumerated() {
      if i > 0 { out.raw(",") }
      out.string(sample)
    }
    out.raw("]")
    let parsed = try #require(
      try JSONSerialization.jsonObject(with: Data(out.bytes)) as? [String])
    #expect(parsed == samples)
    let text = String(decoding: out.bytes, as: UTF8.self)
    #expect(!text.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
  }
}
