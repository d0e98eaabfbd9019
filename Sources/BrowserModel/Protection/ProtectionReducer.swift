import CloudClient
import Foundation

/// The Protection view's part of the reducer: opening and closing, selection, schedules and
/// the recompute of its rows from the panes.
enum ProtectionReducer {
  /// Verdicts age with time: the rows are recomputed at least this often while open.
  static let ageingStep: TimeInterval = 30

  static func apply(_ state: inout BrowserState, _ action: ProtectionAction) -> [Effect] {
    switch action {
    case .open: return open(&state)
    case .close(let then):
      close(&state)
      state.detailOpen = false
      return Reducer.focusPane(&state, then ?? state.protection.returnPane)
    case .move(let delta): select(&state, state.protection.selected + delta)
    case .first: select(&state, 0)
    case .last: select(&state, Int.max)
    case .openResource: return openResource(&state)
    case .beginSchedule: return ProtectionSchedules.begin(&state)
    case .beginCopy: return ProtectionCopies.begin(&state)
    case .schedulesLoaded(let region, let result, let now):
      Reducer.advance(&state, to: now)
      switch result {
      case .success(let list?): state.protection.schedules[region] = .listed(list)
      case .success(nil): state.protection.schedules[region] = .unsupported
      case .failure(let error):
        state.protection.schedules[region] = .failed(Reducer.describe(error))
      }
      state.protection.scheduleVersion += 1
    case .scheduleSaved(let region, let what, let result, let now):
      return ProtectionSchedules.saved(&state, region: region, what, result, now: now)
    }
    return []
  }

  /// Closes the view: its tallies go, and the panes stop logging changes for them.
  static func close(_ state: inout BrowserState) {
    state.protection.isOpen = false
    state.protection.backupTallies = nil
    state.protection.snapshotTallies = nil
    state.withPane(.backups) { $0.ownerLog.lose() }
    state.withPane(.snapshots) { $0.ownerLog.lose() }
  }

  static func open(_ state: inout BrowserState) -> [Effect] {
    if !state.protection.isOpen { state.protection.returnPane = state.focusedPane }
    state.protection.isOpen = true
    state.detailOpen = false
    var effects: [Effect] = []
    for kind in PaneKind.allCases { effects += Reducer.loadIfNeverLoaded(&state, kind) }
    effects += loadSchedules(&state)
    recompute(&state)
    return effects
  }

  /// Asks every watched region for its schedules.
  static func loadSchedules(_ state: inout BrowserState) -> [Effect] {
    state.watchedRegions.map { region in
      if state.protection.schedules[region] == nil { state.protection.schedules[region] = .loading }
      return .protection(.loadSchedules(region: region))
    }
  }

  static func select(_ state: inout BrowserState, _ index: Int) {
    let count = state.protection.rows.count
    state.protection.selected = count == 0 ? 0 : min(max(index, 0), count - 1)
  }

  /// Enter: the instance's backups or the volume's snapshots, as the `instance:NAME` /
  /// `volume:NAME` filter (the ID when the name is not one word or not unique).
  static func openResource(_ state: inout BrowserState) -> [Effect] {
    guard let row = state.protection.selectedRow else { return [] }
    close(&state)
    return row.kind == .instance
      ? Reducer.showFamily(&state, .backups, term: "instance", name: row.name, id: row.id)
      : Reducer.showFamily(&state, .snapshots, term: "volume", name: row.name, id: row.id)
  }

  /// After any action: recompute the rows when what they derive from changed, and reload
  /// the schedules with the instances list.
  static func follow(_ state: inout BrowserState, _ action: Action) -> [Effect] {
    guard state.protection.isOpen else { return [] }
    var effects: [Effect] = []
    switch action {
    case .listUpdated(_, _, let update, _):
      if case .delta(_, let changed, let removed) = update.change, changed.isEmpty,
        removed.isEmpty
      {
        break
      }
      state.protection.paneChanges += 1
    case .listLoaded, .continueMerge, .backupCreated, .snapshotCreated, .snapshotUpdated,
      .deleted:
      state.protection.paneChanges += 1
    default: break
    }
    switch action {
    case .refreshNow:
      effects = loadSchedules(&state)
    case .listUpdated(.instances, let region, _, _):
      if state.protection.schedules[region] != .loading {
        effects = [.protection(.loadSchedules(region: region))]
      }
    case .regionsLoaded:
      effects = loadSchedules(&state)
    default: break
    }
    recomputeIfNeeded(&state)
    return effects
  }

  /// A cheap fingerprint of what the rows derive from: each pane's row count, the results
  /// that changed rows, the schedules, the regions in view and the thresholds.
  static func stamp(_ state: BrowserState) -> Int {
    var hasher = Hasher()
    for kind in PaneKind.allCases { hasher.combine(state.pane(kind).rows.count) }
    hasher.combine(state.protection.paneChanges)
    hasher.combine(state.protection.scheduleVersion)
    hasher.combine(state.watchedRegions)
    hasher.combine(state.protection.thresholds.backup)
    hasher.combine(state.protection.thresholds.snapshot)
    hasher.combine(state.protection.thresholds.grace)
    hasher.combine(state.protection.thresholds.offRegion)
    return hasher.finalize()
  }

  static func recomputeIfNeeded(_ state: inout BrowserState) {
    // A large refresh merges in steps: recompute once, when the last step has landed.
    if PaneKind.allCases.contains(where: { !state.pane($0).merging.isEmpty }) { return }
    let stamp = stamp(state)
    let stale =
      state.protection.computedAt.map { state.now.timeIntervalSince($0) >= ageingStep } ?? true
    guard stamp != state.protection.stamp || stale else { return }
    recompute(&state, stamp: stamp)
  }

  /// Derives the rows from the panes (see `ProtectionDerivation.update`: in the time of the
  /// changes since the last recompute), keeping the selection on the same instance or
  /// volume.
  static func recompute(_ state: inout BrowserState, stamp: Int? = nil) {
    let keep = state.protection.selectedRow.map { ($0.kind, $0.region, $0.id) }
    let derived = ProtectionDerivation.update(&state)
    state.protection.rows = derived.rows
    state.protection.orphans = derived.orphans
    state.protection.totals = derived.totals
    state.protection.computedAt = state.now
    state.protection.stamp = stamp ?? Self.stamp(state)
    if let keep,
      let index = derived.rows.firstIndex(where: {
        $0.kind == keep.0 && $0.region == keep.1 && $0.id == keep.2
      })
    {
      state.protection.selected = index
    } else {
      select(&state, state.protection.selected)
    }
  }
}
