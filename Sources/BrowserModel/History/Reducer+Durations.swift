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
      for event in events where event.change == .completed {
        guard samples.count < learnedPerList, let index = pane.position(of: event.row) else {
          continue
        }
        samples.append((index, event.updated ?? event.at))
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
      guard !book.learned.contains(row.id), let created = row.resource.historyCreated,
        let end = row.resource.historyUpdated ?? seen
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
  /// Runs after every list of a kind, so it reads rows in place and asks the duration book
  /// about a job only when the book changed since it last did (`Motion.estimatedAt`).
  static func updateMotion(
    _ state: inout BrowserState, _ kind: PaneKind, region: String, listChanged: Bool = true
  ) -> [Effect] {
    let now = state.now
    let book = state.watch.durations
    let checkKey = "\(kind)/\(region)"
    if !listChanged, let check = state.watch.motionChecks[checkKey],
      check.generation == book.generation, now < check.nextStall
    {
      return []
    }
    var nextStall = Date.distantFuture
    let pane = state.pane(kind)
    let instances = state.pane(.instances)
    // Updated in place (taken out of the state so it is not copied); entries of this list
    // that were not seen moving are dropped at the end.
    var motion = state.watch.motion
    state.watch.motion = [:]
    var seen = Set<RowID>()
    var effects: [Effect] = []
    var progressSlot: Int?
    if case .number(let slot)? = kind.descriptor.sortSlots[.progress] { progressSlot = slot }
    let moving = pane.rows.withUnsafeBufferPointer { rows in
      rows.indices.filter {
        rows[$0].resourceInMotion && rows[$0].id.region == region && rows[$0].change?.kind != .gone
      }
    }
    for index in moving {
      let id = pane.rows[index].id
      seen.insert(id)
      var entry = motion[id] ?? WatchState.Motion(kind: kind)
      if entry.estimatedAt != book.generation {
        let row = pane.rows[index]
        let band = band(row, instances: instances)
        entry.created = row.resource.historyCreated
        entry.median = book.estimate(band)?.median
        entry.slowP95 = book.estimate(band, minimum: book.minimumForStall)?.p95
        entry.estimatedAt = book.generation
      }
      var progress: Double?
      if let progressSlot {
        let value = pane.rows[index].numbers[progressSlot]
        if !value.isNaN { progress = value }
      }
      if let progress, entry.progress != progress || entry.progressSince == nil {
        entry.progress = progress
        entry.progressSince = now
      }
      let created = entry.created
      entry.eta = nil
      if let progress, progress > 0, progress < 100, let created {
        let elapsed = now.timeIntervalSince(created)
        entry.eta = now.addingTimeInterval(elapsed * (100 - progress) / progress)
      } else if let median = entry.median, let created {
        entry.eta = created.addingTimeInterval(median)
      }
      var stalled = false
      var why = ""
      if let created, let p95 = entry.slowP95,
        now.timeIntervalSince(created) > DurationBook.stallThreshold(p95: p95)
      {
        stalled = true
        why =
          "running \(Formatting.duration(now.timeIntervalSince(created))), 95% finish within \(Formatting.duration(p95))"
      }
      if let progress, progress < 100, let since = entry.progressSince,
        now.timeIntervalSince(since) >= state.watch.stallAfter
      {
        stalled = true
        why =
          "progress \(Formatting.percent(progress)) for \(Formatting.duration(now.timeIntervalSince(since)))"
      }
      entry.stalled = stalled
      if !stalled {
        // When this job would first be called stalled, if nothing about it changes.
        if let created, let p95 = entry.slowP95 {
          let at = created.addingTimeInterval(DurationBook.stallThreshold(p95: p95) + 0.001)
          if at < nextStall { nextStall = at }
        }
        if let progress, progress < 100, let since = entry.progressSince {
          let at = since.addingTimeInterval(state.watch.stallAfter)
          if at < nextStall { nextStall = at }
        }
      }
      if stalled, state.watch.stallNotified.insert(id).inserted {
        let name = label(pane.rows[index].resource)
        post(&state, .error, "\(kind.descriptor.noun) \(name) stalled? \(why)")
        effects.append(
          .notifyDesktop(
            DesktopNotification(
              title: "rackwatch", body: "\(kind.descriptor.noun) \(name) stalled? \(why)")))
      }
      motion[id] = entry
    }
    if motion.count > seen.count {
      motion = motion.filter {
        $0.key.region != region || $0.value.kind != kind || seen.contains($0.key)
      }
    }
    state.watch.motion = motion
    state.watch.motionChecks[checkKey] = WatchState.MotionCheck(
      generation: book.generation, nextStall: nextStall)
    return effects
  }
}
