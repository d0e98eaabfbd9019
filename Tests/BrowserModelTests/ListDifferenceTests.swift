import CloudClient
import Foundation
import Testing

@testable import BrowserModel

/// The runner sends a refresh as the difference from the list the pane holds. Whatever the
/// path, the pane must end up exactly as if the whole list had been merged.
@Suite("List differences")
struct ListDifferenceTests {
  /// Backups for round `round`: some change status or size, some go, some arrive, the order
  /// shifts, one hostile name.
  func backups(round: Int) -> [Backup] {
    var items: [Backup] = []
    for i in 0..<80 where (i + round) % 11 != 0 {
      let status: BackupStatus =
        (i * round) % 9 == 0 ? .building : ((i + round) % 13 == 0 ? .failed : .completed)
      items.append(
        Fixtures.backup(
          "b-\(i)", name: i == 7 ? "evil\u{1b}[31m-\(round % 2)" : "n\((i * 7 + round) % 31)",
          status: status, instance: "inst-\(i % 4)",
          size: status == .building ? nil : Double((i + round) % 5), created: Double(i % 17)))
    }
    items.append(Fixtures.backup("new-\(round)", name: "fresh", status: .new))
    if round % 3 == 0 { items.append(items[3]) }  // a page boundary shifted: listed twice
    return round % 2 == 0 ? items : items.reversed()
  }

  /// What a pane shows, to compare two states: visible order, marks, pending and values.
  func picture(_ state: BrowserState) -> [String] {
    let pane = state.pane(.backups)
    let rows = (0..<pane.visibleCount).compactMap { pane.visibleRow(at: $0) }.map { row in
      "\(row.id) \(row.resource.name) \(row.resource.statusText) \(String(describing: row.change?.kind)) \(String(describing: row.pending))"
    }
    return rows + state.messages.map { "\($0.level) \($0.text)" }
  }

  /// Reduces an action and then every `continueMerge` it asks for, as the store does.
  @discardableResult
  func drive(_ state: inout BrowserState, _ action: Action) -> Int {
    var pending = [action]
    var steps = 0
    while let next = pending.popLast() {
      steps += 1
      for effect in reduce(&state, next) {
        if case .continueMerge(let kind, let region) = effect {
          pending.append(.continueMerge(kind, region: region))
        }
      }
    }
    return steps
  }

  @Test(
    "differences through the runner give the same pane as whole lists, in one step or many",
    arguments: [Column.created, .status, .name, .size], [2_000, 7])
  func sameAsWholeLists(column: Column, mergeStep: Int) {
    var whole = Fixtures.loaded()
    var viaDiffer = Fixtures.loaded()
    viaDiffer.refresh.mergeStep = mergeStep
    var steps = 0
    _ = reduce(&whole, .sortBy(column))
    _ = reduce(&viaDiffer, .sortBy(column))
    let differ = ListDiffer()
    var deltas = 0
    for round in 1...8 {
      let items = backups(round: round).map(Resource.backup)
      let now = Fixtures.t0.addingTimeInterval(Double(round * 3))
      _ = reduce(&whole, .listLoaded(.backups, region: "ORD", .success(items), now: now))
      let effect = viaDiffer.pane(.backups).loadEffect(region: "ORD")
      guard case .load(_, _, let since, let watch) = effect else {
        Issue.record("not a load: \(effect)")
        return
      }
      let update = differ.update(.backups, region: "ORD", items, since: since, watch: watch)
      if case .delta = update.change { deltas += 1 }
      steps += drive(&viaDiffer, .listUpdated(.backups, region: "ORD", update, now: now))
      #expect(picture(viaDiffer) == picture(whole), "round \(round)")
      #expect(viaDiffer.pane(.backups).lists["ORD"]?.inFlight == false)
      if round == 4 {
        // Marks fade the same way too.
        let later = now.addingTimeInterval(60)
        _ = reduce(&whole, .tick(now: later))
        _ = reduce(&viaDiffer, .tick(now: later))
        #expect(picture(viaDiffer) == picture(whole))
      }
    }
    // Round 1 is whole (the pane held the state's own first load, not a runner version).
    #expect(deltas == 7)
    #expect(mergeStep > 100 ? steps == 8 : steps > 16)
  }

  @Test("while a large difference merges step by step, keys go on and no second request starts")
  func steppedMergeInterleaves() {
    var state = Fixtures.loaded()
    state.refresh.mergeStep = 5
    let differ = ListDiffer()
    let first = differ.update(
      .backups, region: "ORD", backups(round: 1).map(Resource.backup), since: nil)
    _ = reduce(&state, .listUpdated(.backups, region: "ORD", first, now: Fixtures.t0))
    let items = backups(round: 2).map(Resource.backup)
    let second = differ.update(.backups, region: "ORD", items, since: first.version)
    var effects = reduce(&state, .listUpdated(.backups, region: "ORD", second, now: Fixtures.t0))
    #expect(effects.contains(.continueMerge(.backups, region: "ORD")))
    #expect(state.pane(.backups).lists["ORD"]?.inFlight == true)
    // A key and a tick between steps: the key works, the tick sends no second request.
    _ = reduce(&state, .focusPane(.backups))
    _ = reduce(&state, .moveSelection(by: 1))
    let tick = reduce(&state, .tick(now: Fixtures.t0.addingTimeInterval(120)))
    #expect(!tick.contains { if case .load(.backups, _, _, _) = $0 { true } else { false } })
    var steps = 1
    while effects.contains(.continueMerge(.backups, region: "ORD")) {
      effects = reduce(&state, .continueMerge(.backups, region: "ORD"))
      steps += 1
    }
    #expect(steps > 3)
    #expect(state.pane(.backups).lists["ORD"]?.inFlight == false)
    #expect(state.pane(.backups).lists["ORD"]?.version == second.version)
    let listed = Set(items.map(\.id))
    let shown = Set(state.pane(.backups).rows.filter { $0.change?.kind != .gone }.map(\.id.id))
    #expect(shown == listed)
  }

