import BrowserModel
import Foundation

/// The list of a pane: header row with the sort marker, then the visible rows with a
/// one-column gutter for marks (selection ▶, change •, pending + ✕ ✎, marked ✓). Touches only the rows
/// that fit, so a 100,000-row pane costs the same as a 30-row one.
enum TableView {
  struct Layout {
    var columns: [(spec: ColumnSpec, width: Int)]
  }

  static func draw(
    _ pane: PaneState, columns all: [ColumnSpec], in area: Rect, frame: inout Frame,
    focused: Bool, context: CellContext, selected: Int?
  ) {
    guard area.width >= 4, area.height >= 1 else { return }
    let bodyHeight = area.height - 1
    let first = firstRow(pane, height: bodyHeight, selected: selected)
    let rows = (0..<max(0, bodyHeight)).compactMap { pane.visibleRow(at: first + $0) }
    let texts = rows.map { row in
      all.map { ColumnText.text($0, row, context) }
    }
    // A column the operator chose to sort by stays on screen (so `s` always shows where it
    // went); the pane's default sort column may give way like any other.
    let chosen = pane.sort.column == pane.kind.defaultSort.column ? nil : pane.sort.column
    let layout = fit(
      all, texts: texts, sort: pane.sort, keep: chosen, width: area.width - 1, context: context)

    // Header
    var x = area.x + 1
    frame.fill(
      Rect(x: area.x, y: area.y, width: area.width, height: 1), style: Style(.columnHeader))
    for (spec, width) in layout.columns {
      var title = spec.title(context)
      if pane.sort.column == spec.column { title += pane.sort.ascending ? "▲" : "▼" }
      let text = TextLayout.pad(title, to: width, alignRight: spec.alignment == .right)
      frame.put(text, x: x, y: area.y, style: Style(.columnHeader), clip: area)
      x += width + 1
    }

    let selected = pane.selectedID
    for (offset, row) in rows.enumerated() {
      let y = area.y + 1 + offset
      let isSelected = row.id == selected
      var rowStyle = Style(.text)
      if let change = row.change {
        rowStyle = change.kind == .gone ? Style(.muted) : Style(.highlightChange)
      }
      if isSelected { rowStyle = Style(focused ? .selection : .selectionUnfocused) }
      frame.fill(Rect(x: area.x, y: y, width: area.width, height: 1), style: rowStyle)
      let marked = pane.isMarked(row.id)
      let mark = gutter(row, selected: isSelected, marked: marked, watch: context.watchMark(row.id))
      frame.put(
        mark, x: area.x, y: y, style: marked && !isSelected ? Style(.key) : rowStyle, clip: area)
      var cx = area.x + 1
      let cells = texts[offset]
      for (spec, width) in layout.columns {
        guard let index = all.firstIndex(where: { $0.column == spec.column }) else { continue }
        let (text, role) = cells[index]
        var style = rowStyle
        if !isSelected, let role, rowStyle.role != .highlightChange || spec.column == .status {
          style = Style(role)
        }
        // An ID too wide for its column shows its first characters, without an ellipsis:
        // they are what an operator matches against the detail view or a log.
        let cut =
          spec.isIdentifier && DisplayWidth.of(text) > width ? String(text.prefix(width)) : text
        let shown = TextLayout.pad(cut, to: width, alignRight: spec.alignment == .right)
        frame.put(shown, x: cx, y: y, style: style, clip: area)
        cx += width + 1
      }
    }
  }

  /// The first visible position to draw so the selection is on screen, starting from the
  /// model's scroll offset.
  static func firstRow(_ pane: PaneState, height: Int, selected: Int?) -> Int {
    guard height > 0, pane.visibleCount > 0 else { return 0 }
    var first = min(max(0, pane.scrollOffset), max(0, pane.visibleCount - height))
    if let position = selected {
      if position < first { first = position }
      if position >= first + height { first = position - height + 1 }
    }
    return max(0, first)
  }

