import Foundation

/// Change marks: rows added, changed or gone are highlighted for a few seconds, then fade.
extension PaneState {
  /// True when some change mark is older than `date`.
  func hasMarks(before date: Date) -> Bool {
    guard let oldestMark else { return false }
    return oldestMark <= date
  }

  /// Clears marks older than `date`; rows marked gone disappear.
  mutating func fadeMarks(before date: Date) {
    var removeGone = false
    for index in rows.indices {
      guard let change = rows[index].change, change.at <= date else { continue }
      if change.kind == .gone {
        removeGone = true
      } else {
        rows[index].change = nil
      }
    }
    if removeGone {
      removeRows { $0.change?.kind == .gone && $0.change.map { $0.at <= date } == true }
    } else {
      recomputeOldestMark()
    }
  }

  mutating func recomputeOldestMark() {
    var oldest: Date?
    rows.withUnsafeBufferPointer { rows in
      for index in rows.indices {
        if let at = rows[index].change?.at, oldest.map({ at < $0 }) ?? true { oldest = at }
      }
    }
    oldestMark = oldest
  }
}
