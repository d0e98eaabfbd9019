/// The difference between two frames: what a terminal backend must draw, and nothing else
/// (ratatui's `Buffer::diff`). Pure, so it is tested here; the ncurses backend only sends it.
extension Frame {
  /// One cell to draw at a position.
  public struct Change: Sendable, Equatable {
    public var x: Int
    public var y: Int
    public var cell: Cell
  }

  /// The cells that turn `previous` (what the terminal shows; nil when unknown, after a clear
  /// or a resize, or of another size) into this frame, row by row, left to right, within the
  /// terminal's `cols` × `rows` (it may be smaller than the frame for a moment).
  ///
  /// Continuation cells are never sent: drawing a wide glyph covers them. A wide glyph that
  /// would stick out of the terminal's last column is sent as a blank in its style.
  public func changes(since previous: Frame?, cols: Int? = nil, rows: Int? = nil) -> [Change] {
    let old = previous.flatMap { $0.width == width && $0.height == height ? $0 : nil }
    let visibleWidth = min(width, cols ?? width)
    let visibleHeight = min(height, rows ?? height)
    var changes: [Change] = []
    for y in 0..<max(0, visibleHeight) {
      for x in 0..<max(0, visibleWidth) {
        let cell = self[x, y]
        if let old, old[x, y] == cell { continue }
        if cell.isContinuation { continue }
        if cell.width == 2 && x + 1 >= visibleWidth {
          changes.append(Change(x: x, y: y, cell: .blank(cell.style)))
        } else {
          changes.append(Change(x: x, y: y, cell: cell))
        }
      }
    }
    return changes
  }
}
