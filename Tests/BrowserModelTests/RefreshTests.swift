import CloudClient
import Foundation
import Testing

@testable import BrowserModel

@Suite("Refresh scheduling (pure)")
struct RefreshTests {
  @Test("start loads every pane of every watched region, and the regions when unknown")
  func start() {
    var state = Fixtures.state(region: .all, regions: [])
    let effects = reduce(&state, .start(now: Fixtures.t0))
    #expect(effects.contains(.loadRegions))
    var one = Fixtures.state()
    #expect(
      Set(Fixtures.loads(reduce(&one, .start(now: Fixtures.t0))))
        == ["backups ORD", "snapshots ORD", "instances ORD", "volumes ORD"])
  }

  @Test("regions arriving fan out the loads for all regions")
  func regionsLoaded() {
    var state = Fixtures.state(region: .all, regions: [])
    _ = reduce(&state, .start(now: Fixtures.t0))
    let effects = reduce(&state, .regionsLoaded(.success(["ORD", "DFW"])))
    #expect(state.availableRegions == ["DFW", "ORD"])
    #expect(Fixtures.loads(effects).count == 8)
  }

  @Test("settled lists wake up after the slow interval, moving ones after the fast one")
  func fastSlow() {
    var state = Fixtures.state()
    _ = reduce(&state, .start(now: Fixtures.t0))
    let settled = Fixtures.load(&state, .backups, [.backup(Fixtures.backup("a"))])
    #expect(Fixtures.scheduledDelay(settled) == .seconds(30))
    Fixtures.load(&state, .snapshots, [])
    Fixtures.load(&state, .instances, [])
    Fixtures.load(&state, .volumes, [])
    // Next tick 30 s later: the backup is now building.
    let tick = reduce(&state, .tick(now: Fixtures.t0.addingTimeInterval(30)))
    #expect(Set(Fixtures.loads(tick)) == ["backups ORD", "snapshots ORD"])
    Fixtures.load(&state, .snapshots, [], at: 30)
    let moving = Fixtures.load(
      &state, .backups, [.backup(Fixtures.backup("a", status: .building))], at: 30)
    #expect(Fixtures.scheduledDelay(moving) == .seconds(2))
    #expect(state.pane(.backups).lists["ORD"]?.nextDue == Fixtures.t0.addingTimeInterval(32))
    #expect(state.anythingInMotion)
  }

  @Test("a tick before a list is due sends nothing; a running list is never requested twice")
  func noOverlap() {
    var state = Fixtures.state()
    let first = reduce(&state, .start(now: Fixtures.t0))
    #expect(Fixtures.loads(first).contains("backups ORD"))
    // The backups request is still running: ticks and refresh-now do not send another.
    #expect(
      !Fixtures.loads(reduce(&state, .tick(now: Fixtures.t0.addingTimeInterval(60)))).contains(
        "backups ORD"))
    #expect(!Fixtures.loads(reduce(&state, .refreshNow)).contains("backups ORD"))
    Fixtures.load(&state, .backups, [], at: 60)
    #expect(Fixtures.loads(reduce(&state, .tick(now: Fixtures.t0.addingTimeInterval(61)))).isEmpty)
    #expect(Fixtures.loads(reduce(&state, .refreshNow)).contains("backups ORD"))
  }

  @Test("errors back off exponentially and honour Retry-After")
  func backoff() {
    var state = Fixtures.state()
    _ = reduce(&state, .start(now: Fixtures.t0))
    let error = CloudError(kind: .server, status: 503, summary: "Service unavailable")
    var now = Fixtures.t0
    var delays: [Double] = []
    for _ in 0..<4 {
      _ = reduce(&state, .listLoaded(.backups, region: "ORD", .failure(error), now: now))
      let due = state.pane(.backups).lists["ORD"]?.nextDue ?? now
      delays.append(due.timeIntervalSince(now))
      now = due
      #expect(Fixtures.loads(reduce(&state, .tick(now: now))).contains("backups ORD"))
    }
    #expect(delays == [2, 4, 8, 16])
    let limited = CloudError(
      kind: .rateLimited, status: 413, retryAfter: 120, summary: "Over limit")
    _ = reduce(&state, .listLoaded(.backups, region: "ORD", .failure(limited), now: now))
    #expect(state.pane(.backups).lists["ORD"]?.nextDue == now.addingTimeInterval(120))
    #expect(state.connection.stale)
    #expect(state.pane(.backups).regionErrors["ORD"] != nil)
    // Success resets the back-off and the stale flag.
    _ = reduce(&state, .tick(now: now.addingTimeInterval(120)))
    Fixtures.load(
      &state, .backups, [], at: now.addingTimeInterval(121).timeIntervalSince(Fixtures.t0))
    #expect(state.pane(.backups).lists["ORD"]?.failures == 0)
    #expect(state.pane(.backups).regionErrors.isEmpty)
    #expect(!state.connection.stale)
  }

  @Test("only the first failure in a row posts a message")
  func quietRetries() {
    var state = Fixtures.state()
    _ = reduce(&state, .start(now: Fixtures.t0))
    let error = CloudError(kind: .network, summary: "Connection refused")
    _ = reduce(&state, .listLoaded(.backups, region: "ORD", .failure(error), now: Fixtures.t0))
    _ = reduce(&state, .tick(now: Fixtures.t0.addingTimeInterval(2)))
    _ = reduce(
      &state,
      .listLoaded(.backups, region: "ORD", .failure(error), now: Fixtures.t0.addingTimeInterval(2)))
    #expect(state.messages.filter { $0.level == .error }.count == 1)
  }

  @Test("one failing region marks that region only")
  func regionFailure() {
    var state = Fixtures.state(region: .all, regions: ["DFW", "ORD"])
    _ = reduce(&state, .start(now: Fixtures.t0))
    Fixtures.load(&state, .backups, [.backup(Fixtures.backup("o1"))], region: "ORD")
    _ = reduce(
      &state,
      .listLoaded(
        .backups, region: "DFW", .failure(CloudError(kind: .server, status: 500, summary: "boom")),
        now: Fixtures.t0))
    #expect(state.pane(.backups).regionErrors.keys.sorted() == ["DFW"])
    #expect(Fixtures.visibleIDs(state, .backups) == ["o1"])
  }

  @Test("results for a region no longer watched are dropped")
  func staleRegion() {
    var state = Fixtures.state(regions: ["DFW", "ORD"])
    _ = reduce(&state, .start(now: Fixtures.t0))
    Fixtures.load(&state, .backups, [.backup(Fixtures.backup("d1"))], region: "DFW")
    #expect(state.pane(.backups).rows.isEmpty)
  }

  @Test("intervals are configurable")
  func configurable() {
    let policy = RefreshPolicy(
      fast: .seconds(1), slow: .seconds(10), backoffBase: .seconds(3), backoffMax: .seconds(7))
    #expect(policy.delayAfterSuccess(inMotion: true) == .seconds(1))
    #expect(policy.delayAfterSuccess(inMotion: false) == .seconds(10))
    #expect(policy.delayAfterFailure(failures: 1, retryAfter: nil) == .seconds(3))
    #expect(policy.delayAfterFailure(failures: 2, retryAfter: nil) == .seconds(6))
    #expect(policy.delayAfterFailure(failures: 5, retryAfter: nil) == .seconds(7))
    #expect(policy.delayAfterFailure(failures: 1, retryAfter: 60) == .seconds(60))
  }
}
