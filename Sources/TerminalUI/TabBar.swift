import BrowserModel

/// The four panes as tabs with their number key and row count. On a narrow terminal the
/// other tabs shrink (no count, then just the number) so the focused one always shows.
enum TabBar {
  /// One tab: its pane, and the counts it shows once the pane has loaded.
  struct Tab {
    var kind: PaneKind
    var visible: Int
    var total: Int
    var loaded: Bool
  }

  /// What the tab bar shows, and nothing else of the state.
  struct Model {
    var tabs: [Tab]
    var focused: PaneKind
    /// The Protection view: its tab follows the four panes (5), with its problem count.
    var protectionOpen = false
    var protectionProblems: Int?

    init(_ state: BrowserState) {
      tabs = PaneKind.allCases.map { kind in
        let pane = state.pane(kind)
        return Tab(
          kind: kind, visible: pane.visibleCount, total: pane.rows.count,
          loaded: !pane.rows.isEmpty || pane.lastLoaded != nil)
      }
      focused = state.focusedPane
      protectionOpen = state.protection.isOpen
      protectionProblems = state.protection.computedAt == nil ? nil : state.protection.problemCount
    }
  }

  static func draw(_ state: Model, in area: Rect, frame: inout Frame) {
    guard !area.isEmpty else { return }
    frame.fill(area, style: Style(.tab))
    var labels: [String] = []
    for detail in [3, 2, 1, 0] {
      labels = state.tabs.enumerated().map { index, tab in
        label(
          tab, number: index + 1,
          detail: tab.kind == state.focused && !state.protectionOpen ? 3 : detail)
      }
      // While it is closed, the Protection tab only takes room the four panes leave.
      if state.protectionOpen {
        labels.append(protectionLabel(state, number: state.tabs.count + 1, detail: 3))
      }
      if labels.reduce(-1, { $0 + DisplayWidth.of($1) + 1 }) <= area.width { break }
    }
    if !state.protectionOpen {
      let used = labels.reduce(-1, { $0 + DisplayWidth.of($1) + 1 })
      for detail in [3, 2, 1, 0] {
        let extra = protectionLabel(state, number: state.tabs.count + 1, detail: detail)
        if used + 1 + DisplayWidth.of(extra) <= area.width {
          labels.append(extra)
          break
        }
      }
    }
    var x = area.x
    for (tab, text) in zip(state.tabs, labels) {
      let style = Style(tab.kind == state.focused && !state.protectionOpen ? .tabActive : .tab)
      x += frame.put(text, x: x, y: area.y, style: style, clip: area)
      x += frame.put(" ", x: x, y: area.y, style: Style(.tab), clip: area)
    }
    if let last = labels.last, labels.count > state.tabs.count {
      let style = Style(state.protectionOpen ? .tabActive : .tab)
      frame.put(last, x: x, y: area.y, style: style, clip: area)
    }
  }

  /// detail 3: number, title and count; 2: number and title; 1: number and the title's
  /// first four letters; 0: number only.
  static func label(_ tab: Tab, number: Int, detail: Int) -> String {
    guard detail > 0 else { return " \(number) " }
    var text = " \(number) " + (detail == 1 ? String(tab.kind.title.prefix(4)) : tab.kind.title)
    if detail > 2 && tab.loaded {
      text += " " + Formatting.count(tab.visible)
      if tab.visible != tab.total { text += "/" + Formatting.count(tab.total) }
    }
    return text + " "
  }

  /// The Protection tab: like a pane's, its count is the rows that are not protected.
  static func protectionLabel(_ state: Model, number: Int, detail: Int) -> String {
    guard detail > 0 else { return " \(number) " }
    var text = " \(number) " + (detail == 1 ? "Prot" : "Protection")
    if detail > 2, let problems = state.protectionProblems {
      text += " " + Formatting.count(problems)
    }
    return text + " "
  }
}
