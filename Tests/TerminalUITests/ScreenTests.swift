import CloudClient
import Foundation
import Testing

@testable import BrowserModel
@testable import TerminalUI

@Suite("main screen")
struct ScreenTests {
  static let sizes: [(Int, Int)] = Fixtures.sizes

  @Test("header names cloud, profile, region, badges and freshness", arguments: [200, 80, 40])
  func header(cols: Int) {
    let frame = Fixtures.render(Fixtures.state(readOnly: true), cols, 24)
    let header = frame.lines[0]
    #expect(header.contains("rackspace/prod"))
    if cols >= 80 {
      #expect(header.contains("ORD"))
      #expect(header.contains("READ-ONLY"))
      #expect(header.contains("DEMO"))
      #expect(header.contains("updated 3s ago"))
      #expect(frame.style(of: "READ-ONLY")?.role == .badgeWarning)
      #expect(frame.style(of: "DEMO")?.role == .badge)
    }
    // The profile colour paints the profile name.
    #expect(frame.style(of: "rackspace/prod")?.foreground == .ansi(1))
    #expect(frame.styleMap[0].allSatisfy { "hgGT".contains($0) })
  }

  @Test("a failing refresh turns freshness into a stale warning")
  func stale() {
    var state = Fixtures.state()
    state.connection.stale = true
    state.connection.lastError = "503 from ORD"
    let frame = Fixtures.render(state, 120, 30)
    #expect(frame.lines[0].contains("⚠ stale (updated 3s ago): 503 from ORD"))
    #expect(frame.style(of: "⚠ stale")?.role == .badgeWarning)
  }

  @Test("the tab bar lists four panes with their keys and counts, the focused one active")
  func tabs() {
    let frame = Fixtures.render(Fixtures.state(), 200, 60)
    #expect(frame.lines[1].contains("1 Backups 4"))
    #expect(frame.lines[1].contains("2 Snapshots 3"))
    #expect(frame.lines[1].contains("3 Instances 2"))
    #expect(frame.lines[1].contains("4 Volumes 2"))
    #expect(frame.style(of: "1 Backups")?.role == .tabActive)
    #expect(frame.style(of: "2 Snapshots")?.role == .tab)
  }

  @Test("the backup table shows columns, sort marker, statuses and the selection", arguments: sizes)
  func backupTable(size: (Int, Int)) {
    let (cols, rows) = size
    let frame = Fixtures.render(Fixtures.state(), cols, rows)
    #expect(frame.isFreeOfControls)
    #expect(frame.row(containing: "NAME") != nil)
    #expect(frame.row(containing: "STATUS") != nil)
    if cols >= 80 {
      #expect(frame.row(containing: "CREATED▼") != nil)  // default sort: newest first
    }
    // Newest first: NEW (5 s old) above BUILDING above COMPLETED above FAILED.
    let order = ["evil", "orders-incr", "nightly-ord", "数据库"].map {
      frame.row(containing: $0) ?? -1
    }
    #expect(order == order.sorted() && !order.contains(-1), "\(order)")
    #expect(frame.style(of: "COMPLETED")?.role == .statusOk)
    #expect(frame.style(of: "FAILED")?.role == .statusError)
    // The selected (first) row is one selection bar.
    let selected = frame.lines.firstIndex { $0.contains("evil") && $0.contains("NEW") }!
    #expect(frame.lines[selected].contains("▶"))
    let listWidth = size.0 >= 120 ? size.0 * 3 / 5 : size.0
    #expect(frame.styleMap[selected].dropFirst().prefix(listWidth - 2).allSatisfy { $0 == "S" })
  }

  @Test("no Region column for one region; a Region column when all regions are shown")
  func regionColumn() {
    let one = Fixtures.render(Fixtures.state(), 200, 60)
    #expect(one.row(containing: "REGION") == nil)
    var state = Fixtures.state(region: .all)
    state.withPane(.backups) { $0.setRows(Fixtures.backups(region: "DFW") + Fixtures.backups()) }
    let all = Fixtures.render(state, 200, 60)
    #expect(all.row(containing: "REGION") != nil)
    #expect(all.lines[0].contains("all regions"))
    #expect(all.lines.filter { $0.contains("nightly-orders") }.count == 2)
  }

