import CloudClient
import Foundation
import Testing

@testable import BrowserModel

/// Records what the front end was asked to do.
final class HookLog: @unchecked Sendable {
  private let lock = NSLock()
  private var entries: [String] = []
  func add(_ entry: String) { lock.withLock { entries.append(entry) } }
  var all: [String] { lock.withLock { entries } }
}

@Suite("Store and effect runner")
struct StoreTests {
  func makeStore(
    _ cloud: FakeCloud, clock: TestClock, region: RegionSelection = .one("ORD"),
    regions: [String] = ["ORD"], log: HookLog = HookLog()
  ) -> BrowserStore<TestClock> {
    let state = BrowserState(
      profile: ProfileInfo(profileName: "t", cloudName: "fake"), region: region,
      availableRegions: regions, bellEnabled: true, now: clock.date)
    return BrowserStore(
      state: state, service: cloud, clock: clock, date: { clock.date },
      hooks: FrontEndHooks(
        copyToClipboard: { log.add("copy \($0)") }, bell: { log.add("bell") },
        loadTheme: { log.add("theme \($0)") }))
  }

  @Test("start loads every list once and the rows arrive in the state")
  func start() async {
    let cloud = FakeCloud()
    await cloud.set(backups: [Fixtures.backup("b1")])
    let clock = TestClock()
    let store = makeStore(cloud, clock: clock)
    await store.start()
    await store.settle()
    #expect(await cloud.count("listBackups ORD") == 1)
    #expect(await cloud.count("listSnapshots ORD") == 1)
    #expect(await store.state.pane(.backups).rows.map(\.id.id) == ["b1"])
  }

  @Test("the test clock drives refreshes: slow when settled, fast while a job runs")
  func fastSlow() async {
    let cloud = FakeCloud()
    await cloud.set(backups: [Fixtures.backup("b1")])
    let clock = TestClock()
    let store = makeStore(cloud, clock: clock)
    await store.start()
    await store.settle()
    clock.advance(by: .seconds(29))
    await store.settle()
    #expect(await cloud.count("listBackups ORD") == 1)
    clock.advance(by: .seconds(1))
    await store.settle()
    #expect(await cloud.count("listBackups ORD") == 2)
    // A job starts: the next refresh comes 2 s later.
    await cloud.set(backups: [Fixtures.backup("b1"), Fixtures.backup("b2", status: .building)])
    clock.advance(by: .seconds(30))
    await store.settle()
    #expect(await cloud.count("listBackups ORD") == 3)
    clock.advance(by: .seconds(2))
    await store.settle()
    #expect(await cloud.count("listBackups ORD") == 4)
    // It finishes: announced with a bell, and back to slow.
    await cloud.set(backups: [Fixtures.backup("b1"), Fixtures.backup("b2", name: "job")])
    clock.advance(by: .seconds(2))
    await store.settle()
    #expect(await cloud.count("listBackups ORD") == 5)
    #expect(await store.state.messages.map(\.text).contains("Backup job completed"))
    clock.advance(by: .seconds(2))
    await store.settle()
    #expect(await cloud.count("listBackups ORD") == 5)
  }

  @Test("a slow list is not requested again while it runs")
  func noOverlap() async {
    let cloud = FakeCloud()
    await cloud.hold("listBackups ORD")
    let clock = TestClock()
    let store = makeStore(cloud, clock: clock)
    await store.start()
    await store.send(.refreshNow)
    clock.advance(by: .seconds(120))
    await store.send(.refreshNow)
    #expect(await cloud.count("listBackups ORD") <= 1)
    await cloud.release("listBackups ORD")
    await store.settle()
    #expect(await cloud.count("listBackups ORD") == 1)
    #expect(await store.state.pane(.backups).isLoading == false)
  }

  @Test("errors back off on the clock and Retry-After is honoured")
  func backoff() async {
    let cloud = FakeCloud()
    await cloud.failBackups(
      CloudError(kind: .rateLimited, status: 429, retryAfter: 10, summary: "Slow down"))
    let clock = TestClock()
    let store = makeStore(cloud, clock: clock)
    await store.start()
    await store.settle()
    #expect(await store.state.pane(.backups).regionErrors["ORD"] == "Slow down")
    clock.advance(by: .seconds(9))
    await store.settle()
    #expect(await cloud.count("listBackups ORD") == 1)
    clock.advance(by: .seconds(1))
    await store.settle()
    #expect(await cloud.count("listBackups ORD") == 2)
    await cloud.set(backups: [])
    clock.advance(by: .seconds(10))
    await store.settle()
    #expect(await cloud.count("listBackups ORD") == 3)
    #expect(await store.state.pane(.backups).regionErrors.isEmpty)
  }

