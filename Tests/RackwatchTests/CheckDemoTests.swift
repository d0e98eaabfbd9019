import CloudSimulator
import Foundation
import Testing

/// `rackwatch check` against the demo's protection mix (issue 15): it exits 2 and names
/// exactly the seeded problems; once the missing backup is taken, that one is gone.
@Suite("rackwatch check against the demo data")
struct CheckDemoTests {
  static let seededProblems = [
    "CRITICAL instance ledger-db (DFW): last job failed",
    "CRITICAL instance payroll-db (DFW): never backed up",
    "CRITICAL instance reports-db (DFW): schedule missed",
    "WARNING orphan backup legacy-crm-db-final (DFW)",
  ]

  static func problems(_ stdout: String) -> [String] {
    stdout.split(separator: "\n").dropFirst().map(String.init).sorted()
  }

  @Test("exit 2, the seeded problems and nothing else; the missing backup taken, it is not named")
  func demoMix() async throws {
    let sim = try await CommandTests.simulator {
      $0.protectionMix = true
      $0.hostileNames = false
      $0.inMotion = 0
      $0.failureRate = 0
      $0.speed = 100  // a 120 s backup takes 1.2 s
    }
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    let auth = CommandTests.auth(sim).filter { $0 != "--region" && $0 != "DFW" }
    let before = try await runner.run(["check", "--all-regions"] + auth)
    #expect(before.status == 2, "stdout: \(before.stdout) stderr: \(before.stderr)")
    let lines = Self.problems(before.stdout)
    #expect(lines.count == Self.seededProblems.count, "stdout: \(before.stdout)")
    for (line, expected) in zip(lines, Self.seededProblems) {
      #expect(line.hasPrefix(expected), "\(line)")
    }
    #expect(
      before.stdout.hasPrefix(
        "PROTECTION CRITICAL - 1 never backed up, 1 last job failed, 1 schedule missed, "))
    #expect(before.stdout.split(separator: "\n")[0].hasSuffix(" protected, 1 orphan"))
    // The missed run is named with its time: 02:00 UTC.
    #expect(before.stdout.contains("no backup since the run due "))
    #expect(before.stdout.contains("T02:00:00Z"))

    let json = try await runner.run(["check", "--all-regions", "--format", "json"] + auth)
    let document = try #require(
      try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    let items = try #require(document["items"] as? [[String: Any]])
    let payroll = try #require(items.first { $0["name"] as? String == "payroll-db" })
    let id = try #require(payroll["id"] as? String)
    #expect((document["orphans"] as? [[String: Any]])?.count == 1)

    let token = try await SimulatorHTTP.token(sim)
    _ = try await SimulatorHTTP.createBackup(sim, token: token, instance: id)
    var after = try await runner.run(["check", "--all-regions"] + auth)
    for _ in 0..<40 where after.stdout.contains("payroll-db") {
      try await Task.sleep(for: .milliseconds(100))
      after = try await runner.run(["check", "--all-regions"] + auth)
    }
    await sim.shutdown()
    #expect(after.status == 2)
    #expect(!after.stdout.contains("payroll-db"), "stdout: \(after.stdout)")
    #expect(Self.problems(after.stdout).count == Self.seededProblems.count - 1)
  }

  @Test("profile thresholds: protection.backup in the config file is used by check")
  func profileThresholds() async throws {
    let sim = try await CommandTests.simulator {
      $0.regions = ["DFW"]
      $0.protectionMix = true
      $0.hostileNames = false
      $0.inMotion = 0
      $0.failureRate = 0
      $0.speed = 0
    }
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    let configDir = runner.home + "/.config/rackwatch"
    try FileManager.default.createDirectory(atPath: configDir, withIntermediateDirectories: true)
    // Every nightly backup is two to three hours old: with a two-hour threshold, all six age
    // (and the volumes' day-old snapshots stay protected under 8d).
    try """
    default_profile: demo
    profiles:
      demo:
        auth: apikey
        identity_url: \(sim.identityV2URL)
        username: demo
        api_key: demo
        regions: [DFW]
        protection: { backup: 2h, snapshot: 8d, grace: 1h }
    """.write(toFile: configDir + "/config.yaml", atomically: true, encoding: .utf8)
    try FileManager.default.setAttributes(
      [.posixPermissions: 0o600], ofItemAtPath: configDir + "/config.yaml")
    let result = try await runner.run(["check"])
    await sim.shutdown()
    #expect(result.status == 2, "stdout: \(result.stdout) stderr: \(result.stderr)")
    #expect(
      result.stdout.contains(", 6 ageing, 8 protected, 1 orphan\n"), "stdout: \(result.stdout)")
  }
}

extension CheckDemoTests {
  @Test("check --off-region: instances without a copy elsewhere are amber; copy backup fixes one")
  func offRegion() async throws {
    let sim = try await CommandTests.simulator {
      $0.regions = ["DFW", "ORD"]
      $0.protectionMix = true
      $0.hostileNames = false
      $0.inMotion = 0
      $0.failureRate = 0
      $0.speed = 100
    }
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    let auth = CommandTests.auth(sim).filter { $0 != "--region" && $0 != "DFW" }
    let before = try await runner.run(["check", "--all-regions", "--off-region"] + auth)
    #expect(before.stdout.contains("WARNING instance orders-db (DFW): no off-region copy"))
    let json = try await runner.run(
      ["list", "backups", "--format", "json"] + CommandTests.auth(sim))
    let orders = try #require(
      try CommandTests.json(json.stdout).filter {
        ($0["name"] as? String)?.hasPrefix("orders-db-nightly") == true
      }.first)
    let id = try #require(orders["id"] as? String)
    let copied = try await runner.run(
      ["copy", "backup", id, "--to", "ORD"] + CommandTests.auth(sim))
    #expect(copied.status == 0, "\(copied.stderr)")
    var after = before
    for _ in 0..<40 {
      after = try await runner.run(["check", "--all-regions", "--off-region"] + auth)
      if !after.stdout.contains("orders-db (DFW): no off-region copy") { break }
      try await Task.sleep(for: .milliseconds(100))
    }
    await sim.shutdown()
    #expect(!after.stdout.contains("orders-db (DFW): no off-region copy"), "\(after.stdout)")
  }
}
