import Foundation

/// The history events of a merge (`PaneState+Merge`): what changed, row by row. Collected in
/// the merge batch and kept on the pane (`recorded`) until the list's last step finishes, so
/// a difference merged in several steps is recorded once, at the end, like its messages.
extension PaneState {
  /// The event for a row whose values changed, if its status did (or a create the operator
  /// sent is listed for the first time). `outcome` is the job outcome the kind announced.
  static func historyChange(
    from old: UnsafePointer<Row>, to new: UnsafePointer<Row>, outcome: JobOutcome?, at: Date
  ) -> HistoryEvent? {
    let change: HistoryEvent.Change
    switch outcome {
    case .completed?: change = .completed
    case .failed?: change = .failed
    case .gone?: change = .gone
    case nil:
      if old.pointee.statusKey != new.pointee.statusKey {
        // Into motion from a settled status is a delete or a restore, not a job starting:
        // jobs start as new rows.
        change = .changed
      } else if old.pointee.pending == .creating, new.pointee.resourceInMotion {
        change = .started
      } else {
        return nil
      }
    }
    return HistoryEvent(
      change, row: new.pointee, from: old.pointee.stored.statusText, at: at)
  }

  /// A row the merge added: a job that started, or a settled row that appeared.
  static func historyAdded(_ row: Row, at: Date) -> HistoryEvent {
    HistoryEvent(row.resourceInMotion ? .started : .appeared, row: row, from: nil, at: at)
  }

  /// A row the server no longer lists.
  static func historyGone(_ row: Row, at: Date) -> HistoryEvent {
    var event = HistoryEvent(.gone, row: row, from: row.stored.statusText, at: at)
    event.to = nil
    return event
  }

  /// Hands over the events merged since the last call.
  mutating func takeRecorded() -> [HistoryEvent] {
    defer { recorded.removeAll() }
    return recorded
  }
}
