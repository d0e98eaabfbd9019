import CloudClient
import Foundation
import Testing

@testable import BrowserModel

/// The fast paths (narrowing filter, repositioning changed rows, cached orders) must give
/// exactly what a from-scratch computation gives.
@Suite("Incremental filter and sort")
struct IncrementalTests {
  func backups(_ seed: Int) -> [Backup] {
    (0..<60).map { i in
      let status: BackupStatus = (i + seed) % 7 == 0 ? .building : .completed
      return Fixtures.backup(
        "id-\(i)", name: "n\((i * 37 + seed * 11) % 23)", status: status,
        instance: "inst-\(i % 5)", size: Double((i * seed) % 13), created: Double((i * 7) % 17))
    }
  }

  func fresh(_ items: [Backup], sort: Column, ascending: Bool, filter: String) -> [String] {
    var state = Fixtures.loaded(backups: items)
    _ = reduce(&state, .sortBy(sort))
    if !ascending { _ = reduce(&state, .reverseSort) }
    _ = reduce(&state, .editFilter(.insert(filter)))
    return Fixtures.visibleIDs(state, .backups)
  }

  @Test(
    "after refreshes with changes, the order equals a fresh sort",
    arguments: [Column.name, .size, .status, .created])
  func repositionMatchesFullSort(column: Column) {
    var state = Fixtures.loaded(backups: backups(0))
    _ = reduce(&state, .sortBy(column))
    for seed in 1...4 {
      var items = backups(seed)
      items.removeLast(seed)  // some go
      items.append(Fixtures.backup("extra-\(seed)", name: "n\(seed)"))  // one arrives
      Fixtures.load(&state, .backups, items.map(Resource.backup), at: Double(seed * 200))
      _ = reduce(&state, .tick(now: Fixtures.t0.addingTimeInterval(Double(seed * 200 + 100))))
      #expect(
        Fixtures.visibleIDs(state, .backups)
          == fresh(items, sort: column, ascending: true, filter: ""))
    }
    _ = reduce(&state, .reverseSort)
    #expect(
      Fixtures.visibleIDs(state, .backups)
        == fresh(
          backups(4).dropLast(4) + [Fixtures.backup("extra-4", name: "n4")], sort: column,
          ascending: false, filter: ""))
  }

  @Test("typing a qualifier is not mistaken for narrowing a word")
  func qualifierTyping() {
    var state = Fixtures.loaded(backups: backups(0))
    for character in "status:b" {
      _ = reduce(&state, .editFilter(.insert(String(character))))
    }
    let expected = backups(0).filter { $0.status == .building }.map(\.id).sorted()
    #expect(Fixtures.visibleIDs(state, .backups).sorted() == expected)
    _ = reduce(&state, .editFilter(.backspace))
    _ = reduce(&state, .editFilter(.backspace))
    #expect(Fixtures.visibleIDs(state, .backups).isEmpty)  // the word "status" matches nothing
  }

  @Test("each keystroke gives the same rows as the whole filter typed at once")
  func narrowing() {
    var state = Fixtures.loaded(backups: backups(0))
    var typed = ""
    for character in "inst-1 n1" {
      typed.append(character)
      _ = reduce(&state, .editFilter(.insert(String(character))))
      let expected = fresh(backups(0), sort: .created, ascending: true, filter: typed)
      #expect(Fixtures.visibleIDs(state, .backups).sorted() == expected.sorted())
    }
  }
}
