import CloudClient
import Foundation

/// Loading lists: start, ticks, refresh now, results, scheduling.
extension Reducer {
  static func start(_ state: inout BrowserState, now: Date) -> [Effect] {
    advance(&state, to: now)
    var effects: [Effect] = []
    if state.availableRegions.isEmpty { effects.append(.loadRegions) }
    effects += loadAll(&state, kinds: PaneKind.allCases, onlyNeverLoaded: false)
    return effects
  }

  /// Panes refreshed on ticks: backups and snapshots always (jobs finishing are announced),
  /// instances and volumes while on screen or in an open picker.
  static func watchedPanes(_ state: BrowserState) -> [PaneKind] {
    var kinds: [PaneKind] = [.backups, .snapshots]
    // A restored instance or a volume made from a snapshot is watched until it settles,
    // wherever the operator looks.
    if state.focusedPane == .instances || state.formPurpose == .createBackup
      || state.pane(.instances).anyInMotion
      || state.protection.isOpen
    {
      kinds.append(.instances)
    }
    if state.focusedPane == .volumes || state.formPurpose == .createSnapshot
      || state.pane(.volumes).anyInMotion
      || state.protection.isOpen
    {
      kinds.append(.volumes)
    }
    return kinds
  }

  /// Sends one list request per pane and region that is not already running.
  static func loadAll(
    _ state: inout BrowserState, kinds: [PaneKind], onlyNeverLoaded: Bool, whole: Bool = false
  ) -> [Effect] {
    var effects: [Effect] = []
    let regions = state.watchedRegions
    for kind in kinds {
      state.withPane(kind) { pane in
        for region in regions {
          var list = pane.lists[region] ?? ListStatus()
          if list.inFlight { continue }
          if onlyNeverLoaded, list.lastLoaded != nil || list.error != nil { continue }
          list.inFlight = true
          pane.lists[region] = list
          effects.append(
            whole ? pane.reloadEffect(region: region) : pane.loadEffect(region: region))
        }
      }
    }
    return effects
  }

  static func loadIfNeverLoaded(_ state: inout BrowserState, _ kind: PaneKind) -> [Effect] {
    loadAll(&state, kinds: [kind], onlyNeverLoaded: true)
  }

  static func refreshNow(_ state: inout BrowserState) -> [Effect] {
    var kinds = watchedPanes(state)
    if !kinds.contains(state.focusedPane) { kinds.append(state.focusedPane) }
    // `r` reads every list whole: deletions a fast refresh cannot see show at once.
    return loadAll(&state, kinds: kinds, onlyNeverLoaded: false, whole: true)
  }

  static func tick(_ state: inout BrowserState, now: Date) -> [Effect] {
    advance(&state, to: now)
    state.scheduledWakeup = nil
    state.messages.removeAll { $0.expires <= state.now }
    let fadeBefore = state.now.addingTimeInterval(-state.refresh.highlight.seconds)
    for kind in PaneKind.allCases {
      if state.pane(kind).hasMarks(before: fadeBefore) {
        state.withPane(kind) { $0.fadeMarks(before: fadeBefore) }
      }
    }
    updateStaleness(&state)
    var effects: [Effect] = []
    let regions = state.watchedRegions
    let current = state.now
    for kind in watchedPanes(state) where !state.watch.paused {
      state.withPane(kind) { pane in
        for region in regions {
          var list = pane.lists[region] ?? ListStatus()
          guard !list.inFlight else { continue }  // never two requests for one list
          if let due = list.nextDue, due > current { continue }
          list.inFlight = true
          pane.lists[region] = list
          effects.append(pane.loadEffect(region: region))
        }
      }
    }
    return effects
  }

  static func updateStaleness(_ state: inout BrowserState) {
    let connection = state.connection
    var stale = false
    if let errorAt = connection.lastErrorAt,
      connection.lastSuccess.map({ errorAt > $0 }) ?? true
    {
      stale = true
    }
    if let success = connection.lastSuccess,
      state.now.timeIntervalSince(success) > 3 * state.refresh.slow.seconds
    {
      stale = true
    }
    state.connection.stale = stale
  }

