import CloudClient
import Foundation
import Testing

@testable import BrowserModel

@Suite("Navigation")
struct NavigationTests {
  func threeBackups() -> BrowserState {
    var state = Fixtures.loaded(backups: [
      Fixtures.backup("a", created: 30), Fixtures.backup("b", created: 20),
      Fixtures.backup("c", created: 10),
    ])
    _ = reduce(&state, .setViewport(rows: 2))
    return state
  }

  @Test("rows are sorted newest first and the first one is selected")
  func initialSelection() {
    let state = threeBackups()
    #expect(Fixtures.visibleIDs(state, .backups) == ["a", "b", "c"])
    #expect(state.focused.selectedID?.id == "a")
  }

  @Test("moveSelection moves by rows and stops at the ends")
  func moveSelection() {
    var state = threeBackups()
    _ = reduce(&state, .moveSelection(by: 1))
    #expect(state.focused.selectedID?.id == "b")
    _ = reduce(&state, .moveSelection(by: 10))
    #expect(state.focused.selectedID?.id == "c")
    _ = reduce(&state, .moveSelection(by: -10))
    #expect(state.focused.selectedID?.id == "a")
  }

  @Test("selectLast and selectFirst jump; scroll offset keeps the selection on screen")
  func firstLast() {
    var state = threeBackups()
    _ = reduce(&state, .selectLast)
    #expect(state.focused.selectedID?.id == "c")
    #expect(state.focused.scrollOffset == 1)
    _ = reduce(&state, .selectFirst)
    #expect(state.focused.selectedID?.id == "a")
    #expect(state.focused.scrollOffset == 0)
  }

  @Test("page down and up move by the viewport height")
  func paging() {
    var state = threeBackups()
    _ = reduce(&state, .pageDown)
    #expect(state.focused.selectedID?.id == "c")
    _ = reduce(&state, .pageUp)
    #expect(state.focused.selectedID?.id == "a")
  }

  @Test("panes cycle in both directions and focusing closes the detail view")
  func panes() {
    var state = threeBackups()
    _ = reduce(&state, .openDetail)
    #expect(state.detailOpen)
    _ = reduce(&state, .nextPane)
    #expect(state.focusedPane == .snapshots)
    #expect(!state.detailOpen)
    _ = reduce(&state, .previousPane)
    _ = reduce(&state, .previousPane)
    #expect(state.focusedPane == .volumes)
    _ = reduce(&state, .focusPane(.instances))
    #expect(state.focusedPane == .instances)
  }

  @Test("openDetail needs a selected row")
  func detailNeedsRow() {
    var state = Fixtures.loaded()
    _ = reduce(&state, .openDetail)
    #expect(!state.detailOpen)
  }

  @Test("Esc closes help, then the detail view, then clears the filter")
  func back() {
    var state = threeBackups()
    _ = reduce(&state, .openDetail)
    _ = reduce(&state, .toggleHelp)
    #expect(state.helpVisible)
    _ = reduce(&state, .back)
    #expect(!state.helpVisible)
    #expect(state.detailOpen)
    _ = reduce(&state, .back)
    #expect(!state.detailOpen)
    _ = reduce(&state, .beginFilter)
    _ = reduce(&state, .editFilter(.insert("backup-b")))
    _ = reduce(&state, .commitFilter)
    #expect(state.focused.visibleCount == 1)
    _ = reduce(&state, .back)
    #expect(state.focused.filter.text.isEmpty)
    #expect(state.focused.visibleCount == 3)
  }

  @Test("toggleHelp toggles")
  func help() {
    var state = threeBackups()
    _ = reduce(&state, .toggleHelp)
    #expect(state.helpVisible)
    _ = reduce(&state, .toggleHelp)
    #expect(!state.helpVisible)
  }

  @Test("y copies the selected ID; with nothing selected it rings")
  func copy() {
    var state = threeBackups()
    #expect(reduce(&state, .copySelectedID).contains(.copyToClipboard("a")))
    var empty = Fixtures.loaded()
    #expect(reduce(&empty, .copySelectedID).contains(.bell))
  }

  @Test("quit sets the flag and asks the runner to stop")
  func quit() {
    var state = threeBackups()
    #expect(reduce(&state, .quit) == [.quit])
    #expect(state.shouldQuit)
  }

  @Test("focusing a never-loaded pane loads it once")
  func focusLoads() {
    var state = Fixtures.state()
    let effects = reduce(&state, .focusPane(.volumes))
    #expect(Fixtures.loads(effects) == ["volumes ORD"])
    #expect(Fixtures.loads(reduce(&state, .focusPane(.volumes))).isEmpty)
  }

  @Test("the Region column is drawn only for all regions")
  func regionColumn() {
    #expect(!Fixtures.state().columns(for: .backups).contains(.region))
    #expect(Fixtures.state(region: .all).columns(for: .backups).contains(.region))
  }
}
