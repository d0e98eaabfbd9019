import Testing

@testable import BrowserModel
@testable import TerminalUI

@Suite("key map")
struct KeyMapTests {
  func action(_ key: Key, _ state: BrowserState = Fixtures.state()) -> String {
    KeyMap.action(for: key, in: state).map { "\($0)" } ?? "nil"
  }

  @Test("normal mode: movement, panes, detail, sort and actions")
  func normal() {
    let expected: [(Key, String)] = [
      (.up, "moveSelection(by: -1)"), (.char("k"), "moveSelection(by: -1)"),
      (.down, "moveSelection(by: 1)"), (.char("j"), "moveSelection(by: 1)"),
      (.pageUp, "pageUp"), (.pageDown, "pageDown"),
      (.home, "selectFirst"), (.char("g"), "selectFirst"),
      (.end, "selectLast"), (.char("G"), "selectLast"),
      (.tab, "nextPane"), (.backTab, "previousPane"),
      (.char("l"), "nextPane"), (.char("h"), "previousPane"),
      (.char("1"), "focusPane(BrowserModel.PaneKind.backups)"),
      (.char("2"), "focusPane(BrowserModel.PaneKind.snapshots)"),
      (.char("3"), "focusPane(BrowserModel.PaneKind.instances)"),
      (.char("4"), "focusPane(BrowserModel.PaneKind.volumes)"),
      (.enter, "openDetail"), (.escape, "back"),
      (.char("/"), "beginFilter"), (.char(":"), "beginCommand"), (.char("?"), "toggleHelp"),
      (.char("r"), "refreshNow"), (.char("s"), "sortNextColumn"), (.char("S"), "reverseSort"),
      (.char("c"), "beginCreate"), (.char("e"), "beginRename"), (.char("d"), "beginDelete"),
      (.char("y"), "copySelectedID"), (.char("q"), "quit"), (.ctrl("c"), "quit"),
    ]
    for (key, want) in expected {
      #expect(action(key) == want, "\(key)")
    }
  }

  @Test("unknown keys and resizes are ignored")
  func ignored() {
    for key: Key in [.char("z"), .char("数"), .function(12), .unknown(999), .resize, .insert] {
      #expect(action(key) == "nil", "\(key)")
    }
  }

  @Test("Enter closes an open detail view")
  func enterToggles() {
    var state = Fixtures.state()
    state.detailOpen = true
    #expect(action(.enter, state) == "back")
  }

  @Test("filter mode: typing edits the filter, Enter keeps it, Esc cancels")
  func filter() {
    var state = Fixtures.state()
    state.inputMode = .filter
    #expect(action(.char("q"), state) == "editFilter(BrowserModel.TextEdit.insert(\"q\"))")
    #expect(action(.char("1"), state) == "editFilter(BrowserModel.TextEdit.insert(\"1\"))")
    #expect(action(.backspace, state) == "editFilter(BrowserModel.TextEdit.backspace)")
    #expect(action(.ctrl("u"), state) == "editFilter(BrowserModel.TextEdit.clearLine)")
    #expect(action(.ctrl("w"), state) == "editFilter(BrowserModel.TextEdit.deleteWordBackward)")
    #expect(action(.left, state) == "editFilter(BrowserModel.TextEdit.moveLeft)")
    #expect(action(.enter, state) == "commitFilter")
    #expect(action(.escape, state) == "cancelFilter")
    #expect(action(.ctrl("c"), state) == "quit")
  }

  @Test("command mode: typing, history, run and cancel")
  func command() {
    var state = Fixtures.state()
    state.inputMode = .command
    #expect(action(.char("q"), state) == "editCommand(BrowserModel.TextEdit.insert(\"q\"))")
    #expect(action(.up, state) == "historyUp")
    #expect(action(.down, state) == "historyDown")
    #expect(action(.enter, state) == "submitCommand")
    #expect(action(.escape, state) == "cancelCommand")
  }

  @Test("help mode: closing and scrolling keys, nothing else")
  func help() {
    var state = Fixtures.state()
    state.helpVisible = true
    #expect(action(.escape, state) == "toggleHelp")
    #expect(action(.char("?"), state) == "toggleHelp")
    #expect(action(.char("q"), state) == "toggleHelp")
    #expect(action(.char("d"), state) == "nil")
    #expect(action(.char("c"), state) == "nil")
    #expect(action(.down, state) == "scrollHelp(by: 1)")
  }

  @Test("form dialog: fields, pickers, toggles and text editing")
  func form() {
    var state = Fixtures.state()
    _ = reduce(&state, .beginCreate)  // create backup: name, instance, description, parent
    #expect(action(.char("d"), state) == "editField(BrowserModel.TextEdit.insert(\"d\"))")
    #expect(action(.ctrl("w"), state) == "editField(BrowserModel.TextEdit.deleteWordBackward)")
    #expect(action(.tab, state) == "nextField")
    #expect(action(.backTab, state) == "previousField")
    #expect(action(.enter, state) == "submitDialog")
    #expect(action(.escape, state) == "cancelDialog")
    _ = reduce(&state, .nextField)  // the instance picker
    #expect(action(.down, state) == "pickerMove(by: 1)")
    #expect(action(.up, state) == "pickerMove(by: -1)")
    #expect(action(.char("x"), state) == "nil")

    var snapshots = Fixtures.state()
    _ = reduce(&snapshots, .focusPane(.snapshots))
    _ = reduce(&snapshots, .beginCreate)
    for _ in 0..<3 { _ = reduce(&snapshots, .nextField) }  // force toggle
    #expect(action(.char(" "), snapshots) == "toggleField")
  }

  @Test("delete confirmation: arrows choose, Enter presses, Esc cancels")
  func confirm() {
    var state = Fixtures.state()
    _ = reduce(&state, .beginDelete)
    guard case .confirmDelete = state.dialog else {
      Issue.record("no confirmation opened")
      return
    }
    #expect(action(.right, state) == "focusConfirm")
    #expect(action(.tab, state) == "focusConfirm")
    #expect(action(.left, state) == "focusCancel")
    #expect(action(.enter, state) == "submitDialog")
    #expect(action(.escape, state) == "cancelDialog")
    #expect(action(.char("y"), state) == "nil")
  }

  @Test("raw control bytes decode to named keys")
  func decoding() {
    #expect(Key(scalar: "\r") == .enter)
    #expect(Key(scalar: "\t") == .tab)
    #expect(Key(scalar: "\u{1B}") == .escape)
    #expect(Key(scalar: "\u{7F}") == .backspace)
    #expect(Key(scalar: "\u{15}") == .ctrl("u"))
    #expect(Key(scalar: "\u{17}") == .ctrl("w"))
    #expect(Key(scalar: "\u{3}") == .ctrl("c"))
    #expect(Key(scalar: "x") == .char("x"))
    #expect(Key(scalar: "\u{9B}") == .unknown(0x9B))
  }
}
