import BrowserModel
import Foundation

/// Draws the whole screen for a state. Pure: the same state, size and theme always give the
/// same frame; only rows that fit on screen are looked at.
public func render(_ state: BrowserState, size: (cols: Int, rows: Int), theme: Theme) -> Frame {
  Renderer.render(state, cols: size.cols, rows: size.rows, theme: theme)
}

/// The screen composition behind `render(_:size:theme:)`.
public enum Renderer {
  public static func render(_ state: BrowserState, cols: Int, rows: Int, theme: Theme) -> Frame {
    var frame = Frame(width: cols, height: rows, fill: .background)
    let layout = ScreenLayout(cols: cols, rows: rows, detailOpen: state.detailOpen)
    if layout.tooSmall {
      drawTooSmall(cols: cols, rows: rows, frame: &frame)
      return frame
    }
    let pane = state.focused
    // Computed once: it is a linear search in the model, and the table, the detail and the
    // header all need it.
    let selectedPosition = pane.selectedPosition
    let spinner = Spinner.frame(at: state.now)
    let moving = motionOnScreen(state, pane, layout: layout, selected: selectedPosition)
    HeaderBar.draw(
      HeaderBar.Model(state, spinner: moving ? spinner : nil), in: layout.header, frame: &frame)
    TabBar.draw(TabBar.Model(state), in: layout.tabs, frame: &frame)
    if let events = state.watch.eventsView {
      // The events view takes the whole body, list and detail.
      let body = Rect(
        x: 0, y: layout.tabs.maxY, width: cols, height: max(0, layout.prompt.y - layout.tabs.maxY))
      EventsTable.draw(state, view: events, in: body, frame: &frame)
    } else if state.protection.isOpen {
      // A derived view, drawn over the list and detail areas.
      var area = layout.list
      if let detail = layout.detail, detail.y == area.y {
        area = Rect(x: area.x, y: area.y, width: detail.maxX - area.x, height: area.height)
      } else if let detail = layout.detail {
        area = Rect(x: area.x, y: area.y, width: area.width, height: detail.maxY - area.y)
      }
      ProtectionScreen.draw(state, in: area, frame: &frame)
    } else {
      drawList(
        state, in: layout.list, frame: &frame, spinner: spinner,
        focused: !(state.detailOpen && layout.detail != nil), selected: selectedPosition)
      if let detail = layout.detail {
        let row = selectedPosition.flatMap { pane.visibleRow(at: $0) }
        drawDetail(state, row: row, in: detail, frame: &frame, spinner: spinner)
      }
      if let digest = state.watch.digest, digest.visible, !digest.isEmpty,
        layout.list.height >= 6
      {
        let area = Rect(
          x: layout.list.x + 1, y: layout.list.y + 2, width: layout.list.width - 2,
          height: layout.list.height - 3)
        DigestPanel.draw(digest, now: state.now, in: area, frame: &frame)
      }
    }
    PromptLine.draw(PromptLine.Model(state), in: layout.prompt, frame: &frame)
    FooterBar.draw(FooterBar.Model(state), in: layout.footer, frame: &frame)
    let overlayArea = Rect(x: 0, y: 1, width: cols, height: rows - 2)
    if state.helpVisible { HelpOverlay.draw(state, in: overlayArea, frame: &frame) }
    if let dialog = state.dialog {
      if state.inputMode == .normal { frame.cursor = nil }
      DialogView.draw(dialog, in: overlayArea, frame: &frame)
    }
    if state.dialog == nil && state.inputMode == .normal { frame.cursor = nil }
    return frame
  }

  /// True when the spinner should turn: a list is loading, or a row on screen (or the
  /// selected one) is moving. Deliberately not `state.anythingInMotion`, which scans every
  /// row of every pane (100,000 rows cost more than the whole frame budget); the model
  /// decides how often time advances, this only decides whether the header shows it.
  static func motionOnScreen(
    _ state: BrowserState, _ pane: PaneState, layout: ScreenLayout, selected: Int?
  ) -> Bool {
    if PaneKind.allCases.contains(where: { state.pane($0).isLoading }) { return true }
    let height = layout.list.height > 3 ? layout.listRows : 0
    let first = TableView.firstRow(pane, height: height, selected: selected)
    for position in first..<(first + max(height, 1)) {
      guard let row = pane.visibleRow(at: position) else { break }
      if row.isInMotion { return true }
    }
    if let selected, let row = pane.visibleRow(at: selected), row.isInMotion { return true }
    return false
  }

