import Testing

@testable import TerminalUI

@Suite("frame")
struct FrameTests {
  @Test("a wide glyph fills its cell and a continuation cell")
  func wideGlyph() {
    var frame = Frame(width: 6, height: 1)
    let written = frame.put("a数b", x: 0, y: 0, style: .text)
    #expect(written == 4)
    #expect(frame[1, 0].grapheme == "数")
    #expect(frame[1, 0].width == 2)
    #expect(frame[2, 0].isContinuation)
    #expect(frame.text == "a数b")
    #expect(frame.lines[0] == "a数b  ")
  }

  @Test("a wide glyph that does not fit at the edge becomes a space")
  func wideAtEdge() {
    var frame = Frame(width: 3, height: 1)
    frame.put("ab数", x: 0, y: 0, style: .text)
    #expect(frame.lines[0] == "ab ")
    #expect(!frame.cells.contains { $0.isContinuation })
  }

  @Test("overwriting half of a wide glyph leaves no orphan half")
  func overwriteHalf() {
    var frame = Frame(width: 4, height: 1)
    frame.put("数据", x: 0, y: 0, style: .text)
    frame.put("x", x: 1, y: 0, style: .text)
    #expect(frame.lines[0] == " x据")
    frame.put("y", x: 2, y: 0, style: .text)
    #expect(frame.lines[0] == " xy ")
  }

  @Test("control characters never reach a cell")
  func controls() {
    var frame = Frame(width: 20, height: 1)
    frame.put("a\u{1B}[31mb\u{7}\u{9B}c\r", x: 0, y: 0, style: .text)
    #expect(frame.isFreeOfControls)
    #expect(frame.text == "a\u{FFFD}[31mb\u{FFFD}\u{FFFD}c\u{FFFD}")
  }

  @Test("writing is clipped to the frame and to a clip rectangle")
  func clipping() {
    var frame = Frame(width: 5, height: 2)
    frame.put("hello world", x: 2, y: 0, style: .text)
    frame.put("zzz", x: -1, y: 1, style: .text, clip: Rect(x: 0, y: 1, width: 2, height: 1))
    frame.put("nope", x: 0, y: 5, style: .text)
    #expect(frame.lines == ["  hel", "zz   "])
  }

  @Test("the style map gives one role code per column")
  func styleMap() {
    var frame = Frame(width: 4, height: 1)
    frame.put("ab", x: 1, y: 0, style: Style(.statusError))
    #expect(frame.styleMap == [".ee."])
    #expect(frame.style(of: "b")?.role == .statusError)
  }

  @Test("empty and negative sizes make an empty frame")
  func degenerate() {
    var frame = Frame(width: -3, height: 0)
    frame.put("x", x: 0, y: 0, style: .text)
    frame.fill(Rect(x: 0, y: 0, width: 9, height: 9), style: .text)
    #expect(frame.cells.isEmpty)
    #expect(frame.text == "")
  }
}

@Suite("text layout")
struct TextLayoutTests {
  @Test("truncation ends in an ellipsis and respects wide glyphs")
  func truncate() {
    #expect(TextLayout.truncate("nightly-orders", to: 8) == "nightly…")
    #expect(TextLayout.truncate("short", to: 8) == "short")
    #expect(TextLayout.truncate("数据库备份", to: 6) == "数据…")
    #expect(DisplayWidth.of(TextLayout.truncate("数据库备份", to: 6)) <= 6)
    #expect(TextLayout.truncate("abc", to: 0) == "")
  }

  @Test("padding aligns left or right to an exact width")
  func pad() {
    #expect(TextLayout.pad("ab", to: 4) == "ab  ")
    #expect(TextLayout.pad("ab", to: 4, alignRight: true) == "  ab")
    #expect(DisplayWidth.of(TextLayout.pad("数据库", to: 5)) == 5)
  }

  @Test("wrapping breaks at spaces and splits words longer than a line")
  func wrap() {
    #expect(TextLayout.wrap("one two three", width: 7) == ["one two", "three"])
    #expect(TextLayout.wrap("abcdefghij", width: 4) == ["abcd", "efgh", "ij"])
    #expect(TextLayout.wrap("a\nb", width: 4) == ["a", "b"])
    #expect(TextLayout.wrap("anything", width: 0).isEmpty)
  }
}
