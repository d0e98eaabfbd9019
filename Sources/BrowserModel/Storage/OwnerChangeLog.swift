/// What changed in a backups or snapshots pane, for the Protection view's tallies, since the
/// view last read it: each touched row's share before and after. A refresh that changes k of
/// 200,000 rows then costs the view O(k) instead of a pass over the pane.
///
/// Kept by the pane's own mutations (merge, apply, append, update, remove), so no path that
/// changes a row can be missed; anything the log cannot follow (rows replaced wholesale, more
/// changes than a recount costs, nobody reading) makes it `lost`, and the reader counts the
/// pane afresh. A fresh pane's log is lost: nothing has read it yet.
struct OwnerChangeLog: Sendable {
  struct Entry: Sendable {
    var id: RowID
    /// Nil: the row was not there (or had no owner).
    var before: OwnerShare?
    /// Nil: the row went (or has no owner).
    var after: OwnerShare?
  }

  private(set) var lost = true
  private(set) var entries: [Entry] = []

  /// Whether changes are being recorded (someone reads them and the log has not lost track).
  var recording: Bool { !lost }

  /// Records one change; past a quarter of the pane (a recount is then cheaper) the log
  /// gives up.
  mutating func record(_ id: RowID, before: OwnerShare?, after: OwnerShare?, rows: Int) {
    guard !lost, before != after else { return }
    entries.append(Entry(id: id, before: before, after: after))
    if entries.count > max(4096, rows / 4) { lose() }
  }

  mutating func record(_ more: [Entry], rows: Int) {
    guard !lost, !more.isEmpty else { return }
    entries += more
    if entries.count > max(4096, rows / 4) { lose() }
  }

  /// Stops recording until the next reader starts afresh.
  mutating func lose() {
    lost = true
    entries = []
  }

  /// The reader is up to date with the pane: record from here.
  mutating func restart() {
    lost = false
    entries = []
  }
}

extension PaneState {
  /// The owner-share slots when this pane's changes are being logged, else nil.
  var loggedSlots: OwnerShare.Slots? {
    ownerLog.recording ? OwnerShare.Slots.of(kind) : nil
  }

  /// The share of the row at `index` (nil without an owner).
  func share(at index: Int, _ slots: OwnerShare.Slots) -> OwnerShare? {
    rows.withUnsafeBufferPointer { OwnerShare($0.baseAddress! + index, slots) }
  }
}