  static func drawList(
    _ state: BrowserState, in area: Rect, frame: inout Frame, spinner: Character?, focused: Bool,
    selected: Int?
  ) {
    guard area.height >= 3, area.width >= 4 else { return }
    let pane = state.focused
    var title = pane.kind.title + " · " + state.region.title
    if let total = pane.sizeTotal, pane.visibleCount > 0 {
      title += " · " + Formatting.totalSize(total)
    }
    if !pane.filter.text.isEmpty { title += " · /" + pane.filter.text }
    if !pane.marked.isEmpty { title += " · \(pane.marked.count) marked" }
    let inner = Box.draw(
      area, in: &frame, border: Style(focused ? .borderFocus : .border), fill: .background,
      title: title, titleStyle: Style(.title))
    let columns = state.columnSpecs(for: pane.kind)
    let context = CellContext(state, spinner: spinner)
    if pane.visibleCount == 0 {
      TableView.draw(
        pane, columns: columns, in: Rect(x: inner.x, y: inner.y, width: inner.width, height: 1),
        frame: &frame, focused: focused, context: context, selected: selected)
      emptyMessage(pane, state: state, in: inner, frame: &frame, spinner: spinner)
      return
    }
    TableView.draw(
      pane, columns: columns, in: inner, frame: &frame, focused: focused, context: context,
      selected: selected)
  }

  /// What an empty list says: loading, the errors by region, no match, or nothing there.
  static func emptyMessage(
    _ pane: PaneState, state: BrowserState, in inner: Rect, frame: inout Frame,
    spinner: Character?
  ) {
    var lines: [(String, StyleRole)] = []
    if pane.isLoading {
      lines.append(
        ((spinner.map { "\($0) " } ?? "") + "Loading \(pane.kind.title.lowercased())…", .muted))
    }
    for (region, error) in pane.regionErrors.sorted(by: { $0.key < $1.key }) {
      lines.append(("\(region): \(error)", .statusError))
    }
    if lines.isEmpty {
      if !pane.filter.text.isEmpty {
        lines.append(("No \(pane.kind.title.lowercased()) match “\(pane.filter.text)”.", .muted))
      } else {
        lines.append(("No \(pane.kind.title.lowercased()) in \(state.region.title).", .muted))
      }
    }
    var y = inner.y + 2
    for (text, role) in lines {
      for line in TextLayout.wrap(text, width: max(1, inner.width - 2)) where y < inner.maxY {
        frame.put(line, x: inner.x + 1, y: y, style: Style(role), clip: inner)
        y += 1
      }
    }
  }

  static func drawDetail(
    _ state: BrowserState, row: Row?, in area: Rect, frame: inout Frame, spinner: Character?
  ) {
    guard area.height >= 3, area.width >= 10 else { return }
    let title =
      row.map { "Detail · " + ($0.name.isEmpty ? $0.id.id : $0.name) }
      ?? "Detail"
    let inner = Box.draw(
      area, in: &frame, border: Style(state.detailOpen ? .borderFocus : .border),
      fill: .background, title: title, titleStyle: Style(.title))
    DetailView.draw(row, state: state, in: inner, frame: &frame, spinner: spinner)
  }

  /// How many lines the open detail view has and shows on a `cols`×`rows` screen (the model
  /// stops scrolling at the last line); nil when no detail is on screen.
  public static func detailExtent(_ state: BrowserState, cols: Int, rows: Int) -> ScrollExtent? {
    let layout = ScreenLayout(cols: cols, rows: rows, detailOpen: state.detailOpen)
    guard state.detailOpen, !layout.tooSmall, let area = layout.detail, area.height >= 3,
      area.width >= 10, let row = state.focused.selectedRow
    else { return nil }
    let inner = Rect(x: area.x + 1, y: area.y + 1, width: area.width - 2, height: area.height - 2)
    let lines = DetailView.lines(row, state: state, spinner: nil, width: inner.width)
    return ScrollExtent(lines: lines.count, visible: inner.height)
  }

  /// How many entries the help has and shows on a `cols`×`rows` screen; nil when it is not
  /// on screen.
  public static func helpExtent(_ state: BrowserState, cols: Int, rows: Int) -> ScrollExtent? {
    guard state.helpVisible, !ScreenLayout(cols: cols, rows: rows, detailOpen: false).tooSmall
    else { return nil }
    return HelpOverlay.extent(in: Rect(x: 0, y: 1, width: cols, height: rows - 2))
  }

  /// The calm "enlarge the terminal" screen; fits whatever it can, even in 1x1.
  static func drawTooSmall(cols: Int, rows: Int, frame: inout Frame) {
    guard cols > 0, rows > 0 else { return }
    let text =
      "Terminal too small (\(cols)×\(rows)). Please enlarge it to at least \(ScreenLayout.minimumColumns)×\(ScreenLayout.minimumRows). q quits."
    let lines = TextLayout.wrap(text, width: cols)
    let top = max(0, (rows - lines.count) / 2)
    for (index, line) in lines.enumerated() where top + index < rows {
      let x = max(0, (cols - DisplayWidth.of(line)) / 2)
      frame.put(line, x: x, y: top + index, style: Style(.muted))
    }
  }
}