  @Test("a backup in motion shows a spinner and its elapsed time")
  func elapsed() {
    let frame = Fixtures.render(Fixtures.state(), 200, 60)
    let row = frame.lines[frame.row(containing: "orders-incremental")!]
    #expect(row.contains("BUILDING 2m05s"))
    #expect(Spinner.frames.contains { row.contains(String($0)) })
    #expect(frame.style(of: "BUILDING")?.role == .statusProgress)
  }

  @Test("the spinner advances with the model clock and stops when nothing moves")
  func spinner() {
    var state = Fixtures.state()
    let a = Fixtures.render(state, 200, 60)
    state.now = state.now.addingTimeInterval(0.25)
    let b = Fixtures.render(state, 200, 60)
    #expect(a.lines[0] != b.lines[0])
    #expect(Spinner.frame(at: state.now) != Spinner.frame(at: state.now.addingTimeInterval(0.25)))
    var settled = Fixtures.state()
    settled.withPane(.backups) { $0.setRows([Fixtures.backups()[0]]) }
    settled.withPane(.snapshots) { $0.setRows([Fixtures.snapshots()[1]]) }
    settled.withPane(.instances) { $0.setRows([Fixtures.instances()[1]]) }
    let still = Fixtures.render(settled, 200, 60)
    #expect(!Spinner.frames.contains { still.lines[0].contains(String($0)) })
    settled.now = settled.now.addingTimeInterval(0.25)
    #expect(Fixtures.render(settled, 200, 60) == still)
  }

  @Test("snapshots show a progress bar while being made", arguments: sizes)
  func snapshotProgress(size: (Int, Int)) {
    var state = Fixtures.state()
    _ = reduce(&state, .focusPane(.snapshots))
    _ = reduce(&state, .selectFirst)
    _ = reduce(&state, .moveSelection(by: 1))  // "weekly": keep the bar off the rows under test
    let frame = Fixtures.render(state, size.0, size.1)
    #expect(frame.isFreeOfControls)
    if size.0 >= 80 {
      #expect(frame.row(containing: "████░░░░░░ 42%") != nil)
      #expect(frame.style(of: "████")?.role == .progressFill)
      #expect(frame.row(containing: "(no name)") != nil)
      #expect(frame.style(of: "error")?.role == .statusError)
    }
  }

  @Test("instances and volumes panes show their own columns", arguments: sizes)
  func instancesAndVolumes(size: (Int, Int)) {
    var state = Fixtures.state()
    _ = reduce(&state, .focusPane(.instances))
    _ = reduce(&state, .selectLast)
    var frame = Fixtures.render(state, size.0, size.1)
    #expect(frame.isFreeOfControls)
    #expect(frame.row(containing: "Instances · ORD") != nil)
    #expect(frame.row(containing: "orders-db") != nil)
    #expect(frame.style(of: "BACKUP")?.role == .statusProgress)
    #expect(frame.style(of: "3 Instances")?.role == .tabActive)
    _ = reduce(&state, .focusPane(.volumes))
    _ = reduce(&state, .selectLast)
    frame = Fixtures.render(state, size.0, size.1)
    #expect(frame.row(containing: "Volumes · ORD") != nil)
    #expect(frame.row(containing: "data-vol") != nil)
    if size.0 >= 80 {
      #expect(frame.style(of: "in-use")?.role == .statusOk)
      #expect(frame.row(containing: "100 GB") != nil)
    }
  }

  @Test("changed rows are highlighted and pending operations marked")
  func marks() {
    var state = Fixtures.state()
    state.withPane(.backups) { pane in
      pane.updateRow(pane.rows[2].id) { $0.change = RowChange(.changed, at: Fixtures.now) }
      pane.updateRow(pane.rows[0].id) { $0.pending = .deleting }
    }
    let frame = Fixtures.render(state, 200, 60)
    let changed = frame.row(containing: "数据库备份")!
    #expect(frame.lines[changed].hasPrefix("│•"))
    #expect(frame.style(of: "数据库备份")?.role == .highlightChange)
    let pending = frame.row(containing: "nightly-orders")!
    #expect(frame.lines[pending].contains("✕"))
    #expect(frame.lines[pending].contains("deleting…"))
    #expect(frame.style(of: "deleting…")?.role == .pending)
  }

