import CloudClient
import Foundation

/// A finished or failed job worth a message.
struct RowEvent: Sendable, Hashable {
  var level: Message.Level
  var text: String
}

extension PaneState {
  /// Merges a fresh list of one region into the pane: marks added, changed (status, progress,
  /// size, name) and gone rows, reconciles pending operations, and reports jobs that just
  /// finished or failed. The first load of a region marks nothing.
  ///
  /// Unchanged values reuse the existing row (no re-sanitising, no key recomputation), so a
  /// refresh of 100,000 settled rows is mostly dictionary look-ups.
  mutating func merge(_ incoming: [Resource], region: String, now: Date) -> [RowEvent] {
    let firstLoad = lists[region]?.lastLoaded == nil
    var events: [RowEvent] = []
    var seen = [Bool](repeating: false, count: rows.count)
    var changed: [Int] = []
    var added: [Row] = []
    var addedIDs = Set<String>()
    var marksChanged = false
    // Rows of this region in their current order: the server usually answers in the same
    // order, so most IDs are found by looking at the next expected row, not by hashing.
    let regionRows = rows.withUnsafeBufferPointer { rows in
      rows.indices.filter { rows[$0].id.region == region }
    }
    // Pass 1, read-only through buffer pointers (no row or resource copies): find each
    // incoming item's row and whether its value changed.
    var matched = [Int](repeating: -1, count: incoming.count)
    var same = [Bool](repeating: false, count: incoming.count)
    rows.withUnsafeBufferPointer { rows in
      incoming.withUnsafeBufferPointer { incoming in
        var cursor = 0
        for k in incoming.indices {
          let rawID = incoming[k].id
          let safeID = TerminalSafe.sanitize(rawID)
          var found = -1
          if cursor < regionRows.count, rows[regionRows[cursor]].id.id == safeID {
            found = regionRows[cursor]
            cursor += 1
          } else if let index = indexByID[RowID(region: region, id: safeID)] {
            found = index
          }
          matched[k] = found
          if found >= 0 {
            same[k] = ResourceComparison.same(rows[found].resource, incoming[k])
          }
        }
      }
    }
    // Pass 2: apply what changed.
    for k in incoming.indices {
      let index = matched[k]
      guard index >= 0 else {
        let safeID = TerminalSafe.sanitize(incoming[k].id)
        guard addedIDs.insert(safeID).inserted else { continue }  // duplicate across pages
        added.append(
          Row(
            region: region, resource: incoming[k].sanitized(),
            change: firstLoad ? nil : RowChange(.added, at: now)))
        continue
      }
      guard !seen[index] else { continue }
      seen[index] = true
      if rows[index].change?.kind == .gone {
        rows[index].change = RowChange(.changed, at: now)
        marksChanged = true
      }
      if !same[k] {
        let fresh = incoming[k].sanitized()
        let old = rows[index].resource
        if !ResourceComparison.same(old, fresh) {
          if Self.significantChange(from: old, to: fresh) {
            rows[index].change = RowChange(.changed, at: now)
            marksChanged = true
          }
          if let event = Self.event(from: old, to: fresh, pending: rows[index].pending) {
            events.append(event)
          }
          rows[index].resource = fresh
          rows[index].recomputeKeys()
          changed.append(index)
        }
      }
      if rows[index].pendingAcknowledged { reconcilePending(&rows[index]) }
    }
    // Rows of this region the server no longer lists.
    var dropped = false
    for index in regionRows where !seen[index] {
      if rows[index].pending == .creating || rows[index].change?.kind == .gone {
        continue  // just created (the list may lag behind), or already fading out
      }
      if firstLoad {
        dropped = true
        continue
      }
      if rows[index].pending == .deleting {
        events.append(
          RowEvent(
            level: .success,
            text:
              "\(Self.noun(rows[index].resource)) \(Reducer.label(rows[index].resource)) deleted"))
      }
      rows[index].pending = nil
      rows[index].pendingAcknowledged = false
      rows[index].change = RowChange(.gone, at: now)
      marksChanged = true
    }
    for row in added {
      indexByID[row.id] = rows.count
      changed.append(rows.count)
      rows.append(row)
      if row.change != nil { marksChanged = true }
    }
    if dropped {
      // First load of this region: rows the server does not list simply go (no marks).
      var drop = Set<RowID>()
      for index in regionRows
      where !seen[index] && rows[index].pending != .creating
        && rows[index].change?.kind != .gone
      {
        drop.insert(rows[index].id)
      }
      removeRows { drop.contains($0.id) }
      // `changed` holds indices from before the removal: sort everything afresh instead.
      recomputeOldestMark()
      ascendingOrders = [:]
      resort()
      return events
    }
    if marksChanged { recomputeOldestMark() }
    if !changed.isEmpty {
      reposition(changed.filter { $0 < rows.count })
    } else if marksChanged {
      fixSelection()
    }
    return events
  }

