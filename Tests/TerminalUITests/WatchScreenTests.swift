import CloudClient
import Foundation
import Testing

@testable import BrowserModel
@testable import TerminalUI

/// The screens of issue 16 as frames: the events view, the digest panel, the header's pause
/// and interval, unseen and notify marks, ETAs, and the notification bytes.
@Suite("history, digest and notifications on screen")
struct WatchScreenTests {
  static let now = Fixtures.now

  static func event(
    _ id: String, _ change: HistoryEvent.Change, name: String, from: String?, to: String?,
    ago: Double, kind: PaneKind = .backups
  ) -> HistoryEvent {
    HistoryEvent(
      at: now.addingTimeInterval(-ago), change: change, kind: kind, region: "ORD", id: id,
      name: name, from: from, to: to, size: 1.25)
  }

  static func withEvents() -> BrowserState {
    var state = Fixtures.state()
    state.watch.append([
      event(
        "b1000000-0000-4000-8000-000000000001", .completed, name: "nightly-orders",
        from: "BUILDING", to: "COMPLETED", ago: 7200),
      event(
        "b1000000-0000-4000-8000-000000000003", .failed, name: "数据库备份", from: "BUILDING",
        to: "FAILED", ago: 600),
      event(
        "gone-id", .gone, name: "old-snap", from: "available", to: nil, ago: 60, kind: .snapshots),
    ])
    return state
  }

  @Test("the events view lists the history newest first, with the change; / filters it")
  func eventsView() {
    var state = Self.withEvents()
    state.timesAsAges = true
    _ = reduce(&state, .watch(.toggleEvents))
    let frame = Fixtures.render(state, 120, 20)
    let text = frame.lines.joined(separator: "\n")
    #expect(text.contains("Events · 3"))
    let lines = frame.lines.filter { $0.contains("ORD") && !$0.contains("rackwatch") }
    #expect(lines.count == 3)
    #expect(
      lines[0].contains("1m ago") && lines[0].contains("gone") && lines[0].contains("old-snap"))
    #expect(lines[1].contains("failed") && lines[1].contains("BUILDING → FAILED"))
    #expect(lines[2].contains("2h ago") && lines[2].contains("nightly-orders"))
    #expect(frame.style(of: "failed")?.role == .statusError)
    #expect(lines[0].hasPrefix("│▶"))

