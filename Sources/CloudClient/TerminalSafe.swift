/// Makes strings from the network inert wherever they are printed: the UI, table and CSV
/// output, error lines on stderr, the log. JSON output escapes the same characters
/// (`isUnsafe`), so one rule decides what a hostile cloud cannot send to a terminal.
///
/// Nothing is dropped silently: each dangerous character becomes a visible placeholder so an
/// operator sees that something odd was sent. Long strings are kept (truncation is the
/// caller's job; the decoders cap strings at `WireText.maxStringBytes`).
public enum TerminalSafe {
  /// Placeholder for characters with no picture of their own (C1, bidi, zero-width).
  public static let placeholder: Character = "\u{FFFD}"

  /// Returns `string` with control characters, escape sequences, `\r`, `\n`, DEL, bidi
  /// overrides/isolates and zero-width characters replaced by visible placeholders
  /// (ESC becomes `␛`, other C0 controls their Control Pictures, DEL `␡`).
  public static func sanitize(_ string: String) -> String {
    sanitize(string, keepingLineBreaks: false)
  }

  /// `sanitize`, but `keepingLineBreaks` keeps `\n` and `\t` as they are, for output whose
  /// format carries them safely (a quoted CSV field); everything else is still replaced.
  public static func sanitize(_ string: String, keepingLineBreaks: Bool) -> String {
    if isPlainASCII(string) { return string }
    var out = String.UnicodeScalarView()
    for scalar in string.unicodeScalars {
      if keepingLineBreaks, scalar == "\n" || scalar == "\t" {
        out.append(scalar)
      } else if let replacement = replacement(for: scalar) {
        out.append(replacement)
      } else {
        out.append(scalar)
      }
    }
    return String(out)
  }

  /// Removes (rather than shows) control and bidi characters: for text the operator types or
  /// pastes into a field.
  public static func stripControls(_ string: String) -> String {
    if isPlainASCII(string) { return string }
    var out = String.UnicodeScalarView()
    for scalar in string.unicodeScalars where replacement(for: scalar) == nil {
      out.append(scalar)
    }
    return String(out)
  }

  /// True for a character a terminal would act on rather than show (or that reorders or
  /// hides text): what `sanitize` replaces and JSON output escapes.
  public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
    replacement(for: scalar) != nil
  }

  /// Fast path: printable ASCII needs nothing (almost every real name).
  static func isPlainASCII(_ string: String) -> Bool {
    let fast = string.utf8.withContiguousStorageIfAvailable { bytes in
      for byte in bytes where byte < 0x20 || byte >= 0x7F { return false }
      return true
    }
    return fast ?? string.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F }
  }

  static func replacement(for scalar: Unicode.Scalar) -> Unicode.Scalar? {
    let v = scalar.value
    switch v {
    case 0x20..<0x7F: return nil
    case 0x1B: return "\u{241B}"  // ␛
    case 0x00...0x1F: return Unicode.Scalar(0x2400 + v)  // ␀ … ␟ (incl. ␍ for \r, ␊ for \n)
    case 0x7F: return "\u{2421}"  // ␡
    case 0x80...0x9F: return "\u{FFFD}"  // C1 controls, incl. CSI 0x9B and OSC 0x9D
    case 0x202A...0x202E, 0x2066...0x2069: return "\u{FFFD}"  // bidi embeddings/overrides/isolates
    case 0x200E, 0x200F, 0x061C: return "\u{FFFD}"  // directional marks
    case 0x200B, 0x2060...0x2064, 0xFEFF, 0x180E: return "\u{FFFD}"  // zero-width tricks
    case 0x2028, 0x2029: return "\u{FFFD}"  // line/paragraph separators break lines
    case 0xFFF9...0xFFFB: return "\u{FFFD}"  // interlinear annotation controls
    default: return nil
    }
  }
}
