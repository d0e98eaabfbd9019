import CloudClient
import Foundation
import PropertyBased
import Testing

@testable import BrowserModel

/// A fast refresh asks the server only for what changed (issue 17). Whatever it asks, the
/// pane must end up as a whole list would leave it.
@Suite("Fast refresh")
struct FastRefreshTests {
  /// What a pane shows: visible rows with values, marks and pending, then the messages.
  func picture(_ state: BrowserState, _ kind: PaneKind) -> [String] {
    let pane = state.pane(kind)
    let rows = (0..<pane.visibleCount).compactMap { pane.visibleRow(at: $0) }.map { row in
      "\(row.id) \(row.resource.name) \(row.resource.statusText) \(ResourceComparison.fingerprint(row.resource)) \(String(describing: row.change?.kind))"
    }
    return rows + state.messages.map { "\($0.level) \($0.text)" }
  }

  /// Reduces an action and every `continueMerge` it asks for, as the store does.
  func drive(_ state: inout BrowserState, _ action: Action) {
    var pending = [action]
    while let next = pending.popLast() {
      for effect in reduce(&state, next) {
        if case .continueMerge(let kind, let region) = effect {
          pending.append(.continueMerge(kind, region: region))
        }
      }
    }
  }

  /// One refresh of a pane through a runner, as a tick asks for it.
  func refresh(
    _ state: inout BrowserState, _ kind: PaneKind, _ runner: EffectRunner, whole: Bool = false
  ) async {
    let pane = state.pane(kind)
    let effect = whole ? pane.reloadEffect(region: "ORD") : pane.loadEffect(region: "ORD")
    for action in await runner.actions(for: effect) { drive(&state, action) }
  }

  func started(_ cloud: ChangingCloud) -> BrowserState {
    var state = Fixtures.state()
    _ = reduce(&state, .start(now: cloud.now))
    return state
  }

  @Test(
    "for any history, fast refreshes leave the pane as whole lists do",
    arguments: [PaneKind.snapshots, .backups])
  func sameAsWholeLists(kind: PaneKind) async {
    await propertyCheck(count: 30, input: Gen.int(in: 0...100_000).array(of: 1...80)) {
      history in
      let cloud = ChangingCloud()
      cloud.seed(15)
      let fastRunner = EffectRunner(service: cloud, now: { cloud.now }, wholeListInterval: 1e9)
      let wholeRunner = EffectRunner(
        service: WholeListsOnly(cloud: cloud), now: { cloud.now }, wholeListInterval: 1e9)
      var fast = started(cloud)
      var whole = started(cloud)
      await refresh(&fast, kind, fastRunner)
      await refresh(&whole, kind, wholeRunner)
      for (step, roll) in history.enumerated() {
        cloud.change(roll)
        if step % 2 == 1 { cloud.change(roll / 7) }
        await refresh(&fast, kind, fastRunner)
        await refresh(&whole, kind, wholeRunner)
        #expect(picture(fast, kind) == picture(whole, kind), "step \(step)")
      }
      // Every refresh after the first took the fast path.
      #expect(fastRunner.fastRefreshTotals.ticks == history.count)
    }
  }

  @Test("a fast tick over 300 settled rows with a few in motion costs a few requests")
  func fewRequests() async {
    let cloud = ChangingCloud()
    cloud.seed(300)
    let runner = EffectRunner(service: cloud, now: { cloud.now }, wholeListInterval: 1e9)
    var state = started(cloud)
    await refresh(&state, .snapshots, runner)
    #expect(state.pane(.snapshots).rows.count == 300)
    cloud.change(0)  // a new snapshot, updated_at still null
    cloud.change(1 + 10 * 7)  // a seeded snapshot renamed "renamed71"
    let before = cloud.requests
    await refresh(&state, .snapshots, runner)
    // One newest-updated page, one newest-created page, one GET of the new (null) snapshot.
    #expect(cloud.requests - before <= 3)
    #expect(state.pane(.snapshots).rows.count == 301)
    #expect(state.pane(.snapshots).rows.contains { $0.resource.name == "renamed71" })
    #expect(runner.fastRefreshTotals.ticks == 1)
  }

  @Test("a settled row deleted by someone else is seen by the whole list (r), not a fast tick")
  func wholeListCatchesDeletions() async {
    let cloud = ChangingCloud()
    cloud.seed(20)
    let runner = EffectRunner(service: cloud, now: { cloud.now }, wholeListInterval: 1e9)
    var state = started(cloud)
    await refresh(&state, .backups, runner)
    cloud.world.withLock { _ = $0.backups.removeValue(forKey: "b-seed3") }
    await refresh(&state, .backups, runner)
    #expect(state.pane(.backups).row(RowID(region: "ORD", id: "b-seed3"))?.change?.kind != .gone)
    await refresh(&state, .backups, runner, whole: true)
    #expect(state.pane(.backups).row(RowID(region: "ORD", id: "b-seed3"))?.change?.kind == .gone)
  }

