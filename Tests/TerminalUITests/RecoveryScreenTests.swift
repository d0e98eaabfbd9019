import CloudClient
import Foundation
import Testing

@testable import BrowserModel
@testable import TerminalUI

/// The recovery screens as an operator sees them: keys, the restore and bulk-delete
/// dialogs, marks in the table, the chain tree and the scrolling detail view.
@Suite("recovery screens")
struct RecoveryScreenTests {
  func action(_ key: Key, _ state: BrowserState) -> String {
    KeyMap.action(for: key, in: state).map { "\($0)" } ?? "nil"
  }

  @Test("keys: Space marks, R V m A Y o; Enter on an instance jumps; in the detail they scroll")
  func keys() {
    var state = Fixtures.state()
    #expect(action(.char(" "), state) == "toggleMark")
    #expect(action(.char("R"), state) == "beginRestore")
    #expect(action(.char("V"), state) == "beginVolumeFromSnapshot")
    #expect(action(.char("m"), state) == "beginMetadata")
    #expect(action(.char("A"), state) == "beginAdmin")
    #expect(action(.char("Y"), state) == "copySelectedRecord")
    #expect(action(.char("C"), state) == "beginCopyBackup")
    #expect(action(.char("o"), state) == "jumpToRelated")
    #expect(action(.enter, state) == "openDetail")
    _ = reduce(&state, .focusPane(.instances))
    #expect(action(.enter, state) == "jumpToRelated")
    #expect(action(.char("i"), state) == "openDetail")
    _ = reduce(&state, .openDetail)
    #expect(action(.char("j"), state) == "scrollDetail(by: 1)")
    #expect(action(.up, state) == "scrollDetail(by: -1)")
    #expect(action(.end, state) == "scrollDetail(by: \(Int.max))")
    #expect(action(.enter, state) == "back")
  }

  @Test("C on a backup asks for one of the other regions, each named once")
  func copyDialogOnScreen() {
    var state = Fixtures.state()
    state.availableRegions = ["DFW", "IAD", "ORD"]
    while state.focused.selectedRow?.resource.name != "nightly-orders",
      state.focused.selectedPosition.map({ $0 + 1 < state.focused.visibleCount }) == true
    {
      _ = reduce(&state, .moveSelection(by: 1))
    }
    _ = reduce(&state, .beginCopyBackup)
    #expect(state.dialog != nil, "\(state.activeMessages.map(\.text))")
    let lines = Fixtures.render(state, 100, 30).text.components(separatedBy: "\n")
    #expect(lines.contains { $0.contains("Copy nightly-orders to") })
    #expect(lines.contains { $0.contains("▶ DFW ") && !$0.contains("DFW  DFW") })
    #expect(lines.contains { $0.contains("  IAD ") })
    #expect(!lines.contains { $0.contains("  ORD  ") && $0.contains("▶") })
  }

  @Test("the create-backup dialog shows its copies field with the label whole")
  func createDialogCopyField() {
    var state = Fixtures.state()
    _ = reduce(&state, .beginCreate)
    let text = Fixtures.render(state, 100, 30).text
    #expect(text.contains("Copy to "))
    #expect(!text.contains("Copy to…") && !text.contains("Copy t…"))
  }

  @Test("marked rows show ✓ and the title counts them; the bulk confirmation lists them")
  func marksOnScreen() {
    var state = Fixtures.state()
    _ = reduce(&state, .toggleMark)
    _ = reduce(&state, .toggleMark)
    let frame = Fixtures.render(state, 100, 30)
    #expect(frame.text.contains("2 marked"))
    #expect(frame.text.components(separatedBy: "\n").filter { $0.contains("│✓") }.count == 2)
    _ = reduce(&state, .beginDelete)
    let dialog = Fixtures.render(state, 100, 30).text
    #expect(dialog.contains("Delete 2 backups"))
    #expect(dialog.contains("[ Delete 2 ]"))
    #expect(dialog.contains("[ Cancel ]"))
  }

