/// A deletion of several marked rows: each answer is counted, and when the last one arrives
/// the operator reads one line ("Deleted 3 of 3 snapshots").
public struct BulkProgress: Sendable, Hashable {
  public var pane: PaneKind
  /// Rows still waiting for the server's answer.
  public var waiting: Set<RowID>
  public var total: Int
  public var succeeded = 0
  public var failed = 0

  public init(pane: PaneKind, rows: [RowID]) {
    self.pane = pane
    self.waiting = Set(rows)
    self.total = waiting.count
  }

  /// The summary once every answer is in.
  var summary: String {
    let noun = pane.descriptor.noun.lowercased() + (total == 1 ? "" : "s")
    var text = "Deleting \(succeeded) of \(total) \(noun)"
    if failed > 0 { text += "; \(failed) refused (still marked, reason in the detail view)" }
    return text
  }
}
