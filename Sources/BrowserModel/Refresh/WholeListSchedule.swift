import Foundation

/// How often a list is read whole between fast refreshes.
///
/// A whole list is what catches an item someone else deleted outright (the fast path sees
/// only items whose update time moved, and items it watches). For a few hundred items it
/// costs nothing and runs at the slow interval. For 100,000 items it costs about a second of
/// CPU, so at the slow interval it alone would keep a core 3% busy on an idle screen. The
/// interval therefore grows with what the last whole list cost, so whole lists stay within a
/// fixed share of the time (`budget`), up to `longest`; `r` still reads everything at once.
public struct WholeListSchedule: Sendable, Hashable {
  /// Shortest interval: the profile's slow interval.
  public var shortest: TimeInterval
  /// Longest interval, however costly the list: how late a deletion by someone else may show.
  public var longest: TimeInterval
  /// Share of wall time one list's whole reads may take (0.002 = 0.2%).
  public var budget: Double

  public init(shortest: TimeInterval = 30, longest: TimeInterval = 600, budget: Double = 0.002) {
    self.shortest = shortest
    self.longest = max(shortest, longest)
    self.budget = budget
  }

  /// The interval after a whole list that took `cost` seconds (wall time, read and diffed).
  public func interval(afterCost cost: TimeInterval) -> TimeInterval {
    guard budget > 0, cost.isFinite, cost > 0 else { return shortest }
    return min(longest, max(shortest, cost / budget))
  }
}
