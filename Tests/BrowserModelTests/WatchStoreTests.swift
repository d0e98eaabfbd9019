import CloudClient
import Foundation
import Testing

@testable import BrowserModel

/// The history and notifications through the store, as the app runs them: the test clock
/// drives the refreshes, the hooks receive what the app would write and show.
@Suite("history and notifications through the store")
struct WatchStoreTests {
  @Test("n on a running backup: when a refresh shows it finished, one notification and the event")
  func notifyOnFinish() async throws {
    let cloud = FakeCloud()
    await cloud.set(backups: [Fixtures.backup("b1", name: "nightly\u{1B}]0;x", status: .building)])
    let clock = TestClock()
    let log = HookLog()
    let recorded = HookLog()
    var state = BrowserState(
      profile: ProfileInfo(profileName: "t", cloudName: "fake"), region: .one("ORD"),
      availableRegions: ["ORD"], now: clock.date)
    state.watch = WatchState(saved: [])
    let store = BrowserStore(
      state: state, service: cloud, clock: clock, date: { clock.date },
      hooks: FrontEndHooks(
        recordHistory: { events in for e in events { recorded.add("\(e.change) \(e.id)") } },
        notify: { log.add($0.body) }))
    await store.start()
    await store.settle()
    await store.send(.selectFirst)
    await store.send(.watch(.toggleNotify))
    #expect(await store.state.watch.notifyOnFinish == [RowID(region: "ORD", id: "b1")])

    // Still running at the next fast tick: nothing.
    clock.advance(by: .seconds(2))
    await store.settle()
    #expect(log.all.isEmpty)

    var done = Fixtures.backup("b1", name: "nightly\u{1B}]0;x", status: .completed)
    done.updated = clock.date
    await cloud.set(backups: [done])
    clock.advance(by: .seconds(2))
    await store.settle()
    #expect(recorded.all == ["started b1", "completed b1"])
    #expect(log.all.count == 1)
    let body = try #require(log.all.first)
    #expect(body.hasPrefix("Backup nightly"))
    #expect(body.contains("completed"))
    #expect(!body.unicodeScalars.contains { $0.value < 0x20 })  // sanitised: no ESC
    #expect(await store.state.watch.notifyOnFinish.isEmpty)
  }

  @Test("the profile's 'any failure' setting notifies failures nobody asked about")
  func anyFailure() async {
    let cloud = FakeCloud()
    await cloud.set(backups: [Fixtures.backup("b1", status: .building)])
    let clock = TestClock()
    let log = HookLog()
    var state = BrowserState(
      profile: ProfileInfo(profileName: "t", cloudName: "fake"), region: .one("ORD"),
      availableRegions: ["ORD"], now: clock.date)
    state.watch.notifyFailures = true
    let store = BrowserStore(
      state: state, service: cloud, clock: clock, date: { clock.date },
      hooks: FrontEndHooks(notify: { log.add($0.body) }))
    await store.start()
    await store.settle()
    await cloud.set(backups: [Fixtures.backup("b1", status: .failed)])
    clock.advance(by: .seconds(2))
    await store.settle()
    #expect(log.all == ["Backup backup-b1 failed (FAILED) · ORD"])
  }

  @Test(":pause stops refreshes and wake-ups; :refresh 5s sets the interval; :resume loads")
  func pauseAndInterval() async {
    let cloud = FakeCloud()
    await cloud.set(backups: [Fixtures.backup("b1", status: .building)])
    let clock = TestClock()
    let store = BrowserStore(
      state: BrowserState(
        profile: ProfileInfo(profileName: "t", cloudName: "fake"), region: .one("ORD"),
        availableRegions: ["ORD"], now: clock.date),
      service: cloud, clock: clock, date: { clock.date })
    await store.start()
    await store.settle()
    #expect(await cloud.count("listBackups ORD") == 1)
    _ = await run(store, ":refresh 5s")
    #expect(await store.state.refresh.fast == .seconds(5))
    clock.advance(by: .seconds(2))
    await store.settle()
    #expect(await cloud.count("listBackups ORD") == 1)  // 5 s now, not 2
    clock.advance(by: .seconds(3))
    await store.settle()
    #expect(await cloud.count("listBackups ORD") == 2)

    _ = await run(store, ":pause")
    #expect(await store.state.watch.paused)
    clock.advance(by: .seconds(600))
    await store.settle()
    #expect(await cloud.count("listBackups ORD") == 2)
    #expect(clock.sleeperCount == 0)  // no wake-up at all while paused and quiet

    _ = await run(store, ":resume")
    await store.settle()
    #expect(await cloud.count("listBackups ORD") == 3)
    #expect(await !store.state.watch.paused)
  }

  private func run(_ store: BrowserStore<TestClock>, _ command: String) async {
    await store.send(.beginCommand)
    await store.send(.editCommand(.insert(command)))
    await store.send(.submitCommand)
  }
}
