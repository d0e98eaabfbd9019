import CloudClient
import Foundation

/// What a fast refresh needs of the list a pane holds: which IDs it has, when each was last
/// updated, and which are in motion. A copy of the differ's baseline (its arrays are shared,
/// not copied).
struct HeldList: Sendable {
  let version: ListVersion
  let ids: [ItemID]
  let updated: [Double]
  let index: [ItemID: Int]
  /// The (unsanitised) IDs of the items in motion.
  let moving: Set<String>

  var count: Int { ids.count }

  /// The update time of a held item (NaN when it had none), nil when the ID is not held.
  func updated(of id: String) -> Double? {
    index[ItemID(id)].map { updated[$0] }
  }

  /// The server's ID behind a row's (sanitised) ID.
  func serverID(forRowID rowID: String) -> String {
    if index[ItemID(rowID)] != nil { return rowID }
    return ids.lazy.map(\.string).first { TerminalSafe.sanitize($0) == rowID } ?? rowID
  }
}

/// The fast refresh's side of the differ: the same baseline, changed by what a fast refresh
/// found instead of by a whole list, and the same kind of `ListUpdate` for the reducer.
extension ListDiffer {
  /// Seconds since 1970 of the item's last update; NaN when it has none (Cinder sends null
  /// while a snapshot is new; Rackspace v1 sends nothing).
  static func updateTime(_ resource: Resource) -> Double {
    let date: Date?
    switch resource {
    case .backup(let value): date = value.updated
    case .snapshot(let value): date = value.updated
    case .instance, .volume: date = nil
    }
    return date?.timeIntervalSince1970 ?? .nan
  }

  /// The list held at `since`, nil when there is none (first load, pane reset): then only a
  /// whole list will do. Builds the ID index once per baseline.
  func held(_ kind: PaneKind, region: String, since: ListVersion?) -> HeldList? {
    guard let since else { return nil }
    let key = Key(kind: kind, region: region)
    guard var baseline = baselines.withLock({ $0[key] }), baseline.version == since else {
      return nil
    }
    if baseline.index == nil {
      var index = [ItemID: Int](minimumCapacity: baseline.ids.count)
      for (position, id) in baseline.ids.enumerated() where index[id] == nil {
        index[id] = position
      }
      baseline.index = index
      baselines.withLock { baselines in
        if baselines[key]?.version == since { baselines[key]?.index = index }
      }
    }
    return HeldList(
      version: since, ids: baseline.ids, updated: baseline.updated, index: baseline.index ?? [:],
      moving: baseline.moving)
  }

  /// The update for what a fast refresh found: `fetched` items (changed or not; the first of
  /// an ID counts) and the IDs the server no longer has. Nil when the baseline is no longer
  /// the one at `since` (then the caller lists the whole).
  ///
  /// - Parameter watch: row IDs to report even if unchanged, as `update(_:region:_:since:)`.
  func update(
    _ kind: PaneKind, region: String, since: ListVersion, fetched: [Resource],
    gone: Set<String>, watch: Set<String>
  ) -> ListUpdate? {
    let key = Key(kind: kind, region: region)
    // Only one request per list runs at a time (the reducer sees to it), so taking the
    // baseline out and putting the new one back cannot lose another request's result.
    guard var baseline = baselines.withLock({ $0.removeValue(forKey: key) }) else { return nil }
    guard baseline.version == since, var index = baseline.index else {
      baselines.withLock { $0[key] = baseline }
      return nil
    }
    baseline.index = nil  // not shared while it changes
    var changed: [Row] = []
    var reported = Set<String>()
    for resource in fetched {
      guard reported.insert(resource.id).inserted else { continue }  // listed twice
      let id = ItemID(resource.id)
      let print = ResourceComparison.fingerprint(resource)
      let time = Self.updateTime(resource)
      var same = false
      if let position = index[id] {
        same = baseline.prints[position] == print
        baseline.prints[position] = print
        baseline.updated[position] = time
      } else {
        index[id] = baseline.ids.count
        baseline.ids.append(id)
        baseline.prints.append(print)
        baseline.updated.append(time)
      }
      if resource.isInMotion {
        baseline.moving.insert(resource.id)
      } else {
        baseline.moving.remove(resource.id)
      }
      if same, watch.isEmpty || !watch.contains(TerminalSafe.sanitize(resource.id)) { continue }
      changed.append(Row(region: region, resource: resource.sanitized()))
    }
    var removed: [String] = []
    let goneHeld = gone.filter { index[ItemID($0)] != nil && !reported.contains($0) }
    if !goneHeld.isEmpty {
      var keep = [Bool](repeating: true, count: baseline.ids.count)
      for id in goneHeld {
        if let position = index[ItemID(id)] { keep[position] = false }
        baseline.moving.remove(id)
        removed.append(TerminalSafe.sanitize(id))
      }
      var ids: [ItemID] = []
      var prints: [Int] = []
      var updated: [Double] = []
      ids.reserveCapacity(baseline.ids.count)
      prints.reserveCapacity(baseline.ids.count)
      updated.reserveCapacity(baseline.ids.count)
      index.removeAll(keepingCapacity: true)
      for position in baseline.ids.indices where keep[position] {
        if index[baseline.ids[position]] == nil { index[baseline.ids[position]] = ids.count }
        ids.append(baseline.ids[position])
        prints.append(baseline.prints[position])
        updated.append(baseline.updated[position])
      }
      (baseline.ids, baseline.prints, baseline.updated) = (ids, prints, updated)
    }
    let version = ListVersion(counter.add(1, ordering: .relaxed).newValue)
    baseline.version = version
    baseline.index = index
    let count = baseline.ids.count
    baselines.withLock { $0[key] = baseline }
    return ListUpdate(
      version: version, change: .delta(base: since, changed: changed, removed: removed),
      count: count)
  }
}
