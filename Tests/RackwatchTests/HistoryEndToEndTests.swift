import Foundation
import Testing

/// Issue 16 through the real binary in tmux: the history survives a quit, the next start says
/// what happened meanwhile, and `n` produces an OSC 9 notification the terminal receives.
@Suite("end to end: history, digest and notifications in tmux", .serialized)
struct HistoryEndToEndTests {
  /// A fresh home with its own state directory; the demo with jobs of `seconds`.
  static func start(_ tmux: TmuxSession, home: String, seconds: Int) async throws {
    let binary = BinaryRunner.rackwatch.path
    try await tmux.type(
      line: "cd \(home) && export HOME=\(home); clear; "
        + "TERM=tmux-256color \(binary) --demo --state-dir \(home)/state "
        + "--demo-backup-seconds \(seconds) --demo-snapshot-seconds \(seconds); "
        + "echo \"exit status: $?\"")
  }

  /// Runs `steps` in a tmux session and a fresh home, then kills tmux and removes the home,
  /// whether the steps passed or threw.
  static func inFreshHome(_ steps: (TmuxSession, String) async throws -> Void) async throws {
    let home = NSTemporaryDirectory() + "rw-e2e16-" + UUID().uuidString.prefix(8)
    try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
    let tmux = try await TmuxSession(width: 120, height: 40)
    do {
      try await steps(tmux, home)
    } catch {
      await tmux.kill()
      try? FileManager.default.removeItem(atPath: home)
      throw error
    }
    await tmux.kill()
    try? FileManager.default.removeItem(atPath: home)
  }

  @Test("jobs finish while rackwatch is closed: the next start shows 'since you last looked'")
  func digestAfterRestart() async throws {
    try #require(TmuxSession.isAvailable, "tmux is needed (.ci/run installs it)")
    try await Self.inFreshHome { tmux, home in
      try await Self.start(tmux, home: home, seconds: 20)
      try await tmux.waitFor("jobs in motion", timeout: 30) {
        $0.contains("DEMO") && $0.contains("BUILDING")
      }
      try await tmux.press("q")
      try await tmux.waitFor(text: "exit status: 0")
      let history = try String(
        contentsOfFile: home + "/state/history/demo.jsonl", encoding: .utf8)
      #expect(history.contains("\"change\":\"opened\""))
      #expect(history.contains("\"change\":\"closed\""))
      // Let the running jobs finish while rackwatch is closed.
      try await Task.sleep(for: .seconds(21))
      try await Self.start(tmux, home: home, seconds: 20)
      let screen = try await tmux.waitFor("the digest", timeout: 30) {
        $0.contains("Since you last looked") && $0.contains("DEMO")
      }
      #expect(screen.contains("completed") || screen.contains("failed"))
      #expect(screen.contains("backup"))
      try await tmux.press("Escape")
      let list = try await tmux.waitFor("the digest dismissed") {
        !$0.contains("Since you last looked")
      }
      // Rows that changed meanwhile carry the unseen mark until selected.
      #expect(list.split(separator: "\n").contains { $0.hasPrefix("│*") }, "\(list)")
      // The events view opens with E and closes with Esc.
      try await tmux.press("E")
      try await tmux.waitFor(text: "Events · ")
      try await tmux.press("Escape")
      try await tmux.waitFor("the events view closed") { !$0.contains("Events · ") }
      try await tmux.press("q")
      try await tmux.waitFor(text: "exit status: 0")
    }
  }

  @Test("n on a running backup: an OSC 9 notification reaches the terminal when it finishes")
  func notificationOnFinish() async throws {
    try #require(TmuxSession.isAvailable, "tmux is needed (.ci/run installs it)")
    try await Self.inFreshHome { tmux, home in
      let output = home + "/pane-output"
      try await tmux.pipeOutput(to: output)
      try await Self.start(tmux, home: home, seconds: 15)
      try await tmux.waitFor("a running backup", timeout: 30) {
        $0.contains("DEMO") && $0.contains("BUILDING")
      }
      // Only running backups, the first selected; then ask to be told.
      try await tmux.press("/")
      try await tmux.text("building")
      try await tmux.press("Enter")
      try await tmux.waitFor("the filter applied") { screen in
        EndToEndTests.listRows(screen).contains { $0.contains("BUILDING") }
          && !EndToEndTests.listRows(screen).contains { $0.contains("COMPLETED") }
      }
      try await tmux.press("n")
      let asked = try await tmux.waitFor(text: "Will notify when ")
      let name = try #require(
        asked.components(separatedBy: "Will notify when ").last?
          .components(separatedBy: " finishes").first)
      let deadline = Date().addingTimeInterval(40)
      var bytes = ""
      while Date() < deadline {
        bytes = (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
        if bytes.contains("]9;rackwatch: Backup \(name)") { break }
        try await Task.sleep(for: .milliseconds(200))
      }
      #expect(bytes.contains("]9;rackwatch: Backup \(name) "))
      // Inside tmux the sequence travels in tmux's passthrough, its ESC doubled.
      #expect(bytes.contains("\u{1B}Ptmux;\u{1B}\u{1B}]9;rackwatch: Backup \(name) "))
      #expect(bytes.contains(" completed · ") || bytes.contains(" failed ("))
      try await tmux.press("Escape")
      try await tmux.press("q")
      try await tmux.waitFor(text: "exit status: 0")
    }
  }

  @Test("killed with SIGKILL while jobs run: the history stays readable, the next start digests")
  func killedThenRestarted() async throws {
    try #require(TmuxSession.isAvailable, "tmux is needed (.ci/run installs it)")
    try await Self.inFreshHome { tmux, home in
      try await Self.start(tmux, home: home, seconds: 15)
      try await tmux.waitFor("jobs in motion", timeout: 30) {
        $0.contains("DEMO") && $0.contains("BUILDING")
      }
      // The shell's child is rackwatch: kill it without a chance to write its `closed` mark.
      let shell = try await tmux.panePID()
      let children = try await ProcessRunner.run(
        URL(fileURLWithPath: "/usr/bin/pgrep"), ["-P", "\(shell)"], environment: [:])
      let pid = try #require(
        children.stdout.split(separator: "\n").compactMap { Int32($0) }.first)
      #expect(kill(pid, SIGKILL) == 0)
      try await tmux.waitFor(text: "exit status: 137")
      let events = try await ProcessRunner.run(
        BinaryRunner.rackwatch, ["events", "--state-dir", home + "/state", "--format", "json"],
        environment: ["HOME": home, "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"])
      #expect(events.status == 0, "\(events.stderr)")
      #expect(
        (try? JSONSerialization.jsonObject(with: Data(events.stdout.utf8))) is [[String: Any]])
      let file = try String(contentsOfFile: home + "/state/history/demo.jsonl", encoding: .utf8)
      #expect(!file.contains("\"change\":\"closed\""))
      try await Task.sleep(for: .seconds(16))
      try await tmux.type(line: "stty sane; clear")
      try await Self.start(tmux, home: home, seconds: 15)
      try await tmux.waitFor("the digest after a kill", timeout: 30) {
        $0.contains("Since you last looked") && $0.contains("DEMO")
      }
      try await tmux.press("q")
      try await tmux.waitFor(text: "exit status: 0")
    }
  }
}
