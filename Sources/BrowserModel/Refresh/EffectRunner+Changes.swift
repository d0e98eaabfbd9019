import CloudClient
import Foundation

/// The fast path of a refresh: only what changed, when the service can tell (issue 17).
extension EffectRunner {
  /// The update for a refresh that asks only for what changed, or nil when the whole list
  /// must be read: no version held, a list not read whole for its interval (the slow
  /// interval, longer for a list costly to read whole: `WholeListSchedule`), a
  /// service or kind without a newest-updated order and too many rows to read one by one, or
  /// any request failing (the whole list then reports the error, if it persists).
  func changes(_ kind: PaneKind, region: String, since: ListVersion?, watch: Set<String>)
    async -> ListUpdate?
  {
    guard kind == .backups || kind == .snapshots,
      let service = service as? any CloudService & RecentChangesListing,
      let since,
      let wholeAt = book.wholeAt(kind, region: region),
      now().timeIntervalSince(wholeAt) < wholeListInterval(kind, region: region)
    else { return nil }
    let outcome: ChangeReader.Outcome
    do {
      // The held list is let go before the differ changes the baseline it shares arrays with.
      guard let held = differ.held(kind, region: region, since: since) else { return nil }
      outcome = try await reader.changes(
        kind, region: region, held: held, watch: watch,
        ordered: book.isOrdered(kind, region: region), service: service)
    } catch {
      return nil
    }
    switch outcome {
    case .wholeList:
      return nil
    case .unordered:
      book.markUnordered(kind, region: region)
      return nil
    case .found(let found):
      guard
        let update = differ.update(
          kind, region: region, since: since, fetched: found.fetched, gone: found.gone,
          watch: watch)
      else { return nil }
      book.countFastTick(requests: found.requests)
      return update
    }
  }
}