    _ = reduce(&state, .watch(.eventsBeginFilter))
    for c in "nightly" { _ = reduce(&state, .watch(.eventsEditFilter(.insert(String(c))))) }
    let filtered = Fixtures.render(state, 120, 20)
    #expect(filtered.lines.joined().contains("Events · 1 · /nightly▏"))
    #expect(filtered.lines.filter { $0.contains("old-snap") }.isEmpty)
    #expect(filtered.isFreeOfControls)
    #expect(filtered.lines.last?.contains("Ctrl-U") == true)
    _ = reduce(&state, .watch(.eventsCommitFilter))
    #expect(Fixtures.render(state, 120, 20).lines.last?.contains("Enter go to row") == true)
  }

  @Test("Enter on an event focuses its pane and selects its row; Esc closes the view")
  func jump() {
    var state = Self.withEvents()
    _ = reduce(&state, .watch(.toggleEvents))
    _ = reduce(&state, .watch(.eventsMove(by: 1)))  // the failed backup
    _ = reduce(&state, .focusPane(.snapshots))  // from anywhere
    #expect(state.watch.eventsView != nil)
    _ = reduce(&state, .watch(.eventsJump))
    #expect(state.watch.eventsView == nil)
    #expect(state.focusedPane == .backups)
    #expect(state.focused.selectedID?.id == "b1000000-0000-4000-8000-000000000003")
    let frame = Fixtures.render(state, 120, 20)
    #expect(frame.lines.contains { $0.contains("▶") && $0.contains("数据库备份") })
    // A row no longer listed: said so, the view stays.
    _ = reduce(&state, .watch(.toggleEvents))
    _ = reduce(&state, .watch(.eventsFirst))
    _ = reduce(&state, .watch(.eventsJump))
    #expect(state.watch.eventsView != nil)
    #expect(state.messages.last?.text == "Snapshot old-snap is no longer listed")
    let escape = KeyMap.action(for: .escape, in: state)
    guard case .watch(.closeEvents)? = escape else {
      Issue.record("Esc in the events view should close it, got \(String(describing: escape))")
      return
    }
    _ = reduce(&state, .watch(.closeEvents))
    #expect(state.watch.eventsView == nil)
  }

  @Test("the digest panel says since when and what, over the list, until Esc")
  func digestPanel() {
    var state = Fixtures.state()
    var digest = Digest(since: Self.now.addingTimeInterval(-7200))
    digest.add(.backups, .completed, 14)
    digest.add(.backups, .failed, 1)
    digest.add(.snapshots, .gone, 3)
    state.watch.digest = digest
    let frame = Fixtures.render(state, 120, 30)
    let text = frame.lines.joined(separator: "\n")
    #expect(text.contains("Since you last looked"))
    #expect(text.contains("(2h ago): 14 backups completed, 1 failed, 3"))
    #expect(text.contains("snapshots gone."))
    if case .watch(.dismissDigest)? = KeyMap.action(for: .escape, in: state) {
    } else {
      Issue.record("Esc on the digest should dismiss it")
    }
    _ = reduce(&state, .watch(.dismissDigest))
    #expect(!Fixtures.render(state, 120, 30).lines.joined().contains("Since you last looked"))
    // Tiny terminals: no crash, no panel.
    _ = Fixtures.render(state, 10, 4)
    state.watch.digest = digest
    _ = Fixtures.render(state, 40, 10)
    _ = Fixtures.render(state, 10, 4)
  }

  @Test("the header shows PAUSED, or the intervals once :refresh changed them")
  func header() {
    var state = Fixtures.state()
    _ = reduce(&state, .watch(.toggleEvents))  // any state works; keep the view open
    _ = Reducer.run(&state, command: ":refresh 5s 1m")
    #expect(Fixtures.render(state, 120, 20).lines[0].contains("↻ 5s/1m"))
    _ = Reducer.run(&state, command: ":pause")
    let paused = Fixtures.render(state, 120, 20)
    #expect(paused.lines[0].contains("PAUSED"))
    #expect(paused.style(of: "PAUSED")?.role == .badgeWarning)
    // Old data while paused is expected: no stale warning.
    state.connection.stale = true
    #expect(!Fixtures.render(state, 120, 20).lines[0].contains("stale"))
    _ = Reducer.run(&state, command: ":refresh nonsense")
    #expect(state.messages.last?.text.hasPrefix("Usage: :refresh") == true)
  }

  @Test("unseen rows and rows to notify about are marked in the gutter; ETA in status and detail")
  func marksAndETA() {
    var state = Fixtures.state()
    let running = RowID(region: "ORD", id: "b1000000-0000-4000-8000-000000000002")
    let failed = RowID(region: "ORD", id: "b1000000-0000-4000-8000-000000000003")
    state.watch.unseen = [failed]
    state.watch.notifyOnFinish = [running]
    var motion = WatchState.Motion(kind: .backups)
    motion.eta = Self.now.addingTimeInterval(14 * 60)
    state.watch.motion = [running: motion]
    let frame = Fixtures.render(state, 200, 30)
    #expect(frame.lines.contains { $0.hasPrefix("│*") && $0.contains("数据库备份") })
    #expect(frame.lines.contains { $0.hasPrefix("│◊") && $0.contains("orders-incremental") })
    #expect(frame.lines.contains { $0.contains("BUILDING 2m05s eta 14m") })
    // The detail view of the running backup: ETA absolute and relative, the pending notify.
    state.withPane(.backups) { $0.selectedID = running }
    let detail = Fixtures.render(state, 200, 30).lines.joined(separator: "\n")
    #expect(detail.contains("UTC (in 14m)"))
    #expect(detail.contains("when it finishes"))
    #expect(detail.contains("UTC (2m ago)"))  // Created, relative too
  }

  @Test("notification bytes: OSC 9, OSC 777, tmux passthrough; hostile text cannot escape")
  func sequences() {
    let plain = DesktopNotification(title: "rackwatch", body: "Backup nightly completed · ORD")
    #expect(
      TerminalNotification.sequence(plain, style: .osc9, insideTmux: false)
        == Array("\u{1B}]9;rackwatch: Backup nightly completed · ORD\u{07}".utf8))
    #expect(
      TerminalNotification.sequence(
        DesktopNotification(title: "rack;watch", body: "a;b"), style: .osc777, insideTmux: false)
        == Array("\u{1B}]777;notify;rack,watch;a,b\u{07}".utf8))
    #expect(
      TerminalNotification.sequence(plain, style: .osc9, insideTmux: true)
        == Array(
          "\u{1B}Ptmux;\u{1B}\u{1B}]9;rackwatch: Backup nightly completed · ORD\u{07}\u{1B}\\".utf8)
    )
    #expect(TerminalNotification.sequence(plain, style: .bell, insideTmux: false).isEmpty)
    #expect(TerminalNotification.sequence(plain, style: .none, insideTmux: true).isEmpty)

    let hostile = DesktopNotification(
      title: "x\u{07}",
      body: "evil\u{1B}]9;pwned\u{07}\u{9C}\u{202E}\n" + String(repeating: "a", count: 500))
    let bytes = TerminalNotification.sequence(hostile, style: .osc9, insideTmux: false)
    // Exactly one ESC (the start) and one BEL (the end); no C1 string terminator.
    #expect(bytes.filter { $0 == 0x1B }.count == 1)
    #expect(bytes.filter { $0 == 0x07 }.count == 1)
    #expect(bytes.last == 0x07)
    let text = String(decoding: bytes, as: UTF8.self)
    #expect(!text.unicodeScalars.contains { (0x80...0x9F).contains($0.value) || $0 == "\u{202E}" })
    #expect(hostile.body.count <= 240)
    #expect(NotificationStyle(setting: "OSC777") == .osc777)
    #expect(NotificationStyle(setting: "loud") == nil)
  }

  @Test("times as a person reads them")
  func relative() {
    let now = Self.now
    #expect(Formatting.relative(now.addingTimeInterval(-7200), now: now) == "2h ago")
    #expect(Formatting.relative(now.addingTimeInterval(14 * 60), now: now) == "in 14m")
    #expect(Formatting.relative(now, now: now) == "now")
    #expect(Formatting.interval(.seconds(5)) == "5s")
    #expect(Formatting.interval(.seconds(90)) == "1m30s")
    #expect(Formatting.interval(.milliseconds(500)) == "500ms")
  }
}

