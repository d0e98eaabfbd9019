import Foundation

/// A job that finished or failed, or a delete the server confirmed: worth a message.
struct RowEvent: Sendable, Hashable {
  var level: Message.Level
  /// "Backup", "Snapshot", …
  var noun: String
  /// The row, named in the message when there are only a few.
  var row: RowID
  var outcome: JobOutcome

  /// Messages for the events of one refresh: each one when there are a few (`label` names
  /// the row), else one count per kind (a refresh that finishes 10,000 backups says so once,
  /// not 10,000 times).
  static func messages(_ events: [RowEvent], label: (RowID) -> String) -> [(Message.Level, String)]
  {
    guard events.count > 3 else {
      return events.map { ($0.level, "\($0.noun) \(label($0.row)) \($0.outcome.words)") }
    }
    // A handful of kinds at most: counted by a linear search, not by hashing 10,000 pairs
    // of strings.
    var kinds: [(event: RowEvent, count: Int)] = []
    for event in events {
      if let k = kinds.firstIndex(where: {
        $0.event.noun == event.noun && $0.event.outcome == event.outcome
      }) {
        kinds[k].count += 1
      } else {
        kinds.append((event, 1))
      }
    }
    return kinds.map { event, count in
      let noun = event.noun.lowercased() + (count == 1 ? "" : "s")
      return (event.level, "\(count.formatted()) \(noun) \(event.outcome.words)")
    }
  }
}

extension PaneState {
  /// A job that finished or failed (the kind's descriptor says which changes count), from a
  /// running job or one this app created.
  static func event(
    from old: UnsafePointer<Row>, to new: UnsafePointer<Row>,
    _ outcomes: (StatusChange) -> JobOutcome?
  ) -> RowEvent? {
    // Unchanged status: nothing to announce (and no strings copied).
    guard old.pointee.statusKey != new.pointee.statusKey || old.pointee.pending == .creating
    else { return nil }
    let change = StatusChange(
      from: old.pointee.statusKey, to: new.pointee.statusKey,
      wasMoving: old.pointee.resourceInMotion, wasCreated: old.pointee.pending == .creating)
    guard let outcome = outcomes(change) else { return nil }
    return RowEvent(
      level: outcome.level, noun: noun(new.pointee.kind), row: new.pointee.id, outcome: outcome)
  }

  static func noun(_ kind: PaneKind) -> String { kind.descriptor.noun }

  static func noun(_ resource: Resource) -> String { noun(resource.pane) }
}
