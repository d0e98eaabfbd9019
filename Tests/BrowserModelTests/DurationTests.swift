import CloudClient
import Foundation
import Testing

@testable import BrowserModel

/// ETAs and "stalled?": durations learned per band from finished jobs; rows in motion get an
/// ETA, and a job past the 95th percentile, or a snapshot whose progress stands still, is
/// flagged once.
@Suite("ETAs and stalls")
struct DurationTests {
  static let t0 = Fixtures.t0

  /// Settled backups that took `durations` seconds each (created → updated).
  static func finished(_ durations: [Double]) -> [Backup] {
    durations.enumerated().map { index, seconds in
      var b = Fixtures.backup("done\(index)", created: -10_000 + Double(index))
      b.updated = b.created!.addingTimeInterval(seconds)
      return b
    }
  }

  static func notifications(_ effects: [Effect]) -> [DesktopNotification] {
    effects.compactMap { if case .notifyDesktop(let n) = $0 { n } else { nil } }
  }

  @Test("percentiles are nearest-rank; the most specific band with enough samples answers")
  func book() {
    var book = DurationBook()
    for (i, s) in [60.0, 70, 80, 90, 100, 110, 120, 130, 140, 600].enumerated() {
      book.learn(RowID(region: "R", id: "\(i)"), band: ["backup/mysql", "backup"], seconds: s)
    }
    book.learn(RowID(region: "R", id: "0"), band: ["backup"], seconds: 9999)  // counted once
    let estimate = try! #require(book.estimate(["backup/postgresql", "backup/mysql"]))
    #expect(estimate.median == 100)
    #expect(estimate.p95 == 600)
    #expect(estimate.count == 10)
    #expect(book.estimate(["backup/postgresql"]) == nil)
  }

  @Test("a running backup gets an ETA from similar finished ones, then 'stalled?' past p95, once")
  func backupETAAndStall() {
    let history = Self.finished([100, 110, 120, 130, 140, 150])
    let running = Fixtures.backup("run", status: .building, size: nil, created: 0)
    var state = Fixtures.loaded(backups: history + [running])
    let id = RowID(region: "ORD", id: "run")
    // Learned at the first load, from the server's timestamps.
    let eta = try! #require(state.watch.motion[id]?.eta)
    #expect(eta == Self.t0.addingTimeInterval(120))  // created + median (nearest rank)
    #expect(state.watch.motion[id]?.stalled == false)
    let cell = state.pane(.backups).row(id)!.statusCell(CellContext(state, spinner: nil))
    #expect(cell.text == "BUILDING 0s eta 2m")

    // Past the 95th percentile (150 s) and its grace (a minute): flagged, one notification,
    // not repeated. Just past p95 is not yet.
    let still = (history + [running]).map(Resource.backup)
    Fixtures.load(&state, .backups, still, at: 151)
    #expect(state.watch.motion[id]?.stalled == false)
    #expect(DurationBook.stallThreshold(p95: 150) == 210)
    let late = Fixtures.load(&state, .backups, still, at: 211)
    #expect(state.watch.motion[id]?.stalled == true)
    #expect(Self.notifications(late).count == 1)
    #expect(Self.notifications(late).first?.body.contains("stalled?") == true)
    #expect(state.messages.contains { $0.text.contains("stalled?") })
    let later = Fixtures.load(&state, .backups, still, at: 260)
    #expect(Self.notifications(later).isEmpty)
    let cellLate = state.pane(.backups).row(id)!.statusCell(CellContext(state, spinner: nil))
    #expect(cellLate.text.hasSuffix("stalled?"))
  }

