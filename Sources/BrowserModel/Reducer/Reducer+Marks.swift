import CloudClient
import Foundation

/// Marking rows (Space) and deleting every marked row with one confirmation; each answer is
/// counted, refusals stay marked with the server's reason.
extension Reducer {
  static func toggleMark(_ state: inout BrowserState) -> [Effect] {
    guard state.focusedPane.isActionable else {
      post(&state, .info, "Marks are for backups and snapshots")
      return []
    }
    guard let row = state.focused.selectedRow, row.change?.kind != .gone,
      row.pending != .creating
    else { return [] }
    state.withPane(state.focusedPane) { $0.toggleMark(row.id) }
    return moveSelection(&state, by: 1)
  }

  static func clearMarks(_ state: inout BrowserState) -> [Effect] {
    let count = state.focused.marked.count
    guard count > 0 else { return [] }
    state.withPane(state.focusedPane) { $0.clearMarks() }
    post(&state, .info, "\(count) mark\(count == 1 ? "" : "s") cleared")
    return []
  }

  static func beginBulkDelete(_ state: inout BrowserState) -> [Effect] {
    let kind = state.focusedPane
    let marked = state.focused.markedRows
    let rows = marked.filter { $0.pending == nil && $0.change?.kind != .gone }
    guard !rows.isEmpty else {
      post(&state, .info, "The marked rows are already being deleted")
      return []
    }
    let names = rows.prefix(3).map { label($0.resource) }
    var name = names.joined(separator: ", ")
    if rows.count > 3 { name += " and \(rows.count - 3) more" }
    var total = 0.0
    var known = false
    for row in rows {
      if let size = row.resource.backup?.size ?? row.resource.snapshot?.size.map(Double.init) {
        total += size
        known = true
      }
    }
    var warnings: [String] = []
    if rows.count < marked.count {
      warnings.append("\(marked.count - rows.count) marked row(s) already busy are left out")
    }
    if kind == .backups, let children = childrenWarning(state, rows.map(\.id)) {
      warnings.append(children)
    }
    state.dialog = .confirmDelete(
      DeleteConfirmation(
        pane: kind, rows: rows.map(\.id), name: name,
        warning: warnings.isEmpty ? nil : warnings.joined(separator: "; "),
        totalSize: known ? total : nil))
    return []
  }

  /// Sends the deletions a confirmation names (one, several, or an admin force delete).
  static func sendDelete(_ state: inout BrowserState, _ confirmation: DeleteConfirmation)
    -> [Effect]
  {
    if refuseIfReadOnly(&state, "delete") { return [] }
    let kind = confirmation.pane
    let ids = confirmation.rows.filter { state.pane(kind).row($0) != nil }
    guard !ids.isEmpty, kind.isActionable else { return [] }
    state.withPane(kind) { pane in
      for id in ids {
        pane.updateRow(id) { row in
          row.pending = .deleting
          row.pendingAcknowledged = false
        }
      }
    }
    if confirmation.isBulk { state.bulk = BulkProgress(pane: kind, rows: ids) }
    return ids.map { id in
      switch kind {
      case .backups: .deleteBackup(id: id.id, region: id.region)
      case .snapshots where confirmation.force: .forceDeleteSnapshot(id: id.id, region: id.region)
      default: .deleteSnapshot(id: id.id, region: id.region)
      }
    }
  }

  /// Counts a deletion's answer when it belongs to the marked rows' deletion: a success
  /// unmarks the row, a refusal keeps the mark with the reason. Returns true when the answer
  /// was part of it (so the caller says nothing per row).
  static func countBulkAnswer(
    _ state: inout BrowserState, _ kind: PaneKind, _ id: RowID, refusal: String?
  ) -> Bool {
    guard var bulk = state.bulk, bulk.pane == kind, bulk.waiting.remove(id) != nil else {
      return false
    }
    state.withPane(kind) { pane in
      if let refusal {
        pane.marked.insert(id)
        pane.markNotes[id] = refusal
      } else {
        pane.marked.remove(id)
        pane.markNotes[id] = nil
      }
    }
    if refusal == nil { bulk.succeeded += 1 } else { bulk.failed += 1 }
    if bulk.waiting.isEmpty {
      state.bulk = nil
      post(&state, bulk.failed == 0 ? .info : .error, bulk.summary)
    } else {
      state.bulk = bulk
    }
    return true
  }
}
