import CloudClient
import Foundation
import Testing

@testable import BrowserModel

/// The event history as the reducer records it from list refreshes: what changed, once,
/// also when a large difference merges in steps.
@Suite("event history: events from list changes")
struct HistoryEventTests {
  static func recorded(_ effects: [Effect]) -> [HistoryEvent] {
    effects.flatMap { effect -> [HistoryEvent] in
      if case .recordHistory(let events) = effect { return events }
      return []
    }
  }

  @Test("a running backup that completes, a new job, a settled row appearing and a row gone")
  func fromFullLists() {
    let running = Fixtures.backup("run", status: .building, size: nil)
    let old = Fixtures.backup("old")
    var state = Fixtures.loaded(backups: [running, old])
    // The first load records only the job it finds running (settled rows are no news).
    #expect(state.watch.events.map(\.change) == [.started])
    #expect(state.watch.events.map(\.id) == ["run"])

    var done = running
    done.status = .completed
    done.size = 3
    done.updated = Fixtures.t0.addingTimeInterval(40)
    let new = Fixtures.backup("new", status: .new, size: nil, created: 30)
    let restored = Fixtures.backup("appeared", created: 35)
    let effects = Fixtures.load(
      &state, .backups, [done, new, restored].map(Resource.backup), at: 40)
    let events = Self.recorded(effects)
    let byID = Dictionary(uniqueKeysWithValues: events.map { ($0.id, $0) })
    #expect(byID["run"]?.change == .completed)
    #expect(byID["run"]?.from == "BUILDING")
    #expect(byID["run"]?.to == "COMPLETED")
    #expect(byID["run"]?.size == 3)
    #expect(byID["run"]?.at == Fixtures.t0.addingTimeInterval(40))
    #expect(byID["new"]?.change == .started)
    #expect(byID["appeared"]?.change == .appeared)
    #expect(byID["old"]?.change == .gone)
    #expect(byID["old"]?.from == "COMPLETED")
    #expect(events.allSatisfy { $0.region == "ORD" && $0.kind == .backups })
    #expect(state.watch.events.count == 5)

    // Unchanged next refresh: nothing new recorded.
    let again = Fixtures.load(
      &state, .backups, [done, new, restored].map(Resource.backup), at: 42)
    #expect(Self.recorded(again).isEmpty)
  }

  @Test("a snapshot error, and a status change that is no outcome, are recorded")
  func snapshotChanges() {
    var state = Fixtures.loaded(snapshots: [
      Fixtures.snapshot("s1", status: .creating, progress: 10),
      Fixtures.snapshot("s2"),
    ])
    var failed = Fixtures.snapshot("s1", status: .error, progress: 10)
    failed.name = "nightly"
    let deleting = Fixtures.snapshot("s2", status: .deleting)
    let events = Self.recorded(
      Fixtures.load(&state, .snapshots, [failed, deleting].map(Resource.snapshot), at: 5))
    #expect(events.map(\.change).sorted { $0.rawValue < $1.rawValue } == [.changed, .failed])
    #expect(events.first { $0.id == "s1" }?.name == "nightly")
  }

  @Test("a difference merged in steps is recorded once, at the last step, every row in it")
  func steppedMerge() {
    var state = Fixtures.loaded()
    state.refresh.mergeStep = 7
    let differ = ListDiffer()
    let running = (0..<50).map { Fixtures.backup("b\($0)", status: .building, size: nil) }
    let first = differ.update(.backups, region: "ORD", running.map(Resource.backup), since: nil)
    _ = reduce(&state, .listUpdated(.backups, region: "ORD", first, now: Fixtures.t0))
    let finished = running.map { backup -> Resource in
      var copy = backup
      copy.status = .completed
      return .backup(copy)
    }
    let second = differ.update(.backups, region: "ORD", finished, since: first.version)
    var effects = reduce(
      &state, .listUpdated(.backups, region: "ORD", second, now: Fixtures.t0.addingTimeInterval(9)))
    var recorded = Self.recorded(effects)
    var steps = 1
    while effects.contains(.continueMerge(.backups, region: "ORD")) {
      #expect(recorded.isEmpty)  // nothing before the last step
      effects = reduce(&state, .continueMerge(.backups, region: "ORD"))
      recorded += Self.recorded(effects)
      steps += 1
    }
    #expect(steps > 5)
    #expect(recorded.count == 50)
    #expect(Set(recorded.map(\.id)) == Set(running.map(\.id)))
    #expect(recorded.allSatisfy { $0.change == .completed })
    // The 50 were recorded as started when they first appeared (the list was loaded empty).
    #expect(state.watch.events.count == 100)
    #expect(state.watch.events.prefix(50).allSatisfy { $0.change == .started })
  }

  @Test("the history in memory keeps the newest events only")
  func bounded() {
    var state = Fixtures.loaded(backups: [Fixtures.backup("a", status: .building)])
    state.watch.maxEvents = 3
    for round in 1...4 {
      let status: BackupStatus = round % 2 == 0 ? .building : .new
      _ = Fixtures.load(
        &state, .backups, [.backup(Fixtures.backup("a", status: status))], at: Double(round))
    }
    #expect(state.watch.events.count == 3)
    #expect(state.watch.events.last?.at == Fixtures.t0.addingTimeInterval(4))
  }
}
