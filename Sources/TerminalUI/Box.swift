/// Drawing of framed areas: a border with a title, used by panes, help and dialogs.
enum Box {
  /// Draws a border around `rect` (fills the inside with `fill`) and a title in the top
  /// edge. Returns the inner area. Rectangles under 2x2 just get filled.
  @discardableResult
  static func draw(
    _ rect: Rect, in frame: inout Frame, border: Style, fill: Style, title: String? = nil,
    titleStyle: Style? = nil
  ) -> Rect {
    frame.fill(rect, style: fill)
    guard rect.width >= 2, rect.height >= 2 else { return .zero }
    let horizontal = String(repeating: "─", count: rect.width - 2)
    frame.put("┌" + horizontal + "┐", x: rect.x, y: rect.y, style: border)
    frame.put("└" + horizontal + "┘", x: rect.x, y: rect.maxY - 1, style: border)
    for y in (rect.y + 1)..<(rect.maxY - 1) {
      frame.put("│", x: rect.x, y: y, style: border)
      frame.put("│", x: rect.maxX - 1, y: y, style: border)
    }
    if let title, !title.isEmpty, rect.width > 4 {
      let text = " " + TextLayout.truncate(title, to: rect.width - 6) + " "
      frame.put(text, x: rect.x + 2, y: rect.y, style: titleStyle ?? border)
    }
    return rect.inset(1)
  }
}
