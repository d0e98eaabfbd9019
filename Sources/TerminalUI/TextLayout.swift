/// Fitting text into columns: truncation with an ellipsis, padding and word wrapping, all
/// measured with `DisplayWidth`.
public enum TextLayout {
  public static let ellipsis: Character = "…"

  /// `text` cut to at most `width` columns, ending in "…" when something was cut.
  public static func truncate(_ text: String, to width: Int) -> String {
    guard width > 0 else { return "" }
    if DisplayWidth.of(text) <= width { return text }
    var result = ""
    var used = 0
    for grapheme in text {
      let w = DisplayWidth.of(grapheme)
      if used + w > width - 1 { break }
      result.append(grapheme)
      used += w
    }
    result.append(ellipsis)
    return result
  }

  /// `text` truncated and then padded with spaces to exactly `width` columns.
  public static func pad(_ text: String, to width: Int, alignRight: Bool = false) -> String {
    let cut = truncate(text, to: width)
    let gap = max(0, width - DisplayWidth.of(cut))
    let spaces = String(repeating: " ", count: gap)
    return alignRight ? spaces + cut : cut + spaces
  }

  /// Word-wraps `text` into lines of at most `width` columns; words longer than a line are
  /// broken. Newlines in `text` start new lines.
  public static func wrap(_ text: String, width: Int) -> [String] {
    guard width > 0 else { return [] }
    var lines: [String] = []
    for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
      var line = ""
      var lineWidth = 0
      for word in paragraph.split(separator: " ", omittingEmptySubsequences: true) {
        var word = String(word)
        var wordWidth = DisplayWidth.of(word)
        if lineWidth > 0 && lineWidth + 1 + wordWidth <= width {
          line += " " + word
          lineWidth += 1 + wordWidth
          continue
        }
        if lineWidth > 0 {
          lines.append(line)
          line = ""
          lineWidth = 0
        }
        while wordWidth > width {
          var head = ""
          var headWidth = 0
          var rest = Substring(word)
          while let g = rest.first, headWidth + DisplayWidth.of(g) <= width {
            head.append(g)
            headWidth += DisplayWidth.of(g)
            rest = rest.dropFirst()
          }
          if head.isEmpty, let g = rest.first {  // a wide glyph wider than the line
            head.append(g)
            rest = rest.dropFirst()
          }
          lines.append(head)
          word = String(rest)
          wordWidth = DisplayWidth.of(word)
        }
        line = word
        lineWidth = wordWidth
      }
      lines.append(line)
    }
    return lines
  }
}
