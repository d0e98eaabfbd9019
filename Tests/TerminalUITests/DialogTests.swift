import Foundation
import Testing

@testable import BrowserModel
@testable import TerminalUI

@Suite("dialogs and prompts")
struct DialogTests {
  @Test(
    "create backup form: fields, picker list and a cursor in the focused field",
    arguments: Fixtures.sizes)
  func createBackup(size: (Int, Int)) {
    var state = Fixtures.state()
    _ = reduce(&state, .beginCreate)
    _ = reduce(&state, .editField(.insert("数据 nightly")))
    let frame = Fixtures.render(state, size.0, size.1)
    #expect(frame.isFreeOfControls)
    #expect(frame.text.contains("Create backup"))
    #expect(frame.text.contains("数据 nightly"))
    #expect(frame.cursor != nil)
    if let cursor = frame.cursor {
      // The cursor sits right after the typed text.
      let y = frame.row(containing: "数据 nightly")!
      #expect(cursor.y == y)
      let start = frame.lines[y].range(of: "数据 nightly")!
      let x = DisplayWidth.of(frame.lines[y][..<start.lowerBound]) + DisplayWidth.of("数据 nightly")
      #expect(cursor.x == x)
    }
    #expect(frame.style(of: "数据 nightly")?.role == .input)
    if size.1 >= 24 {
      #expect(frame.text.contains("Instance"))
      #expect(frame.text.contains("Enter submits"))
    }
  }

  @Test("a focused picker lists its options with the chosen one highlighted")
  func picker() {
    var state = Fixtures.state()
    _ = reduce(&state, .beginCreate)
    _ = reduce(&state, .nextField)
    let frame = Fixtures.render(state, 80, 24)
    #expect(frame.text.contains("‹ "))
    #expect(frame.cursor == nil)
    let chosen = frame.lines.firstIndex { $0.contains("▶ ") && $0.contains("ORD") }
    #expect(chosen != nil)
    if let chosen { #expect(frame.styleMap[chosen].contains("S")) }
  }

  @Test("form errors are shown in the error colour")
  func formError() {
    var state = Fixtures.state()
    _ = reduce(&state, .beginCreate)
    _ = reduce(&state, .submitDialog)  // no name: the model refuses
    let frame = Fixtures.render(state, 80, 24)
    if case .form(let form) = state.dialog, let error = form.error {
      #expect(frame.style(of: String(error.prefix(10)))?.role == .messageError)
    } else {
      Issue.record("the model accepted an empty form")
    }
  }

  @Test("delete confirmation: name, warning, Cancel focused", arguments: Fixtures.sizes)
  func confirmDelete(size: (Int, Int)) {
    var state = Fixtures.state()
    _ = reduce(&state, .beginDelete)
    let frame = Fixtures.render(state, size.0, size.1)
    #expect(frame.text.contains("Delete backup"))
    #expect(frame.text.contains("[ Cancel ]"))
    #expect(frame.text.contains("[ Delete ]"))
    #expect(frame.style(of: "[ Cancel ]")?.role == .buttonFocus)
    #expect(frame.style(of: "[ Delete ]")?.role == .button)
    _ = reduce(&state, .focusConfirm)
    let confirm = Fixtures.render(state, size.0, size.1)
    #expect(confirm.style(of: "[ Delete ]")?.role == .buttonFocus)
  }

  @Test("create snapshot form: volume picker first, force toggle", arguments: Fixtures.sizes)
  func createSnapshot(size: (Int, Int)) {
    var state = Fixtures.state()
    _ = reduce(&state, .focusPane(.snapshots))
    _ = reduce(&state, .beginCreate)
    let frame = Fixtures.render(state, size.0, size.1)
    #expect(frame.isFreeOfControls)
    #expect(frame.text.contains("Create snapshot"))
    #expect(frame.text.contains("‹ "))
    if size.1 >= 24 {
      #expect(frame.text.contains("[ ]"))
      #expect(frame.text.contains("data-vol") || frame.text.contains("scratch"))
    }
  }

  @Test("rename snapshot form starts with the current name", arguments: Fixtures.sizes)
  func rename(size: (Int, Int)) {
    var state = Fixtures.state()
    _ = reduce(&state, .focusPane(.snapshots))
    _ = reduce(&state, .beginRename)
    let frame = Fixtures.render(state, size.0, size.1)
    #expect(frame.cursor != nil)
    #expect(frame.text.contains("Rename snapshot"))
    let name = state.focused.selectedRow?.resource.name ?? ""
    if !name.isEmpty { #expect(frame.text.contains(name)) }
  }

  @Test("help overlay lists keys and commands", arguments: Fixtures.sizes)
  func help(size: (Int, Int)) {
    var state = Fixtures.state()
    _ = reduce(&state, .toggleHelp)
    let frame = Fixtures.render(state, size.0, size.1)
    #expect(frame.text.contains("Help"))
    if size.1 >= 24 {
      #expect(frame.text.contains("filter"))
      #expect(frame.text.contains(":theme NAME"))
    }
    #expect(frame.style(of: "Help")?.role == .dialogTitle)
  }

  @Test(
    "filter prompt shows the typed text with the cursor; the title shows the filter",
    arguments: Fixtures.sizes)
  func filter(size: (Int, Int)) {
    var state = Fixtures.state()
    _ = reduce(&state, .beginFilter)
    _ = reduce(&state, .editFilter(.insert("orders")))
    let frame = Fixtures.render(state, size.0, size.1)
    let y = size.1 - 2
    #expect(frame.lines[y].hasPrefix("/orders"))
    #expect(frame.cursor?.y == y)
    #expect(frame.cursor?.x == 7)
    #expect(frame[0, y].style.role == .prompt)
    #expect(frame.row(containing: "数据库") == nil)  // filtered out
  }

  @Test("command line shows what is typed with the cursor", arguments: Fixtures.sizes)
  func command(size: (Int, Int)) {
    var state = Fixtures.state()
    _ = reduce(&state, .beginCommand)
    _ = reduce(&state, .editCommand(.insert("theme light")))
    let frame = Fixtures.render(state, size.0, size.1)
    #expect(frame.lines[size.1 - 2].hasPrefix(":theme light"))
    #expect(frame.cursor?.x == 12)
    #expect(frame.cursor?.y == size.1 - 2)
    #expect(frame.lines[size.1 - 1].contains("Enter run"))
  }

  @Test("messages appear above the footer in their colour")
  func messages() {
    var state = Fixtures.state()
    state.messages.append(
      Message(
        id: 99, level: .error, text: "Delete failed: 409",
        expires: Fixtures.now.addingTimeInterval(5)))
    let frame = Fixtures.render(state, 80, 24)
    #expect(frame.lines[22].contains("Delete failed: 409"))
    #expect(frame.style(of: "Delete failed")?.role == .messageError)
  }
}