@Suite("keys of the history")
struct WatchKeyTests {
  @Test("n asks for a notification, E opens the events view; in the view keys move and filter")
  func keys() {
    var state = Fixtures.state()
    #expect(
      String(describing: KeyMap.action(for: .char("n"), in: state)!)
        == "watch(BrowserModel.WatchAction.toggleNotify)")
    #expect(
      String(describing: KeyMap.action(for: .char("E"), in: state)!)
        == "watch(BrowserModel.WatchAction.toggleEvents)")
    _ = reduce(&state, .watch(.toggleEvents))
    let describe = { (key: Key) in
      KeyMap.action(for: key, in: state).map { String(describing: $0) } ?? "nil"
    }
    #expect(describe(.char("j")) == "watch(BrowserModel.WatchAction.eventsMove(by: 1))")
    #expect(describe(.enter) == "watch(BrowserModel.WatchAction.eventsJump)")
    #expect(describe(.char("/")) == "watch(BrowserModel.WatchAction.eventsBeginFilter)")
    #expect(describe(.char("q")) == "watch(BrowserModel.WatchAction.closeEvents)")
    #expect(describe(.char("c")) == "nil")  // no create from the events view
    _ = reduce(&state, .watch(.eventsBeginFilter))
    #expect(
      describe(.char("q"))
        == "watch(BrowserModel.WatchAction.eventsEditFilter(BrowserModel.TextEdit.insert(\"q\")))")
  }
}

@Suite("the events view on a narrow screen")
struct NarrowEventsTests {
  @Test("40 columns: ages, the change and the name; 10x4: the too-small screen")
  func narrow() {
    var state = WatchScreenTests.withEvents()
    _ = reduce(&state, .watch(.toggleEvents))
    let frame = Fixtures.render(state, 40, 10)
    #expect(
      frame.lines.contains {
        $0.contains("1m ago") && $0.contains("gone") && $0.contains("old-snap")
      })
    #expect(!frame.lines.joined().contains("REGION"))
    #expect(Fixtures.render(state, 10, 4).lines.joined().contains("small"))
  }
}