  @Test("all regions fan out; one failing region marks only that region")
  func fanOut() async {
    let cloud = FakeCloud()
    await cloud.set(backups: [Fixtures.backup("o1")], region: "ORD")
    await cloud.failBackups(
      CloudError(kind: .server, status: 500, summary: "DFW is down"), region: "DFW")
    let clock = TestClock()
    let store = makeStore(cloud, clock: clock, region: .all, regions: ["DFW", "ORD"])
    await store.start()
    await store.settle()
    let state = await store.state
    #expect(state.pane(.backups).rows.map(\.id) == [RowID(region: "ORD", id: "o1")])
    #expect(state.pane(.backups).regionErrors == ["DFW": "DFW is down"])
    #expect(await cloud.count("listSnapshots DFW") == 1)
  }

  @Test("a create goes to the cloud and its answer comes back as the real row")
  func create() async {
    let cloud = FakeCloud()
    await cloud.set(instances: [Fixtures.instance("i1")])
    let clock = TestClock()
    let store = makeStore(cloud, clock: clock)
    await store.start()
    await store.settle()
    await store.send(.beginCreate)
    await store.send(.editField(.insert("manual")))
    await store.send(.submitDialog)
    await store.settle()
    #expect(await cloud.count("createBackup ORD manual") == 1)
    let state = await store.state
    #expect(state.dialog == nil)
    #expect(state.pane(.backups).row(RowID(region: "ORD", id: "new-1"))?.pending == .creating)
  }

  @Test("clipboard, bell and theme go to the front end hooks")
  func hooks() async {
    let cloud = FakeCloud()
    await cloud.set(backups: [Fixtures.backup("b1")])
    let clock = TestClock()
    let log = HookLog()
    let store = makeStore(cloud, clock: clock, log: log)
    await store.start()
    await store.settle()
    await store.send(.copySelectedID)
    await store.send(.beginCommand)
    await store.send(.editCommand(.insert("theme dark")))
    await store.send(.submitCommand)
    #expect(log.all == ["copy b1", "theme dark"])
  }

  @Test("quit cancels running requests and the wake-up, drops late answers, ends the stream")
  func quit() async {
    let cloud = FakeCloud()
    await cloud.hold("listBackups ORD")
    let clock = TestClock()
    let store = makeStore(cloud, clock: clock)
    await store.start()
    await cloud.waitUntilHeld("listBackups ORD")
    #expect(await cloud.count("listBackups ORD") == 1)
    await store.send(.quit)
    #expect(clock.sleeperCount == 0)
    #expect(await store.isFinished)
    #expect(await store.runningTasks == 0)
    #expect(await store.state.shouldQuit)
    // The held request sees its cancellation.
    await cloud.waitUntilCancelled("listBackups ORD")
    #expect(await cloud.cancelledCalls == ["listBackups ORD"])
    // The stream finishes after the last state.
    var last: BrowserState?
    for await state in store.states { last = state }
    #expect(last?.shouldQuit == true)
    // Nothing further is applied.
    await store.send(.focusPane(.volumes))
    #expect(await store.state.focusedPane == .backups)
  }

  @Test("the runner maps every cloud effect to its result action")
  func runner() async {
    let cloud = FakeCloud()
    let runner = EffectRunner(service: cloud, now: { Fixtures.t0 })
    let deleted = await runner.perform(.deleteSnapshot(id: "s1", region: "ORD"))
    guard case .deleted(.snapshots, let id, .success, _) = deleted else {
      Issue.record("unexpected \(String(describing: deleted))")
      return
    }
    #expect(id == RowID(region: "ORD", id: "s1"))
    let loaded = await runner.perform(.load(.volumes, region: "ORD"))
    guard case .listUpdated(.volumes, "ORD", let update, _) = loaded, case .full = update.change
    else {
      Issue.record("unexpected \(String(describing: loaded))")
      return
    }
    #expect(await runner.perform(.bell) == nil)
    await cloud.failBackups(CloudError(kind: .forbidden, status: 403, summary: "No"))
    let failed = await runner.perform(.load(.backups, region: "ORD"))
    guard case .listLoaded(.backups, "ORD", .failure(let error), _) = failed else {
      Issue.record("unexpected \(String(describing: failed))")
      return
    }
    #expect(error.kind == .forbidden)
  }
}
