import Foundation
import Synchronization

/// What the effect runner remembers between refreshes to choose the fast path or the whole
/// list: when each list was last read whole and what that cost, and which lists' servers
/// were seen answering out of newest-updated order (those are read by ID from then on).
final class FastRefreshBook: Sendable {
  private struct State {
    var wholeAt: [String: Date] = [:]
    var wholeCost: [String: TimeInterval] = [:]
    var unordered: Set<String> = []
    var fastTicks = 0
    var fastRequests = 0
  }

  private let state = Mutex(State())

  static func key(_ kind: PaneKind, _ region: String) -> String { "\(kind)\u{1F}\(region)" }

  /// Records a whole list that started at `date` and took `cost` seconds to read and diff.
  func wholeListed(_ kind: PaneKind, region: String, at date: Date, cost: TimeInterval = 0) {
    state.withLock {
      let key = Self.key(kind, region)
      $0.wholeAt[key] = date
      $0.wholeCost[key] = cost.isFinite ? max(0, cost) : 0
    }
  }

  /// How long the last whole list of this kind and region took (0 before the first).
  func wholeCost(_ kind: PaneKind, region: String) -> TimeInterval {
    state.withLock { $0.wholeCost[Self.key(kind, region)] ?? 0 }
  }

  /// When the list was last read whole by this runner.
  func wholeAt(_ kind: PaneKind, region: String) -> Date? {
    state.withLock { $0.wholeAt[Self.key(kind, region)] }
  }

  func markUnordered(_ kind: PaneKind, region: String) {
    state.withLock { _ = $0.unordered.insert(Self.key(kind, region)) }
  }

  func isOrdered(_ kind: PaneKind, region: String) -> Bool {
    state.withLock { !$0.unordered.contains(Self.key(kind, region)) }
  }

  func countFastTick(requests: Int) {
    state.withLock {
      $0.fastTicks += 1
      $0.fastRequests += requests
    }
  }

  /// Fast refreshes answered so far and the requests they made (benchmarks, tests).
  var fastTotals: (ticks: Int, requests: Int) {
    state.withLock { ($0.fastTicks, $0.fastRequests) }
  }
}
