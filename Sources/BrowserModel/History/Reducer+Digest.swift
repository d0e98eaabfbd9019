import CloudClient
import Foundation

/// "Since you last looked", on the first load of each list after start.
extension Reducer {
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
      let created = row.stored.historyCreated
      var ended = row.stored.historyUpdated ?? created
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
}
