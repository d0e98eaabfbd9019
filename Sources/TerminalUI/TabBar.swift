import BrowserModel

/// The four panes as tabs with their number key and row count.
enum TabBar {
  static func draw(_ state: BrowserState, in area: Rect, frame: inout Frame) {
    guard !area.isEmpty else { return }
    frame.fill(area, style: Style(.tab))
    var x = area.x
    for (index, kind) in PaneKind.allCases.enumerated() {
      let pane = state.pane(kind)
      var label = " \(index + 1) \(kind.title)"
      if !pane.rows.isEmpty || pane.lastLoaded != nil {
        label += " " + Formatting.count(pane.visibleCount)
        if pane.visibleCount != pane.rows.count {
          label += "/" + Formatting.count(pane.rows.count)
        }
      }
      label += " "
      let style = Style(kind == state.focusedPane ? .tabActive : .tab)
      x += frame.put(label, x: x, y: area.y, style: style, clip: area)
      x += frame.put(" ", x: x, y: area.y, style: Style(.tab), clip: area)
    }
  }
}
