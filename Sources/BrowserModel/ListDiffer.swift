import Foundation
import Synchronization

/// Remembers, per pane and region, a fingerprint of every item of the last list result, and
/// turns the next result into a `ListUpdate` holding only what changed.
///
/// It works in the effect runner's task, off the reducer, so comparing 100,000 items never
/// delays a keystroke. Memory: one hash and one ID reference per item (the ID strings are
/// shared with the rows).
public final class ListDiffer: Sendable {
  struct Key: Hashable {
    var kind: PaneKind
    var region: String
  }

  struct Baseline {
    var version: ListVersion
    var prints: [String: Int]
  }

  private let baselines = Mutex<[Key: Baseline]>([:])
  private let counter = Atomic<UInt64>(0)

  public init() {}

  /// The update for a fresh result of one list.
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
    let old: [String: Int]? = baselines.withLock { baselines in
      guard let since, let baseline = baselines[key], baseline.version == since else {
        return nil
      }
      return baseline.prints
    }
    var prints = [String: Int](minimumCapacity: resources.count)
    var changed: [Row] = []
    for resource in resources {
      let id = resource.id
      let print = resource.hashValue
      guard prints.updateValue(print, forKey: id) == nil else { continue }  // listed twice
      if let old, old[id] == print, !watch.contains(TerminalSafe.sanitize(id)) { continue }
      if old != nil { changed.append(Row(region: region, resource: resource.sanitized())) }
    }
    let version = ListVersion(counter.add(1, ordering: .relaxed).newValue)
    baselines.withLock { $0[key] = Baseline(version: version, prints: prints) }
    guard let old, let since else {
      let rows = resources.map { Row(region: region, resource: $0.sanitized()) }
      return ListUpdate(version: version, change: .full(rows), count: resources.count)
    }
    let removed = old.keys.filter { prints[$0] == nil }.map(TerminalSafe.sanitize)
    return ListUpdate(
      version: version, change: .delta(base: since, changed: changed, removed: removed),
      count: resources.count)
  }

  /// Forgets every list (a new session: nothing the panes hold is comparable any more).
  public func reset() {
    baselines.withLock { $0.removeAll() }
  }
}
