import Foundation

/// "Since you last looked": what finished, failed, started or vanished while rackwatch was
/// closed, from the server's timestamps against the time rackwatch last looked.
public struct Digest: Sendable, Hashable {
  public var since: Date
  /// Counts per kind and change, in a stable order for the panel.
  public internal(set) var counts: [Count] = []
  public internal(set) var visible = true

  public struct Count: Sendable, Hashable {
    public var kind: PaneKind
    public var change: HistoryEvent.Change
    public var count: Int
  }

  mutating func add(_ kind: PaneKind, _ change: HistoryEvent.Change, _ n: Int = 1) {
    guard n > 0 else { return }
    if let i = counts.firstIndex(where: { $0.kind == kind && $0.change == change }) {
      counts[i].count += n
    } else {
      counts.append(Count(kind: kind, change: change, count: n))
      counts.sort { ($0.kind.order, $0.change.order) < ($1.kind.order, $1.change.order) }
    }
  }

  public var isEmpty: Bool { counts.isEmpty }

  /// "14 backups completed, 1 failed, 3 snapshots gone": per kind, the noun once.
  public var summary: String {
    var parts: [String] = []
    var lastKind: PaneKind?
    for count in counts {
      let noun = count.kind.descriptor.noun.lowercased() + (count.count == 1 ? "" : "s")
      let words = count.change.digestWords
      parts.append(
        lastKind == count.kind
          ? "\(Formatting.count(count.count)) \(words)"
          : "\(Formatting.count(count.count)) \(noun) \(words)")
      lastKind = count.kind
    }
    return parts.isEmpty ? "nothing changed" : parts.joined(separator: ", ")
  }
}

extension PaneKind {
  var order: Int { PaneKind.allCases.firstIndex(of: self) ?? 0 }
}

extension HistoryEvent.Change {
  var order: Int { HistoryEvent.Change.allCases.firstIndex(of: self) ?? 0 }

  /// How the digest says it.
  var digestWords: String {
    switch self {
    case .started: "started"
    case .completed: "completed"
    case .failed: "failed"
    case .appeared: "appeared"
    case .gone: "gone"
    case .changed: "changed"
    case .opened, .closed: ""
    }
  }
}
