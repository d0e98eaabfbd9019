/// One terminal cell of a `Frame`.
///
/// A wide glyph (CJK, most emoji) sits in its first cell with `width` 2; the cell to its
/// right is a continuation cell (`width` 0, empty grapheme) that back ends skip.
public struct Cell: Sendable, Hashable {
  /// One grapheme cluster, never a control character; "" in a continuation cell.
  public var grapheme: String
  /// 1 or 2 for a glyph, 0 for the continuation of a wide glyph.
  public var width: UInt8
  public var style: Style

  public init(grapheme: String, width: UInt8, style: Style) {
    self.grapheme = grapheme
    self.width = width
    self.style = style
  }

  /// A space painted with `style`.
  public static func blank(_ style: Style = .background) -> Cell {
    Cell(grapheme: " ", width: 1, style: style)
  }

  public var isContinuation: Bool { width == 0 }
}
