/// One terminal cell of a `Frame`.
///
/// A wide glyph (CJK, most emoji) sits in its first cell with `width` 2; the cell to its
/// right is a continuation cell (`width` 0, empty grapheme) that back ends skip.
///
/// The grapheme is stored inline as up to five Unicode scalars, which is also the most a
/// curses cell holds (`CCHARW_MAX`). That keeps `Cell` a plain value with no reference
/// counting: a 200x60 frame is 12,000 of them, written several times per render.
public struct Cell: Sendable, Hashable {
  private var s0: UInt32 = 0
  private var s1: UInt32 = 0
  private var s2: UInt32 = 0
  private var s3: UInt32 = 0
  private var s4: UInt32 = 0
  private var count: UInt8 = 0
  /// 1 or 2 for a glyph, 0 for the continuation of a wide glyph.
  public var width: UInt8
  public var style: Style

  /// A cell showing `grapheme` (its first five scalars); "" makes a continuation cell's text.
  public init(grapheme: String, width: UInt8, style: Style) {
    self.width = width
    self.style = style
    for scalar in grapheme.unicodeScalars {
      if !append(scalar.value) { break }
    }
  }

  /// A cell showing one scalar (the fast path for ASCII text).
  init(scalar: UInt32, width: UInt8, style: Style) {
    self.width = width
    self.style = style
    s0 = scalar
    count = 1
  }

  /// A cell showing one grapheme cluster.
  init(character: Character, width: UInt8, style: Style) {
    self.width = width
    self.style = style
    for scalar in character.unicodeScalars {
      if !append(scalar.value) { break }
    }
  }

  private mutating func append(_ value: UInt32) -> Bool {
    switch count {
    case 0: s0 = value
    case 1: s1 = value
    case 2: s2 = value
    case 3: s3 = value
    case 4: s4 = value
    default: return false
    }
    count += 1
    return true
  }

  /// The grapheme as text; "" in a continuation cell.
  public var grapheme: String {
    var text = String.UnicodeScalarView()
    for value in scalarValues {
      if let scalar = Unicode.Scalar(value) { text.append(scalar) }
    }
    return String(text)
  }

  /// The grapheme's scalar values (at most five).
  public var scalarValues: [UInt32] {
    Array([s0, s1, s2, s3, s4].prefix(Int(count)))
  }

  /// Calls `body` with the scalar values without allocating (for back ends).
  public func withScalars<R>(_ body: (UnsafeBufferPointer<UInt32>) -> R) -> R {
    var copy = (s0, s1, s2, s3, s4)
    let n = Int(count)
    return withUnsafePointer(to: &copy) { tuple in
      tuple.withMemoryRebound(to: UInt32.self, capacity: 5) { pointer in
        body(UnsafeBufferPointer(start: pointer, count: n))
      }
    }
  }

  /// A space painted with `style`.
  public static func blank(_ style: Style = .background) -> Cell {
    Cell(scalar: 0x20, width: 1, style: style)
  }

  public var isContinuation: Bool { width == 0 }
}
