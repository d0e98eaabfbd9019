import CloudSimulator
import Foundation
import Testing

/// The scriptable commands, run as the real binary against the simulator over HTTP.
@Suite("rackwatch list / show / wait / profiles against the simulator")
struct CommandTests {
  static func simulator(_ tweak: (inout SimulatorConfiguration) -> Void = { _ in }) async throws
    -> SimulatorServer
  {
    var config = SimulatorConfiguration()
    config.regions = ["DFW", "ORD"]
    config.backupsPerRegion = 25
    config.snapshotsPerRegion = 30
    config.hostileNames = true
    // Counts must not change under a slow run: the seeded delete in motion stays in motion.
    config.deleteDuration = 3600
    tweak(&config)
    return try await SimulatorServer.start(config)
  }

  static func auth(_ sim: SimulatorServer, region: String = "DFW") -> [String] {
    [
      "--auth-url", sim.identityV2URL, "--username", "demo", "--api-key", "demo", "--region",
      region,
    ]
  }

  static func json(_ text: String) throws -> [[String: Any]] {
    let value = try JSONSerialization.jsonObject(with: Data(text.utf8))
    return try #require(value as? [[String: Any]])
  }

  @Test("list snapshots --format json returns every snapshot with the documented keys")
  func listSnapshotsJSON() async throws {
    let sim = try await Self.simulator()
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    let result = try await runner.run(["list", "snapshots", "--format", "json"] + Self.auth(sim))
    await sim.shutdown()
    #expect(result.status == 0, "stderr: \(result.stderr)")
    let rows = try Self.json(result.stdout)
    #expect(rows.count == 30)
    let keys = Set(rows.first?.keys.map { $0 } ?? [])
    #expect(
      keys == [
        "id", "name", "status", "region", "volume_id", "size_gb", "progress", "created", "updated",
        "description", "metadata",
      ])
    #expect(rows.allSatisfy { $0["region"] as? String == "DFW" })
  }

  @Test("list backups --all-regions merges regions and filters by status")
  func listBackupsAllRegions() async throws {
    let sim = try await Self.simulator()
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    let all = try await runner.run(
      ["list", "backups", "--format", "json", "--all-regions"] + Self.auth(sim))
    let completed = try await runner.run(
      ["list", "backups", "--format", "json", "--all-regions", "--status", "completed"]
        + Self.auth(sim))
    await sim.shutdown()
    #expect(all.status == 0, "stderr: \(all.stderr)")
    let rows = try Self.json(all.stdout)
    #expect(rows.count == 50)
    #expect(Set(rows.compactMap { $0["region"] as? String }) == ["DFW", "ORD"])
    let done = try Self.json(completed.stdout)
    #expect(!done.isEmpty && done.count < rows.count)
    #expect(done.allSatisfy { $0["status"] as? String == "COMPLETED" })
  }

  @Test("table output never carries an escape sequence from the network")
  func tableIsTerminalSafe() async throws {
    let sim = try await Self.simulator()
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    let result = try await runner.run(["list", "snapshots"] + Self.auth(sim))
    await sim.shutdown()
    #expect(result.status == 0, "stderr: \(result.stderr)")
    #expect(result.stdout.contains("NAME"))
    #expect(!result.stdout.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x0D })
    #expect(!result.stdout.unicodeScalars.contains { (0x202A...0x202E).contains($0.value) })
  }

  @Test("csv has a header and quoted fields")
  func csv() async throws {
    let sim = try await Self.simulator()
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    let result = try await runner.run(["list", "volumes", "--format", "csv"] + Self.auth(sim))
    let bare = try await runner.run(
      ["list", "volumes", "--format", "csv", "--no-header"] + Self.auth(sim))
    await sim.shutdown()
    #expect(result.status == 0, "stderr: \(result.stderr)")
    #expect(result.stdout.hasPrefix("id,name,status,region,size_gb"))
    #expect(!bare.stdout.hasPrefix("id,"))
  }

  @Test("show snapshot prints every field; an unknown ID exits 4")
  func show() async throws {
    let sim = try await Self.simulator()
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    let list = try await runner.run(["list", "snapshots", "--format", "json"] + Self.auth(sim))
    let id = try #require(try Self.json(list.stdout).first?["id"] as? String)
    let shown = try await runner.run(["show", "snapshot", id, "--format", "json"] + Self.auth(sim))
    let missing = try await runner.run(
      ["show", "snapshot", "00000000-0000-0000-0000-000000000000"] + Self.auth(sim))
    await sim.shutdown()
    #expect(shown.status == 0, "stderr: \(shown.stderr)")
    #expect(try Self.json(shown.stdout).first?["id"] as? String == id)
    #expect(missing.status == 4)
    #expect(missing.stderr.contains("failed"))
  }

  @Test("wrong credentials exit 3 with one clear line and no secret")
  func badCredentials() async throws {
    let sim = try await Self.simulator()
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    let result = try await runner.run([
      "list", "backups", "--auth-url", sim.identityV2URL, "--username", "demo", "--api-key",
      "wrong-key-do-not-print",
    ])
    await sim.shutdown()
    #expect(result.status == 3)
    #expect(!result.stderr.contains("wrong-key-do-not-print"))
    #expect(!result.stderr.contains("Fatal error"))
    let logPath = runner.home + "/.local/state/rackwatch/rackwatch.log"
    let log = (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? ""
    #expect(!log.contains("wrong-key-do-not-print"))
  }

  @Test("a usage error exits 2")
  func usage() async throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    #expect(try await runner.run(["list", "gizmos"]).status == 2)
    #expect(try await runner.run(["wait", "backup"]).status == 2)
  }

  @Test("no credentials anywhere shows the three ways and --demo")
  func noCredentials() async throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    let result = try await runner.run(["list", "backups"])
    #expect(result.status == 3)
    #expect(result.stderr.contains("--demo"))
    #expect(result.stderr.contains("clouds.yaml"))
    #expect(result.stderr.contains("RS_API_KEY"))
  }

  @Test("wait backup follows a new backup to COMPLETED and exits 0")
  func waitCompletes() async throws {
    let sim = try await Self.simulator {
      $0.speed = 200; $0.failureRate = 0; $0.backupDuration = 60
    }
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    let instances = try await runner.run(
      ["list", "instances", "--format", "json", "--status", "active"] + Self.auth(sim))
    let instanceID = try #require(try Self.json(instances.stdout).first?["id"] as? String)
    let token = try await SimulatorHTTP.token(sim)
    let backupID = try await SimulatorHTTP.createBackup(sim, token: token, instance: instanceID)
    let waited = try await runner.run(
      ["wait", "backup", backupID, "--interval", "0.1", "--timeout", "60s"] + Self.auth(sim))
    await sim.shutdown()
    #expect(waited.status == 0, "stderr: \(waited.stderr)")
    #expect(waited.stderr.contains("COMPLETED"))
  }

  @Test("wait gives up with exit 5 at its timeout")
  func waitTimesOut() async throws {
    let sim = try await Self.simulator {
      $0.speed = 0.001; $0.failureRate = 0
    }
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    let instances = try await runner.run(
      ["list", "instances", "--format", "json", "--status", "active"] + Self.auth(sim))
    let instanceID = try #require(try Self.json(instances.stdout).first?["id"] as? String)
    let token = try await SimulatorHTTP.token(sim)
    let backupID = try await SimulatorHTTP.createBackup(sim, token: token, instance: instanceID)
    let waited = try await runner.run(
      ["wait", "backup", backupID, "--interval", "0.1", "--timeout", "0.5"] + Self.auth(sim))
    await sim.shutdown()
    #expect(waited.status == 5)
    #expect(waited.stderr.contains("timed out"))
  }

  @Test("profiles lists sources with secrets masked")
  func profiles() async throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    let dir = runner.home + "/.config/rackwatch"
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    try sampleConfig.write(toFile: dir + "/config.yaml", atomically: true, encoding: .utf8)
    try FileManager.default.setAttributes(
      [.posixPermissions: 0o644], ofItemAtPath: dir + "/config.yaml")
    let result = try await runner.run(
      ["profiles"], environment: ["RS_USERNAME": "x", "RS_API_KEY": "env-secret-key-1"])
    #expect(result.status == 0)
    #expect(result.stdout.contains("prod"))
    #expect(result.stdout.contains("lab"))
    #expect(result.stdout.contains("environment"))
    #expect(!result.stdout.contains("0123456789abcdef"))
    #expect(!result.stdout.contains("env-secret-key-1"))
    #expect(result.stderr.contains("chmod 600"))
  }

  @Test("--version prints the version")
  func version() async throws {
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    let result = try await runner.run(["--version"])
    #expect(result.status == 0)
    #expect(
      result.stdout.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ".").count == 3
    )
  }
}