  static func regionsLoaded(_ state: inout BrowserState, _ result: Result<[String], CloudError>)
    -> [Effect]
  {
    switch result {
    case .success(let regions):
      state.availableRegions = regions.map(TerminalSafe.sanitize).sorted()
      return loadAll(&state, kinds: PaneKind.allCases, onlyNeverLoaded: true)
    case .failure(let error):
      post(&state, .error, "Could not list regions: \(describe(error))")
      return []
    }
  }

  static func listLoaded(
    _ state: inout BrowserState, _ kind: PaneKind, region: String,
    _ result: Result<[Resource], CloudError>, now: Date
  ) -> [Effect] {
    switch result {
    case .success(let resources):
      let rows = resources.map { Row(region: region, resource: $0.sanitized()) }
      // Not the runner's: no version to build the next difference on.
      return listUpdated(
        &state, kind, region: region,
        ListUpdate(version: ListVersion(0), change: .full(rows), count: rows.count), now: now,
        keepVersion: false)
    case .failure(let error):
      advance(&state, to: now)
      guard state.watchedRegions.contains(region) else { return [] }
      let current = state.now
      let policy = state.refresh
      var failures = 0
      let text = describe(error)
      state.withPane(kind) { pane in
        var list = pane.lists[region] ?? ListStatus()
        list.inFlight = false
        list.failures += 1
        failures = list.failures
        list.error = text
        list.nextDue = current.addingTimeInterval(
          policy.delayAfterFailure(failures: list.failures, retryAfter: error.retryAfter).seconds)
        pane.lists[region] = list
      }
      state.connection.lastError = text
      state.connection.lastErrorAt = current
      updateStaleness(&state)
      // Only the first failure in a row is announced: back-off retries stay quiet.
      if failures == 1 { post(&state, .error, "\(kind.title) \(region): \(text)") }
      return []
    }
  }

  /// Merges a successful list result: the whole list, or the difference from the version the
  /// pane holds. A difference from another version (the pane was reset meanwhile) is
  /// dropped and the whole list asked for at once. A difference with more changed rows than
  /// `mergeStep` is merged over several steps (`continueMerge`).
  static func listUpdated(
    _ state: inout BrowserState, _ kind: PaneKind, region: String, _ update: ListUpdate,
    now: Date, keepVersion: Bool = true
  ) -> [Effect] {
    advance(&state, to: now)
    guard state.watchedRegions.contains(region) else { return [] }  // region switched away
    let current = state.now
    var events: [RowEvent] = []
    var positions: [Int32] = []
    var stale = false
    var stepped = false
    let step = state.refresh.mergeStep
    state.withPane(kind) { pane in
      var list = pane.lists[region] ?? ListStatus()
      switch update.change {
      case .full(let rows):
        events = pane.merge(rows, region: region, now: current)
      case .delta(let base, let changed, _):
        guard list.version == base else {
          stale = true
          list.version = nil
          list.inFlight = true
          pane.lists[region] = list
          return
        }
        if changed.count > step {
          // Still in flight until the last step: no second request meanwhile.
          pane.merging[region] = PaneState.PendingMerge(
            update: update, next: 0, events: [], now: current)
          list.inFlight = true
          pane.lists[region] = list
          stepped = true
        } else {
          events = pane.apply(
            update, rows: changed.indices, region: region, now: current, positions: &positions)
        }
      }
    }
    if stale { return [state.pane(kind).loadEffect(region: region)] }
    if stepped { return continueMerge(&state, kind, region: region) }
    var listChanged = true
    if case .delta(_, let changed, let removed) = update.change {
      listChanged = !changed.isEmpty || !removed.isEmpty
    }
    return finishList(
      &state, kind, region: region, version: keepVersion ? update.version : nil, events: events,
      listChanged: listChanged, changes: MergedDifference(update: update, positions: positions))
  }