  @Test("hostile names are drawn as visible placeholders, never as control characters")
  func hostile() {
    var state = Fixtures.state()
    // Straight past the model's sanitiser: the renderer must still be safe.
    let raw = Row(
      region: "ORD",
      resource: .backup(
        Backup(
          id: "x\u{1B}]52;c;AAAA\u{7}", name: "\u{1B}[2J\u{9B}31m\r\nboom", status: .completed,
          created: Fixtures.now)))
    state.withPane(.backups) { $0.setRows(Fixtures.backups() + [raw]) }
    _ = reduce(&state, .selectFirst)
    for (cols, rows) in Self.sizes {
      let frame = Fixtures.render(state, cols, rows)
      #expect(frame.isFreeOfControls)
      #expect(frame.row(containing: "␛[31mred") != nil || cols < 80)
    }
  }

  @Test("wide names are truncated on whole glyphs with an ellipsis")
  func wideTruncation() {
    var state = Fixtures.state()
    let long = String(repeating: "数据库", count: 30)
    state.withPane(.backups) {
      $0.setRows([
        Row(
          region: "ORD",
          resource: .backup(Backup(id: "w1", name: long, status: .completed, created: Fixtures.now))
        )
      ])
    }
    for (cols, rows) in Self.sizes {
      let frame = Fixtures.render(state, cols, rows)
      let y = frame.row(containing: "数据库")!
      #expect(frame.lines[y].contains("…"))
      // Every wide glyph keeps its continuation cell: no half glyphs.
      for x in 0..<frame.width where frame[x, y].width == 2 {
        #expect(frame[x + 1, y].isContinuation)
      }
    }
  }

  /// One backup with only an ID, a name, a status and a date: most columns are empty.
  func soloBackup() -> BrowserState {
    var state = Fixtures.state()
    state.withPane(.backups) {
      $0.setRows([
        Row(
          region: "ORD",
          resource: .backup(
            Backup(id: "x1", name: "solo", status: .completed, created: Fixtures.now)))
      ])
    }
    return state
  }

  @Test("on a narrow screen, columns empty on every visible row are dropped first")
  func emptyColumnsGoFirst() {
    let frame = Fixtures.render(soloBackup(), 40, 12)
    let header = frame.lines[frame.row(containing: "NAME")!]
    #expect(header.contains("ID"))
    #expect(header.contains("CREATED"))
    #expect(!header.contains("SIZE"))
    #expect(!header.contains("INSTANCE"))
    #expect(frame.row(containing: "x1") != nil)
  }

  @Test("on a narrow screen the sorted column stays, with its marker, even when empty")
  func sortedColumnStays() {
    var state = soloBackup()
    state.withPane(.backups) {
      $0.setSort(BrowserModel.SortOrder(column: .instance, ascending: true))
    }
    let frame = Fixtures.render(state, 40, 12)
    let header = frame.lines[frame.row(containing: "NAME")!]
    #expect(header.contains("INSTANCE ID▲"))
    #expect(frame.row(containing: "x1") != nil || frame.row(containing: "solo") != nil)
  }

  @Test("empty, loading and failed lists say so")
  func emptyStates() {
    var state = Fixtures.state()
    state.withPane(.backups) { $0.setRows([]) }
    #expect(Fixtures.render(state, 80, 24).row(containing: "No backups in ORD.") != nil)
    state.withPane(.backups) {
      var status = ListStatus()
      status.error = "Service Unavailable (503)"
      $0.lists["ORD"] = status
    }
    let failed = Fixtures.render(state, 80, 24)
    #expect(failed.row(containing: "ORD: Service Unavailable (503)") != nil)
    #expect(failed.style(of: "ORD: Service")?.role == .statusError)
  }

