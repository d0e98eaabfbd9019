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
    _ state: inout BrowserState, _ kind: PaneKind, region: String, firstLoad: Bool,
    listChanged: Bool = true, changes: MergedDifference? = nil
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
    effects += updateMotion(
      &state, kind, region: region, listChanged: listChanged, changes: changes)
    return effects
  }

  /// Notifications for finished jobs the operator asked about (`n`) and, when the profile
  /// says so, for every failure.
  static func notifications(_ state: inout BrowserState, for events: [HistoryEvent])
    -> [Effect]
  {
    // Nothing asked for: no need to look at each of 10,000 jobs finishing at once.
    guard !state.watch.notifyOnFinish.isEmpty || state.watch.notifyFailures else { return [] }
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
}
