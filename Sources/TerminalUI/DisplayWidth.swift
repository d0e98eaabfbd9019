/// How many terminal columns text takes, from rackwatch's own East Asian Width table.
///
/// Pinned on purpose rather than asking `wcwidth`: glibc, Swift and tmux disagree on emoji
/// with VS16 or ZWJ (see notes/ncurses-swift6.md), and tests must not depend on the host.
/// Rules: a grapheme is as wide as its first visible scalar; VS16 (U+FE0F) or a regional
/// indicator pair makes it 2; zero-width and bidi-control graphemes take 0 and are dropped.
public enum DisplayWidth {
  /// Columns taken by one grapheme cluster: 0, 1 or 2.
  public static func of(_ grapheme: Character) -> Int {
    var base = -1
    var hasVS16 = false
    for scalar in grapheme.unicodeScalars {
      if scalar.value == 0xFE0F { hasVS16 = true }
      if base < 0 {
        let w = width(of: scalar)
        if w > 0 { base = w }
      }
    }
    if base < 0 { return 0 }
    if hasVS16 { return 2 }
    return base
  }

  /// Columns taken by a whole string.
  public static func of(_ text: String) -> Int {
    if isASCII(text.utf8) { return text.utf8.count }  // one column per byte
    var total = 0
    for grapheme in text { total += of(grapheme) }
    return total
  }

  /// Columns taken by a substring.
  public static func of(_ text: Substring) -> Int {
    if isASCII(text.utf8) { return text.utf8.count }
    var total = 0
    for grapheme in text { total += of(grapheme) }
    return total
  }

  @inline(__always)
  static func isASCII(_ bytes: String.UTF8View) -> Bool {
    bytes.withContiguousStorageIfAvailable { buffer in
      var merged: UInt8 = 0
      for byte in buffer { merged |= byte }
      return merged < 0x80
    } ?? bytes.allSatisfy { $0 < 0x80 }
  }

  @inline(__always)
  static func isASCII(_ bytes: Substring.UTF8View) -> Bool {
    bytes.withContiguousStorageIfAvailable { buffer in
      var merged: UInt8 = 0
      for byte in buffer { merged |= byte }
      return merged < 0x80
    } ?? bytes.allSatisfy { $0 < 0x80 }
  }

  /// Columns taken by one scalar on its own: 0 (combining, zero-width, controls that the
  /// frame replaces anyway count 1), 1 or 2.
  public static func width(of scalar: Unicode.Scalar) -> Int {
    let v = scalar.value
    if v < 0x20 || (v >= 0x7F && v < 0xA0) { return 1 }  // shown as U+FFFD by Frame
    if v < 0x300 { return 1 }
    if isZeroWidth(v) { return 0 }
    if isWide(v) { return 2 }
    return 1
  }

  static func isZeroWidth(_ v: UInt32) -> Bool {
    switch v {
    case 0x0300...0x036F, 0x0483...0x0489, 0x0591...0x05BD, 0x0610...0x061A, 0x064B...0x065F,
      0x0E31, 0x0E34...0x0E3A, 0x0E47...0x0E4E,
      0x1AB0...0x1AFF, 0x1DC0...0x1DFF, 0x200B...0x200F, 0x202A...0x202E, 0x2060...0x206F,
      0x20D0...0x20FF, 0xFE00...0xFE0F, 0xFE20...0xFE2F, 0xFEFF, 0xE0000...0xE0FFF:
      return true
    case 0x1F3FB...0x1F3FF:  // skin-tone modifiers join the emoji before them
      return true
    default:
      return false
    }
  }

  static func isWide(_ v: UInt32) -> Bool {
    switch v {
    case 0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x23E9...0x23EC, 0x23F0, 0x23F3,
      0x25FD...0x25FE, 0x2614...0x2615, 0x2648...0x2653, 0x267F, 0x2693, 0x26A1,
      0x26AA...0x26AB, 0x26BD...0x26BE, 0x26C4...0x26C5, 0x26CE, 0x26D4, 0x26EA,
      0x26F2...0x26F3, 0x26F5, 0x26FA, 0x26FD, 0x2705, 0x270A...0x270B, 0x2728, 0x274C,
      0x274E, 0x2753...0x2755, 0x2757, 0x2795...0x2797, 0x27B0, 0x27BF, 0x2B1B...0x2B1C,
      0x2B50, 0x2B55,
      0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
      0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F,
      0xFF00...0xFF60, 0xFFE0...0xFFE6,
      0x16FE0...0x16FE4, 0x17000...0x18AFF, 0x1B000...0x1B2FF,
      0x1F004, 0x1F0CF, 0x1F18E, 0x1F191...0x1F19A, 0x1F1E6...0x1F1FF, 0x1F200...0x1F202,
      0x1F210...0x1F23B, 0x1F240...0x1F248, 0x1F250...0x1F251, 0x1F260...0x1F265,
      0x1F300...0x1F64F, 0x1F680...0x1F6FF, 0x1F7E0...0x1F7EB, 0x1F90C...0x1F9FF,
      0x1FA70...0x1FAFF, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
      return true
    default:
      return false
    }
  }

  /// True for a grapheme the frame must never emit as is: C0/C1 controls and DEL.
  public static func isControl(_ grapheme: Character) -> Bool {
    grapheme.unicodeScalars.contains { v in
      v.value < 0x20 || (v.value >= 0x7F && v.value < 0xA0)
    }
  }
}
