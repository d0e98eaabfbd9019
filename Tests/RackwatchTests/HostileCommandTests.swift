import CloudClient
import Foundation
import HostileCloud
import Logging
import Testing

@testable import rackwatch

/// The scriptable commands, run as the real binary against a hostile cloud (issue 13): no
/// byte from the network acts on the terminal, exit codes say the cause, warnings are said
/// once.
@Suite("rackwatch list / show / wait against a hostile cloud", .timeLimit(.minutes(2)))
struct HostileCommandTests {
  static func flags(_ server: HostileServer) -> [String] {
    [
      "--token", "hostile-token-0042", "--endpoint", "volume=\(server.volumeURL)", "--endpoint",
      "database=\(server.databaseURL)", "--region", "RegionOne",
    ]
  }

  /// Runs the binary with `arguments` against a server playing `trick`.
  static func run(_ trick: HostileTrick, _ arguments: [String]) async throws -> (
    ProcessRunner.Result, HostileServer
  ) {
    let server = try HostileServer.playing(trick)
    defer { server.stop() }
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    return (try await runner.run(arguments + flags(server)), server)
  }

  /// No character a terminal would act on, whatever the output (line feeds end lines).
  static func isInert(_ text: String) -> Bool {
    !text.unicodeScalars.contains { $0 != "\n" && TerminalSafe.isUnsafe($0) }
  }

  @Test(
    "server error text is inert on stderr for list, show and wait; exit 5; prefix said once (13.1, 13.10)",
    arguments: [
      ["list", "snapshots"], ["list", "backups"], ["show", "snapshot", "s1"],
      ["wait", "snapshot", "s1", "--timeout", "1s"],
    ])
  func hostileErrorText(command: [String]) async throws {
    let (result, _) = try await Self.run(.hostileErrorText, command)
    #expect(result.status == 5, "stderr: \(result.stderr)")
    #expect(Self.isInert(result.stderr), "stderr: \(result.stderr.debugDescription)")
    #expect(result.stderr.contains("pwned"))
    #expect(result.stderr.components(separatedBy: "failed:").count == 2, "\(result.stderr)")
  }

  @Test("a body dripping a byte at a time ends at --request-timeout: exit 5, a timeout line (13.3)")
  func drippingBody() async throws {
    let (result, server) = try await Self.run(
      .drip(interval: 0.2, bytes: 150), ["list", "snapshots", "--request-timeout", "1s"])
    #expect(result.status == 5, "stderr: \(result.stderr)")
    #expect(result.stderr.contains("did not send its whole reply within 1 s"))
    #expect(server.requests(endingWith: "/snapshots/detail").count == 1)
  }

  @Test("a 302 from the server exits 5 (server trouble), not 2 (usage) (13.10)")
  func redirect() async throws {
    let (result, _) = try await Self.run(.redirect, ["list", "snapshots"])
    #expect(result.status == 5, "stderr: \(result.stderr)")
    #expect(result.stderr.contains("redirected"))
  }

  @Test(
    "the hostile corpus is inert in table, CSV and JSON output; JSON keeps it exact (13.1, 13.2)")
  func hostileNames() async throws {
    let (table, _) = try await Self.run(.hostileNames, ["list", "snapshots"])
    let (csv, _) = try await Self.run(.hostileNames, ["list", "snapshots", "--format", "csv"])
    let (json, _) = try await Self.run(.hostileNames, ["list", "snapshots", "--format", "json"])
    let (shown, _) = try await Self.run(.hostileNames, ["show", "snapshot", "s0"])
    for result in [table, csv, json] {
      #expect(result.status == 0, "stderr: \(result.stderr)")
      #expect(Self.isInert(result.stdout), "\(result.stdout.debugDescription)")
    }
    #expect(Self.isInert(shown.stdout + shown.stderr))
    #expect(table.stdout.contains("title\u{241B}]0;pwned\u{2407}"))
    #expect(csv.stdout.contains("clear\u{241B}[2J"))
    let rows = try #require(
      try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
    #expect(rows.compactMap { $0["name"] as? String } == HostileServer.corpus)
    #expect(rows.compactMap { $0["description"] as? String } == HostileServer.corpus)
  }

  @Test("an item without an id: the rest is listed, the warning said once on stderr (13.9)")
  func missingID() async throws {
    let (result, _) = try await Self.run(.missingID, ["list", "snapshots", "--format", "json"])
    #expect(result.status == 0, "stderr: \(result.stderr)")
    let rows = try #require(
      try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
    #expect(rows.compactMap { $0["id"] as? String } == ["s1", "s3"])
    #expect(result.stderr == "rackwatch: warning: 1 item could not be read\n")
  }

  @Test("impossible sizes and progress are null in JSON, not 0 (13.10)")
  func badNumbers() async throws {
    let (result, _) = try await Self.run(.badNumbers, ["list", "snapshots", "--format", "json"])
    #expect(result.status == 0, "stderr: \(result.stderr)")
    let rows = try #require(
      try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
    #expect(rows.count == 3)
    #expect(rows.allSatisfy { $0["size_gb"] is NSNull })
    #expect(rows.map { $0["progress"] is NSNull } == [true, true, false])
  }

  @Test("wait --timeout 2s with 1.5 s polls checks at 0, 1.5 and 2 s, then exits 5 (13.8)")
  func waitUsesTheWholeTimeout() async throws {
    let (result, server) = try await Self.run(
      .stuckSnapshot, ["wait", "snapshot", "stuck", "--timeout", "2s", "--interval", "1.5s"])
    #expect(result.status == 5, "stderr: \(result.stderr)")
    #expect(server.requests(endingWith: "/snapshots/stuck").count == 3)
    #expect(result.stderr.contains("timed out after 2 s"))
  }

  @Test(
    "the wait loop's last sleep ends at the deadline and one more check is made there (13.8)",
    arguments: [
      (6.0, 5.0, [0.0, 5, 6]), (5.0, 5.0, [0.0, 5]), (10.0, 5.0, [0.0, 5, 10]),
      (1.0, 5.0, [0.0, 1]), (0.0, 5.0, [0.0]),
    ])
  func waitLoopSchedule(timeout: Double, interval: Double, checks: [Double]) async throws {
    let loop = WaitLoop(
      clock: JumpingClock(), timeout: .seconds(timeout), interval: .seconds(interval))
    var seen: [Double] = []
    let result: Int? = try await loop.run { elapsed in
      seen.append(
        Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
      return nil
    }
    #expect(result == nil)
    #expect(seen == checks)
  }

  @Test("log lines are inert: a hostile message reaches the file as placeholders (13.1)")
  func logIsInert() throws {
    let path = NSTemporaryDirectory() + "rackwatch-log-\(UUID().uuidString).log"
    defer { try? FileManager.default.removeItem(atPath: path) }
    let handler = FileLogHandler(label: "test", level: .debug, sink: LogSink(path: path))
    let logger = Logger(label: "test", factory: { _ in handler })
    for text in HostileServer.corpus { logger.error("\(text)") }
    let written = try String(contentsOfFile: path, encoding: .utf8)
    #expect(written.split(separator: "\n").count == HostileServer.corpus.count)
    #expect(Self.isInert(written), "\(written.debugDescription)")
  }
}
