import CloudClient
import Foundation
import Testing

@testable import BrowserModel

/// The motion pass after a list difference updates only the rows the difference changed; it
/// must give what the whole pass gives, over random histories of jobs starting, progressing,
/// finishing, failing, stalling and disappearing.
@Suite("Motion: changed rows only")
struct MotionIncrementalTests {
  /// One state fed through its own differ, as the app gets lists.
  struct Fed {
    var state: BrowserState
    let differ = ListDiffer()

    init(mergeStep: Int) {
      state = Fixtures.state()
      state.refresh.mergeStep = mergeStep
      state.watch.stallAfter = 300
      _ = reduce(&state, .start(now: Fixtures.t0))
    }

    mutating func deliver(_ kind: PaneKind, _ items: [Resource], at now: Date) -> [Effect] {
      let since = state.pane(kind).lists["ORD"]?.version
      let update = differ.update(kind, region: "ORD", items, since: since)
      var effects: [Effect] = []
      var next: Action? = .listUpdated(kind, region: "ORD", update, now: now)
      while let action = next {
        let step = reduce(&state, action)
        effects += step
        next = step.contains(.continueMerge(kind, region: "ORD")) ? action.continued : nil
      }
      return effects.filter { if case .continueMerge = $0 { false } else { true } }
    }
  }

  /// The motion entries without the book generations they were estimated at (generations
  /// are unique across books: the two states' books never share one).
  static func comparable(_ watch: WatchState) -> [RowID: WatchState.Motion] {
    watch.motion.mapValues { entry in
      var entry = entry
      entry.estimatedAt = nil
      return entry
    }
  }

  @Test(
    "after a difference, updating the changed rows equals the whole pass",
    arguments: [(seed: UInt64(1), mergeStep: 2_000), (2, 3), (3, 1), (4, 7)])
  func incrementalEqualsWhole(seed: UInt64, mergeStep: Int) {
    var random = SplitMix(state: seed)
    var backups: [Backup] = (0..<40).map { i in
      var b = Fixtures.backup("b\(i)", status: .completed, created: -20_000 + Double(i) * 10)
      b.updated = b.created!.addingTimeInterval(Double.random(in: 60...600, using: &random))
      return b
    }
    var snapshots: [Snapshot] = (0..<10).map { i in
      Fixtures.snapshot("s\(i)", status: .available, created: -20_000 + Double(i))
    }
    var incremental = Fed(mergeStep: mergeStep)
    var whole = Fed(mergeStep: mergeStep)
    var seconds = 0.0
    var next = 0
    var eligible = 0
    for round in 0..<120 {
      seconds += Double.random(in: 1...240, using: &random)
      let now = Fixtures.t0.addingTimeInterval(seconds)
      // Jobs start as new rows, most as backups of a known datastore.
      for _ in 0..<Int.random(in: 0...3, using: &random) {
        next += 1
        let store = ["mysql", "postgresql"].randomElement(using: &random)!
        backups.append(
          Fixtures.backup(
            "n\(next)", status: .building, size: nil,
            created: seconds - Double.random(in: 0...900, using: &random), datastore: store))
      }
      if Bool.random(using: &random) {
        next += 1
        snapshots.append(
          Fixtures.snapshot(
            "sn\(next)", status: .creating, progress: Double.random(in: 0...40, using: &random),
            created: seconds - Double.random(in: 0...600, using: &random)))
      }
      for i in backups.indices where backups[i].status == .building {
        switch Int.random(in: 0..<10, using: &random) {
        case 0..<2:
          backups[i].status = .completed
          backups[i].size = 2
          backups[i].updated = now.addingTimeInterval(-Double.random(in: 0...60, using: &random))
        case 2: backups[i].status = .failed
        default: break
        }
      }
      for i in snapshots.indices where snapshots[i].status == .creating {
        switch Int.random(in: 0..<10, using: &random) {
        case 0: (snapshots[i].status, snapshots[i].progress) = (.available, 100)
        case 1..<4:
          let moved = (snapshots[i].progress ?? 0) + Double.random(in: 1...30, using: &random)
          snapshots[i].progress = min(99, moved)
        default: break
        }
      }
      if Int.random(in: 0..<4, using: &random) == 0, !backups.isEmpty {
        backups.remove(at: Int.random(in: backups.indices, using: &random))
      }
      // Something always changes: the whole pass is what a changed list gets.
      backups[Int.random(in: backups.indices, using: &random)].name = "renamed \(round)"
      snapshots[Int.random(in: snapshots.indices, using: &random)].name = "renamed \(round)"

      for (kind, items) in [
        (PaneKind.backups, backups.map(Resource.backup)),
        (.snapshots, snapshots.map(Resource.snapshot)),
      ] {
        let key = "\(kind)/ORD"
        let before = incremental.state.watch.motionChecks[key]
        let generation = incremental.state.watch.durations.generation
        // Without a check, the pass is the whole one.
        whole.state.watch.motionChecks = [:]
        let a = incremental.deliver(kind, items, at: now)
        let b = whole.deliver(kind, items, at: now)
        if let before, now.addingTimeInterval(0.001) < before.nextStall,
          before.generation == generation,
          incremental.state.watch.durations.generation == generation
        {
          eligible += 1
        }
        #expect(a == b, "effects, round \(round), \(kind)")
        #expect(
          Self.comparable(incremental.state.watch) == Self.comparable(whole.state.watch),
          "round \(round), \(kind)")
        #expect(incremental.state.watch.stallNotified == whole.state.watch.stallNotified)
        #expect(
          incremental.state.watch.motionChecks[key]?.nextStall
            == whole.state.watch.motionChecks[key]?.nextStall, "round \(round), \(kind)")
        #expect(incremental.state.messages.map(\.text) == whole.state.messages.map(\.text))
      }
    }
    // The histories did take the changed-rows path, with rows in motion and stalls.
    #expect(eligible > 20)
    #expect(!incremental.state.watch.motion.isEmpty)
    #expect(!incremental.state.watch.stallNotified.isEmpty)
  }
}

extension Action {
  /// The next step of a stepped merge of this list result.
  fileprivate var continued: Action? {
    guard case .listUpdated(let kind, let region, _, _) = self else { return self }
    return .continueMerge(kind, region: region)
  }
}
