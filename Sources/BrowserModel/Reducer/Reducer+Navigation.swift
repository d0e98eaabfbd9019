/// Moving around: selection, panes, sort, help, copy.
extension Reducer {
  static func moveSelection(_ state: inout BrowserState, by delta: Int) -> [Effect] {
    let current = state.focused.selectedPosition ?? (delta >= 0 ? -1 : 0)
    let target = current.addingReportingOverflow(delta)
    return moveSelection(
      &state, to: target.overflow ? (delta > 0 ? Int.max : 0) : target.partialValue)
  }

  static func moveSelection(_ state: inout BrowserState, to position: Int) -> [Effect] {
    let height = state.viewportRows
    state.withPane(state.focusedPane) { pane in
      pane.select(position: position)
      pane.keepSelectionOnScreen(height: height)
    }
    return []
  }

  /// Page Up/Down: the selection and the top row both move one screenful, so the rows after
  /// the last one on screen come into view with none skipped or repeated (clamped at the ends).
  static func page(_ state: inout BrowserState, by delta: Int) -> [Effect] {
    let height = state.viewportRows
    state.withPane(state.focusedPane) { pane in
      guard let current = pane.selectedPosition else {
        pane.select(position: 0)
        pane.keepSelectionOnScreen(height: height)
        return
      }
      let top = min(max(0, pane.scrollOffset), max(0, pane.visibleCount - height))
      pane.select(position: current + delta)
      pane.scrollOffset = max(0, top + delta)
      pane.keepSelectionOnScreen(height: height)
    }
    return []
  }

  static func focusPane(_ state: inout BrowserState, _ kind: PaneKind) -> [Effect] {
    state.focusedPane = kind
    state.detailOpen = false
    return loadIfNeverLoaded(&state, kind)
  }

  static func cyclePane(_ state: inout BrowserState, by step: Int) -> [Effect] {
    let all = PaneKind.allCases
    guard let index = all.firstIndex(of: state.focusedPane) else { return [] }
    let next = all[(index + step + all.count) % all.count]
    return focusPane(&state, next)
  }

  /// Esc closes the top-most thing.
  static func back(_ state: inout BrowserState) -> [Effect] {
    if state.helpVisible {
      state.helpVisible = false
    } else if state.dialog != nil {
      state.dialog = nil
    } else if state.inputMode == .filter {
      return filterAction(&state, .cancelFilter)
    } else if state.inputMode == .command {
      return commandAction(&state, .cancelCommand)
    } else if state.detailOpen {
      state.detailOpen = false
    } else if !state.focused.filter.text.isEmpty {
      state.withPane(state.focusedPane) { pane in
        pane.filter = TextField()
        pane.relatedIDs = [:]
        pane.refilter()
      }
    } else if !state.focused.marked.isEmpty {
      return clearMarks(&state)
    }
    return []
  }

  static func sortNextColumn(_ state: inout BrowserState) -> [Effect] {
    let columns = state.columns(for: state.focusedPane)
    guard !columns.isEmpty else { return [] }
    let current = state.focused.sort.column
    let next = columns[((columns.firstIndex(of: current) ?? -1) + 1) % columns.count]
    return sortBy(&state, next)
  }

  static func sortBy(_ state: inout BrowserState, _ column: Column) -> [Effect] {
    state.withPane(state.focusedPane) { pane in
      guard pane.kind.columns.contains(column) else { return }
      pane.setSort(SortOrder(column: column, ascending: true))
    }
    return []
  }

  static func copySelectedID(_ state: inout BrowserState) -> [Effect] {
    guard let row = state.focused.selectedRow else {
      post(&state, .info, "Nothing selected to copy")
      return [.bell]
    }
    post(&state, .info, "Copied ID \(row.id.id)")
    return [.copyToClipboard(row.id.id)]
  }
}

extension PaneState {
  /// Scrolls just enough that the selected row is within `height` rows from the offset.
  mutating func keepSelectionOnScreen(height: Int) {
    guard let position = selectedPosition else {
      scrollOffset = 0
      return
    }
    let rows = max(1, height)
    if position < scrollOffset { scrollOffset = position }
    if position >= scrollOffset + rows { scrollOffset = position - rows + 1 }
    scrollOffset = max(0, min(scrollOffset, max(0, visibleCount - rows)))
  }
}