  @Test("an unchanged refresh is an empty difference and changes nothing")
  func unchanged() {
    var state = Fixtures.loaded()
    let differ = ListDiffer()
    let items = backups(round: 2).map(Resource.backup)
    let first = differ.update(.backups, region: "ORD", items, since: nil)
    _ = reduce(&state, .listUpdated(.backups, region: "ORD", first, now: Fixtures.t0))
    let before = picture(state)
    let second = differ.update(.backups, region: "ORD", items, since: first.version)
    guard case .delta(let base, let changed, let removed) = second.change else {
      Issue.record("expected a difference, got \(second.change)")
      return
    }
    #expect(base == first.version && changed.isEmpty && removed.isEmpty)
    #expect(second.count == items.count)
    _ = reduce(&state, .listUpdated(.backups, region: "ORD", second, now: Fixtures.t0))
    #expect(picture(state) == before)
    #expect(state.pane(.backups).lists["ORD"]?.version == second.version)
  }

  @Test(
    "a difference from a version the pane does not hold is dropped and the whole list asked for")
  func staleBase() {
    var state = Fixtures.loaded(backups: [Fixtures.backup("a")])
    let differ = ListDiffer()
    let items = [Resource.backup(Fixtures.backup("a")), .backup(Fixtures.backup("b"))]
    let first = differ.update(.backups, region: "ORD", items, since: nil)
    let second = differ.update(.backups, region: "ORD", items, since: first.version)
    // The pane never merged `first` (say the region was switched away and back).
    let effects = reduce(&state, .listUpdated(.backups, region: "ORD", second, now: Fixtures.t0))
    #expect(Fixtures.visibleIDs(state, .backups) == ["a"])
    #expect(effects.contains(.load(.backups, region: "ORD", since: nil, watch: [])))
    #expect(state.pane(.backups).lists["ORD"]?.inFlight == true)
    let whole = differ.update(.backups, region: "ORD", items, since: nil)
    guard case .full = whole.change else {
      Issue.record("expected the whole list")
      return
    }
    _ = reduce(&state, .listUpdated(.backups, region: "ORD", whole, now: Fixtures.t0))
    #expect(Set(Fixtures.visibleIDs(state, .backups)) == ["a", "b"])
  }

  @Test("rows waiting for a list to confirm an operation are reported even when unchanged")
  func watchedRows() {
    var state = Fixtures.loaded(instances: [Fixtures.instance("i1")])
    let differ = ListDiffer()
    let existing = Fixtures.backup("done", instance: "i1")
    let first = differ.update(.backups, region: "ORD", [.backup(existing)], since: nil)
    _ = reduce(&state, .listUpdated(.backups, region: "ORD", first, now: Fixtures.t0))
    // The create answer arrives after a list already showed the backup.
    _ = reduce(
      &state,
      .backupCreated(
        placeholder: RowID(region: "ORD", id: "pending-1"), .success(existing), now: Fixtures.t0))
    #expect(state.pane(.backups).row(RowID(region: "ORD", id: "done"))?.pending == .creating)
    guard case .load(_, _, let since, let watch) = state.pane(.backups).loadEffect(region: "ORD")
    else { return }
    #expect(watch == ["done"])
    let update = differ.update(
      .backups, region: "ORD", [.backup(existing)], since: since, watch: watch)
    _ = reduce(&state, .listUpdated(.backups, region: "ORD", update, now: Fixtures.t0))
    #expect(state.pane(.backups).row(RowID(region: "ORD", id: "done"))?.pending == nil)
  }

  @Test("many jobs finishing in one refresh give one counted message per kind")
  func manyEvents() {
    let moving = (0..<500).map { Fixtures.backup("m\($0)", status: .building, size: nil) }
    var state = Fixtures.loaded(backups: moving, bell: true)
    let done = moving.enumerated().map { index, backup in
      var copy = backup
      copy.status = index < 400 ? .completed : .failed
      return Resource.backup(copy)
    }
    let effects = Fixtures.load(&state, .backups, done, at: 1)
    let texts = state.messages.map(\.text)
    #expect(texts.contains("400 backups completed"))
    #expect(texts.contains("100 backups failed"))
    #expect(effects.filter { $0 == .bell }.count == 2)
  }

  @Test("the differ sanitises what it sends: hostile IDs and names never reach the state raw")
  func sanitisedRows() {
    let differ = ListDiffer()
    let hostile = Fixtures.backup("id\u{1b}]0;x\u{07}", name: "a\u{202e}b\r")
    let first = differ.update(.backups, region: "ORD", [], since: nil)
    let second = differ.update(.backups, region: "ORD", [.backup(hostile)], since: first.version)
    guard case .delta(_, let changed, _) = second.change, let row = changed.first else {
      Issue.record("expected one changed row")
      return
    }
    for text in [row.id.id, row.resource.name] {
      #expect(!text.unicodeScalars.contains { $0.value < 0x20 || $0 == "\u{202e}" })
    }
    let third = differ.update(.backups, region: "ORD", [], since: second.version)
    guard case .delta(_, _, let removed) = third.change else { return }
    #expect(removed == [row.id.id])
  }
}
