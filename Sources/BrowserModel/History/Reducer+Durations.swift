import CloudClient
import Foundation

/// Learning how long jobs take, and what that says about the rows in motion: ETAs and
/// "stalled?".
extension Reducer {
  /// At most this many jobs are learned from per list and refresh: a first load of 100,000
  /// backups learns from the first 500 finished ones the server lists (newest first), not
  /// from all, so it costs a few hundred row reads and the learned set stays small.
  static let learnedPerList = 500

  /// Learns durations of finished jobs, once per row: on a list's first load from its settled
  /// rows (server timestamps), later from the jobs this refresh saw complete (their `updated`,
  /// or when rackwatch saw them finish when the server keeps no `updated`).
  static func learnDurations(
    _ state: inout BrowserState, _ kind: PaneKind, region: String, from events: [HistoryEvent]?
  ) {
    let pane = state.pane(kind)
    let outcome = kind.descriptor.outcome
    var samples: [(index: Int, end: Date?)] = []
    if let events {
      // Read in place: 10,000 jobs finishing at once are 10,000 events of a dozen strings.
      events.withUnsafeBufferPointer { events in
        for k in events.indices where events[k].change == .completed {
          guard samples.count < learnedPerList else { break }
          guard let index = pane.position(of: events[k].row) else { continue }
          samples.append((index, events[k].updated ?? events[k].at))
        }
      }
    } else {
      pane.rows.withUnsafeBufferPointer { rows in
        for index in rows.indices where samples.count < learnedPerList {
          guard rows[index].id.region == region, !rows[index].resourceInMotion,
            case .completed? = outcome(
              StatusChange(
                from: "", to: rows[index].statusKey, wasMoving: true, wasCreated: true))
          else { continue }
          samples.append((index, nil))
        }
      }
    }
    guard !samples.isEmpty else { return }
    var book = state.watch.durations
    let instances = state.pane(.instances)
    for (index, seen) in samples {
      let row = pane.rows[index]
      guard !book.learned.contains(row.id), let created = row.stored.historyCreated,
        let end = row.stored.historyUpdated ?? seen
      else { continue }
      book.learn(
        row.id, band: band(row, instances: instances), seconds: end.timeIntervalSince(created))
    }
    state.watch.durations = book
  }

  /// The duration bands of a row: backups by the datastore and their instance's volume size.
  static func band(_ row: Row, instances: PaneState) -> [String] {
    var volumeSize: Int?
    if case .backup(let backup) = row.resource, let instance = backup.instanceID,
      case .instance(let found)? = instances.row(RowID(region: row.region, id: instance))?.resource
    {
      volumeSize = found.volumeSize
    }
    return DurationBook.band(row.resource, volumeSize: volumeSize)
  }

  /// ETAs and stalls of the rows in motion of one list; one notification per new stall.
  ///
  /// Runs after every list of a kind. A list that came back unchanged needs no pass until the
  /// book changes or a job's stall time comes (`WatchState.motionChecks`); a difference
  /// (`changes`) updates only the rows it changed when that gives what the whole pass would
  /// (`updateChangedMotion`); otherwise every row in motion is read in place, and the book asked
  /// about a job only when it changed since it last was (`Motion.estimatedAt`).
  static func updateMotion(
    _ state: inout BrowserState, _ kind: PaneKind, region: String, listChanged: Bool = true,
    changes: MergedDifference? = nil
  ) -> [Effect] {
    let now = state.now
    let book = state.watch.durations
    let checkKey = "\(kind)/\(region)"
    let check = state.watch.motionChecks[checkKey]
    if !listChanged, let check, check.generation == book.generation, now < check.nextStall {
      return []
    }
    var pass = MotionPass(
      kind: kind, now: now, book: book, stallAfter: state.watch.stallAfter,
      instances: state.pane(.instances))
    // Updated in place (taken out of the state so it is not copied).
    var motion = state.watch.motion
    state.watch.motion = [:]
    var stalls: [(index: Int, stall: MotionPass.Stall)] = []
    var nextStall = Date.distantFuture
    var updated = false
    if let check, let changes,
      case .delta(_, let changed, let removed) = changes.update.change,
      check.generation == book.generation, check.stallAfter == pass.stallAfter,
      // A margin past the float rounding of `stallAt`: no unchanged row can stall yet.
      now.addingTimeInterval(0.001) < check.nextStall
    {
      updated = updateChangedMotion(
        &motion, &pass, state.pane(kind), region: region, changed: changed,
        positions: changes.positions, removed: removed,
        stalls: &stalls, nextStall: &nextStall)
      if updated {
        let rows = state.pane(kind).rows
        stalls.removeAll { !state.watch.stallNotified.insert(rows[$0.index].id).inserted }
      }
    }
    if !updated {
      stalls = []
      nextStall = .distantFuture
      updateAllMotion(
        &motion, &pass, state.pane(kind), region: region, notified: &state.watch.stallNotified,
        stalls: &stalls, nextStall: &nextStall)
    }
    state.watch.motion = motion
    state.watch.motionChecks[checkKey] = WatchState.MotionCheck(
      generation: book.generation, nextStall: nextStall, stallAfter: pass.stallAfter)
    var effects: [Effect] = []
    for (index, stall) in stalls {
      let noun = kind.descriptor.noun
      let name = label(state.pane(kind).rows[index].resource)
      post(&state, .error, "\(noun) \(name) stalled? \(stall.words)")
      effects.append(
        .notifyDesktop(
          DesktopNotification(title: "rackwatch", body: "\(noun) \(name) stalled? \(stall.words)")
        ))
    }
    return effects
  }

