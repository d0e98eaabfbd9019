import Testing

@testable import TerminalUI

/// `Frame.changes(since:)`: what a backend draws to go from one frame to the next.
@Suite("frame changes")
struct FrameChangesTests {
  static func frame(_ lines: [String], style: Style = .text) -> Frame {
    var frame = Frame(width: 6, height: lines.count)
    for (y, line) in lines.enumerated() { frame.put(line, x: 0, y: y, style: style) }
    return frame
  }

  @Test("with nothing known, every cell is drawn")
  func fromNothing() {
    let frame = Self.frame(["abc", "de"])
    let changes = frame.changes(since: nil)
    #expect(changes.count == 12)
    #expect(changes.first == Frame.Change(x: 0, y: 0, cell: frame[0, 0]))
    #expect(changes.map { "\($0.x),\($0.y)" }.last == "5,1")
  }

  @Test("an unchanged frame draws nothing; a changed cell or style draws only that cell")
  func onlyDifferences() {
    let before = Self.frame(["abc", "de"])
    #expect(before.changes(since: before).isEmpty)
    let letter = Self.frame(["abX", "de"])
    #expect(letter.changes(since: before) == [Frame.Change(x: 2, y: 0, cell: letter[2, 0])])
    var styled = before
    styled.restyle(Rect(x: 0, y: 1, width: 1, height: 1), style: Style(.statusError))
    #expect(styled.changes(since: before).map { "\($0.x),\($0.y)" } == ["0,1"])
  }

  @Test("a wide glyph is drawn once, never its continuation cell")
  func wideGlyph() {
    let before = Self.frame(["ab"])
    let after = Self.frame(["a数"])
    let changes = after.changes(since: before)
    #expect(changes.map(\.x) == [1])
    #expect(changes.first?.cell.grapheme == "数")
  }

  @Test("a frame of another size is drawn whole")
  func otherSize() {
    let small = Frame(width: 3, height: 1)
    let frame = Self.frame(["abc"])
    #expect(frame.changes(since: small).count == 6)
  }

  @Test("a terminal smaller than the frame gets only what fits; a cut wide glyph is a blank")
  func clipped() {
    let frame = Self.frame(["ab数", "cd"])
    let changes = frame.changes(since: nil, cols: 3, rows: 1)
    #expect(changes.map(\.x) == [0, 1, 2])
    #expect(changes.allSatisfy { $0.y == 0 })
    #expect(changes.last?.cell == Cell.blank(Style(.text)))
  }
}
