import CloudClient
import Foundation
import Synchronization

/// Remembers, per pane and region, a fingerprint of every item of the last list result, and
/// turns the next result into a `ListUpdate` holding only what changed.
///
/// It works in the effect runner's task, off the reducer, so comparing 100,000 items never
/// delays a keystroke. Memory: one hash, one update time and one packed ID per item, 40
/// bytes (`ItemID`: a UUID needs no heap).
public final class ListDiffer: Sendable {
  struct Key: Hashable {
    var kind: PaneKind
    var region: String
  }

  /// The last result of one list: IDs and fingerprints in the server's order, and what a
  /// fast refresh needs of it (`ListDiffer+Changes.swift`).
  struct Baseline {
    var version: ListVersion
    var ids: [ItemID]
    var prints: [Int]
    /// Each item's update time (seconds since 1970), NaN when it has none.
    var updated: [Double]
    /// The (unsanitised) IDs of the items in motion.
    var moving: Set<String>
    /// Position of each ID; built the first time a fast refresh needs it.
    var index: [ItemID: Int]?
  }

  let baselines = Mutex<[Key: Baseline]>([:])
  let counter = Atomic<UInt64>(0)

  public init() {}

  /// The update for a fresh result of one list.
  ///
  /// Items are matched to the previous result by walking both in order (servers answer in
  /// a stable order), falling back to a dictionary only for items that moved.
  ///
  /// - Parameters:
  ///   - since: the version the pane holds; a difference is sent only from that version.
  ///   - watch: IDs to report even if unchanged (rows waiting for a list to confirm an
  ///     operation).
  public func update(
    _ kind: PaneKind, region: String, _ resources: [Resource], since: ListVersion?,
    watch: Set<String> = []
  ) -> ListUpdate {
    let key = Key(kind: kind, region: region)
    let old: Baseline? = baselines.withLock { baselines in
      guard let since, let baseline = baselines[key], baseline.version == since else {
        return nil
      }
      return baseline
    }
    var ids: [ItemID] = []
    ids.reserveCapacity(resources.count)
    var prints: [Int] = []
    prints.reserveCapacity(resources.count)
    var updated: [Double] = []
    updated.reserveCapacity(resources.count)
    var moving = Set<String>()
    for resource in resources {
      ids.append(ItemID(resource.id))
      prints.append(ResourceComparison.fingerprint(resource))
      updated.append(Self.updateTime(resource))
      if resource.isInMotion { moving.insert(resource.id) }
    }
    let version = ListVersion(counter.add(1, ordering: .relaxed).newValue)
    guard let old, let since else {
      baselines.withLock {
        $0[key] = Baseline(
          version: version, ids: ids, prints: prints, updated: updated, moving: moving)
      }
      let rows = resources.map { Row(region: region, resource: $0.sanitized()) }
      return ListUpdate(version: version, change: .full(rows), count: resources.count)
    }
    var seen = [Bool](repeating: false, count: old.ids.count)
    var positions: [ItemID: Int]?
    var fresh = Set<ItemID>()  // new IDs, to drop one listed twice
    var changed: [Row] = []
    var cursor = 0
    for k in resources.indices {
      let id = ids[k]
      var found = -1
      if cursor < old.ids.count, old.ids[cursor] == id {
        found = cursor
      } else {
        if positions == nil {
          positions = Dictionary(
            old.ids.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        }
        found = positions?[id] ?? -1
      }
      if found >= 0 {
        cursor = found + 1
        guard !seen[found] else { continue }  // listed twice
        seen[found] = true
        if old.prints[found] == prints[k],
          watch.isEmpty || !watch.contains(TerminalSafe.sanitize(resources[k].id))
        {
          continue
        }
      } else if !fresh.insert(id).inserted {
        continue
      }
      changed.append(Row(region: region, resource: resources[k].sanitized()))
    }
    baselines.withLock {
      $0[key] = Baseline(
        version: version, ids: ids, prints: prints, updated: updated, moving: moving)
    }
    var removed: [String] = []
    let unseen = old.ids.indices.filter { !seen[$0] }.map { old.ids[$0] }
    if !unseen.isEmpty {
      // An ID listed twice last time is unseen at one of its places but not gone.
      let listed = Set(ids)
      removed = unseen.filter { !listed.contains($0) }.map { TerminalSafe.sanitize($0.string) }
    }
    return ListUpdate(
      version: version, change: .delta(base: since, changed: changed, removed: removed),
      count: resources.count)
  }
}
