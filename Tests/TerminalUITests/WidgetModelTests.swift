import Foundation
import Testing

@testable import BrowserModel
@testable import TerminalUI

/// Header, tab bar, prompt and footer draw from small models of their own, so each can be
/// drawn (and tested) from just the data it shows.
@Suite("widget models")
struct WidgetModelTests {
  @Test("the tab bar draws from its tabs alone, shrinking the unfocused ones")
  func tabBar() {
    var model = TabBar.Model(Fixtures.state())
    model.tabs[1].visible = 1
    model.tabs[2].loaded = false
    model.focused = .snapshots
    var frame = Frame(width: 80, height: 1)
    TabBar.draw(model, in: frame.bounds, frame: &frame)
    #expect(frame.lines[0].hasPrefix(" 1 Backups 4   2 Snapshots 1/3   3 Instances   4 Volumes 2"))
    #expect(frame.style(of: "2 Snapshots")?.role == .tabActive)
    var narrow = Frame(width: 30, height: 1)
    TabBar.draw(model, in: narrow.bounds, frame: &narrow)
    #expect(narrow.lines[0].contains("2 Snapshots 1/3"))
  }

  @Test("the footer's hints follow only the mode, the pane and read-only")
  func footer() {
    var model = FooterBar.Model(Fixtures.state())
    #expect(FooterBar.hints(model).contains { $0.key == "c" })
    model.readOnly = true
    #expect(!FooterBar.hints(model).contains { $0.key == "c" })
    model.inputMode = .filter
    #expect(FooterBar.hints(model).map(\.key) == ["Enter", "Esc", "Ctrl-U"])
  }

  @Test("the header draws its freshness from the connection and the time it is given")
  func header() {
    var model = HeaderBar.Model(Fixtures.state(), spinner: nil)
    model.connection.stale = true
    model.connection.lastError = "503"
    var frame = Frame(width: 120, height: 1)
    HeaderBar.draw(model, in: frame.bounds, frame: &frame)
    #expect(frame.lines[0].contains("⚠ stale (updated 3s ago): 503"))
  }

  @Test("the prompt line shows the newest error over newer good news")
  func prompt() {
    let now = Fixtures.now
    let error = Message(id: 1, level: .error, text: "delete failed", expires: now + 5)
    let info = Message(id: 2, level: .success, text: "backup completed", expires: now + 5)
    var model = PromptLine.Model(Fixtures.state())
    model.message = PromptLine.shownMessage([error, info])
    var frame = Frame(width: 60, height: 1)
    PromptLine.draw(model, in: frame.bounds, frame: &frame)
    #expect(frame.lines[0].contains("delete failed"))
    #expect(frame.style(of: "delete failed")?.role == .messageError)
  }
}
