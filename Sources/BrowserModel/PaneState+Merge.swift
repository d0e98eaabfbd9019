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
    var merged: [Row] = []
    merged.reserveCapacity(rows.count + incoming.count)
    // Rows of other regions stay as they are.
    for row in rows where row.id.region != region { merged.append(row) }
    var seen = Set<String>()
    seen.reserveCapacity(incoming.count)
    for raw in incoming {
      let safeID = TerminalSafe.sanitize(raw.id)
      let id = RowID(region: region, id: safeID)
      guard seen.insert(safeID).inserted else { continue }  // a duplicate across pages
      guard let oldIndex = indexByID[id] else {
        let row = Row(
          region: region, resource: raw.sanitized(),
          change: firstLoad ? nil : RowChange(.added, at: now))
        merged.append(row)
        continue
      }
      var row = rows[oldIndex]
      let old = row.resource
      if old != raw {
        let fresh = raw.sanitized()
        if fresh != old {
          if Self.significantChange(from: old, to: fresh) || row.change?.kind == .gone {
            row.change = RowChange(.changed, at: now)
          }
          if let event = Self.event(from: old, to: fresh, pending: row.pending) {
            events.append(event)
          }
          row.resource = fresh
          row.recomputeKeys()
        }
      } else if row.change?.kind == .gone {
        row.change = RowChange(.changed, at: now)
      }
      reconcilePending(&row)
      merged.append(row)
    }
    // Rows of this region the server no longer lists.
    for row in rows where row.id.region == region && !seen.contains(row.id.id) {
      var row = row
      if row.pending == .creating {
        merged.append(row)  // placeholder or just created: the list may lag behind
      } else if firstLoad {
        continue
      } else if row.change?.kind == .gone {
        merged.append(row)  // fading out
      } else {
        if row.pending == .deleting {
          events.append(
            RowEvent(
              level: .success,
              text: "\(Self.noun(row.resource)) \(Reducer.label(row.resource)) deleted"))
        }
        row.pending = nil
        row.change = RowChange(.gone, at: now)
        merged.append(row)
      }
    }
    setRows(merged)
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
    rows.contains { $0.id.region == region && $0.change?.kind != .gone && $0.isInMotion }
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
