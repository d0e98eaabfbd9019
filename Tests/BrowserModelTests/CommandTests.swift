import CloudClient
import Foundation
import Testing

@testable import BrowserModel

@Suite("Command line")
struct CommandTests {
  @discardableResult
  func command(_ state: inout BrowserState, _ text: String) -> [Effect] {
    _ = reduce(&state, .beginCommand)
    _ = reduce(&state, .editCommand(.insert(text)))
    return reduce(&state, .submitCommand)
  }

  @Test(":snapshots, :instances, :volumes and :backups switch panes")
  func panes() {
    var state = Fixtures.loaded()
    command(&state, "snapshots")
    #expect(state.focusedPane == .snapshots)
    command(&state, "instances")
    #expect(state.focusedPane == .instances)
    command(&state, "volumes")
    #expect(state.focusedPane == .volumes)
    command(&state, ":backups")
    #expect(state.focusedPane == .backups)
    #expect(state.inputMode == .normal)
  }

  @Test(":region NAME watches one region and loads it; :region all fans out to every region")
  func region() {
    var state = Fixtures.state(regions: ["DFW", "ORD"])
    _ = reduce(&state, .start(now: Fixtures.t0))
    Fixtures.load(&state, .backups, [.backup(Fixtures.backup("b1"))])
    let effects = command(&state, "region dfw")
    #expect(state.region == .one("DFW"))
    #expect(state.pane(.backups).rows.isEmpty)  // ORD rows left with ORD
    #expect(
      Set(Fixtures.loads(effects)) == [
        "backups DFW", "snapshots DFW", "instances DFW", "volumes DFW",
      ])
    let all = command(&state, "region all")
    #expect(state.region == .all)
    #expect(
      Set(Fixtures.loads(all)) == ["backups ORD", "snapshots ORD", "instances ORD", "volumes ORD"])
  }

  @Test("an unknown region is refused and the state kept")
  func unknownRegion() {
    var state = Fixtures.state(regions: ["DFW", "ORD"])
    command(&state, "region MARS")
    #expect(state.region == .one("ORD"))
    #expect(state.messages.last?.level == .error)
  }

  @Test(":theme records the name and asks the UI to load it")
  func theme() {
    var state = Fixtures.loaded()
    let effects = command(&state, "theme solarized")
    #expect(state.themeName == "solarized")
    #expect(effects.contains(.loadTheme("solarized")))
  }

  @Test(":q quits")
  func quit() {
    var state = Fixtures.loaded()
    #expect(command(&state, "q") == [.quit])
    #expect(state.shouldQuit)
  }

  @Test(":refresh reloads, :help shows help, :readonly locks actions")
  func misc() {
    var state = Fixtures.loaded()
    #expect(Fixtures.loads(command(&state, "refresh")).contains("backups ORD"))
    command(&state, "help")
    #expect(state.helpVisible)
    command(&state, "readonly")
    #expect(state.profile.readOnly)
  }

  @Test("an unknown command shows an error and changes nothing else")
  func unknown() {
    var state = Fixtures.loaded()
    let pane = state.focusedPane
    let effects = command(&state, "frobnicate now")
    #expect(Fixtures.loads(effects).isEmpty)
    #expect(state.focusedPane == pane)
    #expect(state.messages.last?.text == "Unknown command: frobnicate now")
    #expect(state.messages.last?.level == .error)
  }

  @Test("history: up recalls older commands, down returns to an empty line")
  func history() {
    var state = Fixtures.loaded()
    command(&state, "snapshots")
    command(&state, "backups")
    _ = reduce(&state, .beginCommand)
    _ = reduce(&state, .historyUp)
    #expect(state.command.field.text == "backups")
    _ = reduce(&state, .historyUp)
    #expect(state.command.field.text == "snapshots")
    _ = reduce(&state, .historyUp)
    #expect(state.command.field.text == "snapshots")
    _ = reduce(&state, .historyDown)
    #expect(state.command.field.text == "backups")
    _ = reduce(&state, .historyDown)
    #expect(state.command.field.text == "")
  }

  @Test("cancel leaves command mode without running anything")
  func cancel() {
    var state = Fixtures.loaded()
    _ = reduce(&state, .beginCommand)
    _ = reduce(&state, .editCommand(.insert("q")))
    _ = reduce(&state, .cancelCommand)
    #expect(state.inputMode == .normal)
    #expect(!state.shouldQuit)
    #expect(state.command.history.isEmpty)
  }
}
