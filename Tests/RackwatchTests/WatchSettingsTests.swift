import Foundation
import Testing

@testable import BrowserModel
@testable import rackwatch

/// The settings of issue 16: notifications per profile, the state directory, the demo world.
@Suite("notifications and state directory settings")
struct WatchSettingsTests {
  @Test("a profile chooses its notifications and 'any failure'; a wrong value names the line")
  func profileNotifications() throws {
    let home = try TempHome(files: [
      ".config/rackwatch/config.yaml":
        "profiles:\n  prod:\n    username: x\n    notifications: osc777\n    notify_failures: true\n"
    ])
    defer { home.remove() }
    let prod = try #require(try home.resolver().discover().rackwatch?.profiles.first)
    #expect(prod.notifications == "osc777")
    #expect(prod.notifyFailures == true)

    let bad = try TempHome(files: [
      ".config/rackwatch/config.yaml": "profiles:\n  prod:\n    notifications: loud\n"
    ])
    defer { bad.remove() }
    do {
      _ = try bad.resolver().discover()
      Issue.record("expected an error")
    } catch let error as ConfigError {
      #expect(error.line == 3)
      #expect(error.message.contains("osc9, osc777, bell or none"))
    }
  }

  @Test("the state directory: the flag, else RACKWATCH_STATE_DIR, else XDG_STATE_HOME/rackwatch")
  func stateDirectory() {
    #expect(
      StateDirectory.resolve(
        flag: "/a", environment: ["RACKWATCH_STATE_DIR": "/b"], stateHome: "/c"
      )
      .path == "/a")
    #expect(
      StateDirectory.resolve(flag: nil, environment: ["RACKWATCH_STATE_DIR": "/b"], stateHome: "/c")
        .path == "/b")
    #expect(
      StateDirectory.resolve(flag: nil, environment: [:], stateHome: "/c").path == "/c/rackwatch")
  }

  @Test("the demo keeps its world for an hour, then starts a fresh one")
  func demoWorld() throws {
    let dir = URL(
      fileURLWithPath: NSTemporaryDirectory() + "rw-world-" + UUID().uuidString.prefix(8))
    defer { try? FileManager.default.removeItem(at: dir) }
    let t0 = Date(timeIntervalSince1970: 1_800_000_000)
    let first = DemoWorld.choose(in: dir, now: t0)
    #expect(first.anchor == nil)  // a new world is laid out around now
    let again = DemoWorld.choose(in: dir, now: t0.addingTimeInterval(600))
    #expect(again.seed == first.seed)
    #expect(again.anchor == t0)
    let later = DemoWorld.choose(in: dir, now: t0.addingTimeInterval(3 * 3600))
    #expect(later.anchor == nil)
    #expect(DemoWorld.choose(in: nil, now: t0).anchor == nil)
  }

  @Test("the history of a session: opened on start, closed on quit, read back next time")
  func sessionMarks() throws {
    let dir = URL(
      fileURLWithPath: NSTemporaryDirectory() + "rw-marks-" + UUID().uuidString.prefix(8))
    defer { try? FileManager.default.removeItem(at: dir) }
    let setup = WatchSetup(
      history: HistoryFile(directory: dir, profile: "demo"), style: .osc9, insideTmux: false)
    let t0 = Date(timeIntervalSince1970: 1_800_000_000)
    let first = setup.start(now: t0, notifyFailures: true)
    #expect(first.lastLooked == nil)
    #expect(first.notifyFailures)
    setup.finish(now: t0.addingTimeInterval(60))
    let second = setup.start(now: t0.addingTimeInterval(3600), notifyFailures: false)
    #expect(second.lastLooked == t0.addingTimeInterval(60))
  }
}
