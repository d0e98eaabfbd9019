import BrowserModel
import Foundation

/// The list of a pane: header row with the sort marker, then the visible rows with a
/// one-column gutter for marks (selection ▶, change •, pending ⋯). Touches only the rows
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
      frame.put(gutter(row, selected: isSelected), x: area.x, y: y, style: rowStyle, clip: area)
      var cx = area.x + 1
      let cells = texts[offset]
      for (spec, width) in layout.columns {
        guard let index = all.firstIndex(where: { $0.column == spec.column }) else { continue }
        let (text, role) = cells[index]
        var style = rowStyle
        if !isSelected, let role, rowStyle.role != .highlightChange || spec.column == .status {
          style = Style(role)
        }
        let shown = TextLayout.pad(text, to: width, alignRight: spec.alignment == .right)
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

  static func gutter(_ row: Row, selected: Bool) -> String {
    if let pending = row.pending {
      switch pending {
      case .creating: return "+"
      case .deleting: return "✕"
      case .renaming: return "✎"
      }
    }
    if row.change != nil { return "•" }
    return selected ? "▶" : " "
  }

  /// Column widths: each as wide as its header and content (capped); columns dropped by
  /// priority until the rest fit, never the name column or `keep`; the name column absorbs what
  /// is left over or missing.
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
    // A column empty on every row on screen goes first: its header alone says nothing.
    let empty = columns.indices.map { index in texts.allSatisfy { $0[index].0.isEmpty } }
    func priority(_ index: Int) -> Int {
      empty[index] && !texts.isEmpty ? 0 : specs[index].priority
    }
    var kept = Array(columns.indices)
    func total() -> Int { kept.reduce(0) { $0 + natural[$1] } + max(0, kept.count - 1) }
    let nameMinimum = 8
    while total() > width, kept.count > 1 {
      // Would shrinking the name column alone make it fit?
      if let nameIndex = kept.first(where: { columns[$0] == .name }) {
        let excess = total() - width
        if natural[nameIndex] - excess >= nameMinimum {
          natural[nameIndex] -= excess
          break
        }
      }
      guard
        let drop = kept.filter({ columns[$0] != .name && columns[$0] != keep }).min(by: {
          priority($0) < priority($1)
        })
      else { break }
      kept.removeAll { $0 == drop }
    }
    if total() > width, let last = kept.last {
      natural[last] = max(1, natural[last] - (total() - width))
    }
    if total() < width, let nameIndex = kept.first(where: { columns[$0] == .name }) {
      natural[nameIndex] = max(
        natural[nameIndex], min(specs[nameIndex].width, natural[nameIndex] + width - total()))
    }
    return Layout(columns: kept.map { (specs[$0], natural[$0]) })
  }
}
