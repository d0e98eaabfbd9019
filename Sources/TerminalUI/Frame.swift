/// A full screen of cells: what `render` produces and the only thing a back end draws.
///
/// Writing never fails and never goes outside the frame: text is clipped, wide glyphs that
/// do not fit become spaces, and control characters become U+FFFD, so the frame never holds
/// anything a terminal would interpret.
public struct Frame: Sendable, Equatable {
  public let width: Int
  public let height: Int
  public private(set) var cells: [Cell]
  /// Where the terminal cursor should blink (a text field being edited), or nil to hide it.
  public var cursor: (x: Int, y: Int)? {
    get { cursorX.map { ($0, cursorY) } }
    set {
      cursorX = newValue?.x
      cursorY = newValue?.y ?? 0
    }
  }
  private var cursorX: Int?
  private var cursorY = 0

  public init(width: Int, height: Int, fill: Style = .background) {
    self.width = max(0, width)
    self.height = max(0, height)
    cells = Array(repeating: .blank(fill), count: self.width * self.height)
  }

  public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

  public subscript(x: Int, y: Int) -> Cell {
    guard x >= 0, y >= 0, x < width, y < height else { return .blank() }
    return cells[y * width + x]
  }

  /// Paints every cell of `rect` (clipped to the frame) as a space in `style`.
  public mutating func fill(_ rect: Rect, style: Style) {
    let r = rect.intersection(bounds)
    guard !r.isEmpty else { return }
    let blank = Cell.blank(style)
    for y in r.y..<r.maxY {
      // Only the edges can cut a wide glyph in half; inside, plain stores are enough.
      set(r.x, y, blank)
      if r.width > 1 {
        let row = y * width
        for x in (r.x + 1)..<(r.maxX - 1) { cells[row + x] = blank }
        set(r.maxX - 1, y, blank)
      }
    }
  }

  /// Changes the style of every cell in `rect`, keeping the text (selection bars).
  public mutating func restyle(_ rect: Rect, style: Style) {
    let r = rect.intersection(bounds)
    guard !r.isEmpty else { return }
    for y in r.y..<r.maxY {
      for x in r.x..<r.maxX { cells[y * width + x].style = style }
    }
  }

  /// Writes `text` from (x, y) in `style`, clipped to `clip` (default: the whole frame) and
  /// to at most `maxWidth` columns. Returns the number of columns written.
  @discardableResult
  public mutating func put(
    _ text: String, x: Int, y: Int, style: Style, maxWidth: Int? = nil, clip: Rect? = nil
  ) -> Int {
    let area = (clip ?? bounds).intersection(bounds)
    guard y >= area.y, y < area.maxY else { return 0 }
    var limit = area.maxX
    if let maxWidth { limit = min(limit, x + max(0, maxWidth)) }
    var column = x
    if Self.isPrintableASCII(text) {
      // Plain printable ASCII (most of a screen): one byte, one cell, no grapheme breaking.
      for byte in text.utf8 {
        if column >= limit { break }
        if column >= area.x { set(column, y, Cell(scalar: UInt32(byte), width: 1, style: style)) }
        column += 1
      }
      return max(0, column - x)
    }
    for grapheme in text {
      if column >= limit { break }
      var w = DisplayWidth.of(grapheme)
      var cell = Cell(character: grapheme, width: UInt8(max(0, min(2, w))), style: style)
      if DisplayWidth.isControl(grapheme) {
        cell = Cell(scalar: 0xFFFD, width: 1, style: style)
        w = 1
      }
      if w == 0 { continue }
      if column < area.x {
        column += w
        continue
      }
      if column + w > limit {
        set(column, y, .blank(style))  // half a wide glyph does not fit: pad
        column += 1
        break
      }
      set(column, y, cell)
      if w == 2 { set(column + 1, y, Cell(grapheme: "", width: 0, style: style)) }
      column += w
    }
    return max(0, column - x)
  }

  static func isPrintableASCII(_ text: String) -> Bool {
    text.utf8.withContiguousStorageIfAvailable { buffer in
      for byte in buffer where byte < 0x20 || byte >= 0x7F { return false }
      return true
    } ?? text.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F }
  }

  /// Stores one cell, repairing the wide glyph it may cut in half.
  private mutating func set(_ x: Int, _ y: Int, _ cell: Cell) {
    guard x >= 0, y >= 0, x < width, y < height else { return }
    let index = y * width + x
    let old = cells[index]
    if old.isContinuation && cell.width != 0 && x > 0 {
      // Overwriting the right half of a wide glyph: its left half becomes a space.
      cells[index - 1] = .blank(cells[index - 1].style)
    }
    if old.width == 2 && cell.width != 2 && x + 1 < width {
      cells[index + 1] = .blank(old.style)
    }
    cells[index] = cell
  }

  /// The frame's rows as text (continuation cells skipped), trailing spaces kept.
  public var lines: [String] {
    (0..<height).map { y in
      var line = ""
      for x in 0..<width {
        let cell = cells[y * width + x]
        if !cell.isContinuation { line += cell.grapheme }
      }
      return line
    }
  }

  /// The rows with trailing spaces removed, joined by newlines: what a test compares.
  public var text: String {
    lines.map { line in
      var l = Substring(line)
      while l.last == " " { l = l.dropLast() }
      return String(l)
    }.joined(separator: "\n")
  }

  /// One character per column giving each cell's role (`StyleRole.code`); a continuation
  /// cell repeats its glyph's code.
  public var styleMap: [String] {
    (0..<height).map { y in
      String((0..<width).map { x in cells[y * width + x].style.role.code })
    }
  }

  /// The first row containing `needle`, for tests.
  public func row(containing needle: String) -> Int? {
    lines.firstIndex { $0.contains(needle) }
  }

  /// The style of the first cell of the first occurrence of `needle`, for tests.
  public func style(of needle: String) -> Style? {
    for (y, line) in lines.enumerated() {
      guard let range = line.range(of: needle) else { continue }
      let prefixWidth = DisplayWidth.of(line[line.startIndex..<range.lowerBound])
      return self[prefixWidth, y].style
    }
    return nil
  }

  public static func == (lhs: Frame, rhs: Frame) -> Bool {
    lhs.width == rhs.width && lhs.height == rhs.height && lhs.cells == rhs.cells
      && lhs.cursorX == rhs.cursorX && lhs.cursorY == rhs.cursorY
  }
}
