import CloudClient
import Foundation

extension PaneState {
  /// Merges the whole fresh list of one region into the pane: marks added, changed (status,
  /// progress, size, name) and gone rows, reconciles pending operations, and reports jobs
  /// that just finished or failed. The first load of a region marks nothing, and rows of
  /// that region the list does not hold simply go.
  ///
  /// `incoming` rows are sanitised and keyed already (by the effect runner, off the reducer).
  mutating func merge(_ incoming: [Row], region: String, now: Date) -> [RowEvent] {
    let firstLoad = lists[region]?.lastLoaded == nil
    var batch = MergeBatch(now: now, column: sort.column, kind: kind)
    var seen = [Bool](repeating: false, count: rows.count)
    var added: [Row] = []
    var addedIDs = Set<String>()
    // Rows of this region in their current order: the server usually answers in the same
    // order, so most IDs are found by looking at the next expected row, not by hashing.
    let regionRows = rows.withUnsafeBufferPointer { rows in
      rows.indices.filter { rows[$0].id.region == region }
    }
    var cursor = 0
    var matches: [(row: Int, fresh: Int)] = []
    matches.reserveCapacity(incoming.count)
    for k in incoming.indices {
      let id = incoming[k].id
      var found = -1
      if cursor < regionRows.count, rows[regionRows[cursor]].id == id {
        found = regionRows[cursor]
        cursor += 1
      } else if let index = position(of: id) {
        found = index
      }
      guard found >= 0 else {
        guard addedIDs.insert(id.id).inserted else { continue }  // listed twice
        var row = incoming[k]
        row.change = firstLoad ? nil : RowChange(.added, at: now)
        added.append(row)
        continue
      }
      guard !seen[found] else { continue }
      seen[found] = true
      matches.append((row: found, fresh: k))
    }
    take(matches, from: incoming, compare: true, &batch)
    if firstLoad {
      // Rows the server does not list simply go (no marks), except just-created ones.
      let drop = Set(
        regionRows.filter {
          !seen[$0] && rows[$0].pending != .creating && rows[$0].change?.kind != .gone
        }
        .map { rows[$0].id })
      if !drop.isEmpty {
        append(added, &batch)
        removeRows { drop.contains($0.id) }
        ascendingOrders = [:]
        resort()
        return batch.events
      }
    } else {
      for index in regionRows where !seen[index] { markGone(index, &batch) }
    }
    append(added, &batch)
    finish(batch)
    return batch.events
  }

  /// Applies part of the difference from the list the pane holds: the changed rows in
  /// `range` and, with the last of them, the IDs no longer listed. The work is proportional
  /// to the changes, not to the rows. `positions`: where each changed row in `range` was
  /// found or put, appended in order.
  mutating func apply(
    _ update: ListUpdate, rows range: Range<Int>, region: String, now: Date,
    positions: inout [Int32]
  ) -> [RowEvent] {
    guard case .delta(_, let changed, let removed) = update.change else { return [] }
    var batch = MergeBatch(now: now, column: sort.column, kind: kind)
    var added: [Row] = []
    var matches: [(row: Int, fresh: Int)] = []
    matches.reserveCapacity(range.count)
    positions.reserveCapacity(changed.count)
    for k in range {
      if let index = position(of: changed[k].id) {
        matches.append((row: index, fresh: k))
        positions.append(Int32(index))
      } else {
        positions.append(Int32(rows.count + added.count))  // appended below, in this order
        var row = changed[k]
        row.change = RowChange(.added, at: now)
        added.append(row)
      }
    }
    // The runner sends only rows whose values differ (or that are watched): no need to
    // compare whole resources again.
    take(matches, from: changed, compare: false, &batch)
    if range.upperBound == changed.count {
      for id in removed {
        if let index = position(of: RowID(region: region, id: id)) { markGone(index, &batch) }
      }
    }
    append(added, &batch)
    finish(batch)
    return batch.events
  }

  /// A large difference being merged step by step.
  struct PendingMerge: Sendable {
    var update: ListUpdate
    /// The first changed row not merged yet.
    var next: Int
    var events: [RowEvent]
    var now: Date
    /// Where each changed row merged so far was found or put (`MergedDifference`).
    var positions: [Int32] = []
  }

  /// What one merge changed, collected row by row and applied to the orders at the end.
  struct MergeBatch {
    var now: Date
    var column: Column
    /// Where rows keep the sorted column's key, and which changes the kind announces: looked
    /// up once per merge, not per changed row.
    var slot: SortSlot?
    var outcome: @Sendable (StatusChange) -> JobOutcome?

    init(now: Date, column: Column, kind: PaneKind) {
      self.now = now
      self.column = column
      let descriptor = kind.descriptor
      slot = descriptor.sortSlots[column]
      outcome = descriptor.outcome
    }

    var events: [RowEvent] = []
    /// What the event history records of this batch.
    var history: [HistoryEvent] = []
    /// Rows whose key for the sorted column changed, or that are new.
    var moved: [Int] = []
    /// Some row's value changed: other columns' kept orders and the filter are stale.
    var valuesChanged = false
    var marked = false
    /// Set by the last `take`: the row's key for the sorted column changed.
    var movedLast = false
  }