  /// A pending operation the server has accepted is settled once a list shows the row.
  private func reconcilePending(_ row: inout Row) {
    guard row.pendingAcknowledged, let pending = row.pending else { return }
    switch pending {
    case .creating, .renaming:
      row.pending = nil
      row.pendingAcknowledged = false
    case .deleting:
      break  // still listed (e.g. status deleting): keep the mark until it is gone
    }
  }

  static func significantChange(from old: Resource, to new: Resource) -> Bool {
    switch (old, new) {
    case (.backup(let a), .backup(let b)):
      return a.status != b.status || a.size != b.size || a.name != b.name
    case (.snapshot(let a), .snapshot(let b)):
      return a.status != b.status || a.progress != b.progress || a.size != b.size
        || a.name != b.name
    case (.instance(let a), .instance(let b)):
      return a.status != b.status || a.volumeSize != b.volumeSize || a.name != b.name
    case (.volume(let a), .volume(let b)):
      return a.status != b.status || a.size != b.size || a.name != b.name
        || a.attachedTo != b.attachedTo
    default: return true
    }
  }

  /// A backup reaching COMPLETED/FAILED or a snapshot reaching available/error.
  static func event(from old: Resource, to new: Resource, pending: PendingOperation?) -> RowEvent? {
    switch (old, new) {
    case (.backup(let a), .backup(let b)):
      guard a.status.isInMotion || pending == .creating else { return nil }
      if b.status == .completed {
        return RowEvent(level: .success, text: "Backup \(Reducer.label(new)) completed")
      }
      if b.status == .failed {
        return RowEvent(level: .error, text: "Backup \(Reducer.label(new)) failed")
      }
    case (.snapshot(let a), .snapshot(let b)):
      guard a.status == .creating || pending == .creating else { return nil }
      if b.status == .available {
        return RowEvent(level: .success, text: "Snapshot \(Reducer.label(new)) available")
      }
      if b.status == .error {
        return RowEvent(level: .error, text: "Snapshot \(Reducer.label(new)) failed (error)")
      }
    default: break
    }
    return nil
  }

  static func noun(_ resource: Resource) -> String {
    switch resource {
    case .backup: "Backup"
    case .snapshot: "Snapshot"
    case .instance: "Instance"
    case .volume: "Volume"
    }
  }

  /// True when any row of a region is moving (decides the fast or slow interval).
  func anyInMotion(region: String) -> Bool {
    rows.withUnsafeBufferPointer { rows in
      for index in rows.indices where rows[index].pending != nil || rows[index].resourceInMotion {
        if rows[index].id.region == region && rows[index].change?.kind != .gone { return true }
      }
      return false
    }
  }

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
    for row in rows {
      if let at = row.change?.at, oldest.map({ at < $0 }) ?? true { oldest = at }
    }
    oldestMark = oldest
  }
}
