import BrowserModel

/// The four panes as tabs with their number key and row count. On a narrow terminal the
/// other tabs shrink (no count, then just the number) so the focused one always shows.
enum TabBar {
  static func draw(_ state: BrowserState, in area: Rect, frame: inout Frame) {
    guard !area.isEmpty else { return }
    frame.fill(area, style: Style(.tab))
    var labels: [String] = []
    for detail in [3, 2, 1, 0] {
      labels = PaneKind.allCases.enumerated().map { index, kind in
        label(state, kind, number: index + 1, detail: kind == state.focusedPane ? 3 : detail)
      }
      if labels.reduce(-1, { $0 + DisplayWidth.of($1) + 1 }) <= area.width { break }
    }
    var x = area.x
    for (kind, text) in zip(PaneKind.allCases, labels) {
      let style = Style(kind == state.focusedPane ? .tabActive : .tab)
      x += frame.put(text, x: x, y: area.y, style: style, clip: area)
      x += frame.put(" ", x: x, y: area.y, style: Style(.tab), clip: area)
    }
  }

  /// detail 3: number, title and count; 2: number and title; 1: number and the title's
  /// first four letters; 0: number only.
  static func label(_ state: BrowserState, _ kind: PaneKind, number: Int, detail: Int) -> String {
    guard detail > 0 else { return " \(number) " }
    var text = " \(number) " + (detail == 1 ? String(kind.title.prefix(4)) : kind.title)
    let pane = state.pane(kind)
    if detail > 2 && (!pane.rows.isEmpty || pane.lastLoaded != nil) {
      text += " " + Formatting.count(pane.visibleCount)
      if pane.visibleCount != pane.rows.count {
        text += "/" + Formatting.count(pane.rows.count)
      }
    }
    return text + " "
  }
}
