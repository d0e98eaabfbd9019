/// Rows marked for an action on several at once (k9s's Space).
extension PaneState {
  /// True when the row is marked.
  public func isMarked(_ id: RowID) -> Bool { !marked.isEmpty && marked.contains(id) }

  /// Marks an unmarked row, unmarks a marked one.
  mutating func toggleMark(_ id: RowID) {
    if marked.remove(id) == nil {
      marked.insert(id)
    } else {
      markNotes[id] = nil
    }
  }

  mutating func clearMarks() {
    marked = []
    markNotes = [:]
  }

  /// The marked rows still listed, in the order the pane shows them (a refresh may have
  /// removed some).
  var markedRows: [Row] {
    guard !marked.isEmpty else { return [] }
    var found: [Row] = []
    for position in visible.indices {
      let row = rows[Int(visible[position])]
      if marked.contains(row.id) { found.append(row) }
    }
    // Marked rows the filter hides are still marked: they come last.
    if found.count < marked.count {
      let shown = Set(found.map(\.id))
      for id in marked.sorted(by: { $0.description < $1.description }) where !shown.contains(id) {
        if let row = row(id) { found.append(row) }
      }
    }
    return found
  }
}
