import CloudClient
import Foundation

/// The history, digest, notifications, ETAs and the events view, in the reducer.
extension Reducer {
  static func watchAction(_ state: inout BrowserState, _ action: WatchAction) -> [Effect] {
    switch action {
    case .toggleNotify: return toggleNotify(&state)
    case .toggleEvents:
      state.watch.eventsView = state.watch.eventsView == nil ? EventsView() : nil
      return []
    case .closeEvents:
      state.watch.eventsView = nil
      return []
    case .dismissDigest:
      state.watch.digest?.visible = false
      return []
    case .eventsMove, .eventsFirst, .eventsLast, .eventsBeginFilter, .eventsEditFilter,
      .eventsCommitFilter, .eventsCancelFilter, .eventsJump:
      return eventsViewAction(&state, action)
    }
  }

  /// `n` on a row: notify when its job finishes. Settled rows have nothing to wait for.
  static func toggleNotify(_ state: inout BrowserState) -> [Effect] {
    guard let row = state.focused.selectedRow else { return [] }
    let name = label(row.resource)
    if state.watch.notifyOnFinish.remove(row.id) != nil {
      post(&state, .info, "No notification for \(name)")
      return []
    }
    guard row.isInMotion || row.pending != nil else {
      post(&state, .info, "\(row.kind.descriptor.noun) \(name) is not running")
      return []
    }
    state.watch.notifyOnFinish.insert(row.id)
    post(&state, .info, "Will notify when \(name) finishes")
    return []
  }

  /// After a list is merged (its last step): records what changed, learns durations,
  /// notifies, refreshes ETAs and stalls, and on a list's first load adds to the digest.
  static func recordList(
    _ state: inout BrowserState, _ kind: PaneKind, region: String, firstLoad: Bool
  ) -> [Effect] {
    guard kind == .backups || kind == .snapshots else {
      state.withPane(kind) { _ = $0.takeRecorded() }
      return []
    }
    var events: [HistoryEvent] = []
    state.withPane(kind) { events = $0.takeRecorded() }
    var effects: [Effect] = []
    if firstLoad {
      digestFirstLoad(&state, kind, region: region)
      events += runningUnknown(state, kind, region: region)
    }
    if firstLoad {
      learnDurations(&state, kind, region: region, from: nil)
    } else if !events.isEmpty {
      learnDurations(&state, kind, region: region, from: events)
    }
    if !events.isEmpty {
      state.watch.append(events)
      effects.append(.recordHistory(events))
      effects += notifications(&state, for: events)
    }
    effects += updateMotion(&state, kind, region: region)
    return effects
  }

  /// Notifications for finished jobs the operator asked about (`n`) and, when the profile
  /// says so, for every failure.
  static func notifications(_ state: inout BrowserState, for events: [HistoryEvent])
    -> [Effect]
  {
    var effects: [Effect] = []
    for event in events where [.completed, .failed, .gone].contains(event.change) {
      let asked = state.watch.notifyOnFinish.remove(event.row) != nil
      guard asked || (event.change == .failed && state.watch.notifyFailures) else { continue }
      let noun = event.kind?.descriptor.noun ?? "Job"
      let name = event.name.isEmpty ? event.id : event.name
      let words: String
      switch event.change {
      case .completed: words = (event.to ?? "completed").lowercased()
      case .failed: words = "failed (\(event.to ?? "error"))"
      default: words = "gone"
      }
      effects.append(
        .notifyDesktop(
          DesktopNotification(
            title: "rackwatch", body: "\(noun) \(name) \(words) · \(event.region)")
        ))
    }
    return effects
  }

  /// Jobs running at a list's first load that the history has not seen start: recorded as
  /// started now, so the next digest knows they were running (Cinder v1 snapshots carry no
  /// `updated` to tell when they finished).
  static func runningUnknown(_ state: BrowserState, _ kind: PaneKind, region: String)
    -> [HistoryEvent]
  {
    let pane = state.pane(kind)
    let moving = pane.rows.withUnsafeBufferPointer { rows in
      rows.indices.filter { rows[$0].resourceInMotion && rows[$0].id.region == region }
    }
    guard !moving.isEmpty else { return [] }
    let known = lastChanges(state.watch.events, kind, region: region)
    return moving.compactMap { index in
      let row = pane.rows[index]
      guard known[row.id.id] != .started else { return nil }
      return HistoryEvent(.started, row: row, from: nil, at: state.now)
    }
  }

  /// The last change the history holds for each row of a list.
  static func lastChanges(_ events: [HistoryEvent], _ kind: PaneKind, region: String)
    -> [String: HistoryEvent.Change]
  {
    var last: [String: HistoryEvent.Change] = [:]
    for event in events where event.kind == kind && event.region == region {
      last[event.id] = event.change
    }
    return last
  }

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

