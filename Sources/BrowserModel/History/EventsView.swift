import Foundation

/// The events view (`:events`, `E`): the history newest first, filterable, Enter jumps to
/// the row.
public struct EventsView: Sendable, Hashable {
  public internal(set) var filter = TextField()
  /// `/` is typing into the filter.
  public internal(set) var editing = false
  /// Position in `rows(of:)` (0 = newest).
  public internal(set) var selected = 0
  public internal(set) var scroll = 0

  /// Indices into `history` of the events shown, newest first.
  public func rows(of history: [HistoryEvent]) -> [Int] {
    let words = filter.text.lowercased().split(separator: " ").map(String.init)
    var result: [Int] = []
    for index in history.indices.reversed() {
      let event = history[index]
      if words.isEmpty || words.allSatisfy({ event.searchText.contains($0) }) {
        result.append(index)
      }
    }
    return result
  }
}
