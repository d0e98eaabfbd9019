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
  static func updateMotion(_ state: inout BrowserState, _ kind: PaneKind, region: String)
    -> [Effect]
  {
    let pane = state.pane(kind)
    let now = state.now
    let instances = state.pane(.instances)
    var motion = state.watch.motion.filter { $0.key.region != region || $0.value.kind != kind }
    var effects: [Effect] = []
    let moving = pane.rows.withUnsafeBufferPointer { rows in
      rows.indices.filter {
        rows[$0].resourceInMotion && rows[$0].id.region == region && rows[$0].change?.kind != .gone
      }
    }
    for index in moving {
      let row = pane.rows[index]
      var entry = state.watch.motion[row.id] ?? WatchState.Motion(kind: kind)
      let estimate = state.watch.durations.estimate(band(row, instances: instances))
      let created = row.resource.historyCreated
      var progress: Double?
      if case .snapshot(let snapshot) = row.resource { progress = snapshot.progress }
      if let progress, entry.progress != progress || entry.progressSince == nil {
        entry.progress = progress
        entry.progressSince = now
      }
      entry.eta = nil
      if let progress, progress > 0, progress < 100, let created {
        let elapsed = now.timeIntervalSince(created)
        entry.eta = now.addingTimeInterval(elapsed * (100 - progress) / progress)
      } else if let estimate, let created {
        entry.eta = created.addingTimeInterval(estimate.median)
      }
      var stalled = false
      var why = ""
      if let created,
        let slow = state.watch.durations.estimate(
          band(row, instances: instances), minimum: state.watch.durations.minimumForStall),
        now.timeIntervalSince(created) > DurationBook.stallThreshold(p95: slow.p95)
      {
        stalled = true
        why =
          "running \(Formatting.duration(now.timeIntervalSince(created))), 95% finish within \(Formatting.duration(slow.p95))"
      }
      if let progress, progress < 100, let since = entry.progressSince,
        now.timeIntervalSince(since) >= state.watch.stallAfter
      {
        stalled = true
        why =
          "progress \(Formatting.percent(progress)) for \(Formatting.duration(now.timeIntervalSince(since)))"
      }
      entry.stalled = stalled
      if stalled, state.watch.stallNotified.insert(row.id).inserted {
        let name = label(row.resource)
        post(&state, .error, "\(kind.descriptor.noun) \(name) stalled? \(why)")
        effects.append(
          .notifyDesktop(
            DesktopNotification(
              title: "rackwatch", body: "\(kind.descriptor.noun) \(name) stalled? \(why)")))
      }
      motion[row.id] = entry
    }
    state.watch.motion = motion
    return effects
  }
}