  @Test("the list scrolls to keep the selection visible and touches only visible rows")
  func bigPane() {
    var state = Fixtures.state()
    state.withPane(.backups) { $0.setRows(Fixtures.rows(100_000)) }
    _ = reduce(&state, .selectLast)
    let frame = Fixtures.render(state, 200, 60)
    // Default sort is newest first: the oldest row (000000) is last.
    let y = frame.lines.firstIndex { $0.contains("backup-000000") && $0.contains("COMPLETED") }!
    #expect(frame.styleMap[y].contains("S"))
    #expect(frame.lines[1].contains("1 Backups 100,000"))
    _ = reduce(&state, .selectFirst)
    #expect(Fixtures.render(state, 200, 60).row(containing: "backup-099999") != nil)
  }

  @Test("footer hints follow the mode and hide write actions when read-only")
  func footer() {
    let normal = Fixtures.render(Fixtures.state(), 200, 60)
    let last = normal.lines[59]
    #expect(last.contains("/ filter"))
    #expect(last.contains("d delete"))
    #expect(normal.style(of: "? help")?.role == .key)
    let readOnly = Fixtures.render(Fixtures.state(readOnly: true), 200, 60)
    #expect(!readOnly.lines[59].contains("delete"))
  }
}

@Suite("layout")
struct LayoutTests {
  @Test("wide terminals show list and detail side by side")
  func sideBySide() {
    let frame = Fixtures.render(Fixtures.state(), 200, 60)
    let y = frame.row(containing: "Detail")!
    #expect(frame.lines[y].contains("Backups · ORD"))
    #expect(frame.row(containing: "nightly-orders") != nil)
  }

  @Test(
    "narrow terminals stack the detail under the list when opened", arguments: [(80, 24), (80, 40)])
  func stacked(size: (Int, Int)) {
    var state = Fixtures.state()
    #expect(Fixtures.render(state, size.0, size.1).row(containing: "Detail") == nil)
    _ = reduce(&state, .openDetail)
    let frame = Fixtures.render(state, size.0, size.1)
    let detail = frame.row(containing: "Detail")!
    if size.1 >= 30 {
      #expect(frame.row(containing: "Backups · ORD")! < detail)
    }
    #expect(frame.row(containing: "ID") != nil)
  }

  @Test("below the minimum size a calm message asks for room, and the UI comes back")
  func tooSmall() {
    let state = Fixtures.state()
    let small = Fixtures.render(state, 30, 8)
    #expect(small.text.contains("Terminal too small"))
    #expect(small.text.contains("enlarge"))
    let back = Fixtures.render(state, 80, 24)
    #expect(!back.text.contains("too small"))
    #expect(back.row(containing: "nightly-orders") != nil)
  }

  @Test(
    "tiny and empty terminals do not crash",
    arguments: [(10, 4), (1, 1), (0, 0), (3, 200), (500, 2)])
  func tiny(size: (Int, Int)) {
    var state = Fixtures.state()
    for action: Action in [.toggleHelp, .toggleHelp, .openDetail, .beginCreate] {
      _ = reduce(&state, action)
      let frame = Fixtures.render(state, size.0, size.1)
      #expect(frame.width == size.0 && frame.height == size.1)
      #expect(frame.isFreeOfControls)
    }
  }
}

@Suite("message line")
struct MessageLineTests {
  @Test("an error stays on the message line when newer good news arrives")
  func errorOutranksNews() {
    var state = Fixtures.state()
    _ = reduce(&state, .notify(.error, "Theme skipped: broken.yaml:3: key 'text'"))
    _ = reduce(&state, .notify(.success, "Backup nightly completed"))
    let frame = Fixtures.render(state, 80, 24)
    #expect(frame.text.contains("broken.yaml:3"))
    #expect(!frame.text.contains("Backup nightly completed"))
  }

  @Test("without an error the newest message shows, made safe for the terminal")
  func newestMessage() {
    var state = Fixtures.state()
    _ = reduce(&state, .notify(.info, "first"))
    _ = reduce(&state, .notify(.info, "second \u{1B}[31mred"))
    let frame = Fixtures.render(state, 80, 24)
    #expect(frame.text.contains("second ␛[31mred"))
    #expect(!frame.text.contains("first"))
  }
}
