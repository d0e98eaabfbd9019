/// Fitting text into columns: truncation with an ellipsis, padding and word wrapping, all
/// measured with `DisplayWidth`.
public enum TextLayout {
  public static let ellipsis: Character = "…"

  /// `text` cut to at most `width` columns, ending in "…" when something was cut. Reads
  /// only as far as the cut: a 64 KB name costs what a short one does.
  public static func truncate(_ text: String, to width: Int) -> String {
    guard width > 0 else { return "" }
    var used = 0
    var keep = text.startIndex  // end of the longest prefix that fits in width - 1
    var index = text.startIndex
    while index < text.endIndex {
      let w = DisplayWidth.of(text[index])
      if used + w > width { return String(text[..<keep]) + String(ellipsis) }
      used += w
      index = text.index(after: index)
      if used <= width - 1 { keep = index }
    }
    return text
  }

  /// `text` truncated and then padded with spaces to exactly `width` columns.
  public static func pad(_ text: String, to width: Int, alignRight: Bool = false) -> String {
    let cut = truncate(text, to: width)
    let gap = max(0, width - DisplayWidth.of(cut))
    let spaces = String(repeating: " ", count: gap)
    return alignRight ? spaces + cut : cut + spaces
  }

  /// Word-wraps `text` into lines of at most `width` columns; words longer than a line are
  /// broken. Newlines in `text` start new lines. Stops after `maxLines` lines, so the work
  /// is linear in what is drawn, never in the length of the text (a long word used to be
  /// copied once per line it filled: quadratic).
  public static func wrap(_ text: String, width: Int, maxLines: Int = .max) -> [String] {
    guard width > 0, maxLines > 0 else { return [] }
    var lines: [String] = []
    var line = ""
    var lineWidth = 0
    var word = ""
    var wordWidth = 0
    func endLine() {
      lines.append(line)
      line = ""
      lineWidth = 0
    }
    func placeWord() {
      guard !word.isEmpty else { return }
      if lineWidth > 0 && lineWidth + 1 + wordWidth <= width {
        line += " " + word
        lineWidth += 1 + wordWidth
      } else {
        if lineWidth > 0 { endLine() }
        line = word
        lineWidth = wordWidth
      }
      word = ""
      wordWidth = 0
    }
    for grapheme in text {
      if lines.count >= maxLines { return Array(lines.prefix(maxLines)) }
      if grapheme == "\n" {
        placeWord()
        endLine()
        continue
      }
      if grapheme == " " {
        placeWord()
        continue
      }
      let w = DisplayWidth.of(grapheme)
      if wordWidth + w > width {
        // The word is longer than a line: it starts on a line of its own and is broken.
        if lineWidth > 0 { endLine() }
        if word.isEmpty {  // a wide glyph wider than the line
          lines.append(String(grapheme))
          continue
        }
        lines.append(word)
        word = ""
        wordWidth = 0
      }
      word.append(grapheme)
      wordWidth += w
    }
    if lines.count < maxLines {
      placeWord()
      endLine()
    }
    return Array(lines.prefix(maxLines))
  }
}