  /// Drops the entry of a row of this kind (one hash of the ID).
  private static func drop(
    _ id: RowID, _ kind: PaneKind, from motion: inout [RowID: WatchState.Motion]
  ) {
    if let at = motion.index(forKey: id), motion.values[at].kind == kind { motion.remove(at: at) }
  }

  /// The row is one of this list's rows in motion.
  private static func moving(_ row: UnsafePointer<Row>, region: String) -> Bool {
    row.pointee.resourceInMotion && row.pointee.id.region == region
      && row.pointee.change?.kind != .gone
  }

  /// The whole pass: every row in motion of the list, in row order; entries of the list no
  /// row is moving for are dropped. `stalls`: rows newly stalled (not notified before).
  private static func updateAllMotion(
    _ motion: inout [RowID: WatchState.Motion], _ pass: inout MotionPass, _ pane: PaneState,
    region: String, notified: inout Set<RowID>,
    stalls: inout [(index: Int, stall: MotionPass.Stall)], nextStall: inout Date
  ) {
    let kind = pass.kind
    var seen = 0
    pane.rows.withUnsafeBufferPointer { rows in
      guard let base = rows.baseAddress else { return }
      for index in rows.indices where moving(base + index, region: region) {
        let id = rows[index].id
        seen += 1
        var stalledBefore = false
        var stallAt: Date?
        let stall = pass.update(
          &motion[id, default: WatchState.Motion(kind: kind)], base + index,
          stalledBefore: &stalledBefore, stallAt: &stallAt)
        if let stallAt, stallAt < nextStall { nextStall = stallAt }
        if let stall, notified.insert(id).inserted { stalls.append((index, stall)) }
      }
    }
    var listed = 0
    for (id, entry) in motion where entry.kind == kind && id.region == region { listed += 1 }
    guard listed > seen else { return }
    // Entries whose row is no longer moving (or no longer listed).
    let stale = pane.rows.withUnsafeBufferPointer { rows in
      var stale: [RowID] = []
      for (id, entry) in motion where entry.kind == kind && id.region == region {
        guard let index = pane.position(of: id), moving(rows.baseAddress! + index, region: region)
        else {
          stale.append(id)
          continue
        }
      }
      return stale
    }
    for id in stale { motion[id] = nil }
  }

  /// Updates the entries of the rows a difference changed (and of those it no longer lists),
  /// and the clock-bound ETAs of the others. False, having changed nothing a whole pass would
  /// not, when the list's rows in motion do not match its entries afterwards (a row was added
  /// or removed outside a list: the whole pass is needed).
  ///
  /// The caller has checked that nothing else can have changed: same book generation and
  /// setting, before any unchanged row's stall time. Stalls come in row order, like the
  /// whole pass's.
  private static func updateChangedMotion(
    _ motion: inout [RowID: WatchState.Motion], _ pass: inout MotionPass, _ pane: PaneState,
    region: String, changed: [Row], positions: [Int32], removed: [String],
    stalls: inout [(index: Int, stall: MotionPass.Stall)], nextStall: inout Date
  ) -> Bool {
    let kind = pass.kind
    var indices: [Int] = []
    indices.reserveCapacity(changed.count + removed.count)
    // Jobs starting at once: grown once, not doubling its way there (a table of jobs finishing
    // at once is not grown at all).
    if motion.count < changed.count { motion.reserveCapacity(changed.count) }
    func locate(_ id: RowID) {
      if let index = pane.position(of: id) {
        indices.append(index)
      } else {
        drop(id, kind, from: &motion)
      }
    }
    pane.rows.withUnsafeBufferPointer { rows in
      changed.withUnsafeBufferPointer { changed in
        let hinted = positions.count == changed.count
        for k in changed.indices {
          // Where the merge put it, if it is still there: no second lookup of 10,000 IDs.
          if hinted, Int(positions[k]) < rows.count, rows[Int(positions[k])].id == changed[k].id {
            indices.append(Int(positions[k]))
          } else {
            locate(changed[k].id)
          }
        }
      }
    }
    for id in removed { locate(RowID(region: region, id: id)) }
    indices.sort()
    pane.rows.withUnsafeBufferPointer { rows in
      guard let base = rows.baseAddress else { return }
      var last = -1
      for index in indices where index != last {
        last = index
        let id = rows[index].id
        guard moving(base + index, region: region) else {
          drop(id, kind, from: &motion)
          continue
        }
        var stalledBefore = false
        let stall = pass.update(
          &motion[id, default: WatchState.Motion(kind: kind)], base + index,
          stalledBefore: &stalledBefore)
        // Stalled at an earlier pass: notified then (`stallNotified` is never emptied).
        if let stall, !stalledBefore { stalls.append((index, stall)) }
      }
    }
    var listed = 0
    var clocked: [RowID] = []
    for (id, entry) in motion where entry.kind == kind && id.region == region {
      listed += 1
      if let at = entry.stallAt, at < nextStall { nextStall = at }
      if pass.clockETA(entry) != nil { clocked.append(id) }
    }
    var inMotion = 0
    pane.rows.withUnsafeBufferPointer { rows in
      guard let base = rows.baseAddress else { return }
      for index in rows.indices where moving(base + index, region: region) { inMotion += 1 }
    }
    guard inMotion == listed else { return false }
    for id in clocked {
      let eta = motion[id].flatMap(pass.clockETA)
      motion[id]?.eta = eta
    }
    return true
  }
}
