import CloudClient
import Foundation
import Testing

@testable import BrowserModel

/// "Since you last looked": the saved history says when rackwatch last looked; the server's
/// timestamps say what happened after.
@Suite("since you last looked: the digest")
struct DigestTests {
  static let t0 = Fixtures.t0

  /// A state started from a saved history whose last mark is `closedAt` seconds after t0.
  static func started(closedAt: Double, saved: [HistoryEvent] = []) -> BrowserState {
    var state = Fixtures.state()
    state.watch = WatchState(saved: saved + [.mark(.closed, at: t0.addingTimeInterval(closedAt))])
    _ = reduce(&state, .start(now: t0.addingTimeInterval(closedAt + 3600)))
    return state
  }

  static func backup(
    _ id: String, _ status: BackupStatus, created: Double, updated: Double
  ) -> Resource {
    var b = Fixtures.backup(id, status: status, created: created)
    b.updated = t0.addingTimeInterval(updated)
    return .backup(b)
  }

  @Test("jobs that finished, failed or started while closed are counted; older ones are not")
  func countsFromTimestamps() {
    let running = HistoryEvent(
      at: Self.t0, change: .started, kind: .backups, region: "ORD", id: "vanished", name: "x",
      to: "BUILDING")
    var state = Self.started(closedAt: 100, saved: [running])
    let now = 3700.0
    Fixtures.load(
      &state, .backups,
      [
        Self.backup("before", .completed, created: 0, updated: 50),  // finished while open
        Self.backup("done1", .completed, created: 90, updated: 400),
        Self.backup("done2", .completed, created: 200, updated: 900),
        Self.backup("bad", .failed, created: 150, updated: 600),
        Self.backup("new", .building, created: 3000, updated: 3600),
      ], at: now)
    Fixtures.load(
      &state, .snapshots,
      [.snapshot(Fixtures.snapshot("s1", created: 500))], at: now)
    let digest = try! #require(state.watch.digest)
    #expect(digest.since == Self.t0.addingTimeInterval(100))
    #expect(
      digest.summary
        == "1 backup started, 2 completed, 1 failed, 1 gone, 1 snapshot completed")
    #expect(
      state.watch.unseen
        == Set(
          ["done1", "done2", "bad", "new"].map { RowID(region: "ORD", id: $0) } + [
            RowID(region: "ORD", id: "s1")
          ]))
    #expect(!state.watch.unseen.contains(RowID(region: "ORD", id: "before")))
  }

  @Test("each list is digested on its first load only; selecting a row makes it seen")
  func firstLoadOnlyAndSeen() {
    var state = Self.started(closedAt: 0)
    let list = [Self.backup("a", .completed, created: 10, updated: 20)]
    Fixtures.load(&state, .backups, list, at: 10)
    Fixtures.load(&state, .backups, list, at: 20)
    #expect(state.watch.digest?.summary == "1 backup completed")
    _ = reduce(&state, .focusPane(.backups))
    _ = reduce(&state, .selectFirst)
    #expect(state.watch.unseen.isEmpty)
    _ = reduce(&state, .watch(.dismissDigest))
    #expect(state.watch.digest?.visible == false)
  }

  @Test("no saved history: no digest")
  func noHistory() {
    var state = Fixtures.state()
    _ = reduce(&state, .start(now: Self.t0))
    Fixtures.load(&state, .backups, [Self.backup("a", .completed, created: 10, updated: 20)])
    #expect(state.watch.digest == nil)
    #expect(state.watch.unseen.isEmpty)
  }

  @Test("the digest reads: since a weekday and time, in words")
  func wording() {
    var digest = Digest(since: Date(timeIntervalSince1970: 1_800_000_000))  // Fri 08:00 UTC
    digest.add(.backups, .completed, 14)
    digest.add(.backups, .failed)
    digest.add(.snapshots, .gone, 3)
    #expect(digest.summary == "14 backups completed, 1 failed, 3 snapshots gone")
    #expect(
      Formatting.weekdayTime(digest.since, now: digest.since.addingTimeInterval(3600))
        == "Fri 08:00 UTC")
  }
}

@Suite("since you last looked: jobs the history saw running")
struct DigestRunningTests {
  @Test("a job running at the last look and settled now counts, though it has no 'updated'")
  func runningThenSettled() {
    let t0 = Fixtures.t0
    // Session 1: a snapshot is running at the first load: recorded as started.
    var first = Fixtures.state()
    first.watch = WatchState(saved: [])
    _ = reduce(&first, .start(now: t0))
    let effects = Fixtures.load(
      &first, .snapshots, [.snapshot(Fixtures.snapshot("s1", status: .creating, progress: 5))])
    #expect(HistoryEventTests.recorded(effects).map(\.change) == [.started])

    // Session 2, an hour later: it is available (Cinder v1: no updated_at).
    var second = Fixtures.state()
    second.watch = WatchState(
      saved: first.watch.events + [.mark(.closed, at: t0.addingTimeInterval(10))])
    _ = reduce(&second, .start(now: t0.addingTimeInterval(3600)))
    let again = Fixtures.load(
      &second, .snapshots, [.snapshot(Fixtures.snapshot("s1", status: .available, created: -60))],
      at: 3600)
    #expect(second.watch.digest?.summary == "1 snapshot completed")
    #expect(HistoryEventTests.recorded(again).isEmpty)  // not running: nothing to record
  }
}
