import CloudClient
import CloudSimulator
import Foundation
import Testing

@testable import BrowserModel

/// The effect runner's fast refresh against the simulator over real HTTP (issue 17): a tick
/// of thousands of rows costs a page or two, and leaves the same rows as a whole list.
@Suite("Fast refresh over HTTP")
struct FastRefreshOverHTTPTests {
  /// Rows as the reducer holds them: ID and fingerprint.
  func rows(_ state: BrowserState, _ kind: PaneKind) -> [String] {
    state.pane(kind).rows.filter { $0.change?.kind != .gone }.map {
      "\($0.id.id) \(ResourceComparison.fingerprint($0.resource))"
    }.sorted()
  }

  func load(_ state: inout BrowserState, _ effect: Effect, _ runner: EffectRunner) async {
    var pending = await runner.actions(for: effect)
    while !pending.isEmpty {
      let action = pending.removeFirst()
      for next in reduce(&state, action) {
        if case .continueMerge(let kind, let region) = next {
          pending.append(.continueMerge(kind, region: region))
        }
      }
    }
  }

  @Test("a fast tick over 3,000 + 3,000 rows asks for a few pages and matches a whole list")
  func fewRequestsSameRows() async throws {
    var config = SimulatorConfiguration()
    config.port = 0
    config.regions = ["DFW"]
    config.backupsPerRegion = 3_000
    config.snapshotsPerRegion = 3_000
    config.instancesPerRegion = 12
    config.inMotion = 10
    config.speed = 0  // the clock moves only when the test says
    config.deleteDuration = 3600
    let sim = try await SimulatorServer.start(config)
    let session = CloudSession.signingIn(to: sim, config)
    let now: @Sendable () -> Date = { Date(timeIntervalSince1970: sim.now) }
    let runner = EffectRunner(service: session, now: now, wholeListInterval: 1e9)
    var fast = BrowserState(
      profile: ProfileInfo(profileName: "test", cloudName: "sim"), region: .one("DFW"),
      availableRegions: ["DFW"])
    _ = reduce(&fast, .start(now: now()))
    for kind in [PaneKind.backups, .snapshots] {
      await load(&fast, fast.pane(kind).loadEffect(region: "DFW"), runner)
      #expect(fast.pane(kind).rows.count == 3_000)
    }
    sim.advanceClock(by: 5)
    var perKind: [PaneKind: Int] = [:]
    for kind in [PaneKind.backups, .snapshots] {
      let before = sim.requestCount
      await load(&fast, fast.pane(kind).loadEffect(region: "DFW"), runner)
      perKind[kind] = sim.requestCount - before
    }
    #expect(runner.fastRefreshTotals.ticks == 2)
    // Backups: one page. Snapshots: one newest-updated page, one newest-created page, and a
    // GET of the one being deleted.
    #expect((perKind[.backups] ?? 99) <= 2)
    #expect((perKind[.snapshots] ?? 99) <= 4)

    let wholeRunner = EffectRunner(service: session, now: now)
    var whole = BrowserState(
      profile: ProfileInfo(profileName: "test", cloudName: "sim"), region: .one("DFW"),
      availableRegions: ["DFW"])
    _ = reduce(&whole, .start(now: now()))
    for kind in [PaneKind.backups, .snapshots] {
      await load(&whole, whole.pane(kind).loadEffect(region: "DFW"), wholeRunner)
      #expect(rows(fast, kind) == rows(whole, kind), "\(kind)")
    }
    // Something moved, and the fast tick saw it.
    #expect(fast.pane(.snapshots).rows.contains { $0.change?.kind == .changed })
    try await session.shutdown()
    await sim.shutdown()
  }
}
