import CloudClient
import Foundation
import Testing

@testable import BrowserModel

@Suite("Change awareness")
struct ChangeAwarenessTests {
  @Test("the first load marks nothing")
  func firstLoad() {
    let state = Fixtures.loaded(backups: [Fixtures.backup("a")])
    #expect(state.pane(.backups).rows.allSatisfy { $0.change == nil })
  }

  @Test("added, changed (status, progress, size) and gone rows are marked, then fade")
  func marks() {
    var state = Fixtures.loaded(snapshots: [
      Fixtures.snapshot("keep"), Fixtures.snapshot("grow", status: .creating, progress: 10),
      Fixtures.snapshot("drop"),
    ])
    Fixtures.load(
      &state, .snapshots,
      [
        .snapshot(Fixtures.snapshot("keep")),
        .snapshot(Fixtures.snapshot("grow", status: .creating, progress: 60)),
        .snapshot(Fixtures.snapshot("new")),
      ], at: 2)
    let pane = state.pane(.snapshots)
    #expect(pane.row(RowID(region: "ORD", id: "keep"))?.change == nil)
    #expect(pane.row(RowID(region: "ORD", id: "grow"))?.change?.kind == .changed)
    #expect(pane.row(RowID(region: "ORD", id: "new"))?.change?.kind == .added)
    #expect(pane.row(RowID(region: "ORD", id: "drop"))?.change?.kind == .gone)
    // A size change counts too.
    Fixtures.load(
      &state, .snapshots,
      [
        .snapshot(Fixtures.snapshot("keep", size: 20)),
        .snapshot(Fixtures.snapshot("grow", status: .creating, progress: 60)),
        .snapshot(Fixtures.snapshot("new")),
      ], at: 3)
    #expect(state.pane(.snapshots).row(RowID(region: "ORD", id: "keep"))?.change?.kind == .changed)
    // After the highlight time the marks fade and the gone row leaves.
    _ = reduce(&state, .tick(now: Fixtures.t0.addingTimeInterval(10)))
    #expect(state.pane(.snapshots).rows.allSatisfy { $0.change == nil })
    #expect(state.pane(.snapshots).row(RowID(region: "ORD", id: "drop")) == nil)
  }

  @Test("a mark asks for a wake-up when it should fade")
  func fadeWakeup() {
    var state = Fixtures.loaded(backups: [])
    let effects = Fixtures.load(&state, .backups, [.backup(Fixtures.backup("n"))], at: 1)
    #expect(Fixtures.scheduledDelay(effects) == .seconds(5))
  }

  @Test("a backup reaching COMPLETED or FAILED is announced, with a bell when enabled")
  func backupFinished() {
    var state = Fixtures.loaded(
      backups: [Fixtures.backup("ok", status: .building), Fixtures.backup("bad", status: .new)],
      bell: true)
    let effects = Fixtures.load(
      &state, .backups,
      [
        .backup(Fixtures.backup("ok", name: "nightly", status: .completed)),
        .backup(Fixtures.backup("bad", name: "weekly", status: .failed)),
      ], at: 2)
    let texts = state.messages.map(\.text)
    #expect(texts.contains("Backup nightly completed"))
    #expect(texts.contains("Backup weekly failed"))
    #expect(state.messages.first { $0.text == "Backup weekly failed" }?.level == .error)
    #expect(effects.filter { $0 == .bell }.count == 2)
  }

  @Test("a snapshot reaching available or error is announced; no bell unless enabled")
  func snapshotFinished() {
    var state = Fixtures.loaded(snapshots: [
      Fixtures.snapshot("s1", status: .creating, progress: 50),
      Fixtures.snapshot("s2", status: .creating, progress: 50),
    ])
    let effects = Fixtures.load(
      &state, .snapshots,
      [
        .snapshot(Fixtures.snapshot("s1", name: "one", status: .available)),
        .snapshot(Fixtures.snapshot("s2", name: "two", status: .error)),
      ], at: 2)
    #expect(state.messages.map(\.text).contains("Snapshot one available"))
    #expect(state.messages.map(\.text).contains("Snapshot two failed (error)"))
    #expect(!effects.contains(.bell))
  }

  @Test("settled rows that stay settled are not announced")
  func noNoise() {
    var state = Fixtures.loaded(backups: [Fixtures.backup("a")])
    Fixtures.load(&state, .backups, [.backup(Fixtures.backup("a"))], at: 2)
    #expect(state.messages.isEmpty)
  }

  @Test("messages expire on tick")
  func expiry() {
    var state = Fixtures.loaded(backups: [Fixtures.backup("a", status: .building)])
    Fixtures.load(&state, .backups, [.backup(Fixtures.backup("a"))], at: 1)
    #expect(state.activeMessages.count == 1)
    _ = reduce(&state, .tick(now: Fixtures.t0.addingTimeInterval(100)))
    #expect(state.messages.isEmpty)
  }

  @Test("network strings are sanitised once as they enter the state")
  func sanitisedOnEntry() {
    let hostile = Fixtures.backup("x\u{1B}", name: "evil\u{1B}]52;c;AAAA\u{07}\u{202E}gnp.exe")
    let state = Fixtures.loaded(backups: [hostile])
    let row = state.pane(.backups).visibleRow(at: 0)
    #expect(row?.resource.name == "evil\u{241B}]52;c;AAAA\u{2407}\u{FFFD}gnp.exe")
    #expect(row?.id.id == "x\u{241B}")
    #expect(
      row.map {
        PaneKind.backups.descriptor.spec(.name)!.text($0, CellContext(now: state.now)).text
      }?
      .unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value != 0x7F }
        == true)
  }

  @Test("a refresh keeps rows of other regions and the same ID in two regions apart")
  func multiRegion() {
    var state = Fixtures.state(region: .all, regions: ["DFW", "ORD"])
    _ = reduce(&state, .start(now: Fixtures.t0))
    Fixtures.load(&state, .backups, [.backup(Fixtures.backup("same"))], region: "ORD")
    Fixtures.load(&state, .backups, [.backup(Fixtures.backup("same"))], region: "DFW")
    #expect(state.pane(.backups).rows.count == 2)
    Fixtures.load(&state, .backups, [], region: "DFW", at: 1)
    let regions = state.pane(.backups).rows.filter { $0.change?.kind != .gone }.map(\.region)
    #expect(regions == ["ORD"])
  }
}
