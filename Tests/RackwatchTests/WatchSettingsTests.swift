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

/// `rackwatch events` reads what the UI kept, as the real binary.
@Suite("rackwatch events")
struct EventsCommandTests {
  @Test("prints a profile's history as lines or JSON, newer than --since, text made inert")
  func printsHistory() async throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    let state = URL(fileURLWithPath: runner.home + "/.local/state/rackwatch")
    let file = HistoryFile(directory: state, profile: "prod")
    let now = Date()
    try file.write([
      .mark(.opened, at: now.addingTimeInterval(-7200)),
      HistoryEvent(
        at: now.addingTimeInterval(-7000), change: .completed, kind: .backups, region: "DFW",
        id: "b1", name: "old", from: "BUILDING", to: "COMPLETED", size: 2),
      HistoryEvent(
        at: now.addingTimeInterval(-60), change: .failed, kind: .snapshots, region: "ORD",
        id: "s1", name: "evil\u{1B}[2Jname", from: "creating", to: "error"),
    ])
    let all = try await runner.run(["events"])
    #expect(all.status == 0, "\(all.stderr)")
    let lines = all.stdout.split(separator: "\n")
    #expect(lines.count == 2)
    #expect(lines[0].contains("  completed  Backups  DFW  old  BUILDING → COMPLETED  2.00 GB"))
    #expect(lines[1].contains("failed  Snapshots  ORD  evil␛[2Jname  creating → error"))
    #expect(!all.stdout.contains("\u{1B}"))

    let recent = try await runner.run(["events", "--since", "1h", "--format", "json"])
    let array = try #require(
      try JSONSerialization.jsonObject(with: Data(recent.stdout.utf8)) as? [[String: Any]])
    #expect(array.count == 1)
    #expect(array.first?["name"] as? String == "evil\u{1B}[2Jname")  // JSON keeps it exact
    #expect((array.first?["at"] as? String)?.hasSuffix("Z") == true)

    // Two profiles: say which.
    try HistoryFile(directory: state, profile: "dev").write([.mark(.opened, at: now)])
    let ambiguous = try await runner.run(["events"])
    #expect(ambiguous.status == 2)
    #expect(ambiguous.stderr.contains("--profile dev|prod"))
    #expect(try await runner.run(["events", "--profile", "dev"]).stdout.isEmpty)
  }
}