  @Test("a list that comes back unchanged skips the motion pass, yet a stall shows on time")
  func stallWithoutChanges() {
    let history = Self.finished([100, 110, 120, 130, 140, 150])
    let running = Fixtures.backup("run", status: .building, size: nil, created: 0)
    var state = Fixtures.state()
    _ = reduce(&state, .start(now: Self.t0))  // the list below is the first load
    let differ = ListDiffer()
    let items = (history + [running]).map(Resource.backup)
    let id = RowID(region: "ORD", id: "run")
    func deliver(at seconds: Double) -> [Effect] {
      let since = state.pane(.backups).lists["ORD"]?.version
      let update = differ.update(.backups, region: "ORD", items, since: since)
      return reduce(
        &state,
        .listUpdated(.backups, region: "ORD", update, now: Self.t0.addingTimeInterval(seconds)))
    }
    _ = deliver(at: 0)
    #expect(state.watch.motion[id]?.eta == Self.t0.addingTimeInterval(120))
    let check = try! #require(state.watch.motionChecks["backups/ORD"])
    #expect(check.nextStall > Self.t0.addingTimeInterval(210))
    #expect(check.nextStall < Self.t0.addingTimeInterval(211))
    // Unchanged before the stall time: nothing to do, nothing changes.
    let quiet = deliver(at: 150)
    #expect(Self.notifications(quiet).isEmpty)
    #expect(state.watch.motion[id]?.stalled == false)
    #expect(state.watch.motionChecks["backups/ORD"] == check)
    // Unchanged, but the stall time has come: flagged once.
    let late = deliver(at: 211)
    #expect(state.watch.motion[id]?.stalled == true)
    #expect(Self.notifications(late).count == 1)
    #expect(Self.notifications(deliver(at: 260)).isEmpty)
    #expect(state.watch.motion[id]?.eta == Self.t0.addingTimeInterval(120))
  }

  @Test("too few finished jobs: no ETA and no stall from percentiles")
  func tooFew() {
    let state = Fixtures.loaded(
      backups: Self.finished([100, 110]) + [Fixtures.backup("run", status: .building)])
    #expect(state.watch.motion[RowID(region: "ORD", id: "run")]?.eta == nil)
  }

  @Test("a snapshot's ETA follows its progress; progress unchanged for N minutes is 'stalled?'")
  func snapshotProgress() {
    var state = Fixtures.loaded(snapshots: [
      Fixtures.snapshot("s", status: .creating, progress: 25, created: 0)
    ])
    state.watch.stallAfter = 600
    let id = RowID(region: "ORD", id: "s")
    Fixtures.load(
      &state, .snapshots,
      [.snapshot(Fixtures.snapshot("s", status: .creating, progress: 50, created: 0))], at: 100)
    // 100 s for 50 %: 100 s more.
    #expect(state.watch.motion[id]?.eta == Self.t0.addingTimeInterval(200))
    let stuck = Resource.snapshot(Fixtures.snapshot("s", status: .creating, progress: 50))
    let early = Fixtures.load(&state, .snapshots, [stuck], at: 650)
    #expect(state.watch.motion[id]?.stalled == false)
    #expect(Self.notifications(early).isEmpty)
    let late = Fixtures.load(&state, .snapshots, [stuck], at: 700)
    #expect(state.watch.motion[id]?.stalled == true)
    #expect(Self.notifications(late).count == 1)
    // Progress moves again: no longer stalled.
    Fixtures.load(
      &state, .snapshots,
      [.snapshot(Fixtures.snapshot("s", status: .creating, progress: 60, created: 0))], at: 710)
    #expect(state.watch.motion[id]?.stalled == false)
  }

  @Test("a job seen finishing teaches its duration, also without the server's 'updated'")
  func learnsFromWhatItSaw() {
    var state = Fixtures.loaded(snapshots: [
      Fixtures.snapshot("s", status: .creating, progress: 10, created: 0)
    ])
    #expect(state.watch.durations.estimate(["snapshot"], minimum: 1) == nil)
    Fixtures.load(&state, .snapshots, [.snapshot(Fixtures.snapshot("s", created: 0))], at: 90)
    #expect(state.watch.durations.estimate(["snapshot"], minimum: 1)?.median == 90)
    // Listed again: counted once.
    Fixtures.load(&state, .snapshots, [.snapshot(Fixtures.snapshot("s", created: 0))], at: 95)
    #expect(state.watch.durations.estimate(["snapshot"], minimum: 1)?.count == 1)
  }

  @Test("durations come back from a saved history: completed events carry created and updated")
  func fromSavedHistory() {
    let saved = (0..<4).map { i in
      HistoryEvent(
        at: Self.t0, change: .completed, kind: .snapshots, region: "ORD", id: "s\(i)",
        name: "", to: "available", size: 50, created: Self.t0.addingTimeInterval(-300),
        updated: Self.t0.addingTimeInterval(-300 + 60 * Double(i + 1)))
    }
    let watch = WatchState(saved: saved)
    let estimate = watch.durations.estimate(["snapshot/10-100GB"])
    #expect(estimate?.median == 120)
    #expect(estimate?.count == 4)
  }
}
