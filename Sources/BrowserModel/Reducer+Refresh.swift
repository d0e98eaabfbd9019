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
    if state.focusedPane == .instances || state.formPurpose == .createBackup {
      kinds.append(.instances)
    }
    if state.focusedPane == .volumes || state.formPurpose == .createSnapshot {
      kinds.append(.volumes)
    }
    return kinds
  }

  /// Sends one list request per pane and region that is not already running.
  static func loadAll(_ state: inout BrowserState, kinds: [PaneKind], onlyNeverLoaded: Bool)
    -> [Effect]
  {
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
          effects.append(.load(kind, region: region))
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
    return loadAll(&state, kinds: kinds, onlyNeverLoaded: false)
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
    for kind in watchedPanes(state) {
      state.withPane(kind) { pane in
        for region in regions {
          var list = pane.lists[region] ?? ListStatus()
          guard !list.inFlight else { continue }  // never two requests for one list
          if let due = list.nextDue, due > current { continue }
          list.inFlight = true
          pane.lists[region] = list
          effects.append(.load(kind, region: region))
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
    advance(&state, to: now)
    guard state.watchedRegions.contains(region) else { return [] }  // region switched away
    let current = state.now
    let policy = state.refresh
    var effects: [Effect] = []
    switch result {
    case .success(let resources):
      var events: [RowEvent] = []
      state.withPane(kind) { pane in
        events = pane.merge(resources, region: region, now: current)
        var list = pane.lists[region] ?? ListStatus()
        list.inFlight = false
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
      for event in events {
        post(&state, event.level, event.text)
        if state.bellEnabled { effects.append(.bell) }
      }
      if kind == .instances || kind == .volumes { refreshPickers(&state) }
    case .failure(let error):
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
    }
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
    for kind in watchedPanes(state) {
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

extension BrowserState {
  /// The purpose of the open form, if any (for deciding which pickers to keep fresh).
  var formPurpose: FormPurpose? {
    if case .form(let form) = dialog { return form.purpose }
    return nil
  }
}
