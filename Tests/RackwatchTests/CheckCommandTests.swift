import CloudSimulator
import Foundation
import Testing

/// `rackwatch check` against the simulator: the exit codes monitoring systems expect, the
/// problems named one a line, and a problem gone once it is fixed (issue 15).
@Suite("rackwatch check against the simulator")
struct CheckCommandTests {
  @Test(
    "nothing backed up exits 2 naming each; once a backup completes that one is no longer named")
  func neverBackedUp() async throws {
    let sim = try await CommandTests.simulator {
      $0.regions = ["DFW"]
      $0.backupsPerRegion = 0
      $0.snapshotsPerRegion = 0
      $0.instancesPerRegion = 3
      $0.volumesPerRegion = 2
      $0.inMotion = 0
      $0.failureRate = 0
      $0.hostileNames = false
      $0.speed = 100  // a 120 s backup takes 1.2 s
    }
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    let before = try await runner.run(["check"] + CommandTests.auth(sim))
    #expect(before.status == 2, "stdout: \(before.stdout) stderr: \(before.stderr)")
    let lines = before.stdout.split(separator: "\n").map(String.init)
    #expect(lines.first == "PROTECTION CRITICAL - 5 never backed up")
    #expect(
      lines.dropFirst().allSatisfy { $0.hasPrefix("CRITICAL ") && $0.hasSuffix("never backed up") })
    #expect(lines.count == 6)

    let json = try await runner.run(["check", "--format", "json"] + CommandTests.auth(sim))
    let document = try #require(
      try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    let items = try #require(document["items"] as? [[String: Any]])
    let instance = try #require(items.first { $0["kind"] as? String == "instance" })
    let id = try #require(instance["id"] as? String)
    let name = try #require(instance["name"] as? String)

    let token = try await SimulatorHTTP.token(sim)
    _ = try await SimulatorHTTP.createBackup(sim, token: token, instance: id)
    var after = try await runner.run(["check"] + CommandTests.auth(sim))
    for _ in 0..<40 where after.stdout.contains(" \(name) ") {
      try await Task.sleep(for: .milliseconds(100))  // the backup runs for 1.2 s
      after = try await runner.run(["check"] + CommandTests.auth(sim))
    }
    #expect(!after.stdout.contains("instance \(name) "), "stdout: \(after.stdout)")
    #expect(after.stdout.hasPrefix("PROTECTION CRITICAL - 4 never backed up, 1 protected"))
    let only = try await runner.run(["check", "--instance", name] + CommandTests.auth(sim))
    await sim.shutdown()
    #expect(only.status == 0)
    #expect(only.stdout == "PROTECTION OK - 1 protected\n")
  }

  @Test("an unreachable cloud is UNKNOWN, exit 3")
  func unreachable() async throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    let result = try await runner.run([
      "check", "--auth-url", "http://127.0.0.1:9/v2.0", "--username", "u", "--api-key", "k",
      "--region", "DFW",
    ])
    #expect(result.status == 3)
    #expect(result.stdout.hasPrefix("PROTECTION UNKNOWN - "))
  }
}
