import BrowserModel

/// Draws a single-line text field, scrolled so its cursor is visible, and (when focused)
/// places the frame's cursor there.
enum TextInput {
  static func draw(
    _ field: TextField, in area: Rect, frame: inout Frame, style: Style, focused: Bool
  ) {
    guard !area.isEmpty else { return }
    frame.fill(area, style: style)
    let characters = Array(field.text)
    let cursor = min(max(field.cursor, 0), characters.count)
    // Start far enough right that the text before the cursor fits.
    var start = 0
    var widthBefore = characters[0..<cursor].reduce(0) { $0 + DisplayWidth.of($1) }
    while widthBefore > area.width - 1, start < cursor {
      widthBefore -= DisplayWidth.of(characters[start])
      start += 1
    }
    let visible = String(characters[start...])
    frame.put(visible, x: area.x, y: area.y, style: style, clip: area)
    if focused {
      frame.cursor = (min(area.maxX - 1, area.x + widthBefore), area.y)
    }
  }
}