  /// Takes fresh values into rows (pairs of row index and index in `fresh`): marks a row
  /// when something an operator watches changed and records an event when a job finished.
  ///
  /// Works through pointers: copying a row costs 20-odd reference-count operations, which on
  /// a refresh that changes 10,000 rows is most of the time.
  private mutating func take(
    _ matches: [(row: Int, fresh: Int)], from fresh: [Row], compare: Bool,
    _ batch: inout MergeBatch
  ) {
    guard !matches.isEmpty else { return }
    let slots = loggedSlots
    var logged: [OwnerChangeLog.Entry] = []
    rows.withUnsafeMutableBufferPointer { rows in
      fresh.withUnsafeBufferPointer { fresh in
        guard let rowBase = rows.baseAddress, let freshBase = fresh.baseAddress else { return }
        for match in matches {
          Self.take(
            freshBase + match.fresh, into: rowBase + match.row, compare: compare, slots: slots,
            &logged, &batch)
          if batch.movedLast { batch.moved.append(match.row) }
        }
      }
    }
    ownerLog.record(logged, rows: rows.count)
  }

  /// `slots`: the pane's changes are logged for the Protection view; a row's share is read
  /// only when something is about to change in it (a whole list mostly changes nothing).
  private static func take(
    _ fresh: UnsafePointer<Row>, into row: UnsafeMutablePointer<Row>, compare: Bool,
    slots: OwnerShare.Slots?, _ logged: inout [OwnerChangeLog.Entry], _ batch: inout MergeBatch
  ) {
    batch.movedLast = false
    var before: OwnerShare?
    var touched = false
    func touch() {
      guard let slots, !touched else { return }
      touched = true
      before = OwnerShare(UnsafePointer(row), slots)
    }
    defer {
      if let slots, touched {
        let after = OwnerShare(UnsafePointer(row), slots)
        if after != before {
          logged.append(OwnerChangeLog.Entry(id: row.pointee.id, before: before, after: after))
        }
      }
    }
    if row.pointee.change?.kind == .gone {
      touch()
      row.pointee.change = RowChange(.changed, at: batch.now)
      batch.marked = true
    }
    if !compare || row.pointee.stored != fresh.pointee.stored {
      touch()
      if significantChange(from: row, to: fresh) {
        row.pointee.change = RowChange(.changed, at: batch.now)
        batch.marked = true
      }
      let event = event(from: row, to: fresh, batch.outcome)
      if let event { batch.events.append(event) }
      if let recorded = historyChange(
        from: row, to: fresh, outcome: event?.outcome, at: batch.now)
      {
        batch.history.append(recorded)
      }
      batch.movedLast = !RowSorter.sameKey(row, fresh, slot: batch.slot)
      row.pointee.takeValue(of: fresh)
      batch.valuesChanged = true
    }
    if row.pointee.pendingAcknowledged {
      touch()
      reconcilePending(&row.pointee)
    }
  }

  /// A row the server no longer lists: marked gone (it fades out), unless it was just
  /// created (the list may lag behind the create) or is fading already.
  private mutating func markGone(_ index: Int, _ batch: inout MergeBatch) {
    if rows[index].pending == .creating || rows[index].change?.kind == .gone { return }
    let slots = loggedSlots
    let before = slots.flatMap { share(at: index, $0) }
    defer {
      if let slots {
        ownerLog.record(
          rows[index].id, before: before, after: share(at: index, slots), rows: rows.count)
      }
    }
    batch.history.append(Self.historyGone(rows[index], at: batch.now))
    if rows[index].pending == .deleting {
      batch.events.append(
        RowEvent(
          level: .success, noun: Self.noun(kind), row: rows[index].id, outcome: .gone))
    }
    rows[index].pending = nil
    rows[index].pendingAcknowledged = false
    rows[index].change = RowChange(.gone, at: batch.now)
    batch.marked = true
  }

  private mutating func append(_ added: [Row], _ batch: inout MergeBatch) {
    guard !added.isEmpty else { return }
    var appended: [Int] = []
    appended.reserveCapacity(added.count)
    if let slots = loggedSlots {
      var logged: [OwnerChangeLog.Entry] = []
      for row in added {
        if let share = OwnerShare(row, slots) {
          logged.append(OwnerChangeLog.Entry(id: row.id, before: nil, after: share))
        }
      }
      ownerLog.record(logged, rows: rows.count + added.count)
    }
    for row in added {
      appended.append(rows.count)
      rows.append(row)
      index.insert(rows.count - 1, in: rows)
      if kind == .backups { families.add(row) }
      if row.change != nil {
        batch.marked = true
        batch.history.append(Self.historyAdded(row, at: batch.now))
      }
    }
    insertIntoTieOrder(appended)
    batch.moved += appended
    batch.valuesChanged = true
  }

  /// Brings the orders, the filter and the marks up to date after a merge.
  private mutating func finish(_ batch: MergeBatch) {
    recorded += batch.history
    if batch.marked {
      oldestMark = min(oldestMark ?? batch.now, batch.now)
    }
    if batch.valuesChanged {
      ascendingOrders = ascendingOrders.filter { $0.key == sort.column }
      if batch.moved.isEmpty {
        refilter(force: true)
      } else {
        reposition(batch.moved)
      }
    } else if batch.marked {
      fixSelection()
    }
  }

  /// A pending operation the server has accepted is settled once a list shows the row.
  private static func reconcilePending(_ row: inout Row) {
    guard row.pendingAcknowledged, let pending = row.pending else { return }
    switch pending {
    case .creating, .renaming:
      row.pending = nil
      row.pendingAcknowledged = false
    case .deleting:
      break  // still listed (e.g. status deleting): keep the mark until it is gone
    }
  }

  /// True when something an operator watches changed: status, progress, size or name (and
  /// attachments of volumes), by the rows' hashes of those values (computed with the row,
  /// off the reducer).
  static func significantChange(from old: UnsafePointer<Row>, to new: UnsafePointer<Row>) -> Bool {
    old.pointee.watchedPrint != new.pointee.watchedPrint
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

}