  /// The first load of a list after start: what finished, failed, started or went while
  /// rackwatch was closed (server timestamps after `lastLooked`), and those rows unseen.
  static func digestFirstLoad(_ state: inout BrowserState, _ kind: PaneKind, region: String) {
    guard let since = state.watch.lastLooked,
      state.watch.digested.insert("\(kind.rawValue)/\(region)").inserted
    else { return }
    var digest = state.watch.digest ?? Digest(since: since)
    let descriptor = kind.descriptor
    let pane = state.pane(kind)
    var listed = Set<String>()
    let lastChange = lastChanges(state.watch.events, kind, region: region)
    for index in pane.rows.indices {
      let row = pane.rows[index]
      guard row.region == region else { continue }
      listed.insert(row.id.id)
      let created = row.resource.historyCreated
      var ended = row.resource.historyUpdated ?? created
      // Running when rackwatch last looked, settled now: it ended while away, whatever the
      // timestamps say (a Cinder v1 snapshot has no `updated`).
      if !row.resourceInMotion, lastChange[row.id.id] == .started,
        ended.map({ $0 <= since }) ?? true
      {
        ended = since.addingTimeInterval(1)
      }
      let change: HistoryEvent.Change?
      if row.resourceInMotion {
        change = created.map { $0 > since } == true ? .started : nil
      } else if let ended, ended > since {
        switch descriptor.outcome(
          StatusChange(from: "", to: row.statusKey, wasMoving: true, wasCreated: true))
        {
        case .completed?: change = .completed
        case .failed?: change = .failed
        default: change = created.map { $0 > since } == true ? .appeared : nil
        }
      } else {
        change = nil
      }
      guard let change else { continue }
      digest.add(kind, change)
      state.watch.unseen.insert(row.id)
    }
    // Jobs the history last saw running that the server no longer lists.
    let vanished = lastChange.filter { $0.value == .started && !listed.contains($0.key) }.count
    digest.add(kind, .gone, vanished)
    state.watch.digest = digest
  }

  /// A row the operator selects is seen (not one a refresh or a pane switch selected for
  /// them: nobody looked at it yet).
  static func markSeen(_ state: inout BrowserState, after action: Action) {
    guard !state.watch.unseen.isEmpty else { return }
    switch action {
    case .moveSelection, .pageUp, .pageDown, .selectFirst, .selectLast, .openDetail,
      .watch(.eventsJump):
      if let id = state.focused.selectedID { state.watch.unseen.remove(id) }
    default: break
    }
  }

  /// `:events`, `:pause`, `:resume`, `:refresh 5s [30s]`, `:notify failures|off`.
  static func watchCommand(_ state: inout BrowserState, _ verb: String, _ argument: String)
    -> [Effect]
  {
    switch verb {
    case "events", "ev":
      state.watch.eventsView = EventsView()
      return []
    case "pause":
      state.watch.paused.toggle()
      post(
        &state, .info, state.watch.paused ? "Paused: no refresh until :pause or :resume" : "Resumed"
      )
      return state.watch.paused ? [] : refreshNow(&state)
    case "resume":
      state.watch.paused = false
      post(&state, .info, "Resumed")
      return refreshNow(&state)
    case "refresh":
      let words = argument.split(separator: " ").map(String.init)
      let parsed = words.map(Self.parseInterval)
      guard (1...2).contains(parsed.count), let fast = parsed[0], parsed.allSatisfy({ $0 != nil })
      else {
        post(&state, .error, "Usage: :refresh 5s [60s] (fast, and slow when settled)")
        return []
      }
      state.refresh.fast = fast
      if parsed.count == 2, let slow = parsed[1] {
        state.refresh.slow = slow
      } else if state.refresh.slow < fast {
        state.refresh.slow = fast
      }
      state.watch.intervalsChanged = true
      // Refreshes already scheduled move to the new interval.
      let now = state.now
      let policy = state.refresh
      for kind in PaneKind.allCases {
        state.withPane(kind) { pane in
          // Not lists backing off after errors: their delay is the server's business.
          for (region, var list) in pane.lists where !list.inFlight && list.failures == 0 {
            let moving = pane.anyInMotion(region: region)
            let interval = (moving ? policy.fast : policy.slow).seconds
            list.nextDue = (list.lastLoaded ?? now).addingTimeInterval(interval)
            pane.lists[region] = list
          }
        }
      }
      state.scheduledWakeup = nil
      post(
        &state, .info,
        "Refresh every \(Formatting.interval(state.refresh.fast)) in motion, \(Formatting.interval(state.refresh.slow)) settled"
      )
      return []
    case "notify":
      switch argument.lowercased() {
      case "failures", "failure", "on":
        state.watch.notifyFailures = true
        post(&state, .info, "Will notify about every failure")
      case "off", "none":
        state.watch.notifyFailures = false
        state.watch.notifyOnFinish.removeAll()
        post(&state, .info, "Notifications off")
      default:
        post(&state, .error, "Usage: :notify failures|off")
      }
      return []
    default:
      return []
    }
  }

  /// `5s`, `2m`, `1h`, `500ms`, or plain seconds; at least half a second.
  static func parseInterval(_ text: String) -> Duration? {
    let lower = text.lowercased()
    var number = lower
    var scale = 1.0
    for (suffix, factor) in [("ms", 0.001), ("s", 1.0), ("m", 60.0), ("h", 3600.0)]
    where lower.hasSuffix(suffix) {
      number = String(lower.dropLast(suffix.count))
      scale = factor
      break
    }
    guard let value = Double(number), value.isFinite, value * scale >= 0.5,
      value * scale <= 86_400
    else { return nil }
    return .milliseconds(Int64((value * scale * 1000).rounded()))
  }
}