  @Test("a list is read whole again once wholeListInterval has passed")
  func wholeAtTheSlowInterval() async {
    let cloud = ChangingCloud()
    cloud.seed(20)
    let runner = EffectRunner(service: cloud, now: { cloud.now }, wholeListInterval: 30)
    var state = started(cloud)
    await refresh(&state, .backups, runner)
    await refresh(&state, .backups, runner)
    #expect(runner.fastRefreshTotals.ticks == 1)
    cloud.world.withLock { $0.clock += 31 }
    await refresh(&state, .backups, runner)
    #expect(runner.fastRefreshTotals.ticks == 1)
    await refresh(&state, .backups, runner)
    #expect(runner.fastRefreshTotals.ticks == 2)
  }

  @Test("a list costly to read whole is read whole less often, within the longest interval")
  func costlyWholeListsSpacedOut() async {
    let cloud = ChangingCloud()
    cloud.seed(20)
    cloud.world.withLock { $0.wholeListCost = 0.5 }  // 0.5 s / 0.2% budget = 250 s
    let runner = EffectRunner(service: cloud, now: { cloud.now }, wholeListInterval: 30)
    var state = started(cloud)
    await refresh(&state, .backups, runner)
    #expect(runner.wholeListInterval(.backups, region: "ORD") == 250)
    cloud.world.withLock { $0.clock += 100 }
    await refresh(&state, .backups, runner)
    #expect(runner.fastRefreshTotals.ticks == 1, "100 s after a 0.5 s whole list: fast")
    cloud.world.withLock { $0.clock += 151 }
    await refresh(&state, .backups, runner)
    #expect(runner.fastRefreshTotals.ticks == 1, "past 250 s: whole again")

    cloud.world.withLock { $0.wholeListCost = 10 }
    await refresh(&state, .backups, runner, whole: true)
    #expect(runner.wholeListInterval(.backups, region: "ORD") == 600, "capped at the longest")
    let fixed = EffectRunner(
      service: cloud, now: { cloud.now }, wholeListInterval: 30, longestWholeListInterval: 30)
    await refresh(&state, .backups, fixed, whole: true)
    #expect(fixed.wholeListInterval(.backups, region: "ORD") == 30, "a fixed interval stays")
  }

  @Test("the whole-list interval follows the cost, between the slow interval and the longest")
  func wholeListSchedule() {
    let schedule = WholeListSchedule(shortest: 30, longest: 600, budget: 0.002)
    #expect(schedule.interval(afterCost: 0) == 30)
    #expect(schedule.interval(afterCost: 0.02) == 30)  // the demo's 60 rows
    #expect(schedule.interval(afterCost: 0.2) == 100)
    #expect(schedule.interval(afterCost: 3) == 600)
    #expect(schedule.interval(afterCost: .infinity) == 30)
    #expect(schedule.interval(afterCost: -1) == 30)
    #expect(WholeListSchedule(shortest: 60, longest: 10).longest == 60)
  }

  @Test(
    "a server that ignores the sort, or has no order (Rackspace v1), is read by ID, same panes",
    arguments: [true, false])
  func unorderedServers(ignoresSort: Bool) async {
    let cloud = ChangingCloud()
    cloud.seed(15)
    cloud.world.withLock {
      $0.ignoresSort = ignoresSort
      $0.noOrder = !ignoresSort
    }
    let fastRunner = EffectRunner(service: cloud, now: { cloud.now }, wholeListInterval: 1e9)
    let wholeRunner = EffectRunner(
      service: WholeListsOnly(cloud: cloud), now: { cloud.now }, wholeListInterval: 1e9)
    var fast = started(cloud)
    var whole = started(cloud)
    await refresh(&fast, .snapshots, fastRunner)
    await refresh(&whole, .snapshots, wholeRunner)
    // Settled rows change (three start deleting, one is renamed): only a whole list (`r`)
    // sees that without an order; a server that ignores the sort shows it out of order.
    cloud.world.withLock { w in
      w.clock += 1
      let t = w.snapshots["s-seed0"]?.created?.addingTimeInterval(100)
      for i in 0..<3 {
        w.snapshots["s-seed\(i)"]?.status = .deleting
        w.snapshots["s-seed\(i)"]?.updated = t
      }
      w.snapshots["s-seed10"]?.name = "renamed"
      w.snapshots["s-seed10"]?.updated = t
    }
    await refresh(&whole, .snapshots, wholeRunner)
    await refresh(&fast, .snapshots, fastRunner, whole: !ignoresSort)
    #expect(picture(fast, .snapshots) == picture(whole, .snapshots))
    for step in 0..<6 {
      cloud.world.withLock { w in
        if step == 2 { w.snapshots["s-seed0"] = nil }
        if step == 4 {
          let created = w.snapshots["s-seed1"]?.created
          w.snapshots["s-seed1"]?.status = .errorDeleting
          w.snapshots["s-seed1"]?.updated = created?.addingTimeInterval(200)
        }
        w.clock += 1
      }
      await refresh(&fast, .snapshots, fastRunner)
      await refresh(&whole, .snapshots, wholeRunner)
      #expect(picture(fast, .snapshots) == picture(whole, .snapshots), "step \(step)")
    }
    #expect(fastRunner.fastRefreshTotals.ticks == 6)
  }
}