  static func gutter(
    _ row: Row, selected: Bool, marked: Bool = false, watch: Character? = nil
  ) -> String {
    if let pending = row.pending {
      switch pending {
      case .creating: return "+"
      case .deleting: return "✕"
      case .renaming: return "✎"
      }
    }
    if marked { return "✓" }
    if row.change != nil { return "•" }
    if let watch, !selected { return String(watch) }
    return selected ? "▶" : " "
  }

  /// Column widths, serving the name first: each column as wide as its header and content
  /// (capped). When that is too wide, columns empty on every row go, then IDs show their
  /// first `shortID` characters, then columns are dropped by priority (never the name or
  /// `keep`) until the rest fit, the name giving up width only down to `comfortableName`
  /// until nothing below the status is left. Room left over makes IDs whole again (when the
  /// whole ID fits), then widens the name.
  static func fit(
    _ specs: [ColumnSpec], texts: [[(String, StyleRole?)]], sort: BrowserModel.SortOrder,
    keep: Column? = nil, width: Int, context: CellContext
  ) -> Layout {
    let columns = specs.map(\.column)
    var natural: [Int] = specs.enumerated().map { index, spec in
      var w = DisplayWidth.of(spec.title(context)) + (sort.column == spec.column ? 1 : 0)
      for row in texts { w = max(w, DisplayWidth.of(row[index].0)) }
      return min(w, spec.width)
    }
    let whole = natural
    // A column empty on every row on screen goes first: its header alone says nothing.
    let empty = columns.indices.map { index in texts.allSatisfy { $0[index].0.isEmpty } }
    func priority(_ index: Int) -> Int {
      empty[index] && !texts.isEmpty ? 0 : specs[index].priority
    }
    var kept = Array(columns.indices)
    func total() -> Int { kept.reduce(0) { $0 + natural[$1] } + max(0, kept.count - 1) }
    let nameIndex = kept.first { columns[$0] == .name }
    func droppable() -> Int? {
      kept.filter { columns[$0] != .name && columns[$0] != keep }.min {
        priority($0) < priority($1)
      }
    }
    while total() > width, let drop = droppable(), priority(drop) == 0 {
      kept.removeAll { $0 == drop }
    }
    if total() > width {
      for index in kept where specs[index].isIdentifier {
        let title = DisplayWidth.of(specs[index].title(context))
        natural[index] = min(natural[index], max(shortID, title))
      }
    }
    // Columns below the dates an operator scans go before the name gives up width; then the
    // name gives up what it has beyond a comfortable width before those columns go, and all
    // but the status go before it gives up more.
    while total() > width, let drop = droppable(), priority(drop) < Self.scannedPriority {
      kept.removeAll { $0 == drop }
    }
    if total() > width, let nameIndex {
      natural[nameIndex] = max(
        min(natural[nameIndex], Self.comfortableName), natural[nameIndex] - (total() - width))
    }
    let statusPriority = ColumnSpec.status.priority
    while total() > width, let drop = droppable(), priority(drop) < statusPriority {
      kept.removeAll { $0 == drop }
    }
    let nameMinimum = 8
    if total() > width, let nameIndex {
      natural[nameIndex] = max(nameMinimum, natural[nameIndex] - (total() - width))
    }
    while total() > width, kept.count > 1, let drop = droppable() {
      kept.removeAll { $0 == drop }
    }
    if total() > width, let last = kept.last {
      natural[last] = max(1, natural[last] - (total() - width))
    }
    for index in kept where natural[index] < whole[index] && specs[index].isIdentifier {
      if total() + whole[index] - natural[index] <= width { natural[index] = whole[index] }
    }
    if total() < width, let nameIndex, kept.contains(nameIndex) {
      natural[nameIndex] = max(
        natural[nameIndex], min(specs[nameIndex].width, natural[nameIndex] + width - total()))
    }
    return Layout(columns: kept.map { (specs[$0], natural[$0]) })
  }

  /// How many characters of an ID show when space is tight (the detail view, the filter and
  /// `y` keep the whole ID).
  static let shortID = 8
  /// A name this wide still reads (`analytics-db-nightly-2026…`).
  static let comfortableName = 24
  /// Columns from this priority on (CREATED, SIZE, REGION, PROGRESS) stay while the name has
  /// more than `comfortableName` to give.
  static let scannedPriority = 50
}