  /// Merges the next `mergeStep` changed rows of a large difference; the last step also
  /// marks the rows gone and finishes the list.
  static func continueMerge(_ state: inout BrowserState, _ kind: PaneKind, region: String)
    -> [Effect]
  {
    guard state.watchedRegions.contains(region) else { return [] }
    let step = state.refresh.mergeStep
    var finished: PaneState.PendingMerge?
    var more = false
    state.withPane(kind) { pane in
      guard var pending = pane.merging[region],
        case .delta(_, let changed, _) = pending.update.change
      else { return }
      let end = min(changed.count, pending.next + step)
      pending.events += pane.apply(
        pending.update, rows: pending.next..<end, region: region, now: pending.now,
        positions: &pending.positions)
      pending.next = end
      if end == changed.count {
        pane.merging[region] = nil
        finished = pending
      } else {
        pane.merging[region] = pending
        more = true
      }
    }
    if more { return [.continueMerge(kind, region: region)] }
    guard let finished else { return [] }
    return finishList(
      &state, kind, region: region, version: finished.update.version, events: finished.events,
      changes: MergedDifference(update: finished.update, positions: finished.positions))
  }

  /// After a list is merged: the list's status, the next refresh, and the messages.
  /// `changes`: the result merged (a difference tells the motion pass which rows changed).
  private static func finishList(
    _ state: inout BrowserState, _ kind: PaneKind, region: String, version: ListVersion?,
    events: [RowEvent], listChanged: Bool = true, changes: MergedDifference? = nil
  ) -> [Effect] {
    let current = state.now
    let policy = state.refresh
    let firstLoad = state.pane(kind).lists[region]?.lastLoaded == nil
    state.withPane(kind) { pane in
      var list = pane.lists[region] ?? ListStatus()
      list.inFlight = false
      list.version = version
      list.failures = 0
      list.error = nil
      list.lastLoaded = current
      let moving = pane.anyInMotion(region: region)
      list.nextDue = current.addingTimeInterval(
        policy.delayAfterSuccess(inMotion: moving).seconds)
      pane.lists[region] = list
    }
    state.connection.lastSuccess = current
    updateStaleness(&state)
    var effects: [Effect] = []
    let pane = state.pane(kind)
    let messages = RowEvent.messages(events) { id in
      pane.row(id).map { label($0.resource) } ?? id.id
    }
    for (level, text) in messages {
      post(&state, level, text)
      if state.bellEnabled { effects.append(.bell) }
    }
    if kind == .instances || kind == .volumes { refreshPickers(&state) }
    effects += recordList(
      &state, kind, region: region, firstLoad: firstLoad, listChanged: listChanged,
      changes: changes)
    return effects
  }

  /// The single wake-up the runner should schedule, if it changed.
  static func wakeup(_ state: inout BrowserState) -> Effect? {
    var earliest: Date?
    func consider(_ date: Date?) {
      guard let date else { return }
      if earliest.map({ date < $0 }) ?? true { earliest = date }
    }
    let regions = state.watchedRegions
    // Paused: no wake-up for refreshes (only for messages and marks), so nothing spins.
    for kind in watchedPanes(state) where !state.watch.paused {
      let pane = state.pane(kind)
      for region in regions {
        guard let list = pane.lists[region], !list.inFlight else { continue }
        consider(list.nextDue ?? state.now)
      }
    }
    for message in state.messages { consider(message.expires) }
    let highlight = state.refresh.highlight.seconds
    for pane in state.panes.values {
      consider(pane.oldestMark.map { $0.addingTimeInterval(highlight) })
    }
    guard let earliest else { return nil }
    if let scheduled = state.scheduledWakeup, scheduled <= earliest, scheduled > state.now {
      return nil  // an earlier or equal wake-up is already pending
    }
    state.scheduledWakeup = earliest
    let seconds = max(0, earliest.timeIntervalSince(state.now))
    return .scheduleTick(after: .milliseconds(Int64((seconds * 1000).rounded(.up))))
  }
}

extension PaneState {
  /// The whole-list request for one region (`r`).
  func reloadEffect(region: String) -> Effect {
    guard case .load(let kind, let region, let since, let watch) = loadEffect(region: region)
    else { return loadEffect(region: region) }
    return .reload(kind, region: region, since: since, watch: watch)
  }
}

extension BrowserState {
  /// The purpose of the open form, if any (for deciding which pickers to keep fresh).
  var formPurpose: FormPurpose? {
    if case .form(let form) = dialog { return form.purpose }
    return nil
  }
}