  @Test("the restore dialog shows the datastore as a note and the server's refusal in full")
  func restoreDialog() {
    var state = Fixtures.state()
    _ = reduce(&state, .selectLast)
    _ = reduce(&state, .moveSelection(by: -1))
    _ = reduce(&state, .beginRestore)
    guard case .form(var form) = state.dialog else {
      Issue.record("no restore dialog")
      return
    }
    form.error =
      "Restoring backup b1 failed: Backup b1000000-0000-4000-8000-000000000001 cannot be restored because its status is FAILED; choose a COMPLETED backup"
    state.dialog = .form(form)
    let text = Fixtures.render(state, 100, 30).text
    #expect(text.contains("Restore backup"))
    #expect(text.contains("Datastore"))
    #expect(text.contains("mysql 8.0"))
    #expect(text.contains("choose a COMPLETED backup"))
    #expect(Fixtures.render(state, 10, 4).text.contains("Terminal"))
  }

  @Test("a backup's detail shows its chain as a tree, the parent first")
  func chainTree() {
    var state = Fixtures.state()
    let child = RowID(region: "ORD", id: "b1000000-0000-4000-8000-000000000002")
    state.withPane(.backups) { $0.selectedID = child }
    _ = reduce(&state, .openDetail)
    let text = Fixtures.render(state, 100, 40).text
    let lines = text.components(separatedBy: "\n")
    let parent = lines.firstIndex { $0.contains("Chain") && $0.contains("nightly-orders") }
    let own = lines.firstIndex { $0.contains("└ ▸ orders-incremental") }
    #expect(parent != nil)
    #expect(own != nil)
    if let parent, let own { #expect(own == parent + 1) }
  }

  @Test("a long detail scrolls: arrows say where more is, the extent is measured")
  func detailScroll() throws {
    var state = Fixtures.state()
    _ = reduce(&state, .focusPane(.snapshots))
    state.withPane(.snapshots) { pane in
      pane.updateRow(pane.rows[0].id) { row in
        var snapshot = row.resource.snapshot!
        for index in 0..<30 { snapshot.metadata["key-\(index)"] = "value \(index)" }
        row.setResource(.snapshot(snapshot))
      }
      pane.selectedID = pane.rows[0].id
    }
    _ = reduce(&state, .openDetail)
    let extent = try #require(Renderer.detailExtent(state, cols: 80, rows: 24))
    #expect(extent.lines > extent.visible)
    _ = reduce(&state, .setDetailExtent(extent))
    let top = Fixtures.render(state, 80, 24).text
    #expect(top.contains("↓"))
    #expect(top.contains("Name"))
    _ = reduce(&state, .scrollDetail(by: Int.max))
    let bottom = Fixtures.render(state, 80, 24).text
    #expect(bottom.contains("key-9=value 9"))
    #expect(bottom.contains("↑"))
    #expect(!bottom.contains("pre-upgrade-"))
  }
}

@Suite("help scrolls")
struct HelpScrollTests {
  @Test("a help taller than the screen scrolls to its last entry and back")
  func helpScrolls() throws {
    var state = Fixtures.state()
    _ = reduce(&state, .toggleHelp)
    let extent = try #require(Renderer.helpExtent(state, cols: 80, rows: 16))
    #expect(extent.lines == HelpOverlay.entries.count)
    #expect(extent.visible < extent.lines)
    _ = reduce(&state, .setHelpExtent(extent))
    let top = Fixtures.render(state, 80, 16).text
    #expect(top.contains("Help · ↑↓ scroll"))
    #expect(!top.contains(":theme NAME"))
    let down = try #require(KeyMap.action(for: .end, in: state))
    _ = reduce(&state, down)
    #expect(state.helpScroll == extent.maxScroll)
    let bottom = Fixtures.render(state, 80, 16).text
    #expect(bottom.contains(":theme NAME"))
    #expect(!bottom.contains("first / last row"))
    _ = reduce(&state, try #require(KeyMap.action(for: .char("k"), in: state)))
    #expect(state.helpScroll == extent.maxScroll - 1)
    // Closing and opening starts at the top.
    _ = reduce(&state, .toggleHelp)
    _ = reduce(&state, .toggleHelp)
    #expect(state.helpScroll == 0)
  }
}
